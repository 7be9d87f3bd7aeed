using Jixiao.Domain;
using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Shared;
using Jixiao.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Monitoring;

/// <param name="Amount">元 (none for 目标调整)</param>
/// <param name="Date">the document's date (today when omitted)</param>
/// <param name="DocumentNo">finance's own 文件号; empty: the region-year's next 文号 (襄财绩〔2026〕12号)</param>
/// <param name="CounterpartProjectId">调剂: the receiving project</param>
/// <param name="Confirmed">调减, 调剂 and 收回 write the ledger: they are carried out only when confirmed after their preview</param>
public sealed record CorrectionRequest(CorrectiveKind Kind, decimal? Amount, DateOnly? Date, string? DocumentNo, string? Reason,
    long? CounterpartProjectId = null, bool Confirmed = false);

/// <summary>What a corrective action will do, for finance to confirm before the ledger is written.</summary>
/// <param name="DocumentNo">finance's own, or the next 文号 as of now (given in order when confirmed)</param>
public sealed record CorrectionPreview(CorrectiveKind Kind, string Project, string? Counterpart, decimal Amount, DateOnly Date, string DocumentNo,
    bool DocumentNoGiven, string Reason, decimal Balance)
{
    public string Sentence => Kind switch
    {
        CorrectiveKind.Reallocation =>
            $"将从项目“{Project}”调剂 {Money.FormatWan(Amount)} 万元（{Money.Format(Amount)} 元）至项目“{Counterpart}”",
        _ => $"将对项目“{Project}”{Kind.Label()} {Money.FormatWan(Amount)} 万元（{Money.Format(Amount)} 元）",
    } + $"，日期 {Date:yyyy-MM-dd}，文号 {DocumentNo}{(DocumentNoGiven ? "" : "（确认时按顺序编号）")}；该日可用余额 {Money.FormatWan(Balance)} 万元。";
}

/// <summary>
/// The return handlers shared by the pages, the API and the Excel import. Every read goes through the scoped
/// context, so a task outside the user's units or departments is simply not found.
/// </summary>
public static class ReturnWork
{
    public static Task<MonitoringTask?> FindAsync(JixiaoDbContext db, long id, CancellationToken ct) =>
        db.MonitoringTasks.Include(t => t.Rows).Include(t => t.Steps).SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>The indicator rows of the targets in force at the cut-off (read without scope: the task was found in scope).</summary>
    internal static async Task<IReadOnlyList<TargetIndicator>> IndicatorsAsync(JixiaoDbContext db, MonitoringTask task, CancellationToken ct)
    {
        if (task.TargetId is not { } targetId) return [];
        var target = await db.Targets.IgnoreQueryFilters().AsNoTracking().Include(t => t.Indicators).SingleAsync(t => t.Id == targetId, ct);
        return target.Indicators.OrderBy(i => i.Row).ToList();
    }

    internal static ReviewActor EditorOf(CurrentUser user, MonitoringTask task) =>
        ActingRole.Pick(user, r => ReviewChains.Monitoring.CanEdit(task.Subject, task.State, r), "填报监控表");

    public static async Task<MonitoringTask?> FillAsync(JixiaoDbContext db, CurrentUser user, long id, ReturnInput input, FormLimits limits,
        DateTime nowUtc, CancellationToken ct)
    {
        var task = await FindAsync(db, id, ct);
        if (task is null) return null;
        limits.Ensure(input.Rows.Count, "监控表");
        var round = await db.MonitoringRounds.AsNoTracking().SingleAsync(r => r.Id == task.RoundId, ct);
        task.Fill(EditorOf(user, task), input, await IndicatorsAsync(db, task, ct), round,
            await RoundWork.RulesAsync(db, round.RegionCode, round.FiscalYear, ct), nowUtc);
        await CommitAsync(db, ct);
        return task;
    }

    public static async Task<MonitoringTask?> ActAsync(JixiaoDbContext db, CurrentUser user, long id, FormAction action, string? opinion,
        DateTime nowUtc, CancellationToken ct)
    {
        var task = await FindAsync(db, id, ct);
        if (task is null) return null;
        var round = await db.MonitoringRounds.AsNoTracking().SingleAsync(r => r.Id == task.RoundId, ct);
        var actor = ActingRole.Pick(user, r => ReviewChains.Monitoring.Allows(task.Subject, task.State, action, r), action.Label() + "监控表");
        var divisionStep = await WorkflowWork.DivisionStepAsync(db, task.RegionCode, task.FiscalYear, ct);
        switch (action)
        {
            case FormAction.Submit: task.Submit(actor, round, divisionStep, nowUtc); break;
            case FormAction.Approve: task.Approve(actor, opinion, round, divisionStep, nowUtc); break;
            case FormAction.Return: task.Return(actor, opinion, round, nowUtc); break;
            default: throw new DomainException($"“{action}”不是监控表的动作。", "动作");
        }
        await CommitAsync(db, ct);
        return task;
    }

