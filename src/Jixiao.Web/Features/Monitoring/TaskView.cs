using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Monitoring;

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

/// <summary>One monitoring return as its page shows it: rows, steps, corrective actions, what the user may do.</summary>
public static partial class MonitoringQueries
{
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
