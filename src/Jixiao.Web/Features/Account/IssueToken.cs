using Jixiao.Web.Features.Audit;
using Jixiao.Domain.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Account;

/// <summary>Issues a bearer token for scripts after checking the password (with lockout and throttling, like the login page).</summary>
public static class IssueToken
{
    public sealed record Request(string UserName, string Password, string? Name, int? Days, string? TotpCode);
    public sealed record Issued(string Token, string Name, DateTime ExpiresAtUtc);

    public const int MaxDays = 365;

    /// <summary>Password (throttled, one answer for every failure), then the second factor where the account has or needs
    /// one, then a password the user must change; only then a token.</summary>
    public static async Task<Results<Ok<Issued>, ProblemHttpResult>> ForPasswordAsync(HttpContext http, SystemDbContext db,
        PasswordSignIn passwords, SignInThrottle throttle, TimeProvider clock, Request request, CancellationToken ct)
    {
        if (!throttle.TryAcquire(http, request.UserName))
            return TypedResults.Problem(SignInThrottle.Refused, statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁");
        var outcome = await passwords.CheckAsync(request.UserName, request.Password, "API 令牌申请", ct);
        if (outcome.User is not { } user)
            return TypedResults.Problem(PasswordSignIn.GenericFailure, statusCode: StatusCodes.Status401Unauthorized, title: "认证失败");
        var now = clock.GetUtcNow();
        var settings = await SecuritySettings.ForRegionAsync(db, user.RegionCode, ct);
        if (await SecondFactorAsync(passwords, user, settings, request.TotpCode, now, "API 令牌申请", ct) is { } refused)
            return refused;
        var change = SignInRules.PasswordChange(user.PasswordSetByAdministrator, user.PasswordChangedAtUtc ?? user.CreatedAtUtc, now.UtcDateTime, settings.PasswordExpiryDays);
        if (change != PasswordChangeReason.None)
            return TypedResults.Problem($"{change.Label()}请先在网页登录修改密码，再申请令牌。", statusCode: StatusCodes.Status403Forbidden, title: "需要修改密码");

        var issued = await ForUserAsync(db, clock, user, request.Name, request.Days, ct);
        await db.RecordEventAsync(AuditAction.TokenIssued, user, user.UserName!, $"API 令牌“{issued.Name}”，有效至 {issued.ExpiresAtUtc:yyyy-MM-dd}", ct);
        return TypedResults.Ok(issued);
    }

    public sealed record PasswordRequest(string UserName, string Password, string NewPassword, string? TotpCode);

    /// <summary>For scripts and accounts that must change their password (set by an administrator, expired) before a token.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(HttpContext http, SystemDbContext db,
        PasswordSignIn passwords, SignInThrottle throttle, TimeProvider clock, IPasswordHasher<AppUser> hasher, PasswordRequest request,
        CancellationToken ct)
    {
        if (!throttle.TryAcquire(http, request.UserName))
            return TypedResults.Problem(SignInThrottle.Refused, statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁");
        var outcome = await passwords.CheckAsync(request.UserName, request.Password, "修改密码", ct);
        if (outcome.User is not { } user)
            return TypedResults.Problem(PasswordSignIn.GenericFailure, statusCode: StatusCodes.Status401Unauthorized, title: "认证失败");
        var settings = await SecuritySettings.ForRegionAsync(db, user.RegionCode, ct);
        if (await SecondFactorAsync(passwords, user, settings, request.TotpCode, clock.GetUtcNow(), "修改密码", ct) is { } refused)
            return refused;
        await PasswordChange.ChangeAsync(db, hasher, user, request.NewPassword, request.NewPassword, ct);
        return TypedResults.NoContent();
    }

    /// <returns>the refusal, or null when the account has no second factor to check or the code is right</returns>
    private static async Task<ProblemHttpResult?> SecondFactorAsync(PasswordSignIn passwords, AppUser user, SecuritySetting settings, string? code,
        DateTimeOffset now, string channel, CancellationToken ct)
    {
        if (user is { TwoFactorEnabled: true, TotpSecret: { } secret })
        {
            if (TwoFactor.Verify(secret, code, now)) return null;
            await passwords.FailAsync(user, $"{channel}：动态口令错误", ct);
            return TypedResults.Problem("动态口令错误或未填写：本账号已启用双因素认证，请在 totpCode 中填写身份验证器当前显示的 6 位数字。",
                statusCode: StatusCodes.Status401Unauthorized, title: "认证失败");
        }
        return TwoFactor.IsRequired(user, settings)
            ? TypedResults.Problem("本账号须使用动态口令（双因素认证）：请先在网页登录，按提示绑定身份验证器。",
                statusCode: StatusCodes.Status403Forbidden, title: "需要双因素认证")
            : null;
    }

    public static async Task<Issued> ForUserAsync(JixiaoDbContext db, TimeProvider clock, AppUser user, string? name, int? days, CancellationToken ct)
    {
        var lifetime = days ?? 90;
        if (lifetime is < 1 or > MaxDays)
            throw new DomainException($"有效天数应在 1–{MaxDays} 之间。", "有效天数");
        var label = string.IsNullOrWhiteSpace(name) ? "脚本令牌" : name.Trim();
        if (label.Length > 50) throw new DomainException("令牌名称不超过 50 个字。", "名称");
        var now = clock.GetUtcNow().UtcDateTime;
        var token = ApiTokenHandler.NewToken();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            RegionCode = user.RegionCode,
            Name = label,
            Prefix = token[..10],
            TokenHash = ApiTokenHandler.HashOf(token),
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(lifetime),
        });
        await db.SaveChangesAsync(ct);
        return new Issued(token, label, now.AddDays(lifetime));
    }
}
