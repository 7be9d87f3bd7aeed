using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>
/// A register's list page as its users meet it: finance exports the expert pool and imports the untouched sheet on the page (the
/// round trip changes nothing and says so); an import without a file is refused in Chinese; the expert account asking for the
/// list is taken to its own record.
/// </summary>
public sealed class RegisterTests(BrowserApp browser)
{
    [Fact]
    public async Task ExpertPool_ExportedSheet_ImportsOnThePage_ExpertIsTakenToItsRecord()
    {
        await browser.AppAsync();
        await using var finance = await browser.NewSessionAsync();
        await finance.LoginAsync("perf");
        var sheet = await finance.Page.APIRequest.GetAsync("/api/experts/sheet");
        Assert.True(sheet.Ok, $"导出专家库：HTTP {sheet.Status}");
        var file = Path.Combine(Path.GetTempPath(), $"专家库-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, await sheet.BodyAsync());

        await finance.GotoAsync("/Experts");
        await finance.Page.Locator("summary", new() { HasText = "Excel 导入" }).ClickAsync();
        await finance.SubmitAsync(finance.Page.GetByTestId("import"));
        await Expect(finance.Page.GetByText("请选择要导入的专家库文件（xlsx、xls 或 csv）。")).ToBeVisibleAsync();

        await finance.Page.Locator("summary", new() { HasText = "Excel 导入" }).ClickAsync();
        await finance.Page.GetByLabel("专家库文件").SetInputFilesAsync(file);
        await finance.SubmitAsync(finance.Page.GetByTestId("import"));
        await Expect(finance.Page.GetByTestId("import-summary")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alert-success"));
        await Expect(finance.Page.GetByTestId("import-summary")).ToContainTextAsync("新增 0");
        File.Delete(file);

        await using var expert = await browser.NewSessionAsync();
        await expert.LoginAsync("expert");
        await expert.GotoAsync("/Experts");
        await Expect(expert.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Experts/Details/\\d+$"));
        await Expect(expert.Page.Locator(".page-title")).ToContainTextAsync("贾志刚");
    }
}
