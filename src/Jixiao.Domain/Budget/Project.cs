using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Budget;

/// <summary>
/// A project in the project library (项目库) of one region and fiscal year. <see cref="OrgUnitId"/> is the
/// unit that carries it out (for a 待分资金 pool project: the finance division that holds the pool).
/// Its budget is never typed: it is derived from the ledger (<see cref="LedgerMovement"/>).
/// </summary>
public sealed class Project : IOrgOwned
{
    private Project() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    /// <summary>项目编码, unique within region and year.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>主管部门 (null for a pool project held by finance).</summary>
    public long? DepartmentId { get; private set; }
    public long OrgUnitId { get; private set; }
    public ProjectLevel Level { get; private set; }
    public long? ParentId { get; private set; }
    public ProjectCategory Category { get; private set; }
    public Recurrence Recurrence { get; private set; }
    public int StartYear { get; private set; }
    public int EndYear { get; private set; }
    public LibraryStatus Status { get; private set; }
    public BudgetKind BudgetKind { get; private set; }
    public TransferLevel Transfer { get; private set; }
    public FundTags Tags { get; private set; }
    /// <summary>A 待分资金 pool held by a finance division; its allocations go to other projects.</summary>
    public bool IsPool { get; private set; }
    /// <summary>立项日期: payments and movements before it are rejected.</summary>
    public DateOnly EstablishedOn { get; private set; }
    /// <summary>申报金额 (元): what the unit asks for when the project enters the library; the ex-ante screening reads it.</summary>
    public decimal RequestedAmount { get; private set; }
    /// <summary>重大政策: a new one needs an ex-ante evaluation on the policy dimensions.</summary>
    public bool MajorPolicy { get; private set; }

    public sealed record Details(
        string Code, string Name, ProjectLevel Level, ProjectCategory Category, Recurrence Recurrence,
        int StartYear, int EndYear, LibraryStatus Status, BudgetKind BudgetKind, TransferLevel Transfer,
        FundTags Tags, DateOnly EstablishedOn, decimal RequestedAmount = 0, bool MajorPolicy = false);

    /// <param name="unit">the implementing unit, or for a pool the finance division holding it</param>
    /// <param name="parent">the 一级 project above a 二级 one (same region, year and unit)</param>
    public static Project Create(string regionCode, int fiscalYear, OrgUnit unit, long? departmentId, Details details,
        bool isPool = false, Project? parent = null)
    {
        FiscalYears.EnsureValid(fiscalYear);
        if (unit.RegionCode != regionCode)
            throw new DomainException($"单位“{unit.Name}”不属于区划 {regionCode}。", "单位");
        if (isPool)
        {
            if (unit.Kind != OrgKind.Division)
                throw new DomainException("待分资金项目必须由财政局的股室持有。", "单位");
        }
        else if (unit.Kind != OrgKind.Unit)
        {
            throw new DomainException($"“{unit.Name}”不是预算单位，项目必须落到具体单位。", "单位");
        }
        var project = new Project
        {
            RegionCode = regionCode,
            FiscalYear = fiscalYear,
            OrgUnitId = unit.Id,
            DepartmentId = isPool ? null : departmentId ?? unit.ParentId,
            IsPool = isPool,
        };
        project.Update(details, parent);
        return project;
    }

    public void Update(Details details, Project? parent)
    {
        var code = (details.Code ?? "").Trim();
        var name = (details.Name ?? "").Trim();
        if (code.Length is 0 or > 40)
            throw new DomainException("项目编码不能为空，且不超过 40 个字符。", "项目编码");
        if (name.Length is 0 or > 200)
            throw new DomainException("项目名称不能为空，且不超过 200 个字。", "项目名称");
        if (details.StartYear > details.EndYear)
            throw new DomainException($"开始年度 {details.StartYear} 晚于结束年度 {details.EndYear}。", "起止年度");
        if (FiscalYear < details.StartYear || FiscalYear > details.EndYear)
            throw new DomainException($"预算年度 {FiscalYear} 不在项目起止年度 {details.StartYear}–{details.EndYear} 之内。", "起止年度");
        if (details.Level == ProjectLevel.Level1 && parent is not null)
            throw new DomainException("一级项目不能有上级项目。", "上级项目");
        if (details.Level != ProjectLevel.Level1)
        {
            if (parent is null)
                throw new DomainException($"{details.Level.Label()}项目必须指定上级项目。", "上级项目");
            if ((int)parent.Level != (int)details.Level - 1)
                throw new DomainException($"上级项目“{parent.Name}”是{parent.Level.Label()}项目，不能作为{details.Level.Label()}项目的上级。", "上级项目");
            if (parent.RegionCode != RegionCode || parent.FiscalYear != FiscalYear)
                throw new DomainException("上级项目必须属于同一区划和预算年度。", "上级项目");
        }
        if (details.RequestedAmount < 0)
            throw new DomainException($"申报金额不能为负数（{Money.Format(details.RequestedAmount)} 元）。", "申报金额");
        Money.EnsureValid(details.RequestedAmount, "申报金额");
        Code = code;
        Name = name;
        Level = details.Level;
        ParentId = parent?.Id;
        Category = details.Category;
        Recurrence = details.Recurrence;
        StartYear = details.StartYear;
        EndYear = details.EndYear;
        Status = details.Status;
        BudgetKind = details.BudgetKind;
        Transfer = details.Transfer;
        Tags = details.Tags;
        EstablishedOn = details.EstablishedOn;
        RequestedAmount = details.RequestedAmount;
        MajorPolicy = details.MajorPolicy;
    }
}
