using System.Text.RegularExpressions;
using Jixiao.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>Lockout and unlock, on a user of its own. A class of its own, so it runs beside the menu test.</summary>
public sealed class LockoutTests(BrowserApp browser)
{
    [Fact]
    public async Task Login_FiveWrongPasswords_LocksAccountForFifteenMinutes()
    {
        const string password = "Lock@2026x";
        var userName = DemoLookups.UniqueUserName("lock");

        // The system administrator creates a fresh unit filler, so no demo account is locked.
        await using (var admin = await browser.NewSessionAsync())
        {
            var page = admin.Page;
            await admin.LoginAsync("sysadmin");
            await admin.GotoAsync("/Users/Edit");
            await Expect(page.Locator(".page-title")).ToHaveTextAsync("新建用户");
            await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
            await page.GetByLabel("姓名", new() { Exact = true }).FillAsync("锁定测试");
            var org = page.GetByLabel("所属机构", new() { Exact = true });
            var orgValue = await org.Locator("option", new() { HasText = $"{DemoCounty.RegionCode} 襄垣县实验小学" }).GetAttributeAsync("value");
            await org.SelectOptionAsync(orgValue!);
            await page.GetByLabel("预算单位填报人", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("初始密码", new() { Exact = true }).FillAsync(password);
            await admin.SubmitAsync(admin.Button("保存"));
            await Expect(page).ToHaveURLAsync(new Regex("/Users$"));
            var row = page.GetByTestId("users").Locator("tr", new() { HasText = userName });
            await Expect(row).ToContainTextAsync("襄垣县实验小学");
            await Expect(row).ToContainTextAsync("正常");
        }

        await using var user = await browser.NewSessionAsync();
        var error = user.Page.GetByTestId("login-error");
        // The same words for every failure, so that a stranger cannot tell whether the account exists or is locked.
        const string failed = "用户名或密码错误，或账号已被临时锁定。连续 5 次错误将锁定 15 分钟";
        for (var i = 0; i < 5; i++)
        {
            await user.SubmitLoginAsync(userName, "Wrong@2026x");
            await Expect(error).ToContainTextAsync(failed);
            await Expect(error).Not.ToContainTextAsync("再错");
        }

        // Locked: even the right password is refused.
        await user.SubmitLoginAsync(userName, password);
        await Expect(error).ToContainTextAsync(failed);
        await Expect(user.Page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(user.Page.GetByTestId("menu")).ToHaveCountAsync(0);

        await using (var security = await browser.NewSessionAsync())
        {
            var page = security.Page;
            await security.LoginAsync("secadmin");
            await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "安全管理" }).ClickAsync();
            await Expect(page.Locator(".page-title")).ToHaveTextAsync("安全管理");
            var row = page.GetByTestId("locked").Locator("tr", new() { HasText = userName });
            await Expect(row).ToContainTextAsync("锁定测试");
            await security.SubmitAsync(row.GetByRole(AriaRole.Button, new() { Name = "解锁" }));
            await Expect(page.Locator(".page-title")).ToHaveTextAsync("安全管理");
            await Expect(page.GetByTestId("locked").GetByText(userName)).ToHaveCountAsync(0);
            // The history below keeps what happened: the failures and the lockout, with the address.
            await Expect(page.Locator("#events tr", new() { HasText = userName }).First).ToBeVisibleAsync();
        }

        // The administrator chose the password: the first sign-in replaces it before entering.
        await user.SubmitLoginAsync(userName, password);
        await Expect(user.Page).ToHaveURLAsync(new Regex("/Account/ChangePassword"));
        await Expect(user.Page.GetByTestId("why")).ToContainTextAsync("首次登录须修改");
        await user.Page.GetByLabel("新密码", new() { Exact = true }).FillAsync("Mine#2026lock");
        await user.Page.GetByLabel("确认新密码", new() { Exact = true }).FillAsync("Mine#2026lock");
        await user.SubmitAsync(user.Button("修改密码"));
        await Expect(user.Page.Locator(".page-title")).ToHaveTextAsync("工作台");
        await Expect(user.Page.GetByTestId("who")).ToContainTextAsync("锁定测试");
        await Expect(user.Page.GetByTestId("my-org")).ToHaveTextAsync("襄垣县实验小学");
    }
}
