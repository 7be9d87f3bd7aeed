using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>The security administrator reads who signed in from where; the auditor downloads the trail of a date range.</summary>
[Collection("DemoAccounts")]
public sealed class SecurityAuditTests(BrowserApp browser)
{
    private static string? ScreenshotFolder => Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1"
        ? Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "jixiao-screenshots")).FullName
        : null;

    [Fact]
    public async Task SecurityPage_FilterByAccountAndKind_ShowsLockoutWithAddressAndLinksToSettings()
    {
        var app = await browser.AppAsync();
        using (var http = new HttpClient { BaseAddress = new Uri(app.RootUrl) })
            for (var i = 0; i < 5; i++)
                await http.PostAsJsonAsync("/api/auth/tokens", new { userName = "hospital", password = "Wrong@2026x", name = "脚本" });

        await using var session = await browser.NewSessionAsync();
        await session.LoginAsync("secadmin");
        await session.GotoAsync("/Security");
        await Expect(session.Page.GetByTestId("security-settings")).ToHaveAttributeAsync("href", "/Security/Settings");
        await session.Page.GetByLabel("用户名", new() { Exact = true }).FillAsync("hospital");
        await session.Page.GetByLabel("事件类型").SelectOptionAsync(new SelectOptionValue { Label = "账号锁定" });
        await session.SubmitAsync(session.Button("查询"));

        var rows = session.Page.GetByTestId("events").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("账号锁定");
        await Expect(rows.First).ToContainTextAsync("hospital");
        await Expect(rows.First).ToContainTextAsync("127.0.0.1");

        await session.Page.GetByLabel("事件类型").SelectOptionAsync(new SelectOptionValue { Label = "全部事件" });
        await session.SubmitAsync(session.Button("查询"));
        await Expect(session.Page.GetByTestId("events")).ToContainTextAsync("登录失败");
        if (ScreenshotFolder is { } folder)
            await session.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "security-events.png"), FullPage = true });
        Assert.Empty(session.Problems);

        // And gives the account back, as the security administrator would.
        await session.SubmitAsync(session.Page.GetByTestId("locked").Locator("tr", new() { HasText = "hospital" }).GetByRole(AriaRole.Button, new() { Name = "解锁" }));
        await Expect(session.Page.GetByTestId("locked")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AuditPage_ExportButtons_DownloadXlsxAndCsvOfTheRange()
    {
        await browser.AppAsync();
        await using var session = await browser.NewSessionAsync();
        await session.LoginAsync("auditadmin");
        await session.GotoAsync("/Audit");
        if (ScreenshotFolder is { } folder)
            await session.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "audit.png"), FullPage = false });

        foreach (var (button, extension) in new[] { ("导出 Excel", ".xlsx"), ("导出 CSV", ".csv") })
        {
            var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
            Assert.StartsWith("审计日志_", download.SuggestedFilename);
            Assert.EndsWith(extension, download.SuggestedFilename);
            var path = Path.Combine(ScreenshotFolder ?? Path.GetTempPath(), download.SuggestedFilename);
            await download.SaveAsAsync(path);
            Assert.True(new FileInfo(path).Length > 1000, $"{download.SuggestedFilename} is {new FileInfo(path).Length} bytes");
        }
    }
}
