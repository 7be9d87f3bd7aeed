using Jixiao.Domain.Access;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Tests.Access;

public sealed class RolesTests
{
    /// <summary>Every kind of organisation a user can belong to (null: none).</summary>
    private static readonly (OrgKind? Org, DivisionKind? Division)[] Homes =
    [
        (null, null),
        (OrgKind.FinanceBureau, null),
        (OrgKind.Division, DivisionKind.Budget),
        (OrgKind.Division, DivisionKind.Performance),
        (OrgKind.Division, DivisionKind.Business),
        (OrgKind.Department, null),
        (OrgKind.Unit, null),
    ];

    /// <summary>The organisations each role may belong to (DOMAIN.md §1); every other pair is invalid.</summary>
    private static readonly (Role Role, OrgKind? Org, DivisionKind? Division)[] AllowedHomes =
    [
        (Role.UnitFiller, OrgKind.Unit, null),
        (Role.DepartmentReviewer, OrgKind.Department, null),
        (Role.BusinessDivision, OrgKind.Division, DivisionKind.Business),
        (Role.PerformanceDivision, OrgKind.Division, DivisionKind.Performance),
        (Role.PerformanceDivision, OrgKind.Division, DivisionKind.Budget),
        (Role.SystemAdmin, OrgKind.FinanceBureau, null),
        (Role.SystemAdmin, OrgKind.Division, DivisionKind.Budget),
        (Role.SystemAdmin, OrgKind.Division, DivisionKind.Performance),
        (Role.SystemAdmin, OrgKind.Division, DivisionKind.Business),
        (Role.SecurityAdmin, OrgKind.FinanceBureau, null),
        (Role.SecurityAdmin, OrgKind.Division, DivisionKind.Budget),
        (Role.SecurityAdmin, OrgKind.Division, DivisionKind.Performance),
        (Role.SecurityAdmin, OrgKind.Division, DivisionKind.Business),
        (Role.AuditAdmin, OrgKind.FinanceBureau, null),
        (Role.AuditAdmin, OrgKind.Division, DivisionKind.Budget),
        (Role.AuditAdmin, OrgKind.Division, DivisionKind.Performance),
        (Role.AuditAdmin, OrgKind.Division, DivisionKind.Business),
        (Role.Agency, null, null),
        (Role.Expert, null, null),
    ];

    public static TheoryData<Role, OrgKind?, DivisionKind?> ValidHomes()
    {
        var data = new TheoryData<Role, OrgKind?, DivisionKind?>();
        foreach (var (role, org, division) in AllowedHomes)
            data.Add(role, org, division);
        return data;
    }

    public static TheoryData<Role, OrgKind?, DivisionKind?> InvalidHomes()
    {
        var data = new TheoryData<Role, OrgKind?, DivisionKind?>();
        foreach (var role in Roles.All)
            foreach (var (org, division) in Homes)
                if (!AllowedHomes.Contains((role, org, division)))
                    data.Add(role, org, division);
        return data;
    }

    public static readonly TheoryData<Role[]> AdministratorCombinations = new()
    {
        new[] { Role.SystemAdmin, Role.SecurityAdmin },
        new[] { Role.SystemAdmin, Role.AuditAdmin },
        new[] { Role.SecurityAdmin, Role.AuditAdmin },
        new[] { Role.AuditAdmin, Role.SystemAdmin },
        new[] { Role.SystemAdmin, Role.SecurityAdmin, Role.AuditAdmin },
    };