    /// <summary>批量审核通过 / 退回: the single action on each return, one opinion for all.</summary>
    public static Task<BatchResult> BatchAsync(JixiaoDbContext db, CurrentUser user, FormAction action, BatchRequest request, DateTime nowUtc,
        CancellationToken ct) => action is FormAction.Approve or FormAction.Return
        ? FormBatch.RunAsync(db, request, action == FormAction.Approve ? "通过" : "退回",
            async id => await ActAsync(db, user, id, action, request.Opinion, nowUtc, ct) is not null,
            async ids => await (from t in db.MonitoringTasks.Where(t => ids.Contains(t.Id))
                                join p in db.Projects on t.ProjectId equals p.Id into ps
                                from p in ps.DefaultIfEmpty()
                                join o in db.OrgUnits on t.OrgUnitId equals o.Id into os
                                from o in os.DefaultIfEmpty()
                                select new { t.Id, Name = p != null ? p.Code + " " + p.Name : (o != null ? o.Name : "") + "（部门整体）" })
                .ToDictionaryAsync(x => x.Id, x => x.Name, ct))
        : throw new DomainException($"批量办理只能审核通过或退回修改，不能{action.Label()}。", "动作");

    /// <summary>财政重点监控: finance flags or unflags a task.</summary>
    public static async Task<MonitoringTask?> MarkKeyAsync(JixiaoDbContext db, CurrentUser user, long id, bool isKey, DateTime nowUtc, CancellationToken ct)
    {
        EnsurePerformanceDivision(user, "标记重点监控");
        var task = await db.MonitoringTasks.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return null;
        task.MarkKey(isKey, nowUtc);
        await CommitAsync(db, ct);
        return task;
    }

    /// <summary>What <see cref="CorrectAsync"/> would do with the request, checked as it would be; nothing is written.</summary>
    public static async Task<CorrectionPreview?> PreviewCorrectionAsync(JixiaoDbContext db, CurrentUser user, long taskId, CorrectionRequest request,
        DateTime nowUtc, CancellationToken ct)
    {
        if (await PrepareAsync(db, user, taskId, request, nowUtc, ct) is not { } prepared) return null;
        var given = !string.IsNullOrWhiteSpace(request.DocumentNo);
        var document = given ? request.DocumentNo!.Trim()
            : (await WorkflowWork.ViewAsync(db, prepared.Project.RegionCode, prepared.Project.FiscalYear, ct)).NextDocumentNo;
        var action = prepared.Record(document, user, nowUtc);
        return new CorrectionPreview(action.Kind, $"{prepared.Project.Code} {prepared.Project.Name}",
            prepared.Counterpart is { } c ? $"{c.Code} {c.Name}" : null, action.Amount, action.Date, document, given, action.Reason, prepared.Balance);
    }

