using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>
/// Evidence on a target's page: the unit uploads a PDF and sees it listed with its size and a download link; a program renamed
/// to .pdf is refused with the Chinese message naming it. With <c>JIXIAO_SCREENSHOTS=1</c> it saves the page.
/// </summary>
public sealed class EvidenceTests(BrowserApp browser)
{
    [Fact]
    public async Task TargetPage_UnitUploadsPdf_Listed_RenamedProgramRefusedInChinese()
    {
        var app = await browser.AppAsync();
        var targetId = await app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var unit = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var year = Jixiao.Domain.BusinessCalendar.YearOf(DateTimeOffset.UtcNow);
            var project = TestProjects.Budgeted(unit, year, $"EVB{Random.Shared.Next(100_000, 999_999)}", "校舍维修附件测试");
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            var target = Jixiao.Domain.Targets.PerformanceTarget.ForProject(project, DateTime.UtcNow);
            db.Targets.Add(target);
            await db.SaveChangesAsync();
            return target.Id;
        });
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.LoginAsync("yizhong");
        await session.GotoAsync($"/Targets/Details/{targetId}");
        var evidence = page.GetByTestId("evidence");
        await Expect(evidence).ToContainTextAsync("还没有附件");

        var pdf = "%PDF-1.7\n"u8.ToArray().Concat(new byte[200_000]).ToArray();
        await evidence.GetByLabel("文件").SetInputFilesAsync(new FilePayload { Name = "维修合同（盖章）.pdf", MimeType = "application/pdf", Buffer = pdf });
        await evidence.GetByLabel("说明（可选）").FillAsync("施工合同扫描件");
        await session.SubmitAsync(evidence.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }));
        await Expect(page.GetByTestId("evidence-done")).ToHaveTextAsync("已上传附件《维修合同（盖章）.pdf》。");
        var row = page.GetByTestId("evidence-file");
        await Expect(row).ToContainTextAsync("维修合同（盖章）.pdf");
        await Expect(row).ToContainTextAsync("195 KB");
        await Expect(row).ToContainTextAsync("施工合同扫描件");
        if (Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1")
            await page.ScreenshotAsync(new() { Path = "/tmp/evidence-target.png", FullPage = true });

        await page.GetByTestId("evidence").GetByLabel("文件").SetInputFilesAsync(new FilePayload
            { Name = "验收报告.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0] });
        await session.SubmitAsync(page.GetByTestId("evidence").GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }));
        await Expect(page.GetByTestId("evidence-error")).ToContainTextAsync("附件《验收报告.pdf》不是允许的类型：请上传 PDF、图片（PNG、JPEG）");
        await Expect(page.GetByTestId("evidence-file")).ToHaveCountAsync(1);
        if (Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1")
            await page.ScreenshotAsync(new() { Path = "/tmp/evidence-refused.png", FullPage = true });
        Assert.Empty(session.Problems);
    }
}
