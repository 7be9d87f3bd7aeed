using System.Text.RegularExpressions;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Jixiao.Domain;

namespace Jixiao.Browser.Tests;

/// <summary>
/// Opens each main page as the role that works with it and checks it renders. With
/// <c>JIXIAO_SCREENSHOTS=1</c> it also saves a full-page screenshot of each into screenshots/ at the repository root.
/// </summary>
public sealed class PagesTests(BrowserApp browser)
{
    /// <summary>The page is complete once loaded (server-rendered), so these checks need not wait long.</summary>
    private const float Quick = 2_000;

    private static bool SaveScreenshots => Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1";

    [Fact]
    public async Task Pages_EachAdminPage_RendersWithoutError()
    {
        var app = await browser.AppAsync();
        var division = await app.OrgIdAsync(DemoCounty.RegionCode, "FIN04");
        var year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow);
        // The demo's next-year evaluations: one waiting for its unit, one with a closed panel for finance to conclude from.
        async Task<long> ExAnteIdAsync(string project) => await app.AsSystemAsync<SystemDbContext, long>(db =>
            db.ExAnteEvaluations.Where(e => e.RegionCode == DemoCounty.RegionCode && e.FiscalYear == year + 1
                && db.Projects.Any(p => p.Id == e.ProjectId && p.Name == project)).Select(e => e.Id).SingleAsync());
        var (pending, assessing) = (await ExAnteIdAsync("第一中学教学综合楼建设"), await ExAnteIdAsync("县人民医院医疗设备更新"));
        // Last year's department-overall key evaluation by an agency (concluded).
        var (overallId, overallTitle) = await app.AsSystemAsync<SystemDbContext, (long, string)>(async db =>
        {
            var plan = await db.EvaluationPlans.Where(p => p.RegionCode == DemoCounty.RegionCode && p.FiscalYear == year - 1
                && p.SubjectKind == Jixiao.Domain.EvaluationPlans.PlanSubjectKind.Department).OrderBy(p => p.Id).FirstAsync();
            return (plan.Id, plan.Title);
        });
        // A rectification item of a key evaluation's finding (the demo raises every source's findings).
        var (rectificationId, rectificationSource) = await app.AsSystemAsync<SystemDbContext, (long, string)>(async db =>
        {
            var item = await db.Rectifications.Where(r => r.RegionCode == DemoCounty.RegionCode && r.Source == Jixiao.Domain.Rectifications.RectificationSource.KeyEvaluation)
                .OrderBy(r => r.Id).FirstAsync();
            return (item.Id, item.Source.Label());
        });
        (string? User, string Path, string Title, string Heading, string File)[] pages =
        [
            (null, "/Account/Login", "登录", "预算绩效管理信息系统", "01-login"),
            ("perf", "/", "工作台", "工作台", "02-home-perf"),
            ("perf", "/Organisation", "机构", "机构", "03-organisation-perf"),
            ("perf", "/Account/Tokens", "我的会话与令牌", "我的会话与令牌", "04-tokens-perf"),
            ("sysadmin", $"/Organisation/Details/{division}", "教科文股", "教科文股", "05-organisation-details-sysadmin"),
            ("sysadmin", "/Users", "用户与角色", "用户与角色", "06-users-sysadmin"),
            ("sysadmin", "/Users/Edit", "新建用户", "新建用户", "07-user-new-sysadmin"),
            ("secadmin", "/Security", "安全管理", "安全管理", "08-security-secadmin"),
            ("secadmin", "/Security/Settings", "密码与双因素设置", "密码与双因素设置", "08-security-settings-secadmin"),
            ("auditadmin", "/Audit", "审计日志", "审计日志", "09-audit-auditadmin"),
            ("yizhong", "/Targets", "绩效目标", $"绩效目标 · {year} 年度", "12-targets-yizhong"),
            ("perf", "/Targets/Coverage", "目标覆盖", $"绩效目标全覆盖检查 · {year} 年度", "13-coverage-perf"),
            ("perf", "/Library", "指标库", "指标库", "14-library-perf"),
            ("perf", "/Targets/Frame", "指标框架", $"指标框架 · {year} 年度", "15-frame-perf"),
            ("perf", "/Agencies", "第三方机构库", "第三方机构库", "16-agencies-perf"),
            ("perf", "/Agencies/Edit", "登记第三方机构", "登记第三方机构", "17-agency-new-perf"),
            ("agency", "/Agencies", DemoAgencies.AccountFirm, DemoAgencies.AccountFirm, "18-agency-own-agency"),
            ("perf", "/Engagements", "第三方委托", "第三方委托", "19-engagements-perf"),
            ("perf", "/Engagements/Plan", "新建委托", "新建委托", "20-engagement-plan-perf"),
            ("agency", "/Engagements", "第三方委托", "第三方委托", "21-engagements-agency"),
            ("perf", "/Engagements/Settings", "第三方委托设置", $"第三方委托设置 · {year} 年度", "21-engagement-settings-perf"),
            ("jkw", "/Engagements/Statistics", "委托统计", $"委托统计 · {year} 年度", "21-engagement-statistics-jkw"),
            ("perf", $"/Engagements/Statistics?Year={year - 1}", "委托统计", $"委托统计 · {year - 1} 年度", "21-engagement-statistics-last-year-perf"),
            ("perf", "/Experts", "专家库", "专家库", "22-experts-perf"),
            ("perf", "/Experts/Edit", "新增专家", "新增专家", "23-expert-new-perf"),
            ("expert", "/Experts", "贾志刚", "贾志刚", "24-expert-own-expert"),
            ("perf", "/Panels", "专家评审组", "专家评审组", "25-panels-perf"),
            ("perf", "/Panels/Draw", "组建评审组", "组建评审组", "26-panel-draw-perf"),
            ("expert", "/Panels", "我的评审", "我的评审", "27-panels-expert"),
            ("perf", "/ExAnte", "事前绩效评估", $"事前绩效评估 · {year + 1} 年度", "28-exante-perf"),
            ("yizhong", "/ExAnte", "事前绩效评估", $"事前绩效评估 · {year + 1} 年度", "28-exante-yizhong"),
            ("yizhong", $"/ExAnte/Details/{pending}", "第一中学教学综合楼建设", "第一中学教学综合楼建设", "29-exante-details-yizhong"),
            ("perf", $"/ExAnte/Details/{assessing}", "县人民医院医疗设备更新", "县人民医院医疗设备更新", "29-exante-details-perf"),
            ("perf", "/ExAnte/Settings", "事前评估设置", $"事前评估设置 · {year + 1} 年度", "30-exante-settings-perf"),
            ("edu", "/ExAnte/Settings", "事前评估设置", $"事前评估设置 · {year + 1} 年度", "30-exante-settings-edu"),
            ("perf", "/EvaluationPlans", "部门评价和重点评价", $"部门评价和财政重点评价 · {year - 1} 年度", "31-plans-perf"),
            ("edu", "/EvaluationPlans", "部门评价和重点评价", $"部门评价和财政重点评价 · {year - 1} 年度", "31-plans-edu"),
            ("perf", $"/EvaluationPlans/Details/{overallId}", overallTitle, overallTitle, "32-plan-details-perf"),
            ("edu", "/EvaluationPlans/Coverage", "部门评价覆盖", $"部门评价覆盖 · {year - 1} 年度", "33-plan-coverage-edu"),
            ("perf", "/EvaluationPlans/Coverage", "部门评价覆盖", $"部门评价覆盖 · {year - 1} 年度", "33-plan-coverage-perf"),
            ("perf", "/EvaluationPlans/Statistics", "评价统计", $"部门评价和重点评价统计 · {year - 1} 年度", "34-plan-statistics-perf"),
            ("perf", "/EvaluationPlans/Settings", "评价设置", $"评价设置 · {year - 1} 年度", "35-plan-settings-perf"),
            ("perf", "/Rectifications", "问题整改", "问题整改", "36-rectifications-perf"),
            ("yizhong", "/Rectifications", "问题整改", "问题整改", "36-rectifications-yizhong"),
            ("edu", "/Rectifications", "问题整改", "问题整改", "36-rectifications-edu"),
            ("perf", $"/Rectifications/Details/{rectificationId}", $"整改事项 {rectificationId}", $"整改事项 {rectificationId}（{rectificationSource}）", "37-rectification-perf"),
            ("perf", "/Rectifications/Raise", "登记整改事项", "手工登记整改事项", "38-rectification-raise-perf"),
            ("perf", "/Rectifications/Statistics", "整改统计", "全部年度问题整改统计", "39-rectification-statistics-perf"),
            ("yizhong", "/Notices", "消息提醒", "消息提醒", "40-notices-yizhong"),
            ("perf", "/BudgetLinks", "结果与预算挂钩", $"结果与预算挂钩 · {year + 1} 年度预算", "41-budget-links-perf"),
            ("perf", "/ResultsApplication", "结果应用台账", $"结果应用台账 · {year - 1} 年度", "42-results-chain-perf"),
            ("perf", "/Disclosure", "信息公开", $"信息公开 · {year} 年度", "43-disclosure-perf"),
            ("agency", "/Notices?All=true", "消息提醒", "消息提醒", "40-notices-agency"),
        ];

