using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Access;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Access;

/// <summary>User management by the system administrator: 三员分立, role-to-organisation rules, password policy.</summary>
public sealed class UserAdminTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private static object NewUser(string userName, long? org, Role[] roles, string password = "Good@2026x") =>
        new { userName, displayName = "测试用户", orgUnitId = org, roles = roles.Select(r => r.ToString()), isActive = true, password, regionCode = DemoCounty.RegionCode };

    [Theory, MemberData(nameof(Providers))]
    public async Task CreateUser_TwoAdministratorRoles_ForbiddenAndNothingWritten(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.ClientForAsync("sysadmin");
        var bureau = await app.OrgIdAsync(DemoCounty.RegionCode, "FIN00");
        foreach (var pair in new[] { (Role.SecurityAdmin, Role.AuditAdmin), (Role.SystemAdmin, Role.AuditAdmin), (Role.SystemAdmin, Role.SecurityAdmin) })
        {
            var name = $"dual.{pair.Item1}.{pair.Item2}".ToLowerInvariant();
            var response = await admin.PostAsJsonAsync("/api/users", NewUser(name, bureau, [pair.Item1, pair.Item2]));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = await response.Content.ReadJsonAsync<ProblemDetails>();
            Assert.Contains("三员分立", problem!.Detail);
            Assert.False(await app.AsSystemAsync<SystemDbContext, bool>(db => db.Users.AnyAsync(u => u.UserName == name)));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task UpdateUser_SecurityAdminAlsoAuditAdmin_ForbiddenAndRolesUnchanged(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.ClientForAsync("sysadmin");
        var id = await app.UserIdAsync("secadmin");
        var bureau = await app.OrgIdAsync(DemoCounty.RegionCode, "FIN00");
        var response = await admin.PutAsJsonAsync($"/api/users/{id}",
            NewUser("secadmin", bureau, [Role.SecurityAdmin, Role.AuditAdmin], password: ""));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("三员分立", (await response.Content.ReadJsonAsync<ProblemDetails>())!.Detail);
        var user = await admin.GetJsonAsync<UserDto>($"/api/users/{id}");
        Assert.Equal([Role.SecurityAdmin], user!.Roles);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CreateUser_AdminWithBusinessRole_Forbidden(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.ClientForAsync("sysadmin");
        var performance = await app.OrgIdAsync(DemoCounty.RegionCode, "FIN02");
        var response = await admin.PostAsJsonAsync("/api/users", NewUser("mixed.admin", performance, [Role.AuditAdmin, Role.PerformanceDivision]));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("users grant-admin", (await response.Content.ReadJsonAsync<ProblemDetails>())!.Detail);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CreateUser_UnitFillerOnDepartment_RejectedNamingTheField(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.ClientForAsync("sysadmin");
        var department = await app.OrgIdAsync(DemoCounty.RegionCode, "106");
        var response = await admin.PostAsJsonAsync("/api/users", NewUser("wrong.org", department, [Role.UnitFiller]));
        var problem = await response.Content.ReadJsonAsync<ProblemDetails>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("所属机构", problem!.Extensions["field"]!.ToString());
    }

    [Theory]
    [InlineData("short1A", "至少 8 位")]
    [InlineData("alllowercase", "至少 3 类")]
    [InlineData("lowercase123", "至少 3 类")]
    public async Task CreateUser_WeakPassword_RejectedWithReason(string password, string reason)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var admin = await app.ClientForAsync("sysadmin");
        var unit = await app.OrgIdAsync(DemoCounty.RegionCode, "10603");
        var response = await admin.PostAsJsonAsync("/api/users", NewUser("weak." + password.ToLowerInvariant(), unit, [Role.UnitFiller], password));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason.Replace("至少 3 类", "中的至少 3 类"), (await response.Content.ReadJsonAsync<ProblemDetails>())!.Detail);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CreateUser_Valid_CanSignInAndSeesOwnUnit(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.ClientForAsync("sysadmin");
        var unit = await app.OrgIdAsync(DemoCounty.RegionCode, "10603");
        var response = await admin.PostAsJsonAsync("/api/users", NewUser("erzhong.filler", unit, [Role.UnitFiller]));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await app.ChangeOwnPasswordAsync("erzhong.filler", "Good@2026x", "Mine#2026erz");
        using var user = await app.ClientForAsync("erzhong.filler", "Mine#2026erz");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/orgs/{unit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/orgs/{await app.OrgIdAsync(DemoCounty.RegionCode, "10602")}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task UpdateUser_MovedToAnotherUnit_ScopeFollowsOnNextRequest(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.ClientForAsync("sysadmin");
        var from = await app.OrgIdAsync(DemoCounty.RegionCode, "11902");
        var to = await app.OrgIdAsync(DemoCounty.RegionCode, "11903");
        var created = await admin.PostAsJsonAsync("/api/users", NewUser("library.mover", from, [Role.UnitFiller]));
        var id = (await created.Content.ReadJsonAsync<UserDto>())!.Id;
        await app.ChangeOwnPasswordAsync("library.mover", "Good@2026x", "Mine#2026lib");
        using var user = await app.ClientForAsync("library.mover", "Mine#2026lib");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/orgs/{from}")).StatusCode);

        var moved = await admin.PutAsJsonAsync($"/api/users/{id}", NewUser("library.mover", to, [Role.UnitFiller], password: ""));
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/orgs/{from}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/orgs/{to}")).StatusCode);
    }
}
