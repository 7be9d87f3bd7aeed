using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;

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

public static class TargetQueries
{
    /// <summary>The targets waiting for the user in any of their roles, but those returned to them (a box of its own).</summary>
    private static IQueryable<PerformanceTarget> Todo(JixiaoDbContext db, AccessScope scope, int year) =>
        FormList.Waiting(db.Targets.Where(t => t.FiscalYear == year), ReviewChains.Targets, scope).Where(t => t.State != TargetState.Returned);

    private static IQueryable<PerformanceTarget> Returned(JixiaoDbContext db, AccessScope scope, int year) =>
        FormList.Waiting(db.Targets.Where(t => t.FiscalYear == year), ReviewChains.Targets, scope).Where(t => t.State == TargetState.Returned);

    private static IQueryable<PerformanceTarget> Done(JixiaoDbContext db, long userId, IQueryable<PerformanceTarget> todo, IQueryable<PerformanceTarget> returned, int year) =>
        db.Targets.Where(t => t.FiscalYear == year && t.Steps.Any(s => s.UserId == userId)
                              && !todo.Any(x => x.Id == t.Id) && !returned.Any(x => x.Id == t.Id));

    /// <summary>Budgeted projects (not pools) in scope with no targets at all.</summary>
    private static IQueryable<Project> NotStarted(JixiaoDbContext db, int year) =>
        db.Projects.Where(p => p.FiscalYear == year && p.Status == LibraryStatus.Budgeted && !p.IsPool
                               && !db.Targets.Any(t => t.SubjectKey == "P" + p.Id));

    /// <summary>How many versions (or unwritten projects) each box holds for the user — the tabs and the home page.</summary>
    public static async Task<IReadOnlyDictionary<InboxBox, int>> InboxCountsAsync(JixiaoDbContext db, CurrentUser user, int year, CancellationToken ct)
    {
        var todo = Todo(db, user.Scope, year);
        var returned = Returned(db, user.Scope, year);
        return new Dictionary<InboxBox, int>
        {
            [InboxBox.Todo] = await todo.CountAsync(ct),
            [InboxBox.Returned] = await returned.CountAsync(ct),
            [InboxBox.Done] = await Done(db, user.UserId ?? 0, todo, returned, year).CountAsync(ct),
            [InboxBox.NotStarted] = user.Scope.Has(Role.UnitFiller) ? await NotStarted(db, year).CountAsync(ct) : 0,
        };
    }

    public static async Task<InboxPage> InboxAsync(JixiaoDbContext db, CurrentUser user, int year, InboxBox box, FormQuery q, CancellationToken ct)
    {
        var scope = user.Scope;
        var todo = Todo(db, scope, year);
        var returned = Returned(db, scope, year);
        var counts = await InboxCountsAsync(db, user, year, ct);
        if (box == InboxBox.NotStarted)
        {
            var notStarted = scope.Has(Role.UnitFiller) ? NotStarted(db, year) : db.Projects.Where(_ => false);
            var projects = from p in notStarted
                           join t in db.ProjectTotals on p.Id equals t.ProjectId into ts
                           from t in ts.DefaultIfEmpty()
                           join o in db.OrgUnits on p.OrgUnitId equals o.Id into os
                           from o in os.DefaultIfEmpty()
                           select new Listed<Project>
                           {
                               Form = p, Id = p.Id, FiscalYear = p.FiscalYear, DepartmentId = p.DepartmentId, Code = p.Code, Name = p.Name,
                               Unit = o != null ? o.Name : "", Budget = (decimal?)t.Adjusted ?? 0m, UpdatedAtUtc = DateTime.MinValue, Rank = 0,
                           };
            var unwritten = await FormList.PageAsync(db, projects, q, x => new InboxRow(null, x.Id, TargetSubject.Project, x.Code, x.Name, x.Unit,
                0, null, null, null, x.Budget), ct, counts[InboxBox.NotStarted]);
            return new InboxPage(box, unwritten.Rows, unwritten.Total, unwritten.Page, unwritten.PageSize, counts);
        }
        var source = box switch { InboxBox.Returned => returned, InboxBox.Done => Done(db, user.UserId ?? 0, todo, returned, year), _ => todo };
        var state = q.StateAs<TargetState>(s => s.Label());
        if (state is { } chosen) source = source.Where(t => t.State == chosen);
        var listed = from t in source
                     join p in db.Projects on t.ProjectId equals p.Id into ps
                     from p in ps.DefaultIfEmpty()
                     join x in db.ProjectTotals on t.ProjectId equals x.ProjectId into xs
                     from x in xs.DefaultIfEmpty()
                     join o in db.OrgUnits on t.OrgUnitId equals o.Id into os
                     from o in os.DefaultIfEmpty()
                     select new Listed<PerformanceTarget>
                     {
                         Form = t, Id = t.Id, FiscalYear = t.FiscalYear, DepartmentId = t.DepartmentId,
                         Code = p != null ? p.Code : "", Name = p != null ? p.Name : (o != null ? o.Name : "") + " 部门整体绩效目标",
                         Unit = o != null ? o.Name : "", Budget = (decimal?)x.Adjusted ?? 0m, UpdatedAtUtc = t.UpdatedAtUtc, Rank = 0,
                     };
        var page = await FormList.PageAsync(db, listed, q, x => new InboxRow(x.Id, x.Form.ProjectId, x.Form.Subject, x.Code, x.Name, x.Unit,
            x.Form.Version, x.Form.State, x.UpdatedAtUtc, x.Form.Steps.OrderByDescending(s => s.Seq).Select(s => s.Opinion).FirstOrDefault(), x.Budget), ct,
            state is null ? counts[box] : null);
        return new InboxPage(box, page.Rows, page.Total, page.Page, page.PageSize, counts);
    }

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
        var target = await db.Targets.AsNoTracking().Include(t => t.Indicators).Include(t => t.Steps).SingleOrDefaultAsync(t => t.Id == id, ct);
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

