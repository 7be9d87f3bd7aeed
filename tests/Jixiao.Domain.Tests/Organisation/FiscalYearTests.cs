using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Tests.Organisation;

public sealed class FiscalYearTests
{
    [Theory]
    [InlineData(2015)]
    [InlineData(2016)]
    [InlineData(2025)]
    [InlineData(2099)]
    [InlineData(2100)]
    public void EnsureValid_YearInRange_Accepts(int year)
    {
        FiscalYears.EnsureValid(year);
    }

    [Theory]
    [InlineData(2014)]
    [InlineData(2101)]
    [InlineData(0)]
    [InlineData(-2025)]
    [InlineData(25)]
    public void EnsureValid_YearOutOfRange_ThrowsNamingYearAndRange(int year)
    {
        var ex = Assert.Throws<DomainException>(() => FiscalYears.EnsureValid(year));

        Assert.Equal("预算年度", ex.Field);
        Assert.Equal($"预算年度 {year} 超出范围，应在 2015–2100 之间。", ex.Message);
    }

    [Theory]
    [InlineData(2015, FiscalYearStatus.Closed)]
    [InlineData(2025, FiscalYearStatus.Executing)]
    [InlineData(2100, FiscalYearStatus.Planning)]
    public void Open_ValidRegionAndYear_KeepsValues(int year, FiscalYearStatus status)
    {
        var fiscalYear = FiscalYear.Open("140423", year, status);

        Assert.Equal("140423", fiscalYear.RegionCode);
        Assert.Equal(year, fiscalYear.Year);
        Assert.Equal(status, fiscalYear.Status);
    }

    [Theory]
    [InlineData(2014)]
    [InlineData(2101)]
    public void Open_YearOutOfRange_Throws(int year)
    {
        var ex = Assert.Throws<DomainException>(() => FiscalYear.Open("140423", year, FiscalYearStatus.Planning));

        Assert.Equal("预算年度", ex.Field);
    }

    [Theory]
    [InlineData("14042")]
    [InlineData("000000")]
    public void Open_InvalidRegion_Throws(string region)
    {
        var ex = Assert.Throws<DomainException>(() => FiscalYear.Open(region, 2025, FiscalYearStatus.Planning));

        Assert.Equal("区划代码", ex.Field);
    }

    [Theory]
    [InlineData(FiscalYearStatus.Planning, "编制中")]
    [InlineData(FiscalYearStatus.Executing, "执行中")]
    [InlineData(FiscalYearStatus.Closed, "已决算")]
    public void Label_EachStatus_ReturnsChinese(FiscalYearStatus status, string label)
    {
        Assert.Equal(label, status.Label());
    }
}

public sealed class RegionTests
{
    [Theory]
    [InlineData("140000", "山西省", RegionLevel.Province, null)]
    [InlineData("140400", "长治市", RegionLevel.City, "140000")]
    [InlineData("140423", "襄垣县", RegionLevel.County, "140400")]
    public void Create_ValidCode_DerivesLevelAndParent(string code, string name, RegionLevel level, string? parent)
    {
        var region = Region.Create(code, name);

        Assert.Equal(code, region.Code);
        Assert.Equal(name, region.Name);
        Assert.Equal(level, region.Level);
        Assert.Equal(parent, region.ParentCode);
    }

    [Fact]
    public void Create_PaddedName_TrimsName()
    {
        Assert.Equal("襄垣县", Region.Create("140423", "  襄垣县 ").Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_BlankName_Throws(string name)
    {
        var ex = Assert.Throws<DomainException>(() => Region.Create("140423", name));

        Assert.Equal("区划名称", ex.Field);
    }

    [Theory]
    [InlineData("14042")]
    [InlineData("xiangy")]
    [InlineData("000000")]
    public void Create_InvalidCode_Throws(string code)
    {
        var ex = Assert.Throws<DomainException>(() => Region.Create(code, "襄垣县"));

        Assert.Equal("区划代码", ex.Field);
    }
}
