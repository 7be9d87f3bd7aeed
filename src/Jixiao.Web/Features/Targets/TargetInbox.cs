using Jixiao.Domain.Budget;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Targets;

/// <summary>待办 / 被退回 / 已办 / 待填报: the boxes of the target inbox, their counts and pages; 待办 is derived from the targets' review chain.</summary>
public static partial class TargetQueries
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
                               Form = p, Id = p.Id, FiscalYear = p.FiscalYear, DepartmentId = p.DepartmentId, ProjectId = p.Id, OrgUnitId = p.OrgUnitId, Code = p.Code, Name = p.Name,
                               Unit = o != null ? o.Name : "", Budget = (decimal?)t.Adjusted ?? 0m, UpdatedAtUtc = DateTime.MinValue, Rank = 0,
                           };
            var unwritten = await FormList.PageAsync(db, projects, q, x => new InboxRow(null, x.Id, TargetSubject.Project, x.Code, x.Name, x.Unit,
                0, null, null, null, x.Budget), ct, counts[InboxBox.NotStarted]);
            return new InboxPage(box, unwritten.Rows, unwritten.Total, unwritten.Page, unwritten.PageSize, counts);
        }
        var source = box switch { InboxBox.Returned => returned, InboxBox.Done => Done(db, user.UserId ?? 0, todo, returned, year), _ => todo };
        var state = q.StateAs<TargetState>(s => s.Label());
        if (state is { } chosen) source = source.Where(t => t.State == chosen);
        var listed = FormList.Named(db, from t in source
                                        join x in db.ProjectTotals on t.ProjectId equals x.ProjectId into xs
                                        from x in xs.DefaultIfEmpty()
                                        select new Listed<PerformanceTarget>
                                        {
                                            Form = t, Id = t.Id, FiscalYear = t.FiscalYear, DepartmentId = t.DepartmentId, ProjectId = t.ProjectId,
                                            OrgUnitId = t.OrgUnitId, Budget = (decimal?)x.Adjusted ?? 0m, UpdatedAtUtc = t.UpdatedAtUtc, Rank = 0,
                                        }, " 部门整体绩效目标");
        var page = await FormList.PageAsync(db, listed, q, x => new InboxRow(x.Id, x.Form.ProjectId, x.Form.Subject, x.Code, x.Name, x.Unit,
            x.Form.Version, x.Form.State, x.UpdatedAtUtc, x.Form.Steps.OrderByDescending(s => s.Seq).Select(s => s.Opinion).FirstOrDefault(), x.Budget), ct,
            state is null ? counts[box] : null);
        return new InboxPage(box, page.Rows, page.Total, page.Page, page.PageSize, counts);
    }
}
