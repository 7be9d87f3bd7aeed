using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Tests.Organisation;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("140000")] // 山西省
    [InlineData("140400")] // 长治市
    [InlineData("140423")] // 襄垣县
    [InlineData("110101")] // 北京市东城区
    [InlineData("650000")] // 新疆维吾尔自治区
    public void IsValid_SixDigitCode_ReturnsTrue(string code)
    {
        Assert.True(RegionCode.IsValid(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("14042")]    // 5 digits
    [InlineData("1404230")]  // 7 digits
    [InlineData("14042A")]
    [InlineData("abcdef")]
    [InlineData("000000")]
    [InlineData("001234")]
    [InlineData(" 14042")]
    [InlineData("14042 ")]
    [InlineData("-14042")]
    [InlineData("１４０４２３")] // full-width digits
    public void IsValid_MalformedCode_ReturnsFalse(string? code)
    {
        Assert.False(RegionCode.IsValid(code));
    }

    [Theory]
    [InlineData("14042")]
    [InlineData("14x423")]
    [InlineData("000000")]
    public void EnsureValid_MalformedCode_ThrowsChineseMessageNamingCode(string code)
    {
        var ex = Assert.Throws<DomainException>(() => RegionCode.EnsureValid(code));

        Assert.Equal("区划代码", ex.Field);
        Assert.Contains($"“{code}”", ex.Message);
        Assert.Contains("6 位数字", ex.Message);
    }

    [Fact]
    public void EnsureValid_CustomField_UsesFieldInMessage()
    {
        var ex = Assert.Throws<DomainException>(() => RegionCode.EnsureValid("1404", "上级区划"));

        Assert.Equal("上级区划", ex.Field);
        Assert.StartsWith("上级区划“1404”", ex.Message);
    }

    [Theory]
    [InlineData("140000", RegionLevel.Province)]
    [InlineData("110000", RegionLevel.Province)]
    [InlineData("140400", RegionLevel.City)]
    [InlineData("140100", RegionLevel.City)]
    [InlineData("140423", RegionLevel.County)]
    [InlineData("140105", RegionLevel.County)]
    public void LevelOf_ValidCode_ReturnsLevel(string code, RegionLevel level)
    {
        Assert.Equal(level, RegionCode.LevelOf(code));
    }

    [Theory]
    [InlineData("14000")]
    [InlineData("ab0000")]
    [InlineData("000000")]
    public void LevelOf_InvalidCode_Throws(string code)
    {
        Assert.Throws<DomainException>(() => RegionCode.LevelOf(code));
    }

    [Theory]
    [InlineData("140000", null)]
    [InlineData("140400", "140000")]
    [InlineData("140423", "140400")]
    [InlineData("140105", "140100")]
    public void ParentOf_ValidCode_ReturnsRegionDirectlyAbove(string code, string? parent)
    {
        Assert.Equal(parent, RegionCode.ParentOf(code));
    }

    [Theory]
    [InlineData("1404")]
    [InlineData("000000")]
    public void ParentOf_InvalidCode_Throws(string code)
    {
        Assert.Throws<DomainException>(() => RegionCode.ParentOf(code));
    }

    [Theory]
    [InlineData("140000", "140000", true)]
    [InlineData("140000", "140400", true)]
    [InlineData("140000", "140423", true)]
    [InlineData("140000", "140105", true)]
    [InlineData("140400", "140400", true)]
    [InlineData("140400", "140423", true)]
    [InlineData("140400", "140425", true)]
    [InlineData("140423", "140423", true)]
    [InlineData("140000", "150000", false)]
    [InlineData("140000", "150423", false)]
    [InlineData("140400", "140000", false)]
    [InlineData("140400", "140100", false)]
    [InlineData("140400", "140105", false)]
    [InlineData("140423", "140400", false)]
    [InlineData("140423", "140000", false)]
    [InlineData("140423", "140425", false)]
    public void Covers_AncestorAndDescendant_ReturnsWhetherBelow(string ancestor, string descendant, bool expected)
    {
        Assert.Equal(expected, RegionCode.Covers(ancestor, descendant));
    }

    [Theory]
    [InlineData("14000")]
    [InlineData("000000")]
    [InlineData("shanxi")]
    public void Covers_InvalidAncestor_Throws(string ancestor)
    {
        Assert.Throws<DomainException>(() => RegionCode.Covers(ancestor, "140423"));
    }
}
