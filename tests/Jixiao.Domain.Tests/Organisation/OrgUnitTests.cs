using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Tests.Organisation;

public sealed class OrgUnitTests
{
    private const string Xiangyuan = "140423";
    private const string Pingshun = "140425";

    private static OrgUnit Department(string region = Xiangyuan) =>
        OrgUnit.Create(region, "301", "襄垣县教育局", OrgKind.Department, null, null);

    private static OrgUnit Bureau(string region = Xiangyuan) =>
        OrgUnit.Create(region, "001", "襄垣县财政局", OrgKind.FinanceBureau, null, null);

    [Fact]
    public void Create_UnitUnderDepartment_KeepsTrimmedCodeAndName()
    {
        var department = Department();

        var unit = OrgUnit.Create(Xiangyuan, "  301001 ", " 襄垣县第一中学 ", OrgKind.Unit, null, department);

        Assert.Equal(Xiangyuan, unit.RegionCode);
        Assert.Equal("301001", unit.Code);
        Assert.Equal("襄垣县第一中学", unit.Name);
        Assert.Equal(OrgKind.Unit, unit.Kind);
        Assert.Null(unit.DivisionKind);
        Assert.Equal(department.Id, unit.ParentId);
        Assert.True(unit.IsActive);
    }

    [Fact]
    public void Create_DivisionUnderBureau_KeepsDivisionKind()
    {
        var division = OrgUnit.Create(Xiangyuan, "002", "绩效股", OrgKind.Division, DivisionKind.Performance, Bureau());

        Assert.Equal(OrgKind.Division, division.Kind);
        Assert.Equal(DivisionKind.Performance, division.DivisionKind);
    }

    [Fact]
    public void Create_RootDepartment_HasNoParent()
    {
        Assert.Null(Department().ParentId);
    }

    [Theory]
    [InlineData("14042")]
    [InlineData("")]
    [InlineData("000000")]
    public void Create_InvalidRegionCode_Throws(string region)
    {
        var ex = Assert.Throws<DomainException>(() =>
            OrgUnit.Create(region, "301", "教育局", OrgKind.Department, null, null));

        Assert.Equal("区划代码", ex.Field);
    }

    [Fact]
    public void Create_ParentInAnotherRegion_Throws()
    {
        var department = Department(Pingshun);

        var ex = Assert.Throws<DomainException>(() =>
            OrgUnit.Create(Xiangyuan, "301001", "第一中学", OrgKind.Unit, null, department));

        Assert.Equal("上级机构", ex.Field);
        Assert.Contains("同一财政区划", ex.Message);
    }

    [Fact]
    public void Create_DivisionOfBureauInAnotherRegion_Throws()
    {
        var ex = Assert.Throws<DomainException>(() =>
            OrgUnit.Create(Pingshun, "002", "绩效股", OrgKind.Division, DivisionKind.Performance, Bureau(Xiangyuan)));

        Assert.Equal("上级机构", ex.Field);
    }

    [Fact]
    public void Create_UnitUnderBureau_Throws()
    {
        var ex = Assert.Throws<DomainException>(() =>
            OrgUnit.Create(Xiangyuan, "301001", "第一中学", OrgKind.Unit, null, Bureau()));

        Assert.Equal("上级机构", ex.Field);
    }

