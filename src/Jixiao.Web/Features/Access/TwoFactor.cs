using Jixiao.Web.Features.Audit;
using System.Security.Cryptography;
using System.Text;
using Jixiao.Domain.Audit;
using OtpNet;

namespace Jixiao.Web.Features.Access;

/// <summary>
/// The second factor: authenticator-app codes (TOTP, RFC 6238: 6 digits, 30 seconds, SHA-1, as every app expects),
/// read against the app's <see cref="TimeProvider"/>, and one-time recovery codes stored as hashes.
/// </summary>
public static class TwoFactor
{
    /// <summary>The demo administrators' secret (printed with the demo accounts, so a person can add it to an app).</summary>
    public const string DemoSecret = "JIXIAODEMOTOTPSECRETJIXIAO234567";
    public const string Issuer = "Jixiao";
    public const int RecoveryCodeCount = 10;

    /// <summary>A code one step either side is accepted (clocks of phones drift; RFC 6238 §5.2).</summary>
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public static string NewSecret() => Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));

    public static string CodeAt(string secret, DateTimeOffset time) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(time.UtcDateTime);

    public static bool Verify(string secret, string? code, DateTimeOffset now)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 6 && new Totp(Base32Encoding.ToBytes(secret)).VerifyTotp(now.UtcDateTime, digits, out _, Window);
    }

    /// <summary>What an authenticator app reads from a QR code, or from this text pasted in.</summary>
    public static string OtpAuthUri(string secret, string userName) =>
        $"otpauth://totp/{Uri.EscapeDataString($"{Issuer}:{userName}")}?secret={secret}&issuer={Issuer}&algorithm=SHA1&digits=6&period=30";

    /// <summary>The secret in groups of four, as people type it into an app.</summary>
    public static string Grouped(string secret) => string.Join(' ', secret.Chunk(4).Select(c => new string(c)));

    public static bool IsRequired(AppUser user, SecuritySetting settings) =>
        SignInRules.TwoFactorRequired(user.Roles.Select(r => r.Role), settings.FinanceTwoFactor);

    /// <summary>Turns the second factor on with <paramref name="secret"/> and returns new recovery codes (shown once).</summary>
    public static async Task<IReadOnlyList<string>> EnrolAsync(JixiaoDbContext db, AppUser user, string secret, DateTime nowUtc, CancellationToken ct)
    {
        user.TotpSecret = secret;
        user.TwoFactorEnabled = true;
        var codes = await ReplaceRecoveryCodesAsync(db, user, nowUtc, ct);
        await db.RecordEventAsync(AuditAction.TotpEnrolled, user, user.UserName!, $"绑定动态口令，生成 {codes.Count} 个恢复码", ct);
        return codes;
    }

    public static async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(JixiaoDbContext db, AppUser user, DateTime nowUtc, CancellationToken ct)
    {
        await db.RecoveryCodes.IgnoreQueryFilters().Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        db.RecoveryCodes.AddRange(codes.Select(c => new RecoveryCode { UserId = user.Id, RegionCode = user.RegionCode, CodeHash = HashOf(c), CreatedAtUtc = nowUtc }));
        await db.SaveChangesAsync(ct);
        return codes;
    }

    /// <returns>true when the code was one of the user's unused recovery codes; it is used up</returns>
    public static async Task<bool> UseRecoveryCodeAsync(JixiaoDbContext db, AppUser user, string? code, DateTime nowUtc, CancellationToken ct)
    {
        var hash = HashOf(code ?? "");
        var found = await db.RecoveryCodes.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.UserId == user.Id && c.CodeHash == hash && c.UsedAtUtc == null, ct);
        if (found is null) return false;
        found.UsedAtUtc = nowUtc;
        await db.SaveChangesAsync(ct);
        var left = await db.RecoveryCodes.IgnoreQueryFilters().CountAsync(c => c.UserId == user.Id && c.UsedAtUtc == null, ct);
        await db.RecordEventAsync(AuditAction.RecoveryCodeUsed, user, user.UserName!, $"使用一个恢复码登录，剩余 {left} 个", ct);
        return true;
    }

    /// <summary>Removes the second factor (lost phone): the user enrols again at the next sign-in where it is required.
    /// The new security stamp ends the user's sessions and tokens.</summary>
    public static async Task ResetAsync(JixiaoDbContext db, AppUser user, string by, CancellationToken ct)
    {
        user.TotpSecret = null;
        user.TwoFactorEnabled = false;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.RecoveryCodes.IgnoreQueryFilters().Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.RecordEventAsync(AuditAction.TotpReset, user, user.UserName!, $"{by}重置了动态口令", ct);
    }

    private static string NewRecoveryCode()
    {
        var text = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();
        return $"{text[..4]}-{text[4..8]}";
    }

    private static string HashOf(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(new string(code.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant())));
}

/// <summary>The region's security settings, or the defaults where the security administrator has saved none.</summary>
public static class SecuritySettings
{
    public static async Task<SecuritySetting> ForRegionAsync(JixiaoDbContext db, string regionCode, CancellationToken ct) =>
        await db.SecuritySettings.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == regionCode, ct)
        ?? new SecuritySetting { RegionCode = regionCode };
}
