using Jixiao.Domain.Access;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Tests.Access;

public sealed class ScopeRulesTests
{
    private const long UserId = 42;
    private const string Xiangyuan = "140423"; // 襄垣县

    // 襄垣县 organisation tree:
    //   1 财政局 → 2 预算股, 3 绩效股, 4 农业股 (business), 5 社保股 (business)
    //   10 教育局 → 11 第一中学, 12 第二中学
    //   20 卫健局 → 21 人民医院, 22 中医院
    //   30 水利局 (no division funds it, no units)
    private const long Bureau = 1, Budget = 2, Performance = 3, Agriculture = 4, Welfare = 5;
    private const long Education = 10, School1 = 11, School2 = 12;
    private const long Health = 20, Hospital1 = 21, Hospital2 = 22;
    private const long Water = 30;

    private static readonly OrgNode[] Orgs =
    [
        new(Bureau, null, OrgKind.FinanceBureau, null, Xiangyuan),
        new(Budget, Bureau, OrgKind.Division, DivisionKind.Budget, Xiangyuan),
        new(Performance, Bureau, OrgKind.Division, DivisionKind.Performance, Xiangyuan),
        new(Agriculture, Bureau, OrgKind.Division, DivisionKind.Business, Xiangyuan),
        new(Welfare, Bureau, OrgKind.Division, DivisionKind.Business, Xiangyuan),
        new(Education, null, OrgKind.Department, null, Xiangyuan),
        new(School1, Education, OrgKind.Unit, null, Xiangyuan),
        new(School2, Education, OrgKind.Unit, null, Xiangyuan),
        new(Health, null, OrgKind.Department, null, Xiangyuan),
        new(Hospital1, Health, OrgKind.Unit, null, Xiangyuan),
        new(Hospital2, Health, OrgKind.Unit, null, Xiangyuan),
        new(Water, null, OrgKind.Department, null, Xiangyuan),
    ];

    private static readonly DivisionDepartment[] Mapping =
    [
        new(Agriculture, Education),
        new(Welfare, Health),
    ];

    private static readonly string[] RegionCodes =
    [
        "140000", // 山西省
        "140100", // 太原市
        "140105", // 小店区
        "140400", // 长治市
        "140423", // 襄垣县
        "140425", // 平顺县
        "150000", // 内蒙古自治区
        "150100", // 呼和浩特市
    ];

    private static AccessScope For(Role[] roles, long? homeOrg, string homeRegion = Xiangyuan,
        IReadOnlyCollection<DivisionDepartment>? mapping = null) =>
        ScopeRules.For(UserId, roles, homeRegion, homeOrg, RegionCodes, Orgs, mapping ?? Mapping);

    public static readonly TheoryData<Role, long, long[], long[]> OrgBoundRoles = new()
    {
        // unit: own data; the department only by name
        { Role.UnitFiller, School1, [School1], [Education, School1] },
        { Role.UnitFiller, Hospital2, [Hospital2], [Health, Hospital2] },
        // department: itself and all its units
        { Role.DepartmentReviewer, Education, [Education, School1, School2], [Education, School1, School2] },
        { Role.DepartmentReviewer, Water, [Water], [Water] },
        // business division: itself and the departments it funds with their units; the bureau by name
        { Role.BusinessDivision, Agriculture, [Agriculture, Education, School1, School2], [Bureau, Agriculture, Education, School1, School2] },
        { Role.BusinessDivision, Welfare, [Welfare, Health, Hospital1, Hospital2], [Bureau, Welfare, Health, Hospital1, Hospital2] },
    };

    [Theory]
    [MemberData(nameof(OrgBoundRoles))]
    public void For_OrganisationBoundRole_ScopesDataAndVisibleOrgs(Role role, long homeOrg, long[] data, long[] visible)
    {
        var scope = For([role], homeOrg);

        Assert.Equal(data, scope.DataOrgIds);
        Assert.Equal(visible, scope.VisibleOrgIds);
        Assert.Equal([Xiangyuan], scope.RegionCodes);
        Assert.False(scope.IsSystem);
        Assert.Equal(UserId, scope.UserId);
        Assert.True(scope.Has(role));
        Assert.All(data, id => Assert.True(scope.CoversOrgData(id)));
        Assert.All(Orgs.Select(o => o.Id).Except(data), id => Assert.False(scope.CoversOrgData(id)));
    }