    public static TheoryData<Role, Role> AdministratorWithBusinessRole()
    {
        var data = new TheoryData<Role, Role>();
        foreach (var admin in Roles.Administrators.Order())
            foreach (var business in Roles.All.Where(r => !Roles.Administrators.Contains(r)))
                data.Add(admin, business);
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidHomes))]
    public void EnsureValidAssignment_RoleInItsOrganisation_Accepts(Role role, OrgKind? org, DivisionKind? division)
    {
        Roles.EnsureValidAssignment([role], org, division);
    }

    [Theory]
    [MemberData(nameof(InvalidHomes))]
    public void EnsureValidAssignment_RoleInWrongOrganisation_ThrowsNamingRole(Role role, OrgKind? org, DivisionKind? division)
    {
        var ex = Assert.Throws<DomainException>(() => Roles.EnsureValidAssignment([role], org, division));

        Assert.Equal("所属机构", ex.Field);
        Chinese.AssertMessage(ex.Message);
        Assert.Contains($"“{role.Label()}”", ex.Message);
    }

    [Theory]
    [MemberData(nameof(AdministratorCombinations))]
    public void EnsureValidAssignment_TwoOrMoreAdministratorRoles_ThrowsSeparationOfDuties(Role[] roles)
    {
        foreach (var (org, division) in new (OrgKind?, DivisionKind?)[] { (OrgKind.FinanceBureau, null), (OrgKind.Division, DivisionKind.Performance) })
        {
            var ex = Assert.Throws<DomainException>(() => Roles.EnsureValidAssignment(roles, org, division));

            Assert.Equal("角色", ex.Field);
            Assert.Contains("三员分立", ex.Message);
            foreach (var role in roles)
                Assert.Contains(role.Label(), ex.Message);
        }
    }

    [Theory]
    [MemberData(nameof(AdministratorWithBusinessRole))]
    public void EnsureValidAssignment_AdministratorWithBusinessRole_ThrowsSeparationOfDuties(Role admin, Role business)
    {
        foreach (var roles in new[] { new[] { admin, business }, new[] { business, admin } })
        {
            var ex = Assert.Throws<DomainException>(() => Roles.EnsureValidAssignment(roles, OrgKind.FinanceBureau, null));

            Assert.Equal("角色", ex.Field);
            Assert.Contains("三员分立", ex.Message);
            Assert.Contains(admin.Label(), ex.Message);
        }
    }

    [Fact]
    public void EnsureValidAssignment_NoRoles_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Roles.EnsureValidAssignment([], OrgKind.Unit, null));

        Assert.Equal("角色", ex.Field);
        Assert.Equal("请至少选择一个角色。", ex.Message);
    }

    [Theory]
    [InlineData(Role.SystemAdmin)]
    [InlineData(Role.SecurityAdmin)]
    [InlineData(Role.AuditAdmin)]
    public void EnsureValidAssignment_SameAdministratorRoleTwice_Accepts(Role admin)
    {
        Roles.EnsureValidAssignment([admin, admin], OrgKind.FinanceBureau, null);
    }

    [Fact]
    public void EnsureValidAssignment_AgencyAndExpertWithoutOrganisation_Accepts()
    {
        Roles.EnsureValidAssignment([Role.Agency, Role.Expert], null, null);
    }

    [Theory]
    [InlineData(Role.UnitFiller, Role.DepartmentReviewer, OrgKind.Unit, Role.DepartmentReviewer)]
    [InlineData(Role.UnitFiller, Role.DepartmentReviewer, OrgKind.Department, Role.UnitFiller)]
    [InlineData(Role.DepartmentReviewer, Role.Expert, OrgKind.Department, Role.Expert)]
    public void EnsureValidAssignment_TwoBusinessRolesOneOutOfPlace_ThrowsNamingThatRole(
        Role first, Role second, OrgKind org, Role culprit)
    {
        var ex = Assert.Throws<DomainException>(() => Roles.EnsureValidAssignment([first, second], org, null));

        Assert.Equal("所属机构", ex.Field);
        Assert.Contains($"“{culprit.Label()}”", ex.Message);
    }

    [Fact]
    public void Label_EveryRole_IsDistinctChinese()
    {
        var labels = Roles.All.Select(r => r.Label()).ToList();

        Assert.All(labels, Chinese.AssertMessage);
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }

    [Fact]
    public void TryParseLabelOrName_EveryLabelAndName_RoundTrips()
    {
        foreach (var role in Roles.All)
        {
            Assert.True(Roles.TryParseLabelOrName(role.Label(), out var byLabel));
            Assert.Equal(role, byLabel);
            Assert.True(Roles.TryParseLabelOrName(role.ToString(), out var byName));
            Assert.Equal(role, byName);
        }
    }

    [Theory]
    [InlineData(" 评审专家 ", Role.Expert)]
    [InlineData("unitfiller", Role.UnitFiller)]
    [InlineData("AUDITADMIN", Role.AuditAdmin)]
    public void TryParseLabelOrName_PaddedOrOtherCase_Parses(string text, Role expected)
    {
        Assert.True(Roles.TryParseLabelOrName(text, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("")]
    [InlineData("管理员")]
    [InlineData("Admin")]
    [InlineData("7")]
    public void TryParseLabelOrName_UnknownText_ReturnsFalse(string text)
    {
        Assert.False(Roles.TryParseLabelOrName(text, out _));
    }
}
