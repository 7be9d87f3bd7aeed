using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Budget;

/// <summary>
/// 暂缓拨付: from the day it is recorded (or its decision's later date) a project's payments are held until finance releases it (解除暂缓,
/// with a reason). A payment dated in the held period is refused by the 一体化 import with its row named — the treasury should not have
/// paid it — also after the release, which opens the days from the release on. Payments made before the hold was recorded were made
/// in good faith and stay importable. The budget is unchanged: the money stays the project's.
/// </summary>
public sealed class PaymentHold : IOrgOwned
{
    private PaymentHold() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public long ProjectId { get; private set; }
    public long OrgUnitId { get; private set; }
    /// <summary>The first business day payments are held: the decision's date, or the day it was recorded when that is later.</summary>
    public DateOnly From { get; private set; }
    /// <summary>The amount held back (元): the balance the action named.</summary>
    public decimal Amount { get; private set; }
    /// <summary>The 文号 of the decision.</summary>
    public string DocumentNo { get; private set; } = "";
    public string Reason { get; private set; } = "";
    /// <summary>The monitoring corrective action that decided it, if any.</summary>
    public long? CorrectiveActionId { get; private set; }
    public string HeldBy { get; private set; } = "";
    /// <summary>The first business day payments are allowed again; null while held.</summary>
    public DateOnly? ReleasedOn { get; private set; }
    public string ReleaseReason { get; private set; } = "";
    public string ReleasedBy { get; private set; } = "";

    public bool IsReleased => ReleasedOn is not null;

    public int Version { get; private set; }

    /// <param name="decided">the decision's date (its 文号's date), which may be before today</param>
    /// <param name="today">the business day it is recorded: the hold starts no earlier</param>
    public static PaymentHold Place(Project project, DateOnly decided, decimal amount, string documentNo, string reason, string heldBy, DateOnly today,
        long? correctiveActionId = null)
    {
        Money.EnsurePositive(amount, "暂缓拨付金额");
        if (decided.Year != project.FiscalYear) throw new DomainException($"暂缓拨付日期 {decided:yyyy-MM-dd} 不在预算年度 {project.FiscalYear} 内。", "日期");
        return new PaymentHold
        {
            RegionCode = project.RegionCode, FiscalYear = project.FiscalYear, ProjectId = project.Id, OrgUnitId = project.OrgUnitId,
            From = decided > today ? decided : today, Amount = amount,
            DocumentNo = documentNo.Trim(), Reason = Reasons.Require(reason, "暂缓拨付"), HeldBy = heldBy, CorrectiveActionId = correctiveActionId,
        };
    }

    /// <summary>解除暂缓 from <paramref name="on"/> (today or later, not before the hold began), with a reason.</summary>
    public void Release(DateOnly on, string? reason, string releasedBy, DateOnly today)
    {
        if (IsReleased) throw new ConflictException($"该暂缓拨付已于 {ReleasedOn:yyyy-MM-dd} 解除。");
        if (on < today) throw new DomainException($"解除日期 {on:yyyy-MM-dd} 早于今天 {today:yyyy-MM-dd}：解除只对今后的支付生效。", "解除日期");
        if (on < From) throw new DomainException($"解除日期 {on:yyyy-MM-dd} 早于暂缓开始日期 {From:yyyy-MM-dd}。", "解除日期");
        ReleaseReason = Reasons.Require(reason, "解除暂缓");
        (ReleasedOn, ReleasedBy) = (on, releasedBy);
        Version++;
    }

    /// <summary>Held on <paramref name="today"/>: not released, or released from a later day.</summary>
    public bool IsHeldOn(DateOnly today) => ReleasedOn is not { } released || released > today;

    /// <summary>Whether a payment dated <paramref name="date"/> falls in the held period: on or after the start, before the release.</summary>
    public bool Holds(DateOnly date) => date >= From && (ReleasedOn is not { } released || date < released);

    /// <summary>Why the payment is refused, naming the hold; null when no hold of the project covers its date.</summary>
    public static string? Refusal(IEnumerable<PaymentHold> holds, string projectName, DateOnly date) =>
        holds.Where(h => h.Holds(date)).OrderBy(h => h.From).FirstOrDefault() is { } hold
            ? $"项目“{projectName}”自 {hold.From:yyyy-MM-dd} 起暂缓拨付（{(hold.DocumentNo.Length > 0 ? hold.DocumentNo + "，" : "")}{hold.Reason}）"
              + (hold.ReleasedOn is { } released ? $"，至 {released:yyyy-MM-dd} 解除" : "，尚未解除")
              + $"：支付日期 {date:yyyy-MM-dd} 在暂缓期间，不能导入。请核实该笔支付，或待财政解除暂缓后按解除后的日期支付。"
            : null;
}