    [Fact]
    public void For_UnitFiller_SeesDepartmentNameButNotItsData()
    {
        var scope = For([Role.UnitFiller], School1);

        Assert.Contains(Education, scope.VisibleOrgIds!);
        Assert.False(scope.CoversOrgData(Education));
        Assert.False(scope.CoversOrgData(School2));
    }

    [Fact]
    public void For_BusinessDivision_DoesNotSeeUnmappedDepartments()
    {
        var scope = For([Role.BusinessDivision], Agriculture);

        foreach (var id in new[] { Health, Hospital1, Hospital2, Water, Welfare, Budget, Performance })
        {
            Assert.DoesNotContain(id, scope.DataOrgIds!);
            Assert.DoesNotContain(id, scope.VisibleOrgIds!);
        }
        Assert.False(scope.CoversOrgData(Bureau));
    }

    [Fact]
    public void For_BusinessDivisionFundingTwoDepartments_SeesBoth()
    {
        var scope = For([Role.BusinessDivision], Agriculture,
            mapping: [new(Agriculture, Education), new(Agriculture, Health), new(Welfare, Water)]);

        Assert.Equal([Agriculture, Education, School1, School2, Health, Hospital1, Hospital2], scope.DataOrgIds);
        Assert.DoesNotContain(Water, scope.DataOrgIds!);
    }

    [Fact]
    public void For_BusinessDivisionWithoutMapping_SeesOnlyItself()
    {
        var scope = For([Role.BusinessDivision], Agriculture, mapping: []);

        Assert.Equal([Agriculture], scope.DataOrgIds);
        Assert.Equal([Bureau, Agriculture], scope.VisibleOrgIds);
    }

    [Theory]
    [InlineData(Role.UnitFiller)]
    [InlineData(Role.DepartmentReviewer)]
    [InlineData(Role.BusinessDivision)]
    public void For_OrganisationBoundRoleWithoutHomeOrg_SeesNothing(Role role)
    {
        var scope = For([role], homeOrg: null);

        Assert.Empty(scope.DataOrgIds!);
        Assert.Empty(scope.VisibleOrgIds!);
        Assert.All(Orgs, o => Assert.False(scope.CoversOrgData(o.Id)));
    }

    [Theory]
    [InlineData(Role.Agency)]
    [InlineData(Role.Expert)]
    public void For_AgencyOrExpert_GetsNoOrganisationData(Role role)
    {
        var scope = For([role], homeOrg: null);

        Assert.Empty(scope.DataOrgIds!);
        Assert.Empty(scope.VisibleOrgIds!);
        Assert.Equal([Xiangyuan], scope.RegionCodes);
        Assert.All(Orgs, o => Assert.False(scope.CoversOrgData(o.Id)));
    }

    public static readonly TheoryData<Role, string, string[]> RegionWideRoles = new()
    {
        { Role.PerformanceDivision, "140000", ["140000", "140100", "140105", "140400", "140423", "140425"] },
        { Role.PerformanceDivision, "140400", ["140400", "140423", "140425"] },
        { Role.PerformanceDivision, "140423", ["140423"] },
        { Role.SystemAdmin, "140000", ["140000", "140100", "140105", "140400", "140423", "140425"] },
        { Role.SystemAdmin, "140400", ["140400", "140423", "140425"] },
        { Role.SecurityAdmin, "140400", ["140400", "140423", "140425"] },
        { Role.SecurityAdmin, "150000", ["150000", "150100"] },
        { Role.AuditAdmin, "140423", ["140423"] },
        { Role.AuditAdmin, "140000", ["140000", "140100", "140105", "140400", "140423", "140425"] },
    };

    [Theory]
    [MemberData(nameof(RegionWideRoles))]
    public void For_PerformanceDivisionOrAdministrator_SeesAllOrgsOfCoveredRegions(Role role, string homeRegion, string[] regions)
    {
        var scope = ScopeRules.For(UserId, [role], homeRegion, homeOrgId: 3, RegionCodes, orgs: [], divisionDepartments: []);

        Assert.Null(scope.DataOrgIds);
        Assert.Null(scope.VisibleOrgIds);
        Assert.Equal(regions, scope.RegionCodes);
        Assert.All(regions, r => Assert.True(scope.CoversRegion(r)));
        Assert.All(RegionCodes.Except(regions), r => Assert.False(scope.CoversRegion(r)));
        Assert.True(scope.CoversOrgData(Hospital2));
        Assert.True(scope.CoversOrgData(987654));
    }

