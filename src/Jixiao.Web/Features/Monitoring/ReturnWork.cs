using Jixiao.Domain.Budget;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

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
public static partial class ReturnWork
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
