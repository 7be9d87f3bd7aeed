using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Budget;

/// <summary>
/// One dated movement of a project's budget, backed by a source document (指标文件号). Amounts are
/// positive; the kind says the direction. Paired kinds (调剂, 待分资金分配) carry the other project.
/// </summary>
public sealed class LedgerMovement : IOrgOwned
{
    private LedgerMovement() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public long ProjectId { get; private set; }
    /// <summary>The project's unit, copied so the scope filter applies to the ledger directly.</summary>
    public long OrgUnitId { get; private set; }
    public MovementKind Kind { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly Date { get; private set; }
    public string DocumentNo { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public long? CounterpartProjectId { get; private set; }

    public static LedgerMovement Create(Project project, MovementKind kind, decimal amount, DateOnly date,
        string documentNo, string? reason, Project? counterpart = null)
    {
        Money.EnsurePositive(amount, "金额");
        var document = (documentNo ?? "").Trim();
        if (document.Length is 0 or > 60)
            throw new DomainException("指标文件号不能为空，且不超过 60 个字符。", "文件号");
        if (date.Year != project.FiscalYear && kind != MovementKind.CarryOver)
            throw new DomainException($"日期 {date:yyyy-MM-dd} 不在预算年度 {project.FiscalYear} 内。", "日期");
        if (date < project.EstablishedOn)
            throw new DomainException($"日期 {date:yyyy-MM-dd} 早于项目立项日期 {project.EstablishedOn:yyyy-MM-dd}。", "日期");
        var paired = kind is MovementKind.ReallocationOut or MovementKind.ReallocationIn or MovementKind.PoolAllocationOut or MovementKind.PoolAllocationIn;
        if (paired != (counterpart is not null))
            throw new DomainException(paired ? $"{kind.Label()}必须指明对方项目。" : $"{kind.Label()}不应有对方项目。", "对方项目");
        if (counterpart is not null)
        {
            if (counterpart.Id == project.Id)
                throw new DomainException("调剂或分配的对方项目不能是项目自身。", "对方项目");
            if (counterpart.RegionCode != project.RegionCode || counterpart.FiscalYear != project.FiscalYear)
                throw new DomainException("对方项目必须属于同一区划和预算年度。", "对方项目");
        }
        if (kind == MovementKind.PoolAllocationOut && !project.IsPool)
            throw new DomainException($"“{project.Name}”不是待分资金项目，不能作为分配转出方。", "项目");
        if (kind == MovementKind.PoolAllocationIn && counterpart is { IsPool: false })
            throw new DomainException($"“{counterpart.Name}”不是待分资金项目，不能作为分配来源。", "对方项目");
        return new LedgerMovement
        {
            RegionCode = project.RegionCode,
            FiscalYear = project.FiscalYear,
            ProjectId = project.Id,
            OrgUnitId = project.OrgUnitId,
            Kind = kind,
            Amount = amount,
            Date = date,
            DocumentNo = document,
            Reason = (reason ?? "").Trim(),
            CounterpartProjectId = counterpart?.Id,
        };
    }
}

/// <summary>A dated payment (支付) from a project's budget.</summary>
public sealed class Payment : IOrgOwned
{
    private Payment() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public long ProjectId { get; private set; }
    public long OrgUnitId { get; private set; }
    public DateOnly Date { get; private set; }
    public decimal Amount { get; private set; }
    /// <summary>支付凭证号, unique within region and year: re-importing the same voucher changes nothing.</summary>
    public string DocumentNo { get; private set; } = "";
    public string Summary { get; private set; } = "";

    public static Payment Create(Project project, DateOnly date, decimal amount, string documentNo, string? summary)
    {
        Money.EnsurePositive(amount, "支付金额");
        var document = (documentNo ?? "").Trim();
        if (document.Length is 0 or > 60)
            throw new DomainException("支付凭证号不能为空，且不超过 60 个字符。", "凭证号");
        if (date.Year != project.FiscalYear)
            throw new DomainException($"支付日期 {date:yyyy-MM-dd} 不在预算年度 {project.FiscalYear} 内。", "支付日期");
        if (date < project.EstablishedOn)
            throw new DomainException($"支付日期 {date:yyyy-MM-dd} 早于项目立项日期 {project.EstablishedOn:yyyy-MM-dd}（项目当时尚不存在）。", "支付日期");
        return new Payment
        {
            RegionCode = project.RegionCode,
            FiscalYear = project.FiscalYear,
            ProjectId = project.Id,
            OrgUnitId = project.OrgUnitId,
            Date = date,
            Amount = amount,
            DocumentNo = document,
            Summary = (summary ?? "").Trim(),
        };
    }
}