        var directory = SaveScreenshots ? Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "screenshots")).FullName : null;
        var sessions = new Dictionary<string, BrowserSession>();
        var failures = new List<string>();
        try
        {
            // Every page is visited (and photographed) even when an earlier one fails; the failures are reported together.
            foreach (var (user, path, title, heading, file) in pages)
            {
                var key = user ?? "";
                if (!sessions.TryGetValue(key, out var session))
                {
                    sessions[key] = session = await browser.NewSessionAsync();
                    if (user is not null) await session.LoginAsync(user);
                }
                var page = session.Page;
                var serverErrors = browser.ServerErrors.Count;
                try
                {
                    var response = await session.GotoAsync(path);
                    Assert.True(response!.Status == 200, $"HTTP {response.Status}");
                    await Expect(page).ToHaveTitleAsync(new Regex($"^{Regex.Escape(title)} · "), new() { Timeout = Quick });
                    var pageTitle = user is null ? page.GetByRole(AriaRole.Heading, new() { Name = heading }) : page.Locator(".page-title");
                    await Expect(pageTitle).ToHaveTextAsync(heading, new() { Timeout = Quick });
                    await Expect(pageTitle).ToBeVisibleAsync(new() { Timeout = Quick });
                    await Expect(page.GetByText("出错了")).ToHaveCountAsync(0, new() { Timeout = Quick });
                    await Expect(page.GetByTestId("error-code")).ToHaveCountAsync(0, new() { Timeout = Quick });
                    // A form that has not been submitted shows no (empty) error box.
                    foreach (var box in new[] { "login-error", "form-error" })
                        await Expect(page.GetByTestId(box)).ToBeHiddenAsync(new() { Timeout = Quick });
                }
                catch (Exception e)
                {
                    failures.Add($"{path}（{user ?? "未登录"}）：{e.Message}\n" + string.Join("\n", browser.ServerErrors.Skip(serverErrors)));
                }
                if (directory is not null)
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, file + ".png"), FullPage = true });
            }

            failures.AddRange(sessions.Values.SelectMany(s => s.Problems).Distinct().Select(p => "浏览器报告：" + p));
            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        }
        finally
        {
            foreach (var session in sessions.Values) await session.DisposeAsync();
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx"))) return dir.FullName;
        throw new InvalidOperationException("找不到仓库根目录（Jixiao.slnx）");
    }
}
