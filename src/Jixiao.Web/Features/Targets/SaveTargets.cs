using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Targets;

/// <summary>保存: the filler's content of a version, checked against the region-year's frame and the library.</summary>
public static partial class TargetWork
{
    public static async Task<(PerformanceTarget Target, IReadOnlyList<QualityIssue> Issues)?> SaveAsync(JixiaoDbContext db, CurrentUser user,
        long id, TargetContent content, FormLimits limits, DateTime nowUtc, CancellationToken ct)
    {
        var target = await FindAsync(db, id, ct);
        if (target is null) return null;
        limits.Ensure(content.Indicators.Count, "绩效目标表");
        await EnsureLibraryReferencesAsync(db, content, ct);
        var issues = target.Edit(EditorOf(user, target), content.OverallGoal, content.AnnualGoal, content.Indicators,
            await ContextAsync(db, target, ct), nowUtc);
        await CommitAsync(db, ct);
        return (target, issues);
    }
}
