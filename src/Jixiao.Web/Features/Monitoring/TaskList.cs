using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Monitoring;

public sealed record TaskRow(long Id, TargetSubject Subject, long? ProjectId, string Code, string Name, string Unit, string Department, bool IsKey,
    FormState State, decimal Budget, decimal Executed, decimal? ExecutionRate, Light Light, string LightReason);

/// <summary>The tasks of a round as the list shows them, and how many wait for the user.</summary>
public static partial class MonitoringQueries
{
    /// <summary>
    /// The tasks of a round in scope through the list query of every form list (<see cref="FormList"/>); <paramref name="mine"/>
    /// keeps those waiting for the user, <paramref name="key"/> the 重点监控 ones (or the others).
    /// </summary>
    public static async Task<FormPage<TaskRow>> TasksAsync(JixiaoDbContext db, CurrentUser? user, long roundId, FormQuery q, CancellationToken ct,
        bool mine = false, bool? key = null)
    {
        var tasks = db.MonitoringTasks.AsNoTracking().Where(t => t.RoundId == roundId);
        if (mine && user is not null) tasks = FormList.Waiting(tasks, ReviewChains.Monitoring, user.Scope);
        if (q.Light is { } light) tasks = tasks.Where(t => t.Light == light);
        if (q.StateAs<FormState>(s => s.Label()) is { } state) tasks = tasks.Where(t => t.State == state);
        if (key is { } k) tasks = tasks.Where(t => t.IsKey == k);
        var listed = FormList.Named(db, tasks.Select(t => new Listed<MonitoringTask>
        {
            Form = t, Id = t.Id, FiscalYear = t.FiscalYear, DepartmentId = t.DepartmentId, ProjectId = t.ProjectId, OrgUnitId = t.OrgUnitId,
            Budget = t.Budget, UpdatedAtUtc = t.UpdatedAtUtc, Rank = t.Light == Light.Red ? 0 : t.Light == Light.Yellow ? 1 : t.Light == Light.Blue ? 2 : 3,
        }), "（部门整体）");
        var page = await FormList.PageAsync(db, listed, q, x => new
        {
            x.Id, x.Form.Subject, x.Form.ProjectId, x.Code, x.Name, x.Unit, x.DepartmentId, x.Form.IsKey, x.Form.State, x.Budget, x.Form.Executed,
            x.Form.Light, x.Form.LightReason,
        }, ct);
        var departmentIds = page.Rows.Select(t => t.DepartmentId).OfType<long>().Distinct().ToList();
        var departments = await db.OrgUnits.Where(o => departmentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new FormPage<TaskRow>(page.Rows.Select(t => new TaskRow(t.Id, t.Subject, t.ProjectId, t.Code, t.Name, t.Unit,
                t.DepartmentId is { } d ? departments.GetValueOrDefault(d, "") : "", t.IsKey, t.State, t.Budget, t.Executed,
                t.Budget > 0 ? decimal.Round(t.Executed / t.Budget, 4) : null, t.Light, t.LightReason)).ToList(),
            page.Total, page.Page, page.PageSize);
    }

    /// <summary>How many returns wait for the user in open rounds (home page).</summary>
    public static Task<int> WaitingCountAsync(JixiaoDbContext db, CurrentUser user, CancellationToken ct) =>
        FormList.Waiting(db.MonitoringTasks.Where(t => db.MonitoringRounds.Any(r => r.Id == t.RoundId && r.State == RoundState.Open)),
            ReviewChains.Monitoring, user.Scope).CountAsync(ct);
}
