using Jixiao.Domain.Budget;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>监控整改: corrective actions (调减, 暂缓, 收回, 调剂, 目标调整) previewed and recorded into the ledger.</summary>
public static partial class ReturnWork
{
    /// <summary>
    /// 调剂's receiving project by its 项目编码, among the projects of the task's region and year the user sees; none when no code
    /// is given or the task is not found (the correction then answers 404).
    /// </summary>
    public static async Task<long?> CounterpartAsync(JixiaoDbContext db, long taskId, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var task = await db.MonitoringTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.RegionCode, t.FiscalYear }).SingleOrDefaultAsync(ct);
        if (task is null) return null;
        var trimmed = code.Trim();
        return await db.Projects.Where(p => p.RegionCode == task.RegionCode && p.FiscalYear == task.FiscalYear && p.Code == trimmed)
                   .Select(p => (long?)p.Id).SingleOrDefaultAsync(ct)
               ?? throw new DomainException($"找不到项目编码“{trimmed}”（同一区划、同一年度、您权限范围内）。", "调入项目");
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
        if (request.Kind is CorrectiveKind.Reduction or CorrectiveKind.Reallocation or CorrectiveKind.Recovery or CorrectiveKind.Suspension && !request.Confirmed)
        {
            var preview = await PreviewCorrectionAsync(db, user, taskId, request, nowUtc, ct);
            throw new DomainException($"请确认：{preview!.Sentence}确认无误后再提交（confirmed: true）。", "确认");
        }
        await using var transaction = await db.OwnTransactionAsync(ct);
        var document = string.IsNullOrWhiteSpace(request.DocumentNo)
            ? await WorkflowWork.NextDocumentNoAsync(db, project.RegionCode, project.FiscalYear, ct)
            : request.DocumentNo;
        var action = prepared.Record(document, user, nowUtc);
        await ApplyAsync(db, action, project, prepared.Counterpart, user.UserName, BusinessCalendar.DateOf(nowUtc), () => CommitAsync(db, ct), ct);
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

    /// <summary>
    /// Adds a recorded corrective action with what it does to money: its ledger movements (a 文号 already used for the project's movements is
    /// refused), and for 暂缓拨付 the payment hold — linked by the action's id, so the action is saved first (<paramref name="save"/>, inside
    /// the caller's transaction). Monitoring's corrections and the budget links' this-year actions both go through here.
    /// </summary>
    internal static async Task ApplyAsync(JixiaoDbContext db, CorrectiveAction action, Project project, Project? counterpart, string by, DateOnly today,
        Func<Task> save, CancellationToken ct)
    {
        if (action.MovesMoney && await db.LedgerMovements.AnyAsync(m => m.RegionCode == project.RegionCode && m.FiscalYear == project.FiscalYear
                                                                         && m.DocumentNo == action.DocumentNo && m.ProjectId == project.Id, ct))
            throw new ConflictException($"文件号“{action.DocumentNo}”已用于该项目的指标变动，请换一个文件号。");
        db.CorrectiveActions.Add(action);
        db.LedgerMovements.AddRange(action.Movements(project, counterpart));
        if (action.Kind != CorrectiveKind.Suspension) return;
        await save();
        db.PaymentHolds.Add(PaymentHold.Place(project, action.Date, action.Amount, action.DocumentNo, action.Reason, by, today, action.Id));
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
    internal static async Task<decimal> BalanceAsync(JixiaoDbContext db, long projectId, DateOnly date, CancellationToken ct)
    {
        var movements = await db.LedgerMovements.AsNoTracking().Where(m => m.ProjectId == projectId && m.Date <= date)
            .Select(m => new { m.Kind, m.Amount }).ToListAsync(ct);
        var paid = await db.Payments.AsNoTracking().Where(p => p.ProjectId == projectId && p.Date <= date).Select(p => p.Amount).ToListAsync(ct);
        return movements.Sum(m => Ledger.SignOf(m.Kind) * m.Amount) - paid.Sum();
    }
}
