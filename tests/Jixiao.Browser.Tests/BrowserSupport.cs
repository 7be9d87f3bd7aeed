using System.Collections.Concurrent;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

[assembly: AssemblyFixture(typeof(Jixiao.Browser.Tests.BrowserApp))]

namespace Jixiao.Browser.Tests;

/// <summary>
/// One app with the demo county on SQLite, listening on a real Kestrel port, and one headless Chromium,
/// both started on first use and shared by every browser test. Each test works in its own browser context.
/// Browser tests run on SQLite only; the integration tests cover PostgreSQL.
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    private readonly Lazy<Task<(JixiaoApp App, IPlaywright Playwright, IBrowser Browser)>> _started;

    private readonly ServerErrorLog _serverErrors = new();

    public BrowserApp() => _started = new(StartAsync);

    /// <summary>Errors the app logged while serving the browser (exceptions behind a 500 page).</summary>
    public IReadOnlyCollection<string> ServerErrors => _serverErrors.Entries;

    /// <summary>The Chromium to drive: <c>JIXIAO_CHROMIUM</c>, else the Debian package's. Never downloaded.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Skips the test without Chromium; under <c>CI=true</c> fails it instead.</summary>
    public static void RequireChromium()
    {
        if (File.Exists(ChromiumPath)) return;
        var why = $"找不到 Chromium（{ChromiumPath}）：请安装 apt 包 chromium fonts-noto-cjk（./test.sh 会自动安装），或用 JIXIAO_CHROMIUM 指定可执行文件";
        if (TestEnvironment.IsCi) Assert.Fail("CI=true 时不允许跳过浏览器测试：" + why);
        Assert.Skip(why);
    }

    public async Task<JixiaoApp> AppAsync()
    {
        RequireChromium();
        return (await _started.Value).App;
    }

    /// <summary>A fresh browser context (own cookies) at 1366×768, zh-CN, with one page.</summary>
    /// <param name="rootUrl">another app to browse (one with a clock of its own); the shared demo app by default</param>
    public async Task<BrowserSession> NewSessionAsync(string? rootUrl = null)
    {
        RequireChromium();
        var (app, _, browser) = await _started.Value;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = rootUrl ?? app.RootUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync(), this);
    }

    private async Task<(JixiaoApp, IPlaywright, IBrowser)> StartAsync()
    {
        SetDefaultExpectTimeout(10_000);
        var appTask = StartAppAsync();
        IPlaywright? playwright = null;
        try
        {
            playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                ],
            });
            return (await appTask, playwright, browser);
        }
        catch
        {
            playwright?.Dispose();
            if (await Task.WhenAny(appTask) is { IsCompletedSuccessfully: true }) await appTask.Result.DisposeAsync();
            throw;
        }
    }

    private async Task<JixiaoApp> StartAppAsync()
    {
        var app = await JixiaoApp.StartAsync(DatabaseProvider.Sqlite, seedDemo: true, kestrel: true);
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(_serverErrors);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_started.IsValueCreated || await Task.WhenAny(_started.Value) is not { IsCompletedSuccessfully: true }) return;
        var (app, playwright, browser) = _started.Value.Result;
        await browser.CloseAsync();
        playwright.Dispose();
        await app.DisposeAsync();
    }
}

/// <summary>One browser context and its page, with the steps a user takes.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page, BrowserApp app) : IAsyncDisposable
{
    private readonly List<string> _problems = Watch(page);

    public IPage Page { get; } = page;

    /// <summary>Console errors (e.g. CSP refusals), script errors and failed sub-resources seen so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get { lock (_problems) return [.. _problems]; }
    }

    private static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            // Chromium asks for /favicon.ico on its own; the app has none (a cosmetic gap, not a page fault).
            if (m.Type == "error" && !m.Location.Contains("/favicon.ico", StringComparison.Ordinal))
                lock (problems) problems.Add($"console: {(m.Text.Length > 200 ? m.Text[..200] + "…" : m.Text)} ({m.Location})");
        };
        page.PageError += (_, e) => { lock (problems) problems.Add($"script: {e} ({page.Url})"); };
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && r.Request.ResourceType != "document")
                lock (problems) problems.Add($"{r.Status} {r.Request.Method} {r.Url}");
        };
        page.RequestFailed += (_, r) => { lock (problems) problems.Add($"failed: {r.Method} {r.Url} {r.Failure}"); };
        return problems;
    }

    public Task<IResponse?> GotoAsync(string path) => Page.GotoAsync(path);

    /// <summary>Clicks a submit button and waits until the browser shows the document the server answered with.</summary>
    public async Task SubmitAsync(ILocator button)
    {
        // The old document is marked; the wait (re-run on every animation frame, across navigations) ends
        // once the browser shows an unmarked one. Playwright's own navigation wait is deprecated as racy.
        await Page.EvaluateAsync("() => document.documentElement.dataset.stale = '1'");
        await button.ClickAsync();
        await Page.WaitForFunctionAsync("() => document.documentElement && !document.documentElement.dataset.stale");
        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Fills the login form and submits it; asserts nothing about the outcome.</summary>
    public async Task SubmitLoginAsync(string userName, string password)
    {
        if (!Page.Url.Contains("/Account/Login", StringComparison.Ordinal)) await GotoAsync("/Account/Login");
        await Page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await Page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await SubmitAsync(Button("登录"));
    }

    /// <summary>Logs in through the form and checks that the user lands on 工作台.</summary>
    public async Task LoginAsync(string userName, string password = DemoCounty.Password)
    {
        await SubmitLoginAsync(userName, password);
        if (Page.Url.Contains("/Account/SecondFactor", StringComparison.Ordinal))
        {
            // The demo administrators' authenticator, by the app's clock.
            await Page.GetByLabel("动态口令", new() { Exact = true }).FillAsync((await app.AppAsync()).DemoTotpCode());
            await SubmitAsync(Button("验证"));
        }
        if (Page.Url.Contains("/Account/Login", StringComparison.Ordinal))
            Assert.Fail($"{userName} 登录失败：{await Page.Locator("main").InnerTextAsync()}\n{string.Join("\n", app.ServerErrors.TakeLast(2))}");
        await Expect(Page.Locator(".page-title")).ToHaveTextAsync("工作台");
        await Expect(Page.GetByTestId("who")).ToBeVisibleAsync();
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

public static class DemoLookups
{
    /// <summary>The id of an organisation by region and code, read without scope.</summary>
    public static Task<long> OrgIdAsync(this JixiaoApp app, string region, string code) =>
        app.AsSystemAsync<SystemDbContext, long>(db => db.OrgUnits.Where(o => o.RegionCode == region && o.Code == code).Select(o => o.Id).SingleAsync());

    /// <summary>A user name no other test uses.</summary>
    public static string UniqueUserName(string prefix) => $"{prefix}.{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}

/// <summary>Keeps what the app logs at Error level or above.</summary>
internal sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var where = exception?.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains(" Jixiao.", StringComparison.Ordinal))?.Trim();
            var what = exception is null ? "" : $"\n{exception.GetType().Name}: {Shorten(exception.Message)}\n{where}";
            log._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{what}");
        }
    }
}
