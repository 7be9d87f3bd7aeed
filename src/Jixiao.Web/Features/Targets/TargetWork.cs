using Jixiao.Domain.Budget;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Targets;

/// <summary>What a form sends: goals and indicator rows.</summary>
public sealed record TargetContent(string? OverallGoal, string? AnnualGoal, IReadOnlyList<TargetIndicatorInput> Indicators);

/// <summary>Where a new set of project targets starts from.</summary>
public enum TargetStart
{
    [Label("空白（从指标库引用）")]
    Blank = 1,
    [Label("上年已批复目标（即填即用）")]
    LastYear = 2,
    /// <summary>The goals and indicators the project's ex-ante application proposed (the 绩效目标合理性 dimension reviewed them).</summary>
    [Label("事前评估申报的目标")]
    ExAnte = 3,
}

/// <summary>
/// The target handlers shared by the pages and the API. Every read goes through the scoped context, so a
/// target outside the user's units, departments or funded departments is simply not found; the acting role
/// is the one of the user's roles that the review chain allows for the step.
/// </summary>
public static partial class TargetWork
{
    public static Task<PerformanceTarget?> FindAsync(JixiaoDbContext db, long id, CancellationToken ct) =>
        db.Targets.Include(t => t.Indicators).Include(t => t.Steps).SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>The frame of the region-year (national when none was chosen), the project's end and last year's values.</summary>
    /// <param name="project">the target's project if the caller has it already</param>
    /// <param name="frame">the region-year's frame if the caller has it already (an import checks many targets)</param>
    public static async Task<TargetCheckContext> ContextAsync(JixiaoDbContext db, PerformanceTarget target, CancellationToken ct,
        Project? project = null, IndicatorFrame? frame = null)
    {
        frame ??= await FrameAsync(db, target.RegionCode, target.FiscalYear, ct);
        if (target.ProjectId is not { } projectId) return new TargetCheckContext(frame, target.FiscalYear);
        project ??= await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId, ct);
        var lastYear = await LastYearApprovedAsync(db, project, ct);
        var values = lastYear?.Indicators
            .Select(i => (i.Name, Value: i.Parse(lastYear.FiscalYear).Value?.Number))
            .Where(x => x.Value is not null)
            .DistinctBy(x => x.Name)
            .ToDictionary(x => x.Name, x => x.Value!.Value);
        return new TargetCheckContext(frame, target.FiscalYear, project.EndYear, values);
    }

    public static async Task<IndicatorFrame> FrameAsync(JixiaoDbContext db, string regionCode, int year, CancellationToken ct) =>
        (await FramesAsync(db, [regionCode], year, ct))[regionCode];

    /// <summary>The frame of each region-year the data at hand is in (national where none was chosen), by region code.</summary>
    public static async Task<IReadOnlyDictionary<string, IndicatorFrame>> FramesAsync(JixiaoDbContext db, IEnumerable<string> regionCodes, int year,
        CancellationToken ct)
    {
        var codes = regionCodes.Distinct().ToList();
        var chosen = await db.FrameSettings.AsNoTracking().Where(f => codes.Contains(f.RegionCode) && f.FiscalYear == year)
            .ToDictionaryAsync(f => f.RegionCode, f => f.Frame, ct);
        return codes.ToDictionary(c => c, c => chosen.GetValueOrDefault(c) ?? IndicatorFrame.National);
    }

    /// <summary>Last year's approved targets of the same project code (a recurring project keeps its code).</summary>
    private static async Task<PerformanceTarget?> LastYearApprovedAsync(JixiaoDbContext db, Project project, CancellationToken ct)
    {
        if (project.Recurrence != Recurrence.Recurring) return null;
        return await db.Targets.AsNoTracking().Include(t => t.Indicators)
            .Where(t => t.State == TargetState.Approved && t.Subject == TargetSubject.Project && t.FiscalYear == project.FiscalYear - 1)
            .Join(db.Projects.Where(p => p.RegionCode == project.RegionCode && p.FiscalYear == project.FiscalYear - 1 && p.Code == project.Code),
                t => t.ProjectId, p => p.Id, (t, _) => t)
            .FirstOrDefaultAsync(ct);
    }

    public static ReviewActor Actor(CurrentUser user, TargetSubject subject, TargetState state, ReviewAction action) =>
        ActingRole.Pick(user, r => ReviewChains.Targets.Allows(subject, state, action, r), action.Label() + subject.Label());

    /// <summary>The user's role that may edit the version.</summary>
    internal static ReviewActor EditorOf(CurrentUser user, PerformanceTarget target) =>
        ActingRole.Pick(user, r => ReviewChains.Targets.CanEdit(target.Subject, target.State, r), "修改" + target.Subject.Label());

    private static async Task EnsureLibraryReferencesAsync(JixiaoDbContext db, TargetContent content, CancellationToken ct)
    {
        var ids = content.Indicators.Select(i => i.LibraryEntryId).OfType<long>().Distinct().ToList();
        if (ids.Count == 0) return;
        var known = await db.Library.Where(e => ids.Contains(e.Id) && e.Status == Domain.Indicators.LibraryEntryStatus.Active).Select(e => e.Id).ToListAsync(ct);
        var missing = ids.Except(known).ToList();
        if (missing.Count > 0)
            throw new DomainException($"引用的指标库条目 {string.Join("、", missing)} 不存在或未启用，请重新从指标库选择。", "指标库");
    }

    /// <summary>Saves, turning a lost race (another save of the same version, a second version 1) into a 409.</summary>
    private const string Changed = "该目标刚被他人修改或审核，请刷新后再操作。";

    internal static readonly SaveConflicts Conflicts = new(Changed, new Dictionary<string, string>
    {
        ["PK_TargetReviewSteps"] = Changed,   // the step's number, taken by a reviewer who acted first
        ["IX_PerformanceTargets_SubjectKey_Version"] = "同一目标的同一版本已被他人创建，请刷新后再操作。",
    });

    internal static Task CommitAsync(JixiaoDbContext db, CancellationToken ct) => Conflicts.SaveAsync(db, ct);
}
