using Jixiao.Web.Features.Audit;
using Jixiao.Domain.Audit;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Access;

/// <summary>A user sets their own password: the policy, not one of the last five, and then every session and token of
/// theirs ends (<see cref="CredentialChanges"/>).</summary>
public static class PasswordChange
{
    public static async Task ChangeAsync(SystemDbContext db, IPasswordHasher<AppUser> hasher, AppUser user, string? newPassword, string? confirmation,
        CancellationToken ct)
    {
        var problems = PasswordPolicy.Check(newPassword, user.UserName);
        if (problems.Count > 0) throw new DomainException(string.Join("", problems), "新密码");
        if (newPassword != confirmation) throw new DomainException("两次输入的新密码不一致，请重新输入。", "确认新密码");
        if (await IsRecentAsync(db, hasher, user, newPassword!, ct))
            throw new DomainException($"新密码不能与最近 {PasswordPolicy.HistoryDepth} 次使用过的密码相同，请换一个。", "新密码");
        user.PasswordHash = hasher.HashPassword(user, newPassword!);
        user.PasswordSetByAdministrator = false;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        await db.RecordEventAsync(AuditAction.PasswordChanged, user, user.UserName!, "用户修改了自己的密码", ct);
    }

    private static async Task<bool> IsRecentAsync(SystemDbContext db, IPasswordHasher<AppUser> hasher, AppUser user, string password, CancellationToken ct)
    {
        var earlier = await db.PasswordHistory.Where(h => h.UserId == user.Id).OrderByDescending(h => h.ReplacedAtUtc).ThenByDescending(h => h.Id)
            .Take(PasswordPolicy.HistoryDepth - 1).Select(h => h.PasswordHash).ToListAsync(ct);
        return new[] { user.PasswordHash }.Concat(earlier).OfType<string>()
            .Any(hash => hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed);
    }
}
