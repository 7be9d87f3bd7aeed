using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Targets;

/// <summary>申请调整: a new draft version of approved targets.</summary>
public static partial class TargetWork
{
    /// <summary>申请调整: a new draft version of approved targets (only one open version at a time).</summary>
    public static async Task<PerformanceTarget?> AdjustAsync(JixiaoDbContext db, CurrentUser user, long id, string? reason, DateTime nowUtc,
        CancellationToken ct)
    {
        var target = await FindAsync(db, id, ct);
        if (target is null) return null;
        if (await db.Targets.AnyAsync(t => t.SubjectKey == target.SubjectKey && t.Version > target.Version, ct))
            throw new ConflictException($"已有第 {target.Version + 1} 版正在办理，请在该版本上继续。");
        var draft = target.Adjust(Actor(user, target.Subject, target.State, ReviewAction.Adjust), reason, nowUtc);
        db.Targets.Add(draft);
        await CommitAsync(db, ct);
        return draft;
    }
}
