using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jixiao.Domain.Audit;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Demo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Access;

public sealed class AuthenticationTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string user, string password) =>
        await client.PostAsJsonAsync("/api/auth/tokens", new { userName = user, password });

    [Theory, MemberData(nameof(Providers))]
    public async Task Token_FiveWrongPasswords_LocksPasswordSignInButNotTheOwnersTokens(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var account = await TestAccounts.NewFillerAsync(app, "zhigao");
        using var script = await TestAccounts.BearerAsync(app, account.UserName, account.Password);

        // A stranger who knows only the user name.
        using var anonymous = app.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(anonymous, account.UserName, "Wrong@2026x")).StatusCode);
        var right = await RequestTokenAsync(anonymous, account.UserName, account.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(PasswordSignIn.GenericFailure, (await right.Content.ReadJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/auth/me")).StatusCode);
        Assert.Contains(AuditAction.LockedOut, await app.AsSystemAsync<SystemDbContext, List<AuditAction>>(db =>
            db.AuditEntries.Where(e => e.UserId == account.Id).Select(e => e.Action).ToListAsync()));

        using var security = await app.ClientForAsync("secadmin");
        Assert.Equal(HttpStatusCode.NoContent, (await security.PostAsync($"/api/security/users/{account.Id}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(anonymous, account.UserName, account.Password)).StatusCode);
    }

    [Fact]
    public async Task Api_WithoutCredentials_Answers401ProblemDetails()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/api/orgs");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Page_WithoutCredentials_RedirectsToLogin()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/Organisation");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Token_Revoked_NoLongerAuthenticates()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var anonymous = app.CreateClient();
        var issued = await (await RequestTokenAsync(anonymous, "water", DemoCounty.Password)).Content.ReadJsonAsync<TokenBody>();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued!.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        using var security = await app.ClientForAsync("secadmin");
        var tokens = await security.GetJsonAsync<List<Features.Security.TokenDto>>("/api/security/tokens");
        var mine = tokens!.Single(t => issued.Token.StartsWith(t.Prefix, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, (await security.PostAsync($"/api/security/tokens/{mine.Id}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Token_Garbage_Answers401()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "jx_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Pages_Always_SendSecurityHeaders()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var response = await client.GetAsync("/Account/Login");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("style-src-elem 'self';", policy);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task LoginForm_PostedWithoutAntiforgeryToken_Rejected()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/Account/Login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "perf", ["Password"] = DemoCounty.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("jixiao.auth", StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Health_ReportsDatabaseAndSchemaVersion(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = app.CreateClient();
        var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"Healthy\"", body);
        Assert.Contains(provider.ToString(), body);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheApiAndBearerScheme()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/orgs/{id}", document);
        Assert.Contains("/api/auth/tokens", document);
        Assert.Contains("bearer", document);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
    }

    private sealed record TokenBody(string Token);
}