    [Fact]
    public void Create_DivisionWithoutKind_Throws()
    {
        var ex = Assert.Throws<DomainException>(() =>
            OrgUnit.Create(Xiangyuan, "002", "某股", OrgKind.Division, null, Bureau()));

        Assert.Equal("股室类型", ex.Field);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("0")]
    [InlineData("301001")]
    [InlineData("a-b_c.D")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ123456")] // 32 characters
    [InlineData("  12  ")]
    public void Create_ValidCode_Accepts(string code)
    {
        var org = OrgUnit.Create(Xiangyuan, code, "教育局", OrgKind.Department, null, null);

        Assert.Equal(code.Trim(), org.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ1234567")] // 33 characters
    [InlineData("单位01")]
    [InlineData("30 1")]
    [InlineData("301/1")]
    [InlineData("301+1")]
    [InlineData("３０１")] // full-width digits
    public void Create_InvalidCode_ThrowsOnCode(string code)
    {
        var ex = Assert.Throws<DomainException>(() =>
            OrgUnit.Create(Xiangyuan, code, "教育局", OrgKind.Department, null, null));

        Assert.Equal("机构编码", ex.Field);
        Assert.Contains($"“{code.Trim()}”", ex.Message);
        Assert.Contains("1–32 位", ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void Create_NameWithinLimit_Accepts(int length)
    {
        var name = new string('校', length);

        Assert.Equal(name, OrgUnit.Create(Xiangyuan, "301", name, OrgKind.Department, null, null).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_BlankName_ThrowsOnName(string name)
    {
        var ex = Assert.Throws<DomainException>(() =>
            OrgUnit.Create(Xiangyuan, "301", name, OrgKind.Department, null, null));

        Assert.Equal("机构名称", ex.Field);
    }

    [Fact]
    public void Create_NameOf101Characters_ThrowsOnName()
    {
        var ex = Assert.Throws<DomainException>(() =>
            OrgUnit.Create(Xiangyuan, "301", new string('校', 101), OrgKind.Department, null, null));

        Assert.Equal("机构名称", ex.Field);
        Assert.Contains("100", ex.Message);
    }

    [Fact]
    public void Rename_ValidCodeAndName_Updates()
    {
        var org = Department();

        org.Rename("302", "襄垣县教育和科技局");

        Assert.Equal("302", org.Code);
        Assert.Equal("襄垣县教育和科技局", org.Name);
    }

    [Theory]
    [InlineData("bad code", "新名称")]
    [InlineData("302", "")]
    public void Rename_InvalidInput_LeavesCodeAndNameUnchanged(string code, string name)
    {
        var org = Department();

        Assert.Throws<DomainException>(() => org.Rename(code, name));

        Assert.Equal("301", org.Code);
        Assert.Equal("襄垣县教育局", org.Name);
    }

    [Fact]
    public void Deactivate_ThenActivate_TogglesIsActive()
    {
        var org = Department();

        org.Deactivate();
        Assert.False(org.IsActive);

        org.Activate();
        Assert.True(org.IsActive);
    }
}

public sealed class DivisionAssignmentTests
{
    private const string Xiangyuan = "140423";

    private static OrgUnit Bureau(string region = Xiangyuan) =>
        OrgUnit.Create(region, "001", "财政局", OrgKind.FinanceBureau, null, null);

    private static OrgUnit Division(DivisionKind kind, string region = Xiangyuan) =>
        OrgUnit.Create(region, "010", "农业股", OrgKind.Division, kind, Bureau(region));

    private static OrgUnit Department(string region = Xiangyuan) =>
        OrgUnit.Create(region, "301", "农业农村局", OrgKind.Department, null, null);

    [Theory]
    [InlineData(FiscalYears.Earliest)]
    [InlineData(2025)]
    [InlineData(FiscalYears.Latest)]
    public void Create_BusinessDivisionAndDepartment_RecordsYearAndRegion(int year)
    {
        var assignment = DivisionAssignment.Create(year, Division(DivisionKind.Business), Department());

        Assert.Equal(year, assignment.FiscalYear);
        Assert.Equal(Xiangyuan, assignment.RegionCode);
    }

    [Theory]
    [InlineData(DivisionKind.Budget)]
    [InlineData(DivisionKind.Performance)]
    public void Create_NonBusinessDivision_ThrowsNamingDivision(DivisionKind kind)
    {
        var ex = Assert.Throws<DomainException>(() => DivisionAssignment.Create(2025, Division(kind), Department()));

        Assert.Equal("业务股室", ex.Field);
        Assert.Contains("“农业股”不是业务股室", ex.Message);
    }

    [Fact]
    public void Create_DepartmentPassedAsDivision_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => DivisionAssignment.Create(2025, Department(), Department()));

        Assert.Equal("业务股室", ex.Field);
    }

    [Fact]
    public void Create_UnitPassedAsDepartment_ThrowsNamingUnit()
    {
        var unit = OrgUnit.Create(Xiangyuan, "301001", "农技站", OrgKind.Unit, null, Department());

        var ex = Assert.Throws<DomainException>(() => DivisionAssignment.Create(2025, Division(DivisionKind.Business), unit));

        Assert.Equal("部门", ex.Field);
        Assert.Contains("“农技站”不是部门", ex.Message);
    }

    [Fact]
    public void Create_DivisionPassedAsDepartment_Throws()
    {
        var ex = Assert.Throws<DomainException>(() =>
            DivisionAssignment.Create(2025, Division(DivisionKind.Business), Division(DivisionKind.Business)));

        Assert.Equal("部门", ex.Field);
    }

    [Fact]
    public void Create_DepartmentInAnotherRegion_Throws()
    {
        var ex = Assert.Throws<DomainException>(() =>
            DivisionAssignment.Create(2025, Division(DivisionKind.Business), Department("140425")));

        Assert.Equal("部门", ex.Field);
        Assert.Contains("同一财政区划", ex.Message);
    }

    [Theory]
    [InlineData(FiscalYears.Earliest - 1)]
    [InlineData(FiscalYears.Latest + 1)]
    public void Create_YearOutOfRange_Throws(int year)
    {
        var ex = Assert.Throws<DomainException>(() =>
            DivisionAssignment.Create(year, Division(DivisionKind.Business), Department()));

        Assert.Equal("预算年度", ex.Field);
    }
}
