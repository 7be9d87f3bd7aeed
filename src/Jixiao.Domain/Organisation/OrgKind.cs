namespace Jixiao.Domain.Organisation;

/// <summary>The organisation tree of one region: 财政局 → 股室 ; 部门 → 单位.</summary>
public enum OrgKind
{
    [Label("财政局")]
    FinanceBureau = 1,
    /// <summary>股室 / 资金科室 of the finance bureau</summary>
    [Label("股室")]
    Division = 2,
    /// <summary>部门 (主管部门)</summary>
    [Label("部门")]
    Department = 3,
    /// <summary>单位 (预算单位)</summary>
    [Label("单位")]
    Unit = 4,
}

public enum DivisionKind
{
    [Label("预算股")]
    Budget = 1,
    [Label("绩效股")]
    Performance = 2,
    /// <summary>业务股室: allocates funds to departments and reviews their targets.</summary>
    [Label("业务股室")]
    Business = 3,
}

public static class OrgKinds
{
    /// <summary>Which kind of organisation may sit directly above a node of the given kind.</summary>
    public static void EnsureValidParent(OrgKind child, OrgKind? parent, DivisionKind? division)
    {
        var ok = child switch
        {
            OrgKind.FinanceBureau => parent is null,
            OrgKind.Division => parent == OrgKind.FinanceBureau,
            OrgKind.Department => parent is null,
            OrgKind.Unit => parent == OrgKind.Department,
            _ => false,
        };
        if (!ok)
        {
            var expected = child switch
            {
                OrgKind.Division => "股室必须隶属于财政局",
                OrgKind.Unit => "单位必须隶属于一个部门",
                _ => $"{child.Label()}不能有上级机构",
            };
            throw new DomainException($"上级机构不正确：{expected}。", "上级机构");
        }
        if ((child == OrgKind.Division) != (division is not null))
            throw new DomainException(child == OrgKind.Division
                ? "股室必须选择类型：预算股、绩效股或业务股室。"
                : "只有股室才有股室类型，请清空该字段。", "股室类型");
    }
}
