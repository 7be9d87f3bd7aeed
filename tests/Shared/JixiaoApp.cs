using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jixiao.Domain.Access;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Tests.Shared;

/// <summary>
/// The real app (Program) on a real database. Start-up migrates the schema as in production; the demo
/// county is seeded on request. With <c>kestrel: true</c> it listens on a real loopback port for Chromium.
/// </summary>
public sealed class JixiaoApp : WebApplicationFactory<Program>
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    private readonly TimeProvider? _clock;
    private readonly IReadOnlyDictionary<string, string>? _settings;
    private readonly bool _ownsDatabase;

    private JixiaoApp(TestDatabase database, bool kestrel, TimeProvider? clock, IReadOnlyDictionary<string, string>? settings = null, bool ownsDatabase = true)
    {
        Database = database;
        _clock = clock;
        _settings = settings;
        _ownsDatabase = ownsDatabase;
        if (kestrel) UseKestrel(0);
    }

    public TestDatabase Database { get; }

    /// <param name="projects">demo projects to seed in the demo county (0: organisations and accounts only)</param>
    /// <param name="clock">a fixed "now" for the app and its demo data (tests of dated business rules such as monitoring cut-offs)</param>
    /// <param name="settings">configuration of this deployment (e.g. <c>Mail:Host</c>)</param>
    public static async Task<JixiaoApp> StartAsync(DatabaseProvider provider, bool seedDemo = true, bool kestrel = false, int projects = 0,
        TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new JixiaoApp(await TestDatabase.CreateAsync(provider), kestrel, clock, settings);
        if (kestrel) app.StartServer();
        else _ = app.Server;
        if (seedDemo) await app.AsSystemAsync<DemoSeeder>(s => s.SeedAsync(projects));
        return app;
    }

    /// <summary>A second node of <paramref name="first"/>'s deployment: another app on the same database (which stays <paramref name="first"/>'s).</summary>
    public static JixiaoApp Beside(JixiaoApp first, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new JixiaoApp(first.Database, kestrel: false, first._clock, settings ?? first._settings, ownsDatabase: false);
        _ = app.Server;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Jixiao", Database.ConnectionString);
        builder.UseSetting("Demo:SeedWhenEmpty", "false");
        builder.UseSetting("Demo:PrintAccounts", "false");
        // The deadline job runs only where a test calls it (NoticeSweep), never on a timer beside the test.
        builder.UseSetting("Notices:SweepMinutes", "0");
        // The suite signs in hundreds of times from one address; the throttle's own tests set their limits.
        builder.UseSetting("SignIn:PerAddressPerMinute", "100000");
        builder.UseSetting("SignIn:PerUserNamePerMinute", "100000");
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (_clock is { } clock)
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    /// <summary>The root URL of the Kestrel server (only with <c>kestrel: true</c>).</summary>
    public string RootUrl => Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
        .Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');

    /// <summary>Runs <paramref name="work"/> with a service resolved in a system-scoped request scope.</summary>
    public async Task AsSystemAsync<T>(Func<T, Task> work) where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("test");
        await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task<TResult> AsSystemAsync<T, TResult>(Func<T, Task<TResult>> work) where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("test");
        return await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    /// <summary>The code the demo administrators' authenticator shows now, by the app's clock.</summary>
    public string DemoTotpCode() => TwoFactor.CodeAt(TwoFactor.DemoSecret, Services.GetRequiredService<TimeProvider>().GetUtcNow());

    /// <summary>An API client signed in as a demo account through a bearer token (administrators with the demo authenticator code).</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string password = DemoCounty.Password)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/auth/tokens", new { userName, password, name = "test", totpCode = DemoTotpCode() });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.Token;
            _tokens[userName] = token;
        }
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The password <see cref="FirstSignInAsync"/> changes a chosen one to.</summary>
    public const string RenewedPassword = "Renewed#Pass2026";

    /// <summary>
    /// The first sign-in with a password an administrator or the server chose (users grant-admin, reset-password, an
    /// account created or reset on 用户): refused until it is changed, then a token. An administrator without an
    /// authenticator gets the demo one bound first (enrolment has tests of its own).
    /// </summary>
    public async Task<HttpClient> FirstSignInAsync(string userName, string chosen)
    {
        await AsSystemAsync<SystemDbContext>(async db =>
        {
            var user = await db.Users.Include(u => u.Roles).SingleAsync(u => u.UserName == userName);
            if (user.TotpSecret is not null || !user.Roles.Any(r => Roles.Administrators.Contains(r.Role))) return;
            user.TotpSecret = TwoFactor.DemoSecret;
            user.TwoFactorEnabled = true;
            await db.SaveChangesAsync();
        });
        using var anonymous = CreateClient();
        var refused = await anonymous.PostAsJsonAsync("/api/auth/tokens", new { userName, password = chosen, name = "test", totpCode = DemoTotpCode() });
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden,
            $"{userName} 的首次登录应要求修改密码，却答 {(int)refused.StatusCode}：{await refused.Content.ReadAsStringAsync()}");
        var changed = await anonymous.PostAsJsonAsync("/api/auth/password",
            new { userName, password = chosen, newPassword = RenewedPassword, totpCode = DemoTotpCode() });
        Assert.True(changed.StatusCode == HttpStatusCode.NoContent, $"{userName} 修改密码答 {(int)changed.StatusCode}：{await changed.Content.ReadAsStringAsync()}");
        return await ClientForAsync(userName, RenewedPassword);
    }

    private sealed record TokenResponse(string Token);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
    }
}
