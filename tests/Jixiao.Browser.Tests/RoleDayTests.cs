using System.Text.RegularExpressions;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>
/// Each demo role walks its day through the menu and its to-dos — unit, department, funding division, performance division,
/// the three administrators, the agency and the expert — and every page it reaches renders without an error, with the
/// thing that role came for on it. Each step's full-page screenshot goes to TestResults/role-walk/ at the repository root.
/// The walk has a county of its own with every stage filled (the shared browser app has no projects).
/// </summary>
public sealed class RoleDayTests(BrowserApp browser)
{
    private const float Quick = 5_000;

    /// <summary>A step: follow a menu item (or a link on the page, or go to a path), then expect a text on the page.</summary>
    private sealed record Step(string Name, string? Menu = null, string? Link = null, string? Path = null, string? Expect = null);

    private static readonly (string User, Step[] Steps)[] Days =
    [
        ("yizhong",
        [
            new("home", Path: "/", Expect: "我的待办"),
            new("targets", Menu: "绩效目标", Expect: "待办"),
            new("targets-to-fill", Link: "待填报", Expect: "填报"),
            new("monitoring", Menu: "运行监控", Expect: "绩效运行监控"),
            new("self-evaluations", Menu: "单位自评", Expect: "单位自评"),
            new("account", Path: "/Account/Tokens", Expect: "修改密码"),
        ]),
        ("edu",
        [
            new("home", Path: "/", Expect: "我的待办"),
            new("targets", Menu: "绩效目标", Expect: "待办"),
            new("monitoring", Menu: "运行监控", Expect: "绩效运行监控"),
            new("self-evaluations", Menu: "单位自评", Expect: "单位自评"),
            new("projects", Menu: "项目库", Expect: "项目"),
        ]),
        ("jkw",
        [
            new("home", Path: "/", Expect: "我的待办"),
            new("targets", Menu: "绩效目标", Expect: "待办"),
            new("monitoring", Menu: "运行监控", Expect: "绩效运行监控"),
            new("self-evaluations", Menu: "单位自评", Expect: "单位自评"),
            new("pools", Menu: "待分资金", Expect: "待分资金"),
        ]),
        ("perf",
        [
            new("home", Path: "/", Expect: "我的待办"),
            new("coverage", Menu: "目标覆盖", Expect: "绩效目标全覆盖检查"),
            new("monitoring", Menu: "运行监控", Expect: "绩效运行监控"),
            new("round", Link: "绩效运行监控", Expect: "按主管部门统计"),
            new("self-evaluations", Menu: "单位自评", Expect: "单位自评"),
            new("spot-check", Link: "抽查复核", Expect: "抽取样本"),
            new("imports", Menu: "数据导入", Expect: "导入"),
        ]),
        ("sysadmin", [new("users", Menu: "用户与角色", Expect: "用户与角色"), new("organisation", Menu: "机构", Expect: "机构")]),
        ("secadmin", [new("security", Menu: "安全管理", Expect: "安全管理")]),
        ("auditadmin", [new("audit", Menu: "审计日志", Expect: "审计日志")]),
        ("agency", [new("home", Path: "/", Expect: "第三方委托待办"), new("engagements", Menu: "第三方委托", Expect: "我的待办")]),
        ("expert", [new("home", Path: "/", Expect: "待评分"), new("panels", Menu: "我的评审", Expect: "待我评分")]),
    ];

    [Fact]
    public async Task EveryRole_WalksItsDay_WithoutAnError()
    {
        BrowserApp.RequireChromium();
        await using var county = await JixiaoApp.StartAsync(DatabaseProvider.Sqlite, kestrel: true, projects: 600);
        var log = new ServerErrorLog();
        county.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "TestResults", "role-walk")).FullName;
        var failures = new List<string>();
        foreach (var (user, steps) in Days)
        {
            await using var session = await browser.NewSessionAsync(county.RootUrl);
            await session.LoginAsync(user);
            var page = session.Page;
            for (var i = 0; i < steps.Length; i++)
            {
                var step = steps[i];
                var serverErrors = log.Entries.Count;
                try
                {
                    if (step.Path is { } path) await session.GotoAsync(path);
                    else if (step.Menu is { } menu)
                        await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = menu, Exact = true }).ClickAsync(new() { Timeout = Quick });
                    else
                        await page.Locator("main").GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(step.Link!)) }).First.ClickAsync(new() { Timeout = Quick });
                    await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
                    await Expect(page.Locator("main")).ToContainTextAsync(step.Expect!, new() { Timeout = Quick });
                    await Expect(page.GetByText("出错了")).ToHaveCountAsync(0, new() { Timeout = Quick });
                    await Expect(page.GetByTestId("error-code")).ToHaveCountAsync(0, new() { Timeout = Quick });
                    Assert.Equal(serverErrors, log.Entries.Count);
                }
                catch (Exception e)
                {
                    failures.Add($"{user} 第 {i + 1} 步（{step.Name}，{page.Url}）：{e.Message.Split('\n')[0]}\n" + string.Join("\n", log.Entries.Skip(serverErrors)));
                }
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{user}-{i + 1}-{step.Name}.png"), FullPage = true });
            }
            failures.AddRange(session.Problems.Select(p => $"{user}：{p}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx"))) return dir.FullName;
        throw new InvalidOperationException("找不到仓库根目录（Jixiao.slnx）");
    }
}