    /// <summary>
    /// Records a corrective action on a task's project: the matching ledger movements (调减, 调剂 pair, 收回) or the
    /// next draft version of its targets (目标调整), in one transaction with the 文号 it takes. An action that writes the
    /// ledger is refused unless confirmed. The task's lights are not changed: they stay as of the cut-off; the
    /// project's ledger and totals show the action at once.
    /// </summary>
    public static async Task<CorrectiveAction?> CorrectAsync(JixiaoDbContext db, CurrentUser user, long taskId, CorrectionRequest request,
        DateTime nowUtc, CancellationToken ct)
    {
        if (await PrepareAsync(db, user, taskId, request, nowUtc, ct) is not { } prepared) return null;
        var project = prepared.Project;
        if (request.Kind is CorrectiveKind.Reduction or CorrectiveKind.Reallocation or CorrectiveKind.Recovery && !request.Confirmed)
        {
            var preview = await PreviewCorrectionAsync(db, user, taskId, request, nowUtc, ct);
            throw new DomainException($"请确认：{preview!.Sentence}确认无误后再提交（confirmed: true）。", "确认");
        }
        await using var transaction = await db.OwnTransactionAsync(ct);
        var document = string.IsNullOrWhiteSpace(request.DocumentNo)
            ? await WorkflowWork.NextDocumentNoAsync(db, project.RegionCode, project.FiscalYear, ct)
            : request.DocumentNo;
        var action = prepared.Record(document, user, nowUtc);
        if (action.MovesMoney && await db.LedgerMovements.AnyAsync(m => m.RegionCode == project.RegionCode && m.FiscalYear == project.FiscalYear
                                                                         && m.DocumentNo == action.DocumentNo && m.ProjectId == project.Id, ct))
            throw new ConflictException($"文件号“{action.DocumentNo}”已用于该项目的指标变动，请换一个文件号。");
        db.CorrectiveActions.Add(action);
        db.LedgerMovements.AddRange(action.Movements(project, prepared.Counterpart));
        if (action.Kind == CorrectiveKind.TargetAdjustment)
        {
            var inForce = await db.Targets.Include(t => t.Indicators)
                .SingleOrDefaultAsync(t => t.SubjectKey == "P" + project.Id && t.State == TargetState.Approved, ct)
                ?? throw new ConflictException($"项目“{project.Name}”没有已批复的绩效目标，无法要求调整。");
            if (await db.Targets.AnyAsync(t => t.SubjectKey == inForce.SubjectKey && t.Version > inForce.Version, ct))
                throw new ConflictException($"项目“{project.Name}”已有第 {inForce.Version + 1} 版目标正在办理，请在该版本上继续。");
            var actor = ActingRole.Pick(user, r => ReviewChains.Targets.Allows(TargetSubject.Project, TargetState.Approved, ReviewAction.Adjust, r), "要求调整目标");
            var draft = inForce.Adjust(actor, $"监控整改：{action.Reason}", nowUtc);
            db.Targets.Add(draft);
            action.OpenedTargetVersion(draft.Version);
        }
        await CommitAsync(db, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return action;
    }

    /// <summary>A corrective action's project, counterpart and balance, loaded and checked; <see cref="Record"/> makes the action.</summary>
    private sealed record PreparedCorrection(Project Project, Project? Counterpart, decimal Balance, DateOnly Today, long TaskId, CorrectionRequest Request)
    {
        public CorrectiveAction Record(string documentNo, CurrentUser user, DateTime nowUtc) =>
            CorrectiveAction.Record(Project, Request.Kind, Request.Amount, Request.Date ?? Today, documentNo, Request.Reason, Balance, Today,
                user.UserName, nowUtc, TaskId, Counterpart);
    }

    private static async Task<PreparedCorrection?> PrepareAsync(JixiaoDbContext db, CurrentUser user, long taskId, CorrectionRequest request,
        DateTime nowUtc, CancellationToken ct)
    {
        EnsurePerformanceDivision(user, "记录整改措施");
        var task = await db.MonitoringTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return null;
        if (task.ProjectId is not { } projectId)
            throw new DomainException("部门整体监控不对应单个项目，请在具体项目的监控表上记录整改措施。", "项目");
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId, ct);
        Project? counterpart = null;
        if (request.CounterpartProjectId is { } otherId)
            counterpart = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == otherId, ct)
                ?? throw new DomainException($"调入项目 {otherId} 不存在或不在您的权限范围内。", "对方项目");
        var today = BusinessCalendar.DateOf(nowUtc);
        var balance = await BalanceAsync(db, projectId, request.Date ?? today, ct);
        return new PreparedCorrection(project, counterpart, balance, today, task.Id, request);
    }

    /// <summary>全年预算数 − 执行数 of a project as of a date.</summary>
    private static async Task<decimal> BalanceAsync(JixiaoDbContext db, long projectId, DateOnly date, CancellationToken ct)
    {
        var movements = await db.LedgerMovements.AsNoTracking().Where(m => m.ProjectId == projectId && m.Date <= date)
            .Select(m => new { m.Kind, m.Amount }).ToListAsync(ct);
        var paid = await db.Payments.AsNoTracking().Where(p => p.ProjectId == projectId && p.Date <= date).Select(p => p.Amount).ToListAsync(ct);
        return movements.Sum(m => Ledger.SignOf(m.Kind) * m.Amount) - paid.Sum();
    }

    private static void EnsurePerformanceDivision(CurrentUser user, string what)
    {
        if (!user.Scope.Has(Role.PerformanceDivision))
            throw new ConflictException($"只有财政绩效股能{what}。");
    }

    private const string Changed = "该监控表刚被他人修改或审核，请刷新后再操作。";

    internal static readonly SaveConflicts Conflicts = new(Changed, new Dictionary<string, string>
    {
        ["PK_MonitoringReturnSteps"] = Changed,   // the step's number, taken by a reviewer who acted first
        // 目标调整 opens the next version of the project's targets, which someone else has just opened
        ["IX_PerformanceTargets_SubjectKey_Version"] = "该项目的绩效目标刚被他人调整（已有新版本），请刷新后再操作。",
    });

    internal static Task CommitAsync(JixiaoDbContext db, CancellationToken ct) => Conflicts.SaveAsync(db, ct);
}
