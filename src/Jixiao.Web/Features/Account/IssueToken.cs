using Jixiao.Domain;
using Jixiao.Domain.Audit;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Domain.Access;
using Microsoft.AspNetCore.Http.HttpResults;

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
        if (user is { TwoFactorEnabled: true, TotpSecret: { } secret })
        {
            if (!TwoFactor.Verify(secret, request.TotpCode, now))
            {
                await passwords.FailAsync(user, "API 令牌申请：动态口令错误", ct);
                return TypedResults.Problem("动态口令错误或未填写：本账号已启用双因素认证，请在 totpCode 中填写身份验证器当前显示的 6 位数字。",
                    statusCode: StatusCodes.Status401Unauthorized, title: "认证失败");
            }
        }
        else if (TwoFactor.IsRequired(user, settings))
            return TypedResults.Problem("本账号须使用动态口令（双因素认证）：请先在网页登录，按提示绑定身份验证器后再申请令牌。",
                statusCode: StatusCodes.Status403Forbidden, title: "需要双因素认证");
        var change = SignInRules.PasswordChange(user.PasswordSetByAdministrator, user.PasswordChangedAtUtc ?? user.CreatedAtUtc, now.UtcDateTime, settings.PasswordExpiryDays);
        if (change != PasswordChangeReason.None)
            return TypedResults.Problem($"{change.Label()}请先在网页登录修改密码，再申请令牌。", statusCode: StatusCodes.Status403Forbidden, title: "需要修改密码");

        var issued = await ForUserAsync(db, clock, user, request.Name, request.Days, ct);
        await db.RecordEventAsync(AuditAction.TokenIssued, user, user.UserName!, $"API 令牌“{issued.Name}”，有效至 {issued.ExpiresAtUtc:yyyy-MM-dd}", ct);
        return TypedResults.Ok(issued);
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
