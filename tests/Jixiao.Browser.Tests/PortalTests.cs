using System.Text;
using Jixiao.Domain.Disclosure;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>
/// The public portal as an anonymous visitor: from the login page's link to the county's year, a search for a project, its published targets,
/// and the year's batch downloaded as CSV and opened — without signing in and without a cookie.
/// </summary>
public sealed class PortalTests(BrowserApp browser)
{
    [Fact]
    public async Task Visitor_SearchesAProject_OpensItsTargets_AndDownloadsTheBatchAsCsv()
    {
        var app = await browser.AppAsync();
        var year = Jixiao.Domain.BusinessCalendar.YearOf(DateTimeOffset.UtcNow);
        // A published batch of this year's targets (the browser's demo county has no projects; the web tests publish through the use case).
        var code = $"GK{Random.Shared.Next(100_000, 999_999)}";
        const string title = "城乡义务教育营养改善计划";
        const string indicator = "受益学生人数";
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var batch = PublicationBatch.Publish(DemoCounty.RegionCode, year, PublicationKind.ProjectTargets, null, 2,
                new Jixiao.Domain.Targets.ReviewActor(null, "perf", Jixiao.Domain.Access.Role.PerformanceDivision), new DateOnly(year, 3, 1), DateTime.UtcNow);
            db.PublicationBatches.Add(batch);
            await db.SaveChangesAsync();
            var content = new Jixiao.Web.Features.Disclosure.PublicContent("", "保障全县义务教育学生营养膳食补助按时足额发放。",
                [new("产出指标", "数量指标", indicator, "≥12000", "人"), new("满意度指标", "服务对象满意度指标", "家长满意度", "≥90", "%")]);
            db.PublishedItems.AddRange(
                PublishedItem.Of(batch, "P-" + code, 1, 1, code, title, "106", "襄垣县教育科技局", "襄垣县实验小学", "特定目标类", 3_600_000m, "指标 2 个", content.ToJson()),
                PublishedItem.Of(batch, "P-" + code + "X", 2, 1, code + "X", "校舍维修改造", "106", "襄垣县教育科技局", "襄垣县实验小学", "特定目标类", 800_000m, "指标 2 个",
                    content.ToJson()));
            await db.SaveChangesAsync();
        });

        await using var visitor = await browser.NewSessionAsync();
        var page = visitor.Page;
        await visitor.GotoAsync("/Account/Login");
        // the login form's antiforgery cookie is the login page's; from here on nothing may set one
        await page.Context.ClearCookiesAsync();
        await visitor.SubmitAsync(page.GetByTestId("portal-link"));
        await Expect(page.GetByTestId("portal-region")).ToContainTextAsync("襄垣县");
        await visitor.SubmitAsync(page.GetByTestId("portal-region").GetByRole(AriaRole.Link, new() { Name = $"{year} 年度" }));
        await Expect(page.GetByTestId("portal-title")).ToHaveTextAsync($"襄垣县 · {year} 年度预算绩效信息公开");

        await page.GetByLabel("搜索").FillAsync(code);
        await visitor.SubmitAsync(visitor.Button("查询"));
        await Expect(page.GetByTestId("portal-item")).ToHaveCountAsync(2);
        await visitor.SubmitAsync(page.GetByTestId("portal-item").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }));
        await Expect(page.GetByTestId("portal-item-sheet")).ToContainTextAsync(title);
        await Expect(page.GetByTestId("portal-indicators")).ToContainTextAsync(indicator);
        if (Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1")
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "jixiao-portal-item.png"), FullPage = true });

        await page.GoBackAsync();
        var batch = page.GetByTestId("portal-batch").Filter(new() { HasText = "项目绩效目标" }).First;
        var download = await page.RunAndWaitForDownloadAsync(() => batch.GetByTestId("batch-csv").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"portal-{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("region_code,fiscal_year,kind,batch,published_on", lines[0]);
        Assert.Contains(lines, l => l.Contains(code) && l.Contains(indicator));

        Assert.Empty(await page.Context.CookiesAsync());
    }
}
