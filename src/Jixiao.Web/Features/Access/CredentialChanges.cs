using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Jixiao.Web.Features.Access;

/// <summary>
/// What every save does when a user's credentials change, whichever page, endpoint or CLI verb changed them: a new
/// password is dated and the old hash kept in the history; a new security stamp (password set, roles or organisation
/// changed, account disabled, second factor reset) ends every session and revokes every API token of the user, with
/// the reason, in the same transaction.
/// </summary>
public sealed class CredentialChanges
{
    private readonly List<(long UserId, string Reason)> _ended = [];

    public bool EndsSessions => _ended.Count > 0;

    /// <summary>Call before the save: dates passwords, adds history rows and remembers whose sessions end.</summary>
    public static CredentialChanges Collect(JixiaoDbContext db, DateTime nowUtc)
    {
        var changes = new CredentialChanges();
        foreach (var entry in db.ChangeTracker.Entries<AppUser>().ToList())
        {
            var user = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                user.PasswordChangedAtUtc = nowUtc;
                continue;
            }
            if (entry.State != EntityState.Modified) continue;
            var password = entry.Property(u => u.PasswordHash);
            var passwordChanged = password.IsModified && password.OriginalValue != password.CurrentValue;
            if (passwordChanged)
            {
                user.PasswordChangedAtUtc = nowUtc;
                if (password.OriginalValue is { Length: > 0 } old)
                    db.PasswordHistory.Add(new PasswordHistoryEntry { UserId = user.Id, RegionCode = user.RegionCode, PasswordHash = old, ReplacedAtUtc = nowUtc });
            }
            var stamp = entry.Property(u => u.SecurityStamp);
            if (stamp.IsModified && stamp.OriginalValue != stamp.CurrentValue)
                changes._ended.Add((user.Id, ReasonFor(entry, passwordChanged)));
        }
        return changes;
    }

    private static string ReasonFor(EntityEntry<AppUser> entry, bool passwordChanged)
    {
        if (passwordChanged) return entry.Entity.PasswordSetByAdministrator ? "管理员重置了密码" : "用户修改了密码";
        if (entry.Property(u => u.IsActive) is { IsModified: true, CurrentValue: false }) return "账号已停用";
        if (entry.Property(u => u.TotpSecret).IsModified) return "动态口令已重置";
        return "角色或所属机构已变更";
    }

    /// <summary>Call after the save, inside its transaction.</summary>
    public async Task ApplyAsync(JixiaoDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        foreach (var (userId, reason) in _ended)
            await UserSessions.EndAllAsync(db, userId, reason, nowUtc, ct);
    }
}
