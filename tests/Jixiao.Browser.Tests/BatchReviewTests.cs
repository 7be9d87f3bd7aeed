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
/// The performance division works through its target inbox: filters it by department, ticks several targets and
/// approves them in one batch with one grade and opinion, and reads what was done. Screenshots (inbox filtered, the
/// result, the 审核流程、文号与提醒 settings) go to TestResults.
/// </summary>
public sealed class BatchReviewTests(BrowserApp browser)
{
    [Fact]
    public async Task TargetInbox_FilteredByDepartment_SeveralApprovedInOneBatch()
    {
        var app = await browser.AppAsync();
        var year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow);
        var tag = Random.Shared.Next(10_000, 99_999);
        var ids = await app.AsSystemAsync<SystemDbContext, List<long>>(async db =>
        {
            var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var water = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "11502");
            var projects = new[] { (school, "课桌椅更新"), (school, "实验室改造"), (school, "校园安防升级"), (water, "农村饮水维修") }
                .Select((p, i) => TestProjects.Budgeted(p.Item1, year, $"BT{tag}{i}", $"{p.Item2}{tag}")).ToList();
            db.Projects.AddRange(projects);
            await db.SaveChangesAsync();
            var targets = projects.Select(p => AtPerformanceDivision(p, DateTime.UtcNow)).ToList();
            db.Targets.AddRange(targets);
            await db.SaveChangesAsync();
            return targets.Select(t => t.Id).ToList();
        });

        await using var finance = await browser.NewSessionAsync();
        var page = finance.Page;
        await finance.LoginAsync("perf");
        await finance.GotoAsync($"/Targets?Year={year}");
        await page.GetByTestId("filter-department").SelectOptionAsync(new SelectOptionValue { Label = "襄垣县教育科技局" });
        await page.GetByTestId("filter-q").FillAsync($"{tag}");
        await finance.SubmitAsync(page.GetByTestId("filter-apply"));
        var rows = page.GetByTestId("inbox").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("inbox")).Not.ToContainTextAsync("农村饮水维修");
        await Shot(page, "1-inbox-filtered");

        foreach (var id in ids.Take(3)) await page.GetByTestId($"pick-{id}").CheckAsync();
        await page.GetByTestId("batch-grade").SelectOptionAsync("Excellent");
        await page.GetByTestId("batch-opinion").FillAsync("目标明确、指标可衡量，同意批复");
        await finance.SubmitAsync(page.GetByTestId("batch-approve"));

        await Expect(page.GetByTestId("done")).ToHaveTextAsync("3 份已通过。");
        await Expect(page.GetByTestId("filter-department")).ToHaveValueAsync(
            $"{await app.OrgIdAsync(DemoCounty.RegionCode, "106")}");
        await Expect(rows).ToHaveCountAsync(0);
        await Shot(page, "2-batch-approved");
        var states = await app.AsSystemAsync<SystemDbContext, List<TargetState>>(db =>
            db.Targets.Where(t => ids.Contains(t.Id)).OrderBy(t => t.Id).Select(t => t.State).ToListAsync());
        Assert.Equal([TargetState.Approved, TargetState.Approved, TargetState.Approved, TargetState.DivisionApproved], states);

        await finance.GotoAsync($"/Workflow/Settings?Year={year}");
        await Expect(page.GetByTestId("step-on")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("next-no")).ToContainTextAsync($"襄财绩〔{year}〕");
        await Shot(page, "3-workflow-settings");
        Assert.Empty(browser.ServerErrors);
        Assert.Empty(finance.Problems);
    }

    /// <summary>A project's targets written and passed by the unit, the department and the funding division: at perf's step.</summary>
    private static PerformanceTarget AtPerformanceDivision(Project project, DateTime atUtc)
    {
        var target = ApprovedTargets.Submitted(project, atUtc, "年内完成采购并投入使用",
        [
            new("产出指标", "数量指标", "采购设备数量", Comparison.GreaterOrEqual, "≥100套", "套"),
            new("产出指标", "质量指标", "设备验收合格率", Comparison.GreaterOrEqual, "≥98%", "%"),
            new("效益指标", "社会效益指标", "教学条件改善", Comparison.Qualitative, "明显改善", ""),
            new("满意度指标", "服务对象满意度指标", "师生满意度", Comparison.GreaterOrEqual, "≥90%", "%"),
        ]);
        target.Approve(new ReviewActor(null, "主管部门", Role.DepartmentReviewer), ReviewGrade.Excellent, null, atUtc);
        target.Approve(new ReviewActor(null, "业务股室", Role.BusinessDivision), ReviewGrade.Excellent, null, atUtc);
        return target;
    }

    private static Task Shot(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"batch-review-{name}.png"), FullPage = true });
    }
}
