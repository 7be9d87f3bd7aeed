using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Monitoring;

public sealed record LightCounts(int Red, int Yellow, int Green, int Blue);

public sealed record RoundSummary(long Id, string Title, int Year, int Month, DateOnly CutOff, DateOnly Deadline, RoundState State,
    DateTime OpenedAtUtc, int Issued, int Filled, LightCounts Lights)
{
    /// <summary>填报完成率 = submitted (or further) ÷ issued.</summary>
    /// <summary>完成率 in percentage points, as the page shows it.</summary>
    public decimal Rate => Percent.Points(Percent.Share(Filled, Issued)) ?? 0m;
}

public sealed record DepartmentStatistics(long? DepartmentId, string Department, int Issued, int Filled, LightCounts Lights, decimal Budget, decimal Executed)
{
    /// <summary>完成率 in percentage points, as the page shows it.</summary>
    public decimal Rate => Percent.Points(Percent.Share(Filled, Issued)) ?? 0m;
}

public sealed record TaskRow(long Id, TargetSubject Subject, long? ProjectId, string Code, string Name, string Unit, string Department, bool IsKey,
    FormState State, decimal Budget, decimal Executed, decimal? ExecutionRate, Light Light, string LightReason);

public sealed record RoundStatistics(RoundSummary Round, IReadOnlyList<DepartmentStatistics> Departments, IReadOnlyList<TaskRow> RedProjects,
    int RedTotal);


public sealed record ReturnRowView(int Row, string Level1, string Level2, string Name, Comparison Comparison, string Target, string Unit,
    string Actual, QualitativeOutcome? Outcome, string Expected, DeviationCause? Cause, Likelihood? Likelihood, string Measures, Light? Light,
    string Explanation);

public sealed record StepView(int Seq, FormAction Action, FormState FromState, FormState ToState, Role Role, string UserName, DateTime AtUtc,
    string Opinion, long? UserId);

public sealed record CorrectionView(long Id, CorrectiveKind Kind, decimal Amount, DateOnly Date, string DocumentNo, string Reason,
    string? Counterpart, int? TargetVersion, string RecordedBy, DateTime RecordedAtUtc);

public sealed record TaskView(long Id, MonitoringRound Round, TargetSubject Subject, long? ProjectId, string Code, string Name, string Unit,
    string Department, long? TargetId, bool IsKey, FormState State, decimal Budget, decimal Executed, decimal? ExecutionRate,
    decimal? ExpectedExecution, DeviationCause? ExecutionCause, string ExecutionMeasures, Light ExecutionLight, string ExecutionExplanation,
    Light Light, string LightReason, string? ReturnReason, DateTime? FilledAtUtc, IReadOnlyList<ReturnRowView> Rows, IReadOnlyList<StepView> Steps,
    IReadOnlyList<CorrectionView> Corrections, IReadOnlyList<FormAction> AllowedActions, bool CanEdit, bool CanCorrect);

public static class MonitoringQueries
{
    public static async Task<IReadOnlyList<RoundSummary>> RoundsAsync(JixiaoDbContext db, int year, CancellationToken ct)
    {
        var rounds = await db.MonitoringRounds.AsNoTracking().Where(r => r.FiscalYear == year).OrderByDescending(r => r.Month)
            .ThenByDescending(r => r.Id).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var counts = await db.MonitoringTasks.Where(t => ids.Contains(t.RoundId)).GroupBy(t => t.RoundId)
            .Select(g => new
            {
                RoundId = g.Key,
                Issued = g.Count(),
                Filled = g.Count(t => ReviewChains.Monitoring.HandedIn.Contains(t.State)),
                Red = g.Count(t => t.Light == Light.Red),
                Yellow = g.Count(t => t.Light == Light.Yellow),
                Green = g.Count(t => t.Light == Light.Green),
                Blue = g.Count(t => t.Light == Light.Blue),
            })
            .ToDictionaryAsync(x => x.RoundId, ct);
        return rounds.Select(r => counts.TryGetValue(r.Id, out var c)
                ? Summary(r, c.Issued, c.Filled, new LightCounts(c.Red, c.Yellow, c.Green, c.Blue))
                : Summary(r, 0, 0, new LightCounts(0, 0, 0, 0)))
            .ToList();
    }

    private static RoundSummary Summary(MonitoringRound r, int issued, int filled, LightCounts lights) =>
        new(r.Id, r.Title, r.FiscalYear, r.Month, r.CutOff, r.Deadline, r.State, r.OpenedAtUtc, issued, filled, lights);

