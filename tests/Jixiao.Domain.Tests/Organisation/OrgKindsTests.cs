using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Tests.Organisation;

public sealed class OrgKindsTests
{
    [Theory]
    [InlineData(OrgKind.FinanceBureau, null, null)]
    [InlineData(OrgKind.Division, OrgKind.FinanceBureau, DivisionKind.Budget)]
    [InlineData(OrgKind.Division, OrgKind.FinanceBureau, DivisionKind.Performance)]
    [InlineData(OrgKind.Division, OrgKind.FinanceBureau, DivisionKind.Business)]
    [InlineData(OrgKind.Department, null, null)]
    [InlineData(OrgKind.Unit, OrgKind.Department, null)]
    public void EnsureValidParent_AllowedParent_Accepts(OrgKind child, OrgKind? parent, DivisionKind? division)
    {
        OrgKinds.EnsureValidParent(child, parent, division);
    }

    [Theory]
    [InlineData(OrgKind.FinanceBureau, OrgKind.FinanceBureau, null, "财政局不能有上级机构")]
    [InlineData(OrgKind.FinanceBureau, OrgKind.Department, null, "财政局不能有上级机构")]
    [InlineData(OrgKind.Division, null, DivisionKind.Business, "股室必须隶属于财政局")]
    [InlineData(OrgKind.Division, OrgKind.Division, DivisionKind.Business, "股室必须隶属于财政局")]
    [InlineData(OrgKind.Division, OrgKind.Department, DivisionKind.Budget, "股室必须隶属于财政局")]
    [InlineData(OrgKind.Department, OrgKind.FinanceBureau, null, "部门不能有上级机构")]
    [InlineData(OrgKind.Department, OrgKind.Department, null, "部门不能有上级机构")]
    [InlineData(OrgKind.Unit, null, null, "单位必须隶属于一个部门")]
    [InlineData(OrgKind.Unit, OrgKind.Unit, null, "单位必须隶属于一个部门")]
    [InlineData(OrgKind.Unit, OrgKind.FinanceBureau, null, "单位必须隶属于一个部门")]
    [InlineData(OrgKind.Unit, OrgKind.Division, null, "单位必须隶属于一个部门")]
    public void EnsureValidParent_WrongParent_ThrowsExplainingParent(OrgKind child, OrgKind? parent, DivisionKind? division, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => OrgKinds.EnsureValidParent(child, parent, division));

        Assert.Equal("上级机构", ex.Field);
        Assert.Equal($"上级机构不正确：{expected}。", ex.Message);
    }

    [Theory]
    [InlineData(OrgKind.Division, OrgKind.FinanceBureau, null, "股室必须选择类型")]
    [InlineData(OrgKind.FinanceBureau, null, DivisionKind.Performance, "只有股室才有股室类型")]
    [InlineData(OrgKind.Department, null, DivisionKind.Budget, "只有股室才有股室类型")]
    [InlineData(OrgKind.Unit, OrgKind.Department, DivisionKind.Business, "只有股室才有股室类型")]
    public void EnsureValidParent_DivisionKindMissingOrMisplaced_ThrowsOnDivisionKind(OrgKind child, OrgKind? parent, DivisionKind? division, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => OrgKinds.EnsureValidParent(child, parent, division));

        Assert.Equal("股室类型", ex.Field);
        Assert.StartsWith(expected, ex.Message);
    }

    [Fact]
    public void Label_EveryKind_IsDistinctChinese()
    {
        var labels = Enum.GetValues<OrgKind>().Select(k => k.Label())
            .Concat(Enum.GetValues<DivisionKind>().Select(k => k.Label())).ToList();

        Assert.All(labels, Chinese.AssertMessage);
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }
}
