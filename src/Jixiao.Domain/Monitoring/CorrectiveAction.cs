using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Monitoring;

/// <summary>
/// A corrective action finance records on a project after monitoring (预算调减 / 调剂 / 收回 / 暂缓拨付 / 目标调整),
/// with amount, date and reason. Money actions flow back into the budget ledger as dated movements under the
/// action's document number; a target adjustment opens the next version of the project's targets.
/// </summary>
public sealed class CorrectiveAction : IOrgOwned
{
    private CorrectiveAction() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public long ProjectId { get; private set; }
    public long OrgUnitId { get; private set; }
    /// <summary>The monitoring task it came from, if any.</summary>
    public long? TaskId { get; private set; }
    public CorrectiveKind Kind { get; private set; }
    /// <summary>元; 0 for a target adjustment.</summary>
    public decimal Amount { get; private set; }
    public DateOnly Date { get; private set; }
    /// <summary>The 指标文件号 of the movements it made: finance's own, or the region-year's next 文号 (<see cref="DocumentNumber"/>).</summary>
    public string DocumentNo { get; private set; } = "";
    public string Reason { get; private set; } = "";
    /// <summary>调剂: the project that receives the money.</summary>
    public long? CounterpartProjectId { get; private set; }
    /// <summary>目标调整: the version it opened.</summary>
    public int? TargetVersion { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }

    public bool MovesMoney => Kind is CorrectiveKind.Reduction or CorrectiveKind.Reallocation or CorrectiveKind.Recovery;

    /// <param name="balance">全年预算数 − 执行数 of the project as of <paramref name="date"/>: no action takes more</param>
    /// <param name="today">the business day it is recorded (Beijing): an action is not dated in the future</param>
    public static CorrectiveAction Record(Project project, CorrectiveKind kind, decimal? amount, DateOnly date, string? documentNo,
        string? reason, decimal balance, DateOnly today, string recordedBy, DateTime nowUtc, long? taskId = null, Project? counterpart = null)
    {
        var why = Reasons.Require(reason, kind.Label());
        if (date > today)
            throw new DomainException($"{kind.Label()}日期 {date:yyyy-MM-dd} 晚于今天 {today:yyyy-MM-dd}，请填写已发文的日期。", "日期");
        if (date.Year != project.FiscalYear)
            throw new DomainException($"{kind.Label()}日期 {date:yyyy-MM-dd} 不在预算年度 {project.FiscalYear} 内。", "日期");
        decimal value = 0m;
        if (kind == CorrectiveKind.TargetAdjustment)
        {
            if (amount is { } given && given != 0) throw new DomainException("目标调整不涉及金额，请不要填写金额（调整资金请选择预算调减、调剂或收回）。", "金额");
            if (counterpart is not null) throw new DomainException("目标调整不应有对方项目。", "对方项目");
        }
        else
        {
            value = amount ?? throw new DomainException($"请填写{kind.Label()}金额（元）。", "金额");
            Money.EnsurePositive(value, $"{kind.Label()}金额");
            if (value > balance)
                throw new DomainException(
                    $"{kind.Label()}金额 {Money.Wan(value)}（{Money.Exact(value)}）超过项目截至 {date:yyyy-MM-dd} 的可用余额 {Money.Wan(Math.Max(balance, 0))}（{Money.Exact(Math.Max(balance, 0))}，全年预算数 − 执行数），已支付的资金不能{kind.Label()}。",
                    "金额");
            if ((kind == CorrectiveKind.Reallocation) != (counterpart is not null))
                throw new DomainException(kind == CorrectiveKind.Reallocation ? "调剂必须选择调入的项目。" : $"{kind.Label()}不应有对方项目。", "对方项目");
        }
        var document = (documentNo ?? "").Trim();
        if (document.Length > 60) throw new DomainException("文件号不超过 60 个字符。", "文件号");
        if (document.Length == 0) throw new DomainException("请填写文件号，或留空由系统按本地区本年度文号顺序编号。", "文件号");
        return new CorrectiveAction
        {
            RegionCode = project.RegionCode, FiscalYear = project.FiscalYear, ProjectId = project.Id, OrgUnitId = project.OrgUnitId,
            TaskId = taskId, Kind = kind, Amount = value, Date = date, DocumentNo = document, Reason = why,
            CounterpartProjectId = counterpart?.Id, RecordedBy = recordedBy, RecordedAtUtc = nowUtc,
        };
    }

    /// <summary>The ledger movements the action makes (none for 暂缓拨付 and 目标调整).</summary>
    public IReadOnlyList<LedgerMovement> Movements(Project project, Project? counterpart)
    {
        if (project.Id != ProjectId || counterpart?.Id != CounterpartProjectId)
            throw new InvalidOperationException("The action's projects are passed.");
        var reason = $"{Kind.Label()}（{(TaskId is null ? "结果应用" : "监控整改")}）：{Reason}";
        if (reason.Length > 500) reason = reason[..499] + "…";
        return Kind switch
        {
            CorrectiveKind.Reduction => [LedgerMovement.Create(project, MovementKind.Reduction, Amount, Date, DocumentNo, reason)],
            CorrectiveKind.Recovery => [LedgerMovement.Create(project, MovementKind.Recovery, Amount, Date, DocumentNo, reason)],
            CorrectiveKind.Reallocation =>
            [
                LedgerMovement.Create(project, MovementKind.ReallocationOut, Amount, Date, DocumentNo, reason, counterpart),
                LedgerMovement.Create(counterpart!, MovementKind.ReallocationIn, Amount, Date, DocumentNo, reason, project),
            ],
            _ => [],
        };
    }

    public void OpenedTargetVersion(int version) => TargetVersion = version;
}
