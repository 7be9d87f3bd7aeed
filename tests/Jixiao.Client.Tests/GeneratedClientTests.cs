using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using Jixiao.Client;
using Jixiao.Client.Models;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Jixiao.Client.Tests;

/// <summary>
/// The API through a client that Kiota generated from the app's own OpenAPI document at build time, as a script of a
/// finance bureau would use it: a token for a demo account, then the projects, one project, a missing one, and a new user.
/// </summary>
public sealed class GeneratedClientTests(GeneratedClientTests.ClientApps apps) : IClassFixture<GeneratedClientTests.ClientApps>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    [Fact]
    public async Task Client_IsGeneratedFromTheDocumentTheAppServes()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var path = typeof(GeneratedClientTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OpenApiDocument").Value!;
        var generatedFrom = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        using var http = app.CreateClient();
        var served = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!.AsObject();
        // The server names the address it was asked on; the written document names none (a client sets its base URL).
        served.Remove("servers");
        Assert.True(JsonNode.DeepEquals(generatedFrom, served), $"客户端所依据的 {path} 与应用提供的 /openapi/v1.json 不同：请重新生成（dotnet build）。");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Client_SignsInAndListsAndGetsProjects(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await SignedInAsync(app, "perf");

        var page = await client.Api.Projects.GetAsync(q => q.QueryParameters.PageSize = 10);
        Assert.NotNull(page?.Rows);
        Assert.InRange(page.Total!.Value, 1, int.MaxValue);
        Assert.Equal(Math.Min(10, page.Total.Value), page.Rows.Count);
        var row = page.Rows[0];

        var project = await client.Api.Projects[row.Id!.Value].GetAsync();
        Assert.Equal(row.Code, project!.Project!.Code);
        Assert.Equal(row.AdjustedBudget, project.Project.AdjustedBudget);

        var missing = await Assert.ThrowsAsync<ProblemDetails>(() => client.Api.Projects[999_999].GetAsync());
        Assert.Equal(404, missing.ResponseStatusCode);
        Assert.Contains("不存在", missing.Detail);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Client_CreatesAUserWithTheUserForm(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = await SignedInAsync(app, "sysadmin");
        var school = (await client.Api.Orgs.GetAsync(q => q.QueryParameters.Keyword = "第一中学"))!
            .Single(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");

        var created = await client.Api.Users.PostAsync(new SaveUserCommand
        {
            UserName = $"kiota.{provider}".ToLowerInvariant(), DisplayName = "客户端生成的账号", OrgUnitId = school.Id, Roles = [Role.UnitFiller],
            IsActive = true, Password = "Kiota@2026x",
        });

        var read = await client.Api.Users[created!.Id!.Value].GetAsync();
        Assert.Equal(created.UserName, read!.UserName);
        Assert.Equal([Role.UnitFiller], read.Roles);
        Assert.Equal(school.Id, read.OrgUnitId);
    }

    /// <summary>A token from POST /api/auth/tokens (through the client), then a client that sends it as the bearer.</summary>
    private static async Task<JixiaoClient> SignedInAsync(JixiaoApp app, string userName)
    {
        var issued = await Client(app, new AnonymousAuthenticationProvider()).Api.Auth.Tokens.PostAsync(new IssueTokenRequest
        {
            UserName = userName, Password = DemoCounty.Password, Name = "生成的客户端", TotpCode = app.DemoTotpCode(),
        });
        var token = issued?.Token ?? throw new InvalidOperationException($"{userName} 没有得到令牌");
        Assert.StartsWith("jx_", token);
        return Client(app, new BaseBearerTokenAuthenticationProvider(new Token(token)));
    }

    private static JixiaoClient Client(JixiaoApp app, IAuthenticationProvider authentication)
    {
        var http = app.CreateClient();
        return new JixiaoClient(new HttpClientRequestAdapter(authentication, httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });
    }

    private sealed class Token(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) => Task.FromResult(token);
    }

    /// <summary>One app per provider with the demo county and a few projects, started on first use.</summary>
    public sealed class ClientApps : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<JixiaoApp>>> _apps = new();

        public Task<JixiaoApp> GetAsync(DatabaseProvider provider)
        {
            TestEnvironment.Require(provider);
            return _apps.GetOrAdd(provider, p => new Lazy<Task<JixiaoApp>>(() => JixiaoApp.StartAsync(p, projects: 12))).Value;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
                await (await app.Value).DisposeAsync();
        }
    }
}
