using Jixiao.Domain;
using Jixiao.Domain.Audit;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Account;

/// <summary>Issues a bearer token for scripts after checking the password (with lockout, like the login page).</summary>
public static class IssueToken
{
    public sealed record Request(string UserName, string Password, string? Name, int? Days);
    public sealed record Issued(string Token, string Name, DateTime ExpiresAtUtc);

    public const int MaxDays = 365;

    public static async Task<Issued?> ForPasswordAsync(SystemDbContext db, SignInManager<AppUser> signIn, TimeProvider clock,
        Request request, CancellationToken ct)
    {
        var user = await signIn.UserManager.FindByNameAsync(request.UserName ?? "");
        if (user is null || !user.IsActive) return null;
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await db.RecordEventAsync(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.LoginFailed, user, user.UserName!, "API 令牌申请", ct);
            if (result.IsLockedOut)
                throw new DomainException("账号已被锁定（连续 5 次密码错误），请 15 分钟后再试或联系安全管理员解锁。", "密码");
            return null;
        }
        var issued = await ForUserAsync(db, clock, user, request.Name, request.Days, ct);
        await db.RecordEventAsync(AuditAction.TokenIssued, user, user.UserName!, $"API 令牌“{issued.Name}”，有效至 {issued.ExpiresAtUtc:yyyy-MM-dd}", ct);
        return issued;
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
