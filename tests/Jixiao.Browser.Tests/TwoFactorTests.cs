using System.Text.RegularExpressions;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <summary>The security administrator, whose second factor was reset, enrols an authenticator at sign-in and signs in
/// with it later — on an app of its own whose clock the test moves, so the codes are those of a known moment.</summary>
public sealed class TwoFactorTests(BrowserApp browser)
{
    [Fact]
    public async Task SecondFactor_EnrolAtSignIn_ThenSignInWithTheCodeOfTheMoment()
    {
        BrowserApp.RequireChromium();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var app = await JixiaoApp.StartAsync(DatabaseProvider.Sqlite, kestrel: true, clock: clock);
        await app.AsSystemAsync<SystemDbContext>(async db =>
            await TwoFactor.ResetAsync(db, await db.Users.SingleAsync(u => u.UserName == "secadmin"), "测试 ", CancellationToken.None));

        await using var session = await browser.NewSessionAsync(app.RootUrl);
        var page = session.Page;
        await session.SubmitLoginAsync("secadmin", DemoCounty.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/Account/SecondFactor"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("绑定动态口令");
        await Expect(page.GetByTestId("otpauth-uri")).ToContainTextAsync("otpauth://totp/Jixiao%3Asecadmin?secret=");
        var secret = (await page.GetByTestId("totp-secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        var enrolledAt = clock.GetUtcNow();
        await page.GetByLabel("动态口令", new() { Exact = true }).FillAsync(TwoFactor.CodeAt(secret, enrolledAt));
        await session.SubmitAsync(session.Button("绑定并继续"));
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(TwoFactor.RecoveryCodeCount);
        await session.SubmitAsync(session.Button("我已保存恢复码，继续"));
        await Expect(page.Locator(".page-title")).ToHaveTextAsync("工作台");
        await session.SubmitAsync(session.Button("退出"));
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));

        clock.Advance(TimeSpan.FromHours(1));
        await session.SubmitLoginAsync("secadmin", DemoCounty.Password);
        await Expect(page.Locator("h1")).ToHaveTextAsync("输入动态口令");
        await page.GetByLabel("动态口令", new() { Exact = true }).FillAsync(TwoFactor.CodeAt(secret, enrolledAt));
        await session.SubmitAsync(session.Button("验证"));
        await Expect(page.GetByTestId("second-factor-error")).ToContainTextAsync("动态口令或恢复码不对");
        await page.GetByLabel("动态口令", new() { Exact = true }).FillAsync(TwoFactor.CodeAt(secret, clock.GetUtcNow()));
        await session.SubmitAsync(session.Button("验证"));
        await Expect(page.Locator(".page-title")).ToHaveTextAsync("工作台");
        await Expect(page.GetByTestId("who")).ToContainTextAsync("安全管理员");
        Assert.Empty(session.Problems);
    }
}
