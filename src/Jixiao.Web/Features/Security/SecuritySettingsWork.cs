using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Security;

public sealed record SecuritySettingsDto(string RegionCode, int PasswordExpiryDays, bool FinanceTwoFactor, DateTime? UpdatedAtUtc, string? UpdatedBy);

/// <summary>
/// The security administrator's settings for their region (password expiry, second factor for finance roles), and
/// the online reset of a non-administrator's second factor. An administrator's second factor is reset only on the
/// server (CLI <c>users reset-2fa</c>): no online account resets a power of the three administrators.
/// </summary>
public static class SecuritySettingsWork
{
    public sealed record Command(int PasswordExpiryDays, bool FinanceTwoFactor);

    public static async Task<SecuritySettingsDto> ReadAsync(JixiaoDbContext db, CurrentUser current, CancellationToken ct)
    {
        var region = current.RegionCode ?? "";
        var saved = await db.SecuritySettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == region, ct);
        return saved is null
            ? new SecuritySettingsDto(region, SignInRules.DefaultPasswordExpiryDays, false, null, null)
            : new SecuritySettingsDto(region, saved.PasswordExpiryDays, saved.FinanceTwoFactor, saved.UpdatedAtUtc, saved.UpdatedBy);
    }

    public static async Task SaveAsync(JixiaoDbContext db, CurrentUser current, TimeProvider clock, Command command, CancellationToken ct)
    {
        SignInRules.EnsureValidExpiry(command.PasswordExpiryDays);
        var region = current.RegionCode ?? "";
        var setting = await db.SecuritySettings.SingleOrDefaultAsync(s => s.RegionCode == region, ct);
        if (setting is null) db.SecuritySettings.Add(setting = new SecuritySetting { RegionCode = region });
        setting.PasswordExpiryDays = command.PasswordExpiryDays;
        setting.FinanceTwoFactor = command.FinanceTwoFactor;
        setting.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        setting.UpdatedBy = current.UserName;
        await db.SaveChangesAsync(ct);
    }

    /// <returns>false when the user is not in the security administrator's scope (404)</returns>
    public static async Task<bool> ResetTwoFactorAsync(JixiaoDbContext db, CurrentUser current, long userId, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return false;
        if (user.Roles.Any(r => Roles.Administrators.Contains(r.Role)))
            throw new ConflictException(
                $"“{user.UserName}”是{string.Join("、", user.Roles.Select(r => r.Role.Label()))}：三员分立，管理员的动态口令不能在线重置，请由运维人员在服务器上执行 users reset-2fa --user {user.UserName}（记入审计日志）。");
        if (!user.TwoFactorEnabled)
            throw new ConflictException($"“{user.UserName}”没有启用动态口令，无需重置。");
        await TwoFactor.ResetAsync(db, user, $"安全管理员 {current.UserName} ", ct);
        return true;
    }

    public static RouteGroupBuilder MapSecuritySettingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/security").WithTags("安全管理").RequireAuthorization(Policies.For(Role.SecurityAdmin));
        group.MapGet("/settings", async Task<Ok<SecuritySettingsDto>> (JixiaoDbContext db, CurrentUser current, CancellationToken ct) =>
                TypedResults.Ok(await ReadAsync(db, current, ct)))
            .WithName("GetSecuritySettings")
            .WithSummary("本区划的密码有效期与财政人员双因素认证设置");
        group.MapPut("/settings", SetSecuritySettings)
            .WithName(nameof(SetSecuritySettings))
            .WithSummary("修改设置：密码有效期 0（不过期）或 30–365 天；财政业务股室和绩效股是否须用动态口令");
        group.MapPost("/users/{id:long}/reset-2fa", async Task<Results<NoContent, NotFound>> (long id, JixiaoDbContext db, CurrentUser current, CancellationToken ct) =>
                await ResetTwoFactorAsync(db, current, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("ResetTwoFactor")
            .WithSummary("重置非管理员用户的动态口令（手机丢失时；该用户的会话和令牌随之失效）");
        return api;
    }

    private static async Task<NoContent> SetSecuritySettings(Command command, JixiaoDbContext db, CurrentUser current, TimeProvider clock, CancellationToken ct)
    {
        await SaveAsync(db, current, clock, command, ct);
        return TypedResults.NoContent();
    }
}
