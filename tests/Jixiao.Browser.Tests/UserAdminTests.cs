using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

public sealed class UserAdminTests(BrowserApp browser)
{
    [Fact]
    public async Task UserAdmin_ThreeAdminRolesTogether_ShowsSeparationOfDutiesError()
    {
        var userName = DemoLookups.UniqueUserName("sod");
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.LoginAsync("sysadmin");

        await session.GotoAsync("/Users/Edit");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync("三员测试");
        var org = page.GetByLabel("所属机构", new() { Exact = true });
        var bureau = await org.Locator("option", new() { HasText = "140423 襄垣县财政局" }).GetAttributeAsync("value");
        await org.SelectOptionAsync(bureau!);
        await page.GetByLabel("安全管理员", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("审计管理员", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("初始密码", new() { Exact = true }).FillAsync("Sod@2026xy");
        await session.SubmitAsync(session.Button("保存"));

        await Expect(page).ToHaveURLAsync(new Regex("/Users/Edit"));
        await Expect(page.Locator(".page-title")).ToHaveTextAsync("新建用户");
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("三员分立");
        // The form keeps what was entered.
        await Expect(page.GetByLabel("用户名", new() { Exact = true })).ToHaveValueAsync(userName);
        await Expect(page.GetByLabel("安全管理员", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByLabel("审计管理员", new() { Exact = true })).ToBeCheckedAsync();

        await session.GotoAsync("/Users");
        await Expect(page.GetByTestId("users")).ToContainTextAsync("sysadmin");
        await Expect(page.GetByText(userName)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task UserAdmin_ResetAuditorsPassword_RefusedNamingTheServerCommand()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.LoginAsync("sysadmin");
        await session.GotoAsync("/Users");
        await session.SubmitAsync(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "auditadmin", Exact = true }));

        await Expect(page.GetByTestId("admin-account-note")).ToContainTextAsync("users reset-password");
        await page.GetByLabel("重置密码", new() { Exact = true }).FillAsync("Taken@2026xy");
        await session.SubmitAsync(session.Button("保存"));

        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("三员分立：不能在线重置管理员密码");
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("users reset-password");
        if (Environment.GetEnvironmentVariable("JIXIAO_SCREENSHOTS") == "1")
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "jixiao-screenshots", "user-admin-refused.png"), FullPage = true });
    }
}
