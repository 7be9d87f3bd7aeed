using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Jixiao.Domain;

namespace Jixiao.Browser.Tests;

/// <summary>
/// Performance targets through the pages, role by role: the unit fills them (one indicator from the
/// library) and submits; the department returns them with a reason; the unit sees the reason, fixes and
/// resubmits; the department, the funding division and the performance division approve; the targets are
/// then locked, and an adjustment opens version 2. With <c>JIXIAO_SCREENSHOTS=1</c> it saves each step.
/// </summary>
public sealed class TargetTests(BrowserApp browser)
{
    private static bool SaveScreenshots => Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1";

    [Fact]
    public async Task Targets_FromLibrary_ReturnedWithReason_Fixed_ApprovedThroughTheChain_LockedThenAdjusted()
    {
        var app = await browser.AppAsync();
        var year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow);
        var name = $"智慧校园建设{Random.Shared.Next(10_000, 99_999)}";
        var projectId = await app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var unit = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var project = Project.Create(DemoCounty.RegionCode, year, unit, unit.ParentId, new Project.Details(
                $"{DemoCounty.RegionCode}{year}{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}", name, ProjectLevel.Level1,
                ProjectCategory.SpecificPurpose, Recurrence.OneOff, year, year, LibraryStatus.Budgeted, BudgetKind.General,
                TransferLevel.None, FundTags.None, new DateOnly(year - 1, 11, 1)));
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            db.LedgerMovements.Add(LedgerMovement.Create(project, MovementKind.InitialApproval, 800_000m, new DateOnly(year, 1, 15), $"襄财预〔{year}〕1号", "年初批复"));
            await db.SaveChangesAsync();
            return project.Id;
        });

        // 1. The unit starts from 待填报, picks a library indicator, fills the rest and submits.
        await using (var unit = await browser.NewSessionAsync())
        {
            var page = unit.Page;
            await unit.LoginAsync("yizhong");
            await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "绩效目标", Exact = true }).ClickAsync();
            await page.GetByTestId("box-NotStarted").ClickAsync();
            await unit.SubmitAsync(page.GetByTestId($"start-{projectId}"));
            await Expect(page.Locator(".page-title")).ToContainTextAsync(name);

            await page.GetByTestId("library-q").FillAsync("营养改善计划覆盖率");
            await unit.SubmitAsync(page.GetByTestId("library-search"));
            await unit.SubmitAsync(page.GetByTestId("library").GetByRole(AriaRole.Button, new() { Name = "引用" }).First);
            await Expect(page.GetByTestId("indicators").Locator("tbody tr")).ToHaveCountAsync(4);
            await Expect(page.Locator("input[name='Form.Indicators[3].Name']")).ToHaveValueAsync("营养改善计划覆盖率");

            await page.Locator("textarea[name='Form.AnnualGoal']").FillAsync("建成智慧教室 12 间，师生满意");
            await FillRowAsync(page, 0, "产出指标|数量指标", "建成智慧教室数量", "GreaterOrEqual", "≥12间", "间");
            await FillRowAsync(page, 1, "效益指标|社会效益指标", "教学信息化水平", "Qualitative", "明显提升", "");
            await FillRowAsync(page, 2, "满意度指标|服务对象满意度指标", "师生满意度", "GreaterOrEqual", "≥85%", "%");
            // A weight that is not a number is named, and nothing is saved with it dropped.
            await page.Locator("input[name='Form.Indicators[0].Weight']").FillAsync("十");
            await unit.SubmitAsync(page.GetByTestId("save"));
            await Expect(page.GetByTestId("form-error")).ToContainTextAsync("第 1 行“十”：权重应为数字");
            await Expect(page.Locator("input[name='Form.Indicators[2].Name']")).ToHaveValueAsync("师生满意度");
            await Screenshot(page, "20-targets-form-unit");
            await unit.SubmitAsync(page.GetByTestId("submit"));
            await Expect(page.GetByTestId("state")).ToHaveTextAsync("第 1 版 · 待主管部门审核");
            Assert.Empty(unit.Problems);
        }
        var targetUrl = await CurrentTargetUrlAsync(app, projectId);

        // 2. The department returns it with a reason.
        await ReviewAsync("edu", targetUrl, "Return", null, "满意度指标请写明调查方式和样本量", "第 1 版 · 被退回");

        // 3. The unit sees the reason in its inbox and on the form, fixes and resubmits.
        await using (var unit = await browser.NewSessionAsync())
        {
            var page = unit.Page;
            await unit.LoginAsync("yizhong");
            await page.GotoAsync("/Targets?Box=Returned");
            var row = page.GetByTestId("inbox").Locator("tr", new() { HasText = name });
            await Expect(row.GetByTestId("opinion")).ToHaveTextAsync("满意度指标请写明调查方式和样本量");
            await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
            await Expect(page.GetByTestId("return-reason")).ToContainTextAsync("满意度指标请写明调查方式和样本量");
            await page.GetByTestId("edit").ClickAsync();
            await Expect(page.GetByTestId("return-reason")).ToContainTextAsync("调查方式");
            await page.Locator("input[name='Form.Indicators[2].ScoringStandard']").FillAsync("问卷调查全体师生，满意及以上占比");
            await unit.SubmitAsync(page.GetByTestId("submit"));
            await Expect(page.GetByTestId("state")).ToHaveTextAsync("第 1 版 · 待主管部门审核");
        }

        // 4. Department, funding division (教科文股 funds 教育科技局) and performance division approve.
        await ReviewAsync("edu", targetUrl, "Approve", "Excellent", "同意", "第 1 版 · 待业务股室审核");
        await ReviewAsync("jkw", targetUrl, "Approve", "Good", "同意，成本指标已核", "第 1 版 · 待绩效股终审");
        await ReviewAsync("perf", targetUrl, "Approve", "Excellent", null, "第 1 版 · 已批复");

        // 5. Locked for the unit; an adjustment opens version 2 on the form.
        await using (var unit = await browser.NewSessionAsync())
        {
            var page = unit.Page;
            await unit.LoginAsync("yizhong");
            await page.GotoAsync(targetUrl);
            await Expect(page.GetByTestId("edit")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("steps").Locator("li")).ToHaveCountAsync(6);
            await page.GotoAsync(targetUrl.Replace("/Details/", "/Edit/"));
            await Expect(page.GetByTestId("state")).ToHaveTextAsync("第 1 版 · 已批复");
            await page.GetByTestId("adjust-reason").FillAsync("追加智慧教室 3 间");
            await unit.SubmitAsync(page.GetByTestId("act-adjust"));
            await Expect(page.Locator(".page-title")).ToContainTextAsync("第 2 版 · 草稿");
            await Expect(page.Locator("input[name='Form.Indicators[0].TargetValue']")).ToHaveValueAsync("≥12间");
            await Screenshot(page, "21-targets-version2-unit");
            Assert.Empty(unit.Problems);
        }
    }

    private static Task<string> CurrentTargetUrlAsync(Jixiao.Tests.Shared.JixiaoApp app, long projectId) =>
        app.AsSystemAsync<SystemDbContext, string>(async db =>
            $"/Targets/Details/{await db.Targets.Where(t => t.ProjectId == projectId).OrderByDescending(t => t.Version).Select(t => t.Id).FirstAsync()}");

    private async Task ReviewAsync(string user, string targetUrl, string action, string? grade, string? opinion, string expectedState)
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.LoginAsync(user);
        await page.GotoAsync("/Targets");
        await Expect(page.GetByTestId("inbox").Locator($"a[href='{targetUrl}']")).ToHaveCountAsync(1);
        await page.GotoAsync(targetUrl);
        if (opinion is not null) await page.GetByTestId("opinion").FillAsync(opinion);
        if (grade is not null) await page.GetByTestId("grade").SelectOptionAsync(grade);
        await session.SubmitAsync(page.GetByTestId($"act-{action.ToLowerInvariant()}"));
        await Expect(page.GetByTestId("state")).ToHaveTextAsync(expectedState);
        await Screenshot(page, $"22-targets-{action.ToLowerInvariant()}-{user}");
        Assert.Empty(session.Problems);
    }

    private static async Task FillRowAsync(IPage page, int row, string level, string name, string comparison, string value, string unit)
    {
        await page.Locator($"select[name='Form.Indicators[{row}].Level']").SelectOptionAsync(level);
        await page.Locator($"input[name='Form.Indicators[{row}].Name']").FillAsync(name);
        await page.Locator($"select[name='Form.Indicators[{row}].Comparison']").SelectOptionAsync(comparison);
        await page.Locator($"input[name='Form.Indicators[{row}].TargetValue']").FillAsync(value);
        await page.Locator($"input[name='Form.Indicators[{row}].Unit']").FillAsync(unit);
    }

    private static async Task Screenshot(IPage page, string name)
    {
        if (!SaveScreenshots) return;
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new() { Path = Path.Combine("screenshots", name + ".png"), FullPage = true });
    }
}
