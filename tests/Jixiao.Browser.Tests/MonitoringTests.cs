using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Jixiao.Domain;

namespace Jixiao.Browser.Tests;

/// <summary>
/// In-year monitoring through the pages: the performance division opens a round; the unit fills its return
/// (a lagging indicator turns red with its explanation) and submits; finance finds the red project with its
/// reason, records a 调减, and the project's ledger shows it. With <c>JIXIAO_SCREENSHOTS=1</c> it saves each step.
/// </summary>
public sealed class MonitoringTests(BrowserApp browser)
{
    private static bool SaveScreenshots => Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1";

    [Fact]
    public async Task Monitoring_FinanceOpensRound_UnitFillsReturn_RedProjectExplained_调减ReachesTheLedger()
    {
        var app = await browser.AppAsync();
        // The last month that has ended (Beijing): its round can be opened today.
        var today = BusinessCalendar.DateOf(DateTimeOffset.UtcNow);
        var (year, month) = today.Month == 1 ? (today.Year - 1, 12) : (today.Year, today.Month - 1);
        var code = $"{DemoCounty.RegionCode}{year}{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        var name = $"实验室设备购置{Random.Shared.Next(10_000, 99_999)}";
        var projectId = await app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var unit = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var project = Project.Create(DemoCounty.RegionCode, year, unit, unit.ParentId, new Project.Details(code, name, ProjectLevel.Level1,
                ProjectCategory.SpecificPurpose, Recurrence.OneOff, year, year, LibraryStatus.Budgeted, BudgetKind.General,
                TransferLevel.None, FundTags.None, new DateOnly(year, 1, 1)));
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            db.LedgerMovements.Add(LedgerMovement.Create(project, MovementKind.InitialApproval, 500_000m, new DateOnly(year, 1, 15), $"襄财预〔{year}〕{code[^4..]}号", "年初批复"));
            db.Payments.Add(Payment.Create(project, new DateOnly(year, 1, 20), 5_000m, $"ZF{code}", "定金"));
            var approved = new DateTime(year, 1, 20, 2, 0, 0, DateTimeKind.Utc);
            var target = ApprovedTargets.For(project, approved, "购置实验室设备 100 台（套）并投入使用",
            [
                new("产出指标", "数量指标", "购置实验设备数量", Comparison.GreaterOrEqual, "≥100台", "台"),
                new("效益指标", "社会效益指标", "实验教学开出率提升", Comparison.Qualitative, "明显提升", ""),
                new("满意度指标", "服务对象满意度指标", "师生满意度", Comparison.GreaterOrEqual, "≥90%", "%"),
            ], "改善实验教学条件");
            db.Targets.Add(target);
            await db.SaveChangesAsync();
            return project.Id;
        });

        // 1. Finance opens the round of the last finished month.
        await using (var finance = await browser.NewSessionAsync())
        {
            var page = finance.Page;
            await finance.LoginAsync("perf");
            await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "运行监控", Exact = true }).ClickAsync();
            await finance.GotoAsync($"/Monitoring?Year={year}");
            await page.Locator("#month").SelectOptionAsync(month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#deadline").FillAsync(today.AddDays(10).ToString("yyyy-MM-dd"));
            await finance.SubmitAsync(page.GetByTestId("open"));
            await Expect(page.GetByTestId("done")).ToContainTextAsync("已开启");
            await Expect(page.GetByTestId("round-title")).ToContainTextAsync($"1–{month} 月绩效运行监控");
            await Shot(page, "1-round-opened");
        }

        // 2. The unit fills its return: 10 of 100 devices lags the time progress (red); it explains and submits.
        await using (var unit = await browser.NewSessionAsync())
        {
            var page = unit.Page;
            await unit.LoginAsync("yizhong");
            await unit.GotoAsync($"/Monitoring?Year={year}");
            await page.GetByTestId("waiting").GetByRole(AriaRole.Link, new() { Name = $"{code} {name}" }).ClickAsync();
            await Expect(page.GetByTestId("task-title")).ToContainTextAsync(name);
            await page.GetByTestId("expected").FillAsync("48");
            await page.GetByTestId("actual-1").FillAsync("10台");
            await page.GetByTestId("outcome-2").SelectOptionAsync("Achieved");
            await page.GetByTestId("actual-3").FillAsync("93");
            await unit.SubmitAsync(page.GetByTestId("save"));
            await Expect(page.GetByTestId("done")).ToContainTextAsync("已保存");
            await Expect(page.GetByTestId("explanation-1")).ToContainTextAsync("完成比 10 ÷ (100 ×");
            await Expect(page.GetByTestId("explanation-1")).ToContainTextAsync("红灯");
            await Expect(page.GetByTestId("light")).ToHaveTextAsync("红灯");

            // Submitting without the reasons of the red parts is refused with each of them named.
            await unit.SubmitAsync(page.GetByTestId("submit"));
            await Expect(page.GetByTestId("form-error")).ToContainTextAsync("第 1 行“购置实验设备数量”为红灯，请选择偏差原因");
            await page.Locator("#ExecutionCause").SelectOptionAsync("Facilities");
            await page.GetByTestId("cause-1").SelectOptionAsync("Facilities");
            await page.GetByTestId("likelihood-1").SelectOptionAsync("Possible");
            await unit.SubmitAsync(page.GetByTestId("submit"));
            await Expect(page.GetByTestId("done")).ToContainTextAsync("已提交");
            await Expect(page.GetByTestId("state")).ToHaveTextAsync("待主管部门审核");
            await Shot(page, "2-return-submitted");
        }

        // 3. Finance sees the red project with its reason, records a 调减 of 10 万元, and the ledger shows it.
        await using (var finance = await browser.NewSessionAsync())
        {
            var page = finance.Page;
            await finance.LoginAsync("perf");
            await finance.GotoAsync($"/Monitoring?Year={year}");
            await page.GetByTestId("rounds").GetByRole(AriaRole.Link, new() { Name = $"{year} 年 1–{month} 月绩效运行监控" }).ClickAsync();
            await page.GetByTestId("red-count").ClickAsync();
            var row = page.GetByTestId("tasks").Locator("tr", new() { HasText = code });
            await Expect(row.GetByTestId("light")).ToHaveTextAsync("红灯");
            await Expect(row).ToContainTextAsync("执行率 1%");
            await Expect(row).ToContainTextAsync("第 1 行“购置实验设备数量”");
            await Shot(page, "3-red-projects");
            await row.GetByRole(AriaRole.Link, new() { Name = $"{code} {name}" }).ClickAsync();
            await Expect(page.GetByTestId("light-reason")).ToContainTextAsync("< 60：红灯");

            var date = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
            await page.Locator("#kind").SelectOptionAsync("Reduction");
            await page.Locator("#amountWan").FillAsync("10");
            await page.Locator("#date").FillAsync(date.ToString("yyyy-MM-dd"));
            await page.Locator("#documentNo").FillAsync($"襄财预〔{year}〕调{code[^4..]}号");
            await page.Locator("#reason").FillAsync("执行进度严重滞后，调减预算 10 万元");
            await finance.SubmitAsync(page.GetByTestId("record"));
            // Money leaves the project only once finance confirms the amount and the project.
            await Expect(page.GetByTestId("confirm-sentence")).ToContainTextAsync($"将对项目“{code} {name}”预算调减 10.00 万元（100,000.00 元）");
            await Shot(page, "4a-confirm");
            await finance.SubmitAsync(page.GetByTestId("confirm-record"));
            await Expect(page.GetByTestId("done")).ToContainTextAsync("已记入项目指标账");
            // one amount, one unit, wherever it shows: the confirmation, the message, the project page's measures and its ledger
            await Expect(page.GetByTestId("done")).ToContainTextAsync("10.00 万元");
            await Expect(page.GetByTestId("corrections")).ToContainTextAsync("预算调减");
            await Shot(page, "4-correction-recorded");

            await finance.GotoAsync($"/Projects/Details/{projectId}");
            await Expect(page.GetByTestId("ledger")).ToContainTextAsync($"襄财预〔{year}〕调{code[^4..]}号");
            await Expect(page.GetByTestId("ledger")).ToContainTextAsync("调减");
            await Expect(page.GetByTestId("adjusted")).ToHaveTextAsync("40.00 万元");
            await Expect(page.GetByTestId("corrections")).ToContainTextAsync("执行进度严重滞后");
            await Expect(page.GetByTestId("corrections")).ToContainTextAsync("预算调减 10.00 万元");
            await Expect(page.GetByTestId("ledger").Locator("tr", new() { HasText = "调减" })).ToContainTextAsync("-10.00");
            await Expect(page.GetByTestId("ledger").Locator("thead")).ToContainTextAsync("金额（万元）");
            await Shot(page, "5-ledger");
        }
        Assert.Empty(browser.ServerErrors);
    }

    private static async Task Shot(IPage page, string name)
    {
        if (SaveScreenshots)
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"jixiao-monitoring-{name}.png"), FullPage = true });
    }
}
