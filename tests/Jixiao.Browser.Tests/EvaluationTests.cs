using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;
using Jixiao.Domain;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>
/// Year-end self-evaluation through the pages: finance issues last year's forms; the unit fills its form, sees the
/// findings (a missed indicator without a reason; the total adds itself up), fixes them and submits;
/// finance draws a sample that must include the project and re-reviews it (a large gap is 失真).
/// With <c>JIXIAO_SCREENSHOTS=1</c> it saves each step.
/// </summary>
public sealed class EvaluationTests(BrowserApp browser)
{
    private static bool SaveScreenshots => Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1";

    [Fact]
    public async Task SelfEvaluation_UnitSeesFindings_FixesAndSubmits_FinanceDrawsASampleAndReReviews()
    {
        var app = await browser.AppAsync();
        var year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow) - 1;
        var code = $"{DemoCounty.RegionCode}{year}{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        var name = $"课桌椅购置{Random.Shared.Next(10_000, 99_999)}";
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var unit = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var project = TestProjects.Budgeted(unit, year, code, name);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            db.LedgerMovements.Add(LedgerMovement.Create(project, MovementKind.InitialApproval, 100_000m, new DateOnly(year, 1, 15), $"襄财预〔{year}〕{code[^4..]}号", "年初批复"));
            db.LedgerMovements.Add(LedgerMovement.Create(project, MovementKind.Addition, 50_000m, new DateOnly(year, 8, 15), $"襄财追〔{year}〕{code[^4..]}号", "年中追加"));
            db.Payments.Add(Payment.Create(project, new DateOnly(year, 11, 30), 150_000m, $"ZF{code}", "货款"));
            var at = new DateTime(year, 8, 20, 2, 0, 0, DateTimeKind.Utc);
            var target = TestProjects.DeskTargets(project, at);
            db.Targets.Add(target);
            await db.SaveChangesAsync();
        });

        // 1. Finance issues last year's self-evaluation.
        await using (var finance = await browser.NewSessionAsync())
        {
            await finance.LoginAsync("perf");
            await finance.GotoAsync($"/Evaluations?Year={year}");
            await finance.SubmitAsync(finance.Page.GetByTestId("issue"));
            await Expect(finance.Page.GetByTestId("done")).ToContainTextAsync("已下达");
        }

        // 2. The unit fills the form: the total adds itself up, the findings name the missed row; it fixes them and submits.
        await using (var unit = await browser.NewSessionAsync())
        {
            var page = unit.Page;
            await unit.LoginAsync("yizhong");
            await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "单位自评", Exact = true }).ClickAsync();
            await unit.GotoAsync($"/Evaluations?Year={year}");
            await page.GetByTestId("evaluations").GetByRole(AriaRole.Link, new() { Name = $"{code} {name}" }).ClickAsync();
            await Expect(page.GetByTestId("evaluation-title")).ToContainTextAsync(name);
            await Expect(page.GetByTestId("execution")).ToContainTextAsync("15.00");

            await page.GetByTestId("goal-completion").FillAsync("完成课桌椅采购 150 套，其余 50 套因供货延迟结转下年");
            await page.GetByTestId("execution-score").FillAsync("10");
            await page.GetByTestId("actual-1").FillAsync("150套");
            await page.GetByTestId("weight-1").FillAsync("22.5");
            await page.GetByTestId("score-1").FillAsync("16.88");
            await page.GetByTestId("actual-2").FillAsync("99%");
            await page.GetByTestId("weight-2").FillAsync("22.5");
            await page.GetByTestId("score-2").FillAsync("22.5");
            await page.GetByTestId("outcome-3").SelectOptionAsync("Achieved");
            await page.GetByTestId("weight-3").FillAsync("30");
            await page.GetByTestId("score-3").FillAsync("27");
            await page.GetByTestId("actual-4").FillAsync("95%");
            await page.GetByTestId("weight-4").FillAsync("15");
            await page.GetByTestId("score-4").FillAsync("15");
            // A word where a number belongs is named with its row and nothing is saved.
            await page.GetByTestId("score-2").FillAsync("满分");
            await unit.SubmitAsync(page.GetByTestId("save"));
            await Expect(page.GetByTestId("form-error")).ToContainTextAsync("第 2 行“满分”：得分应为数字");
            await page.GetByTestId("score-2").FillAsync("22.5");
            // 总分 is not typed: it adds up as the scores are typed, and the server saves the same sum.
            await Expect(page.GetByTestId("total")).ToHaveTextAsync("91.38");
            await unit.SubmitAsync(page.GetByTestId("submit"));
            await Expect(page.GetByTestId("total")).ToHaveTextAsync("91.38");
            await Expect(page.GetByTestId("findings")).Not.ToContainTextAsync("总分填的是");
            await Expect(page.GetByTestId("form-error")).ToContainTextAsync("第 1 行");
            await Expect(page.GetByTestId("findings")).ToContainTextAsync("第 1 行");
            await Expect(page.GetByTestId("reference-1")).ToContainTextAsync("150");
            await Shot(page, "1-findings");

            await page.GetByTestId("reason-1").FillAsync("供货商延迟交货，剩余 50 套纳入下年采购");
            await unit.SubmitAsync(page.GetByTestId("submit"));
            await Expect(page.GetByTestId("done")).ToContainTextAsync("已提交");
            await Expect(page.GetByTestId("state")).ToHaveTextAsync("待主管部门审核");
            await Shot(page, "2-submitted");
        }

        // 3. Finance draws a sample that must include the project, with a recorded seed, and re-reviews it.
        await using (var finance = await browser.NewSessionAsync())
        {
            var page = finance.Page;
            await finance.LoginAsync("perf");
            await finance.GotoAsync($"/Evaluations/SpotCheck?Year={year}");
            await page.Locator("#count").FillAsync("1");
            await page.Locator("#seed").FillAsync("20260417");
            await page.Locator("#mustInclude").FillAsync(code);
            await finance.SubmitAsync(page.GetByTestId("draw"));
            await Expect(page.GetByTestId("done")).ToContainTextAsync("种子 20260417");
            var row = page.Locator("tr", new() { HasText = code }).First;
            await Expect(row).ToContainTextAsync("必抽");
            var id = await row.GetAttributeAsync("data-evaluation");
            await page.GetByTestId($"quality-{id}").First.FillAsync("80");
            await page.GetByTestId($"indicator-{id}").First.FillAsync("60");
            await finance.SubmitAsync(page.GetByTestId($"review-{id}").First);
            await Expect(page.GetByTestId("done")).ToContainTextAsync("复核得分 = 0.4 × 自评质量分 80 + 0.6 × 复核指标分 60");
            await Expect(page.GetByTestId($"result-{id}").First).ToContainTextAsync("失真");
            await Shot(page, "3-spot-check");
        }
        Assert.Empty(browser.ServerErrors);
    }

    [Fact]
    public async Task Settings_AnUnreadableWeightKeepsWhatWasTyped_SavedWeightsAreShownAgain()
    {
        // Two years back: no form of the shared test database is scored with them.
        var year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow) - 2;
        await using var finance = await browser.NewSessionAsync();
        var page = finance.Page;
        await finance.LoginAsync("perf");
        await finance.GotoAsync($"/Evaluations?Year={year}");
        await page.GetByTestId("settings").ClickAsync();
        await Expect(page.GetByTestId("weight-Output")).ToHaveValueAsync("50");

        await page.GetByTestId("weight-Execution").FillAsync("15");
        await page.GetByTestId("weight-Output").FillAsync("4o");
        await finance.SubmitAsync(page.GetByTestId("save-weights"));
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("“4o”：产出指标分值应为数字，如 50。未保存");
        await Expect(page.GetByTestId("weight-Output")).ToHaveValueAsync("4o");
        await Expect(page.GetByTestId("weight-Execution")).ToHaveValueAsync("15");

        await page.GetByTestId("weight-Output").FillAsync("40");
        await finance.SubmitAsync(page.GetByTestId("save-weights"));
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("预算执行率 15 + 产出指标 40 + 效益指标 30 + 满意度指标 10 + 成本指标 0 = 95，应等于总分 100");

        await page.GetByTestId("weight-Output").FillAsync("45");
        await finance.SubmitAsync(page.GetByTestId("save-weights"));
        await Expect(page.GetByTestId("done")).ToContainTextAsync($"{year} 年度自评评分设置已保存。已按账面和本年度设置重新计算 0 张");
        await Expect(page.GetByTestId("weight-Execution")).ToHaveValueAsync("15");
        await Expect(page.GetByTestId("weight-Output")).ToHaveValueAsync("45");
        await Shot(page, "4-settings");
        Assert.Empty(browser.ServerErrors);
    }

    private static async Task Shot(IPage page, string name)
    {
        if (SaveScreenshots)
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"jixiao-evaluation-{name}.png"), FullPage = true });
    }
}
