using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Access;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Security;
using Jixiao.Web.Features.Shared;
using Jixiao.Web.Features.Users;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Tests.Access;

/// <summary>The security administrator's history: sign-ins with their address, tokens, role and password changes — filtered, paged, in scope.</summary>
public sealed class SecurityEventsTests
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private sealed record Issued(string Token);

    [Theory, MemberData(nameof(Providers))]
    public async Task Events_SignInsTokensRolesPasswords_ListedWithAddressFilteredPagedAndScoped(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider, kestrel: true);
        using var http = new HttpClient { BaseAddress = new Uri(app.RootUrl) };
        async Task<HttpResponseMessage> SignIn(string userName, string password) =>
            await http.PostAsJsonAsync("/api/auth/tokens", new { userName, password, name = "脚本", totpCode = app.DemoTotpCode() });
        // Over the real socket (Kestrel), so the records carry a real client address.
        async Task<HttpClient> ClientFor(string userName)
        {
            var token = (await (await SignIn(userName, DemoCounty.Password)).Content.ReadJsonAsync<Issued>())!.Token;
            var client = new HttpClient { BaseAddress = new Uri(app.RootUrl) };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        for (var i = 0; i < 5; i++) await SignIn("water", "Wrong@2026x");
        var issued = await (await SignIn("hospital", DemoCounty.Password)).Content.ReadJsonAsync<Issued>();
        Assert.Equal(HttpStatusCode.OK, (await SignIn("lc.unit", DemoCounty.Password)).StatusCode);

        using var admin = await ClientFor("sysadmin");
        var unit = await app.OrgIdAsync(DemoCounty.RegionCode, "10604");
        var body = (Role role, string password) => new
        {
            userName = "event.user", displayName = "事件用户", orgUnitId = unit, roles = new[] { role.ToString() }, isActive = true, password,
            regionCode = DemoCounty.RegionCode,
        };
        var created = await (await admin.PostAsJsonAsync("/api/users", body(Role.UnitFiller, "First@2026x"))).Content.ReadJsonAsync<UserDto>();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/users/{created!.Id}", body(Role.UnitFiller, "Second@2026x"))).StatusCode);

        using var security = await ClientFor("secadmin");
        var tokens = await security.GetJsonAsync<List<TokenDto>>("/api/security/tokens");
        var hospitalToken = tokens!.Single(t => t.UserName == "hospital" && issued!.Token.StartsWith(t.Prefix));
        Assert.Equal(HttpStatusCode.NoContent, (await security.PostAsync($"/api/security/tokens/{hospitalToken.Id}/revoke", null)).StatusCode);

        var locked = await security.GetJsonAsync<SecurityEventPage>("/api/security/events?user=water&kind=LockedOut");
        var lockout = Assert.Single(locked!.Rows);
        Assert.Equal(("water", "127.0.0.1", "账号锁定"), (lockout.Account, lockout.ClientAddress, lockout.KindLabel));
        var failures = await security.GetJsonAsync<SecurityEventPage>("/api/security/events?user=water&kind=SignInFailed");
        Assert.Equal(4, failures!.Total);
        Assert.All(failures.Rows, r => Assert.Equal("127.0.0.1", r.ClientAddress));

        var hospital = await security.GetJsonAsync<SecurityEventPage>("/api/security/events?user=hospital");
        Assert.Contains(hospital!.Rows, r => r.Kind == SecurityEventKind.TokenIssued && r.ClientAddress == "127.0.0.1");
        var revoked = Assert.Single(hospital.Rows, r => r.Kind == SecurityEventKind.TokenRevoked);
        Assert.Equal(("hospital", "secadmin"), (revoked.Account, revoked.Operator));

        var changes = await security.GetJsonAsync<SecurityEventPage>("/api/security/events?user=event.user");
        Assert.Contains(changes!.Rows, r => r.Kind == SecurityEventKind.RoleChanged && r.Operator == "sysadmin" && r.Detail == "授予预算单位填报人");
        Assert.Contains(changes.Rows, r => r.Kind == SecurityEventKind.PasswordChanged && r.Account == "event.user" && r.Operator == "sysadmin");

        var all = await security.GetJsonAsync<SecurityEventPage>("/api/security/events?pageSize=10");
        Assert.True(all!.Total > 10, $"{all.Total} events");
        var second = await security.GetJsonAsync<SecurityEventPage>("/api/security/events?pageSize=10&page=2");
        Assert.Empty(all.Rows.Select(r => r.Id).Intersect(second!.Rows.Select(r => r.Id)));
        Assert.True(all.Rows[^1].OccurredAtUtc >= second.Rows[0].OccurredAtUtc);
        var everything = await security.GetJsonAsync<SecurityEventPage>("/api/security/events?pageSize=200");
        Assert.DoesNotContain(everything!.Rows, r => r.Account == "lc.unit" || r.RegionCode != DemoCounty.RegionCode);

        var tomorrow = BusinessCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(1);
        Assert.Equal(0, (await security.GetJsonAsync<SecurityEventPage>($"/api/security/events?from={tomorrow:yyyy-MM-dd}"))!.Total);
        var backwards = await security.GetAsync($"/api/security/events?from={tomorrow:yyyy-MM-dd}&to={tomorrow.AddDays(-2):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("早于开始日期", (await backwards.Content.ReadJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, (await security.GetAsync("/api/security/events?to=9999-12-31")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await security.GetAsync("/api/security/events?page=2147483647&pageSize=2147483647")).StatusCode);
        Assert.Empty((await security.GetJsonAsync<SecurityEventPage>($"/api/security/events?page={RequestArguments.MaxPage}&pageSize=200"))!.Rows);

        foreach (var other in new[] { "sysadmin", "auditadmin", "perf" })
        {
            using var client = await ClientFor(other);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/security/events")).StatusCode);
        }
    }
}
