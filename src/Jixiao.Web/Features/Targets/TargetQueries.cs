using Jixiao.Domain.Budget;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Targets;

/// <summary>The boxes of the target inbox.</summary>
public enum InboxBox
{
    /// <summary>待办: waiting for me (to write, to submit, to review)</summary>
    [Label("待办")]
    Todo = 1,
    /// <summary>被退回: returned to me with a reason</summary>
    [Label("被退回")]
    Returned = 2,
    /// <summary>已办: I acted on it and it has moved on</summary>
    [Label("已办")]
    Done = 3,
    /// <summary>待填报: projects in the budget of my unit that have no targets yet</summary>
    [Label("待填报")]
    NotStarted = 4,
}

public sealed record InboxRow(long? TargetId, long? ProjectId, TargetSubject Subject, string Code, string Name, string OrgName,
    int Version, TargetState? State, DateTime? UpdatedAtUtc, string? LastOpinion, decimal AdjustedBudget);

public sealed record InboxPage(InboxBox Box, IReadOnlyList<InboxRow> Rows, int Total, int Page, int PageSize, IReadOnlyDictionary<InboxBox, int> Counts)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record VersionRow(long Id, int Version, TargetState State, DateTime UpdatedAtUtc, DateTime? ApprovedAtUtc);

public sealed record TargetView(PerformanceTarget Target, string SubjectName, string? ProjectCode, string OrgName, decimal? AdjustedBudget,
    IndicatorFrameView Frame, IReadOnlyList<QualityIssue> Issues, IReadOnlyList<VersionRow> Versions, IReadOnlyList<TargetChange> ChangesFromPrevious,
    IReadOnlyList<ReviewAction> AllowedActions, bool CanEdit);

public sealed record IndicatorFrameView(string Code, string Name, IReadOnlyList<Domain.Targets.FrameLevel> Levels);

/// <summary>Where the money of projects without approved targets came from.</summary>
public enum FundingSource
{
    [Label("年初批复")]
    Initial = 1,
    [Label("年中追加")]
    MidYearAddition = 2,
    [Label("待分资金分配")]
    PoolAllocation = 3,
    [Label("尚无指标")]
    None = 4,
}

public sealed record CoverageGroup(long? DepartmentId, string DepartmentName, BudgetKind BudgetKind, int Projects, decimal Amount);

public sealed record CoverageRow(long ProjectId, string Code, string Name, string UnitName, BudgetKind BudgetKind, FundingSource Source,
    decimal AdjustedBudget, TargetState? State);

public sealed record Coverage(int Year, int ProjectsInBudget, int WithoutApproved, decimal AmountWithoutApproved,
    IReadOnlyList<CoverageGroup> Groups, IReadOnlyList<CoverageRow> Rows, int RowsTotal);

public static partial class TargetQueries
{
    /// <summary>项目代码 and name of targets by id, in scope (batch results).</summary>
    public static async Task<IReadOnlyDictionary<long, string>> NamesAsync(JixiaoDbContext db, IReadOnlyList<long> ids, CancellationToken ct) =>
        await (from t in db.Targets.Where(t => ids.Contains(t.Id))
               join p in db.Projects on t.ProjectId equals p.Id into ps
               from p in ps.DefaultIfEmpty()
               join o in db.OrgUnits on t.OrgUnitId equals o.Id into os
               from o in os.DefaultIfEmpty()
               select new { t.Id, Name = p != null ? p.Code + " " + p.Name : (o != null ? o.Name : "") + " 部门整体绩效目标" })
            .ToDictionaryAsync(x => x.Id, x => x.Name, ct);

    public static async Task<TargetView?> ViewAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct)
    {
        var target = await db.Targets.AsNoTracking().Include(t => t.Indicators.OrderBy(i => i.Row)).Include(t => t.Steps.OrderBy(s => s.Seq)).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null) return null;
        var project = target.ProjectId is { } pid ? await db.Projects.AsNoTracking().SingleAsync(p => p.Id == pid, ct) : null;
        var orgName = await db.OrgUnits.Where(o => o.Id == target.OrgUnitId).Select(o => o.Name).SingleAsync(ct);
        var adjusted = target.ProjectId is { } projectId
            ? await db.ProjectTotals.Where(t => t.ProjectId == projectId).Select(t => (decimal?)t.Adjusted).SingleOrDefaultAsync(ct) ?? 0m
            : (decimal?)null;
        var context = await TargetWork.ContextAsync(db, target, ct);
        var versions = await db.Targets.AsNoTracking().Where(t => t.SubjectKey == target.SubjectKey).OrderBy(t => t.Version)
            .Select(t => new VersionRow(t.Id, t.Version, t.State, t.UpdatedAtUtc, t.ApprovedAtUtc)).ToListAsync(ct);
        var changes = target.Version > 1
            ? await db.Targets.AsNoTracking().Include(t => t.Indicators)
                .SingleOrDefaultAsync(t => t.SubjectKey == target.SubjectKey && t.Version == target.Version - 1, ct) is { } previous
                ? TargetDiff.Compare(previous, target)
                : []
            : [];
        var issues = TargetQuality.Check(target.Subject, target.AnnualGoal, target.OverallGoal, target.Indicators, context);
        var actions = Enum.GetValues<ReviewAction>()
            .Where(a => a != ReviewAction.Refine && user.Scope.Roles.Any(r => ReviewChains.Targets.Allows(target.Subject, target.State, a, r)))
            .Where(a => a != ReviewAction.Adjust || versions.Max(v => v.Version) == target.Version)
            .ToList();
        var canEdit = user.Scope.Roles.Any(r => ReviewChains.Targets.CanEdit(target.Subject, target.State, r));
        var name = project is not null ? project.Name : orgName + " 部门整体绩效目标";
        return new TargetView(target, name, project?.Code, orgName, adjusted,
            new IndicatorFrameView(context.Frame.Code, context.Frame.Name, context.Frame.Levels), issues, versions, changes, actions, canEdit);
    }
}