    /// <summary>Per department: tasks issued, filled, rate, lights, money; and the red projects with their reasons.</summary>
    public static async Task<RoundStatistics?> StatisticsAsync(JixiaoDbContext db, long roundId, int redLimit, CancellationToken ct)
    {
        var round = await db.MonitoringRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return null;
        var groups = await db.MonitoringTasks.Where(t => t.RoundId == roundId).GroupBy(t => t.DepartmentId)
            .Select(g => new
            {
                DepartmentId = g.Key,
                Issued = g.Count(),
                Filled = g.Count(t => ReviewChains.Monitoring.HandedIn.Contains(t.State)),
                Red = g.Count(t => t.Light == Light.Red),
                Yellow = g.Count(t => t.Light == Light.Yellow),
                Green = g.Count(t => t.Light == Light.Green),
                Blue = g.Count(t => t.Light == Light.Blue),
                Budget = g.Sum(t => t.Subject == TargetSubject.Project ? t.Budget : 0m),
                Executed = g.Sum(t => t.Subject == TargetSubject.Project ? t.Executed : 0m),
            })
            .ToListAsync(ct);
        var ids = groups.Select(g => g.DepartmentId).OfType<long>().ToList();
        var names = await db.OrgUnits.IgnoreQueryFilters().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var departments = groups
            .Select(g => new DepartmentStatistics(g.DepartmentId, g.DepartmentId is { } d ? names.GetValueOrDefault(d, "") : "（无主管部门）",
                g.Issued, g.Filled, new LightCounts(g.Red, g.Yellow, g.Green, g.Blue), g.Budget, g.Executed))
            .OrderByDescending(d => d.Lights.Red).ThenBy(d => d.Department, StringComparer.Ordinal).ToList();
        var total = new LightCounts(departments.Sum(d => d.Lights.Red), departments.Sum(d => d.Lights.Yellow), departments.Sum(d => d.Lights.Green),
            departments.Sum(d => d.Lights.Blue));
        var summary = Summary(round, departments.Sum(d => d.Issued), departments.Sum(d => d.Filled), total);
        var reds = await TasksAsync(db, null, roundId, new FormQuery { Light = Light.Red, PageSize = redLimit }, ct);
        return new RoundStatistics(summary, departments, reds.Rows, reds.Total);
    }

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

    public static async Task<TaskView?> TaskAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct)
    {
        var task = await db.MonitoringTasks.AsNoTracking().Include(t => t.Rows).Include(t => t.Steps).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return null;
        var round = await db.MonitoringRounds.AsNoTracking().SingleAsync(r => r.Id == task.RoundId, ct);
        var project = task.ProjectId is { } pid ? await db.Projects.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == pid, ct) : null;
        var unit = await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == task.OrgUnitId).Select(o => o.Name).SingleAsync(ct);
        var department = task.DepartmentId is { } did
            ? await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == did).Select(o => o.Name).SingleAsync(ct)
            : "";
        var rows = task.Rows.Count > 0
            ? task.Rows.OrderBy(r => r.Row).Select(r => new ReturnRowView(r.Row, r.Level1, r.Level2, r.Name, r.Comparison, Shown(r.ParseTarget(task.FiscalYear), r.TargetValue),
                r.Unit, r.Actual, r.Outcome, r.Expected, r.Cause, r.Likelihood, r.Measures, r.Light, r.Explanation)).ToList()
            : (await ReturnWork.IndicatorsAsync(db, task, ct)).Select(i => new ReturnRowView(i.Row, i.Level1, i.Level2, i.Name, i.Comparison,
                i.Display(task.FiscalYear), i.Unit, "", null, "", null, null, "", null, "未填报")).ToList();
        var corrections = await (from c in db.CorrectiveActions.AsNoTracking().Where(c => c.TaskId == id)
                                 join o in db.Projects.IgnoreQueryFilters() on c.CounterpartProjectId equals o.Id into os
                                 from o in os.DefaultIfEmpty()
                                 orderby c.RecordedAtUtc
                                 select new CorrectionView(c.Id, c.Kind, c.Amount, c.Date, c.DocumentNo, c.Reason, o != null ? o.Code + " " + o.Name : null,
                                     c.TargetVersion, c.RecordedBy, c.RecordedAtUtc)).ToListAsync(ct);
        var roles = user.Scope.Roles;
        var actions = Enum.GetValues<FormAction>().Where(a => roles.Any(r => ReviewChains.Monitoring.Allows(task.Subject, task.State, a, r))).ToList();
        var open = round.State == RoundState.Open;
        return new TaskView(task.Id, round, task.Subject, task.ProjectId, project?.Code ?? "", project?.Name ?? unit + "（部门整体）", unit, department,
            task.TargetId, task.IsKey, task.State, task.Budget, task.Executed, task.ExecutionRate, task.ExpectedExecution, task.ExecutionCause,
            task.ExecutionMeasures, task.ExecutionLight, task.ExecutionExplanation, task.Light, task.LightReason, task.ReturnReason, task.FilledAtUtc, rows,
            task.Steps.OrderBy(s => s.Seq).Select(s => new StepView(s.Seq, s.Action, s.FromState, s.ToState, s.Role, s.UserName, s.AtUtc, s.Opinion, s.UserId)).ToList(),
            corrections, open ? actions : [], open && roles.Any(r => ReviewChains.Monitoring.CanEdit(task.Subject, task.State, r)),
            task.ProjectId is not null && roles.Contains(Role.PerformanceDivision));
    }

    private static string Shown(ParseResult parsed, string written) => parsed.Success ? parsed.Value.Normalized : written;
}
