using Jixiao.Web.Features.Audit;
using Jixiao.Domain.Audit;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Access;

/// <summary>What really happened to a sign-in attempt: the audit trail says it, the caller never does.</summary>
public enum SignInFailure
{
    [Label("登录成功")]
    None = 0,
    [Label("用户不存在")]
    UnknownUser,
    [Label("账号已停用")]
    Disabled,
    [Label("账号锁定期间尝试登录")]
    LockedOut,
    [Label("密码错误")]
    WrongPassword,
}

/// <summary>
/// Checks a user name and password for the login page and the token endpoint. Every outcome costs one password hash
/// verification (an unknown, disabled or locked user is verified against a dummy hash), so neither the answer nor
/// its time tells whether the account exists. Failures count towards lockout, which stops password sign-in only.
/// </summary>
public sealed class PasswordSignIn(SystemDbContext db, IPasswordHasher<AppUser> hasher, ILookupNormalizer normalizer, TimeProvider clock)
{
    /// <summary>The one answer for an unknown user, a wrong password, a locked or a disabled account.</summary>
    public const string GenericFailure =
        "用户名或密码错误，或账号已被临时锁定。连续 5 次错误将锁定 15 分钟，如需帮助请联系安全管理员。";

    /// <summary>No account has a longer name (用户名 is 3–64 characters); a longer one is unknown without a lookup.</summary>
    public const int MaxUserNameLength = 64;

    /// <summary>The name as tried, cut to one character past the longest real name: enough to tell it in the audit trail,
    /// and no column or rate-limit partition holds 100,000 characters someone posted.</summary>
    public static string Shortened(string? userName)
    {
        var name = (userName ?? "").Trim();
        return name.Length > MaxUserNameLength ? name[..(MaxUserNameLength + 1)] : name;
    }

    private static readonly Lock DummyLock = new();
    private static string? _dummyHash;

    public sealed record Outcome(AppUser? User, SignInFailure Failure)
    {
        public bool Succeeded => Failure == SignInFailure.None;
    }

    /// <param name="channel">where the attempt came from, for the audit record ("网页登录", "API 令牌申请")</param>
    public async Task<Outcome> CheckAsync(string? userName, string? password, string channel, CancellationToken ct)
    {
        var name = Shortened(userName);
        var normalized = normalizer.NormalizeName(name);
        var user = name.Length is 0 or > MaxUserNameLength ? null : await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var failure = user is null ? SignInFailure.UnknownUser
            : !user.IsActive ? SignInFailure.Disabled
            : user.LockoutEnd is { } end && end.UtcDateTime > now ? SignInFailure.LockedOut
            : SignInFailure.None;
        if (failure != SignInFailure.None)
        {
            hasher.VerifyHashedPassword(new AppUser(), DummyHash(), password ?? "");
            await db.RecordEventAsync(AuditAction.LoginFailed, user, user?.UserName ?? name, $"{channel}：{failure.Label()}", ct);
            return new Outcome(null, failure);
        }

        var verified = user!.PasswordHash is { Length: > 0 } hash
            && hasher.VerifyHashedPassword(user, hash, password ?? "") != PasswordVerificationResult.Failed;
        if (!verified)
        {
            await FailAsync(user, $"{channel}：{SignInFailure.WrongPassword.Label()}", ct);
            return new Outcome(null, SignInFailure.WrongPassword);
        }
        if (user.AccessFailedCount != 0)
        {
            user.AccessFailedCount = 0;
            await db.SaveChangesAsync(ct);
        }
        return new Outcome(user, SignInFailure.None);
    }

    /// <summary>Counts a failed factor (password, authenticator code) and locks the account at the limit.</summary>
    public async Task FailAsync(AppUser user, string detail, CancellationToken ct)
    {
        user.AccessFailedCount++;
        var locked = user.AccessFailedCount >= AuthSetup.MaxFailedAttempts;
        if (locked)
        {
            user.LockoutEnd = clock.GetUtcNow().Add(AuthSetup.LockoutDuration);
            user.AccessFailedCount = 0;
        }
        await db.SaveChangesAsync(ct);
        await db.RecordEventAsync(locked ? AuditAction.LockedOut : AuditAction.LoginFailed, user, user.UserName!,
            locked ? $"{detail}，连续 {AuthSetup.MaxFailedAttempts} 次错误，账号锁定 {AuthSetup.LockoutDuration.TotalMinutes:0} 分钟" : detail, ct);
    }

    /// <summary>A hash of a password nobody knows, made by the configured hasher so that verifying it costs the same.</summary>
    private string DummyHash()
    {
        lock (DummyLock)
            return _dummyHash ??= hasher.HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
    }
}
