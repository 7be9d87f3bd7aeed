using Jixiao.Domain.Rectifications;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>What a list of items is asked for (the page's query string and the API alike).</summary>
public sealed class RectificationQuery
{
    /// <summary>来源年度 (the monitored or evaluated year); none: every year</summary>
    public int? Year { get; set; }
    public RectificationSource? Source { get; set; }
    public RectificationState? State { get; set; }
    /// <summary>只看逾期</summary>
    public bool? Overdue { get; set; }
    /// <summary>只看待我办理: the items the user's roles move on now</summary>
    public bool? Mine { get; set; }
    public long? Department { get; set; }
    /// <summary>项目: the items of one project (its page's chain)</summary>
    public long? Project { get; set; }
    /// <summary>搜索：项目代码或名称、单位、问题、来源</summary>
    public string? Q { get; set; }
    public int? PageNumber { get; set; }
    public int? PageSize { get; set; }
}

public sealed record RectificationRow(long Id, int FiscalYear, RectificationSource Source, string SourceTitle, long? ProjectId, string ProjectCode,
    string ProjectName, string Unit, string Problem, decimal Amount, DateOnly Deadline, RectificationState State, string Status, bool Overdue,
    int DaysOverdue, DateTime UpdatedAtUtc);

public sealed record RectificationStepView(int Seq, string Action, string From, string To, string Role, string UserName, DateTime AtUtc, string Opinion);

/// <summary>One item as its page and the API show it, with what the user may do now.</summary>
/// <param name="SourceLink">the source record's page, or null for an item raised by hand</param>
public sealed record RectificationView(long Id, string RegionCode, int FiscalYear, Domain.Targets.TargetSubject Subject, RectificationSource Source, string SourceTitle, string? SourceLink,
    long? ProjectId, string ProjectCode, string ProjectName, long OrgUnitId, string Unit, string Department, string Problem, string Requirement,
    decimal Amount, DateOnly Deadline, RectificationState State, string Status, bool Overdue, int DaysOverdue, bool? OnTime, string Measures,
    string RepliedBy, DateTime? RepliedAtUtc, string? ReturnReason, DateOnly? HandedInOn, DateOnly? CompletedOn, string RaisedBy, DateTime RaisedAtUtc,
    IReadOnlyList<RectificationStepView> Steps, int Files, bool CanReply, bool CanReview, bool CanVerify, bool CanManage);

/// <summary>An item of a project's chain (source → problem → rectification with its steps), as the project's page shows it.</summary>
public sealed record ProjectRectification(long Id, RectificationSource Source, string SourceTitle, string? SourceLink, string Problem, string Requirement,
    DateOnly Deadline, RectificationState State, string Status, bool Overdue, string Measures, IReadOnlyList<RectificationStepView> Steps);

/// <summary>What waits for the user among the items: to reply (and how many of them are overdue), to review, to verify; and every overdue item in scope.</summary>
public sealed record RectificationToDo(int ToReply, int Returned, int ToReview, int ToVerify, int OverdueMine, int OverdueAll);

public static class RectificationQueries
{
    public static async Task<FormPage<RectificationRow>> ListAsync(JixiaoDbContext db, CurrentUser user, RectificationQuery q, DateOnly today, CancellationToken ct)
    {
        var items = db.Rectifications.AsNoTracking();
        if (q.Mine == true) items = FormList.Waiting(items, ReviewChains.Rectification, user.Scope);
        if (q.Year is { } year) items = items.Where(r => r.FiscalYear == year);
        if (q.Source is { } source) items = items.Where(r => r.Source == source);
        if (q.State is { } state) items = items.Where(r => r.State == state);
        if (q.Overdue == true) items = Overdue(items, today);
        if (q.Department is { } department) items = items.Where(r => r.DepartmentId == department);
        if (q.Project is { } project) items = items.Where(r => r.ProjectId == project);
        var rows = from r in items
            join p in db.Projects on r.ProjectId equals p.Id into ps
            from p in ps.DefaultIfEmpty()
            join o in db.OrgUnits on r.OrgUnitId equals o.Id
            select new Listed { Item = r, Code = p != null ? p.Code : "", Name = p != null ? p.Name : "", Unit = o.Name };
        foreach (var word in (q.Q ?? "").Split(' ', '　').Where(w => w.Length > 0))
            rows = rows.Where(x => x.Code.Contains(word) || x.Name.Contains(word) || x.Unit.Contains(word) || x.Item.Problem.Contains(word)
                                   || x.Item.SourceTitle.Contains(word));
        var total = await rows.CountAsync(ct);
        var pageSize = Math.Clamp(q.PageSize ?? 50, 10, 500);
        var page = Math.Clamp(q.PageNumber ?? 1, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        // open items first, the most urgent deadline first; done and withdrawn last
        var list = await rows
            .OrderBy(x => x.Item.State == RectificationState.Done || x.Item.State == RectificationState.Cancelled ? 1 : 0)
            .ThenBy(x => x.Item.Deadline)
            .ThenByDescending(x => x.Item.UpdatedAtUtc).ThenBy(x => x.Item.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new FormPage<RectificationRow>([.. list.Select(x => new RectificationRow(x.Item.Id, x.Item.FiscalYear, x.Item.Source, x.Item.SourceTitle,
            x.Item.ProjectId, x.Code, x.Name, x.Unit, x.Item.Problem, x.Item.Amount, x.Item.Deadline, x.Item.State,
            x.Item.StatusOn(today), x.Item.IsOverdue(today), x.Item.DaysOverdue(today), x.Item.UpdatedAtUtc))], total, page, pageSize);
    }

    /// <summary>A list line before it is shaped: the item with the names of its project and unit (a class, so that EF filters and sorts on it).</summary>
    private sealed class Listed
    {
        public required Rectification Item { get; init; }
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string Unit { get; init; }
    }

    /// <summary>逾期 in the database: the rule of <see cref="RectificationTally.IsOverdue"/>.</summary>
    public static IQueryable<Rectification> Overdue(IQueryable<Rectification> items, DateOnly today) =>
        items.Where(r => (r.State == RectificationState.Pending || r.State == RectificationState.InProgress || r.State == RectificationState.Submitted)
                         && r.Deadline < today);

    public static async Task<RectificationView?> ViewAsync(JixiaoDbContext db, CurrentUser user, long id, DateOnly today, CancellationToken ct)
    {
        var item = await db.Rectifications.AsNoTracking().Include(r => r.Steps).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (item is null) return null;
        var project = item.ProjectId is { } pid
            ? await db.Projects.AsNoTracking().Where(p => p.Id == pid).Select(p => new { p.Code, p.Name }).SingleOrDefaultAsync(ct)
            : null;
        var orgIds = new[] { item.OrgUnitId, item.DepartmentId ?? 0 };
        var names = await db.OrgUnits.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var files = await Evidence.EvidenceWork.CountAsync(db, Domain.Evidence.EvidenceOwner.Rectification, id, ct);
        bool May(RectificationAction action, Role role) =>
            user.Scope.Has(role) && !item.IsClosed && ReviewChains.Rectification.Allows(item.Subject, item.State, action, role);
        return new RectificationView(item.Id, item.RegionCode, item.FiscalYear, item.Subject, item.Source, item.SourceTitle, SourceLink(item), item.ProjectId,
            project?.Code ?? "", project?.Name ?? "", item.OrgUnitId, names.GetValueOrDefault(item.OrgUnitId, ""),
            item.DepartmentId is { } d ? names.GetValueOrDefault(d, "") : "", item.Problem, item.Requirement, item.Amount, item.Deadline, item.State,
            item.StatusOn(today), item.IsOverdue(today), item.DaysOverdue(today), item.OnTime, item.Measures, item.RepliedBy, item.RepliedAtUtc,
            item.ReturnReason, item.HandedInOn, item.CompletedOn, item.RaisedBy, item.RaisedAtUtc,
            Steps(item), files, user.Scope.Roles.Any(item.CanReply), May(RectificationAction.Approve, Role.DepartmentReviewer),
            May(RectificationAction.Accept, Role.PerformanceDivision), user.Scope.Has(Role.PerformanceDivision) && !item.IsClosed);
    }

    /// <summary>The project's items, oldest first, each with its steps (who, when, what).</summary>
    public static async Task<IReadOnlyList<ProjectRectification>> ForProjectAsync(JixiaoDbContext db, long projectId, DateOnly today, CancellationToken ct)
    {
        var items = await db.Rectifications.AsNoTracking().Include(r => r.Steps).Where(r => r.ProjectId == projectId).OrderBy(r => r.Id).ToListAsync(ct);
        return [.. items.Select(r => new ProjectRectification(r.Id, r.Source, r.SourceTitle, SourceLink(r), r.Problem, r.Requirement, r.Deadline, r.State,
            r.StatusOn(today), r.IsOverdue(today), r.Measures, Steps(r)))];
    }

    private static IReadOnlyList<RectificationStepView> Steps(Rectification item) =>
        [.. item.Steps.OrderBy(s => s.Seq).Select(s => new RectificationStepView(s.Seq, s.Action.Label(), s.FromState.Label(), s.ToState.Label(),
            s.Role.Label(), s.UserName, s.AtUtc, s.Opinion))];

    /// <summary>The page of the record the item came from.</summary>
    public static string? SourceLink(Rectification item) => (item.Source, item.SourceId) switch
    {
        (RectificationSource.Monitoring, { } id) => $"/Monitoring/Task/{id}",
        (RectificationSource.SelfEvaluation, { } id) => $"/Evaluations/Form/{id}",
        (RectificationSource.SpotCheck, { } id) => $"/Evaluations/SpotCheck?Year={item.FiscalYear}#draw-{id}",
        (RectificationSource.DepartmentEvaluation or RectificationSource.KeyEvaluation, { } id) => $"/EvaluationPlans/Details/{id}",
        (RectificationSource.ExAnte, { } id) => $"/ExAnte/Details/{id}",
        _ => null,
    };

    /// <summary>The items waiting for the user and the overdue ones, counted in the database.</summary>
    public static async Task<RectificationToDo> ToDoAsync(JixiaoDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        var scope = user.Scope;
        if (!scope.Roles.Any(r => r is Role.UnitFiller or Role.DepartmentReviewer or Role.PerformanceDivision)) return new(0, 0, 0, 0, 0, 0);
        var waiting = await FormList.Waiting(db.Rectifications.AsNoTracking(), ReviewChains.Rectification, scope)
            .Select(r => new
            {
                r.Subject, r.State, r.Deadline,
                Last = r.Steps.Where(s => s.Action != RectificationAction.Extend).OrderByDescending(s => s.Seq).Select(s => s.Action).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var reply = waiting.Where(r => r.State is RectificationState.Pending or RectificationState.InProgress).ToList();
        var overdueAll = await Overdue(db.Rectifications.AsNoTracking(), today).CountAsync(ct);
        return new RectificationToDo(reply.Count, reply.Count(r => r.Last == RectificationAction.Return),
            waiting.Count(r => r.State == RectificationState.Submitted), waiting.Count(r => r.State == RectificationState.Verifying),
            waiting.Count(r => r.State != RectificationState.Verifying && r.Deadline < today), overdueAll);
    }
}
