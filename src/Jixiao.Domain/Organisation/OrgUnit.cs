namespace Jixiao.Domain.Organisation;

/// <summary>
/// One node of a region's organisation tree: the finance bureau and its divisions (股室), departments
/// (部门) and their units (单位). Organisations are master data of a region and carry no fiscal year;
/// year-dependent relations (which division funds which department) carry the year themselves.
/// </summary>
public sealed class OrgUnit : IRegionOwned
{
    private OrgUnit() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    /// <summary>单位编码 as used by the 一体化 system (unique within the region).</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public OrgKind Kind { get; private set; }
    public DivisionKind? DivisionKind { get; private set; }
    public long? ParentId { get; private set; }
    public bool IsActive { get; private set; } = true;

    public static OrgUnit Create(string regionCode, string code, string name, OrgKind kind,
        DivisionKind? divisionKind, OrgUnit? parent)
    {
        Organisation.RegionCode.EnsureValid(regionCode);
        OrgKinds.EnsureValidParent(kind, parent?.Kind, divisionKind);
        if (parent is not null && parent.RegionCode != regionCode)
            throw new DomainException("上级机构必须属于同一财政区划。", "上级机构");
        var org = new OrgUnit
        {
            RegionCode = regionCode,
            Kind = kind,
            DivisionKind = divisionKind,
            ParentId = parent?.Id,
        };
        org.Rename(code, name);
        return org;
    }

    public void Rename(string code, string name)
    {
        code = (code ?? "").Trim();
        name = (name ?? "").Trim();
        if (code.Length is 0 or > 32 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new DomainException($"机构编码“{code}”无效：应为 1–32 位字母、数字或 - _ .", "机构编码");
        if (name.Length is 0 or > 100)
            throw new DomainException("机构名称不能为空，且不超过 100 个字。", "机构名称");
        Code = code;
        Name = name;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}

/// <summary>
/// 资金科室 mapping: in a fiscal year a business division allocates funds to a department and therefore
/// reviews its targets ("谁分配资金，谁审核目标").
/// </summary>
public sealed class DivisionAssignment : IRegionOwned
{
    private DivisionAssignment() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public long DivisionId { get; private set; }
    public long DepartmentId { get; private set; }

    public static DivisionAssignment Create(int fiscalYear, OrgUnit division, OrgUnit department)
    {
        FiscalYears.EnsureValid(fiscalYear);
        if (division.Kind != OrgKind.Division || division.DivisionKind != Organisation.DivisionKind.Business)
            throw new DomainException($"“{division.Name}”不是业务股室，不能归口管理部门。", "业务股室");
        if (department.Kind != OrgKind.Department)
            throw new DomainException($"“{department.Name}”不是部门，只能把部门分配给业务股室。", "部门");
        if (division.RegionCode != department.RegionCode)
            throw new DomainException("业务股室与部门必须属于同一财政区划。", "部门");
        return new DivisionAssignment
        {
            RegionCode = division.RegionCode,
            FiscalYear = fiscalYear,
            DivisionId = division.Id,
            DepartmentId = department.Id,
        };
    }
}
