using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Jixiao.Domain.Access;
using Jixiao.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

/// <remarks>In the <c>DemoAccounts</c> collection: the security audit test locks <c>hospital</c> out, which this walk must not meet.</remarks>
[Collection("DemoAccounts")]
public sealed class LoginTests(BrowserApp browser)
{
    /// <summary>Menu items every signed-in user has.</summary>
    private static readonly string[] CommonItems = ["工作台", "机构"];

    /// <summary>The administrators' menu items, each for its one role only (三员分立).</summary>
    private static readonly (string Item, Role Role)[] AdminItems =
        [("用户与角色", Role.SystemAdmin), ("安全管理", Role.SecurityAdmin), ("审计日志", Role.AuditAdmin)];

    [Fact]
    public async Task Login_EachRole_SeesItsMenu()
    {
        var accounts = DemoCounty.Accounts.Where(a => a.Region == DemoCounty.RegionCode).ToList();
        Assert.Contains(accounts, a => a.Role == Role.SystemAdmin);

        // Four browser contexts side by side; each logs its share of the accounts in and out in turn
        // (logging out lands on the login form, where the next account logs in).
        var queue = new ConcurrentQueue<DemoCounty.Account>(accounts);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var session = await browser.NewSessionAsync();
            while (queue.TryDequeue(out var account))
            {
                try
                {
                    await CheckMenuAsync(session, account);
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"账号 {account.UserName}（{account.Role.Label()}）：{e.Message}", e);
                }
            }
        }));
    }

    private static async Task CheckMenuAsync(BrowserSession session, DemoCounty.Account account)
    {
        var page = session.Page;
        await session.LoginAsync(account.UserName);
        await Expect(page).ToHaveTitleAsync(new Regex("^工作台 · "));

        // Business roles get more items as the app grows; these are the ones every role must (not) have.
        ILocator Item(string name) => page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        foreach (var item in CommonItems)
            await Expect(Item(item)).ToBeVisibleAsync();
        // the own account (sessions, tokens, password) sits beside the name, not among the work
        await Expect(Item("会话与令牌")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("my-account")).ToHaveAttributeAsync("href", "/Account/Tokens");
        foreach (var (item, role) in AdminItems)
        {
            if (role == account.Role) await Expect(Item(item)).ToBeVisibleAsync();
            else await Expect(Item(item)).ToHaveCountAsync(0);
        }

        var who = page.GetByTestId("who");
        await Expect(who).ToContainTextAsync(account.DisplayName);
        await Expect(who).ToContainTextAsync(account.Role.Label());

        await session.SubmitAsync(session.Button("退出"));
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(session.Button("登录")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("menu")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("who")).ToHaveCountAsync(0);
    }
}