    /// <summary>
    /// 全覆盖: projects in the budget (not pools) without an approved version of targets, with where their
    /// money came from — so mid-year additions and 待分资金 allocations cannot slip through.
    /// </summary>
    public static async Task<Coverage> CoverageAsync(JixiaoDbContext db, int year, FundingSource? source, int page, int pageSize, CancellationToken ct)
    {
        var inBudget = db.Projects.Where(p => p.FiscalYear == year && p.Status == LibraryStatus.Budgeted && !p.IsPool);
        var without = inBudget.Where(p => !db.Targets.Any(t => t.SubjectKey == "P" + p.Id && t.State == TargetState.Approved));
        var rows = from p in without
                   join x in db.ProjectTotals on p.Id equals x.ProjectId into xs
                   from x in xs.DefaultIfEmpty()
                   select new
                   {
                       Project = p,
                       Adjusted = (decimal?)x.Adjusted ?? 0m,
                       Initial = db.LedgerMovements.Any(m => m.ProjectId == p.Id && m.Kind == MovementKind.InitialApproval),
                       Pool = db.LedgerMovements.Any(m => m.ProjectId == p.Id && m.Kind == MovementKind.PoolAllocationIn),
                       Addition = db.LedgerMovements.Any(m => m.ProjectId == p.Id && m.Kind == MovementKind.Addition),
                       State = db.Targets.Where(t => t.SubjectKey == "P" + p.Id).OrderByDescending(t => t.Version).Select(t => (TargetState?)t.State).FirstOrDefault(),
                   };
        var groups = await rows.GroupBy(r => new { r.Project.DepartmentId, r.Project.BudgetKind })
            .Select(g => new { g.Key.DepartmentId, g.Key.BudgetKind, Count = g.Count(), Amount = g.Sum(r => r.Adjusted) })
            .ToListAsync(ct);
        var departmentIds = groups.Select(g => g.DepartmentId).OfType<long>().Distinct().ToList();
        var names = await db.OrgUnits.Where(o => departmentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var listed = source switch
        {
            FundingSource.Initial => rows.Where(r => r.Initial),
            FundingSource.PoolAllocation => rows.Where(r => !r.Initial && r.Pool),
            FundingSource.MidYearAddition => rows.Where(r => !r.Initial && !r.Pool && r.Addition),
            FundingSource.None => rows.Where(r => !r.Initial && !r.Pool && !r.Addition),
            _ => rows,
        };
        pageSize = Math.Clamp(pageSize, 10, 200);
        var list = await listed.OrderByDescending(r => r.Adjusted).ThenBy(r => r.Project.Code)
            .Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize)
            .Select(r => new
            {
                r.Project.Id, r.Project.Code, r.Project.Name, r.Project.BudgetKind, r.Adjusted, r.Initial, r.Pool, r.Addition, r.State,
                Unit = db.OrgUnits.Where(o => o.Id == r.Project.OrgUnitId).Select(o => o.Name).FirstOrDefault() ?? "",
            })
            .ToListAsync(ct);
        return new Coverage(year, await inBudget.CountAsync(ct), groups.Sum(g => g.Count), groups.Sum(g => g.Amount),
            groups.Select(g => new CoverageGroup(g.DepartmentId, g.DepartmentId is { } d ? names.GetValueOrDefault(d, "") : "（无主管部门）", g.BudgetKind, g.Count, g.Amount))
                .OrderByDescending(g => g.Amount).ToList(),
            list.Select(r => new CoverageRow(r.Id, r.Code, r.Name, r.Unit, r.BudgetKind,
                r.Initial ? FundingSource.Initial : r.Pool ? FundingSource.PoolAllocation : r.Addition ? FundingSource.MidYearAddition : FundingSource.None,
                r.Adjusted, r.State)).ToList(),
            source is null ? groups.Sum(g => g.Count) : await listed.CountAsync(ct));
    }
}