    [Theory]
    [InlineData(Role.UnitFiller, School1)]
    [InlineData(Role.DepartmentReviewer, Education)]
    [InlineData(Role.BusinessDivision, Agriculture)]
    [InlineData(Role.Agency, null)]
    public void For_OrganisationBoundRoleInProvince_StaysInHomeRegion(Role role, long? homeOrg)
    {
        var scope = For([role], homeOrg, homeRegion: "140000");

        Assert.Equal(["140000"], scope.RegionCodes);
        Assert.False(scope.CoversRegion("140423"));
    }

    [Fact]
    public void For_AgencyAndExpert_StillSeeNothing()
    {
        var scope = For([Role.Agency, Role.Expert], homeOrg: null);

        Assert.Empty(scope.DataOrgIds!);
        Assert.True(scope.Has(Role.Agency));
        Assert.True(scope.Has(Role.Expert));
    }

    [Fact]
    public void For_Agency_SeesTheOrganisationsItsRecordNames_ByNameOnly()
    {
        var scope = ScopeRules.For(UserId, [Role.Agency], Xiangyuan, homeOrgId: null, RegionCodes, Orgs, Mapping, agencyId: 7, namedOrgs: [Hospital1]);

        Assert.Equal([Hospital1], scope.VisibleOrgIds);
        Assert.Empty(scope.DataOrgIds!);
        Assert.False(scope.CoversOrgData(Hospital1));
    }

    [Fact]
    public void For_UnitFillerWithoutAnAgencyRecord_GetsNoNamedOrganisations()
    {
        var scope = ScopeRules.For(UserId, [Role.UnitFiller], Xiangyuan, School1, RegionCodes, Orgs, Mapping, namedOrgs: [Hospital1]);

        Assert.DoesNotContain(Hospital1, scope.VisibleOrgIds!);
    }

    [Fact]
    public void For_UnitFillerAndAgency_KeepsUnitData()
    {
        var scope = For([Role.Agency, Role.UnitFiller], School2);

        Assert.Equal([School2], scope.DataOrgIds);
        Assert.Equal([Education, School2], scope.VisibleOrgIds);
    }

    [Theory]
    [InlineData(Role.BusinessDivision, Role.PerformanceDivision)]
    [InlineData(Role.PerformanceDivision, Role.BusinessDivision)]
    [InlineData(Role.UnitFiller, Role.AuditAdmin)]
    public void For_RegionWideRoleAddedToOrgRole_SeesEverything(Role first, Role second)
    {
        var scope = For([first, second], Agriculture, homeRegion: "140400");

        Assert.Null(scope.DataOrgIds);
        Assert.Null(scope.VisibleOrgIds);
        Assert.Equal(["140400", "140423", "140425"], scope.RegionCodes);
        Assert.True(scope.Has(first));
        Assert.True(scope.Has(second));
    }

    [Theory]
    [InlineData(Role.DepartmentReviewer, Role.BusinessDivision)]
    [InlineData(Role.BusinessDivision, Role.DepartmentReviewer)]
    public void For_DepartmentReviewerAndBusinessDivision_AddsBothScopesInAnyOrder(Role first, Role second)
    {
        // Not a valid assignment (one home org), but the rule is that roles add up: the reviewer part sees
        // the home org's subtree, the division part adds what the home org funds.
        var scope = For([first, second], Education, mapping: [new(Education, Health)]);

        Assert.Equal([Education, School1, School2, Health, Hospital1, Hospital2], scope.DataOrgIds);
    }

    [Fact]
    public void Nobody_AnyRegionOrOrg_SeesNothing()
    {
        var scope = AccessScope.Nobody;

        Assert.False(scope.IsSystem);
        Assert.Null(scope.UserId);
        Assert.Empty(scope.DataOrgIds!);
        Assert.Empty(scope.VisibleOrgIds!);
        Assert.All(RegionCodes, r => Assert.False(scope.CoversRegion(r)));
        Assert.All(Orgs, o => Assert.False(scope.CoversOrgData(o.Id)));
        Assert.All(Roles.All, r => Assert.False(scope.Has(r)));
    }

    [Fact]
    public void System_AnyRegionOrOrg_SeesEverything()
    {
        var scope = AccessScope.System;

        Assert.True(scope.IsSystem);
        Assert.All(RegionCodes, r => Assert.True(scope.CoversRegion(r)));
        Assert.True(scope.CoversRegion("999999"));
        Assert.All(Orgs, o => Assert.True(scope.CoversOrgData(o.Id)));
        Assert.True(scope.CoversOrgData(987654));
    }
}
