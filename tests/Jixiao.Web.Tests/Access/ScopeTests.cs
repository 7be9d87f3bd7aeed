using System.Net;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Organisation;

namespace Jixiao.Web.Tests.Access;

/// <summary>Scope is enforced by the query filters: whatever a role cannot see answers 404, API and pages alike.</summary>
public sealed class ScopeTests(DemoApps apps)
{
    private const string Xiangyuan = DemoCounty.RegionCode;
    private const string Licheng = DemoCounty.NeighbourRegionCode;

    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task GetOrg_OtherCounty_NotFoundForEveryRole(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var foreignUnit = await app.OrgIdAsync(Licheng, "10602");
        var foreignBureau = await app.OrgIdAsync(Licheng, "FIN00");
        foreach (var account in DemoCounty.Accounts.Where(a => a.Region == Xiangyuan))
        {
            using var client = await app.ClientForAsync(account.UserName);
            foreach (var id in new[] { foreignUnit, foreignBureau })
            {
                Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/orgs/{id}")).StatusCode,
                    $"{account.UserName}（{account.Role}）不应看到黎城县机构 {id}");
                Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/Organisation/Details/{id}")).StatusCode,
                    $"{account.UserName}（{account.Role}）不应打开黎城县机构页面 {id}");
            }
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task GetOrg_EachRole_SeesExactlyItsScope(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var yizhong = await app.OrgIdAsync(Xiangyuan, "10602");
        var shiyan = await app.OrgIdAsync(Xiangyuan, "10605");
        var education = await app.OrgIdAsync(Xiangyuan, "106");
        var hospital = await app.OrgIdAsync(Xiangyuan, "12002");
        var water = await app.OrgIdAsync(Xiangyuan, "115");
        var agriculture = await app.OrgIdAsync(Xiangyuan, "116");

        // (account, org, visible?)
        (string User, long Org, bool Visible)[] table =
        [
            ("yizhong", yizhong, true), ("yizhong", education, true), ("yizhong", shiyan, false), ("yizhong", hospital, false),
            ("shiyan", shiyan, true), ("shiyan", yizhong, false),
            ("edu", education, true), ("edu", yizhong, true), ("edu", shiyan, true), ("edu", hospital, false), ("edu", water, false),
            ("health", hospital, true), ("health", yizhong, false),
            ("jkw", education, true), ("jkw", shiyan, true), ("jkw", water, false), ("jkw", hospital, false),
            ("nongye", water, true), ("nongye", education, false),
            ("perf", hospital, true), ("perf", water, true), ("budget", yizhong, true),
            // The agency sees by name the organisations its engagements evaluate (the demo firm evaluates 第一中学's project), no other
            // (农业农村局's engagement was cancelled before any draw; other tests engage the firm for other units, so those are not asserted).
            ("agency", yizhong, true), ("agency", agriculture, false),
            // The expert sees by name what the panels it sits on review (the demo's report review of 水利局's monitoring), no other
            // (other tests seat it on panels of 教育科技局, so that one is not asserted).
            ("expert", water, true), ("expert", agriculture, false),
            ("sysadmin", water, true), ("auditadmin", water, true), ("secadmin", water, true),
        ];
        foreach (var (user, org, visible) in table)
        {
            using var client = await app.ClientForAsync(user);
            var status = (await client.GetAsync($"/api/orgs/{org}")).StatusCode;
            Assert.True((visible ? HttpStatusCode.OK : HttpStatusCode.NotFound) == status, $"{user} → 机构 {org}: {status}");
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ListOrgs_UnitFiller_ReturnsOwnUnitAndAncestorsOnly(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = await app.ClientForAsync("yizhong");
        var orgs = await client.GetJsonAsync<List<OrgDto>>("/api/orgs");
        Assert.Equal(["106", "10602"], orgs!.Select(o => o.Code).Order().ToArray());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ListOrgs_PerformanceDivision_ReturnsWholeCountyAndNothingElse(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = await app.ClientForAsync("perf");
        var orgs = await client.GetJsonAsync<List<OrgDto>>("/api/orgs");
        Assert.All(orgs!, o => Assert.Equal(Xiangyuan, o.RegionCode));
        Assert.True(orgs!.Count >= 70, $"襄垣县应有约 70 个以上部门和单位，实际 {orgs.Count}");
        using var neighbour = await app.ClientForAsync("lc.perf");
        var theirs = await neighbour.GetJsonAsync<List<OrgDto>>("/api/orgs");
        Assert.All(theirs!, o => Assert.Equal(Licheng, o.RegionCode));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task GetUser_OtherCounty_NotFoundForSystemAdmin(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = await app.ClientForAsync("sysadmin");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/users/{await app.UserIdAsync("lc.unit")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/users/{await app.UserIdAsync("yizhong")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Users/Edit?id={await app.UserIdAsync("lc.unit")}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AdminApis_OtherRoles_Forbidden(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        (string User, string Path, HttpStatusCode Status)[] table =
        [
            ("yizhong", "/api/users", HttpStatusCode.Forbidden),
            ("perf", "/api/users", HttpStatusCode.Forbidden),
            ("secadmin", "/api/users", HttpStatusCode.Forbidden),
            ("auditadmin", "/api/users", HttpStatusCode.Forbidden),
            ("sysadmin", "/api/users", HttpStatusCode.OK),
            ("sysadmin", "/api/audit", HttpStatusCode.Forbidden),
            ("secadmin", "/api/audit", HttpStatusCode.Forbidden),
            ("perf", "/api/audit", HttpStatusCode.Forbidden),
            ("auditadmin", "/api/audit", HttpStatusCode.OK),
            ("sysadmin", "/api/security/locked-users", HttpStatusCode.Forbidden),
            ("auditadmin", "/api/security/locked-users", HttpStatusCode.Forbidden),
            ("secadmin", "/api/security/locked-users", HttpStatusCode.OK),
        ];
        foreach (var (user, path, expected) in table)
        {
            using var client = await app.ClientForAsync(user);
            Assert.True(expected == (await client.GetAsync(path)).StatusCode, $"{user} {path}");
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AuditLog_AuditAdmin_SeesOnlyOwnCounty(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = await app.ClientForAsync("auditadmin");
        var page = await client.GetJsonAsync<Features.Audit.AuditPage>("/api/audit?pageSize=200");
        Assert.NotEmpty(page!.Rows);
        Assert.All(page.Rows, r => Assert.Equal(Xiangyuan, r.RegionCode));
        // Another county is not in scope: not found, as any foreign id.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/api/audit?region={Licheng}")).StatusCode);
    }
}
