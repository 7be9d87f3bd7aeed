using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>
/// A form page prints as the form: in print media the menu, the buttons and the edit controls are gone and the print
/// sheet with its stamps is what shows; 下载 PDF hands over the same sheet as a PDF named after the form.
/// With <c>JIXIAO_SCREENSHOTS=1</c> it saves the printed page.
/// </summary>
public sealed class PrintTests(BrowserApp browser)
{
    [Fact]
    public async Task TargetPage_PrintsOnlyTheSheetWithItsStamps_AndDownloadsItAsPdf()
    {
        var app = await browser.AppAsync();
        var year = DateTime.UtcNow.Year;
        var name = $"校舍维修改造{Random.Shared.Next(10_000, 99_999)}";
        var targetId = await app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var unit = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var project = TestProjects.Budgeted(unit, year, $"PRINT-{Random.Shared.Next(10_000, 99_999)}", name);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            var target = ApprovedTargets.For(project, DateTime.UtcNow, "完成 3 栋校舍维修改造",
            [
                new("产出指标", "数量指标", "维修改造校舍栋数", Comparison.GreaterOrEqual, "≥3栋", "栋"),
                new("效益指标", "社会效益指标", "教学条件改善", Comparison.Qualitative, "明显改善", ""),
                new("满意度指标", "服务对象满意度指标", "师生满意度", Comparison.GreaterOrEqual, "≥90%", "%"),
            ]);
            db.Targets.Add(target);
            await db.SaveChangesAsync();
            return target.Id;
        });
        await using var unit = await browser.NewSessionAsync();
        var page = unit.Page;
        await unit.LoginAsync("yizhong");
        await unit.GotoAsync($"/Targets/Details/{targetId}");
        await Expect(page.GetByTestId("print")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("print-sheet")).ToBeHiddenAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("pdf").ClickAsync());
        Assert.StartsWith("项目支出绩效目标申报表", download.SuggestedFilename);
        Assert.EndsWith(".pdf", download.SuggestedFilename);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.GetByTestId("print-sheet")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("menu")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("print")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("indicators")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("print-indicators")).ToContainTextAsync("维修改造校舍栋数");
        await Expect(page.GetByTestId("print-sheet")).ToContainTextAsync("填报单位（盖章）");
        await Expect(page.GetByTestId("print-sheet")).ToContainTextAsync("审核通过");
        if (Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1")
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "jixiao-print-target.png"), FullPage = true });
    }
}
