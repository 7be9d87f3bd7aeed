using System.Net;
using System.Net.Http.Json;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Access;

/// <summary>Issue 12 item 4: server-side sessions; logout, password, role and status changes end sessions and tokens at once.</summary>
public sealed class SessionTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Cookie_SavedBeforeLogout_Answers401(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var browser = PageSession.Start(app);
        await browser.SignInAsync("water", DemoCounty.Password);
        using var copy = PageSession.Replaying(app, browser.AuthCookie!);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/auth/me")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.LogoutAsync()).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/auth/me")).StatusCode);
        var ended = await app.AsSystemAsync<SystemDbContext, string?>(db => db.UserSessions.Where(s => s.User!.UserName == "water")
            .OrderByDescending(s => s.Id).Select(s => s.EndReason).FirstAsync());
        Assert.Equal("退出登录", ended);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Token_AfterAdministratorResetsPassword_Answers401WithReason(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var account = await TestAccounts.NewFillerAsync(app, "reset");
        using var script = await TestAccounts.BearerAsync(app, account.UserName, account.Password);
        using var browser = PageSession.Start(app);
        await browser.SignInAsync(account.UserName, account.Password);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/auth/me")).StatusCode);

        using var admin = await app.ClientForAsync("sysadmin");
        var unit = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        var reset = await admin.PutAsJsonAsync($"/api/users/{account.Id}", new
        {
            userName = account.UserName, displayName = "会话测试", orgUnitId = unit, roles = new[] { "UnitFiller" }, isActive = true, password = "Reset@2026kq",
        });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/auth/me")).StatusCode);
        using var copy = PageSession.Replaying(app, browser.AuthCookie!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/auth/me")).StatusCode);
        var reasons = await app.AsSystemAsync<SystemDbContext, List<string?>>(db => db.ApiTokens.Where(t => t.UserId == account.Id).Select(t => t.RevokedReason).ToListAsync());
        Assert.Equal(["管理员重置了密码"], reasons);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Disabling_EndsSessionsAndTokens(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var account = await TestAccounts.NewFillerAsync(app, "disable");
        using var script = await TestAccounts.BearerAsync(app, account.UserName, account.Password);
        using var browser = PageSession.Start(app);
        await browser.SignInAsync(account.UserName, account.Password);

        using var admin = await app.ClientForAsync("sysadmin");
        var unit = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        var disabled = await admin.PutAsJsonAsync($"/api/users/{account.Id}", new
        {
            userName = account.UserName, displayName = "会话测试", orgUnitId = unit, roles = new[] { "UnitFiller" }, isActive = false, password = "",
        });
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/auth/me")).StatusCode);
        using var copy = PageSession.Replaying(app, browser.AuthCookie!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/auth/me")).StatusCode);
        var reasons = await app.AsSystemAsync<SystemDbContext, List<string?>>(db => db.UserSessions.Where(s => s.UserId == account.Id).Select(s => s.EndReason).ToListAsync());
        Assert.Equal(["账号已停用"], reasons);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task MySessions_EndAnother_ThatCookieAnswers401AndThisOneWorks(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var account = await TestAccounts.NewFillerAsync(app, "mine");
        using var office = PageSession.Start(app);
        await office.SignInAsync(account.UserName, account.Password);
        using var home = PageSession.Start(app);
        await home.SignInAsync(account.UserName, account.Password);

        var page = await office.Client.GetStringAsync("/Account/Tokens");
        Assert.Contains("我的会话与令牌", page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "data-testid=\"this-session\""));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "data-testid=\"session\""));
        var other = await app.AsSystemAsync<SystemDbContext, long>(db => db.UserSessions.Where(s => s.UserId == account.Id).MaxAsync(s => s.Id));

        var ended = await office.PostFormAsync("/Account/Tokens", new Dictionary<string, string> { ["sessionId"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "EndSession");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await home.Client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OwnPasswordChange_EndsOtherSessionsAndTokensKeepsThisBrowser(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var account = await TestAccounts.NewFillerAsync(app, "own");
        using var script = await TestAccounts.BearerAsync(app, account.UserName, account.Password);
        using var office = PageSession.Start(app);
        await office.SignInAsync(account.UserName, account.Password);
        using var home = PageSession.Start(app);
        await home.SignInAsync(account.UserName, account.Password);

        var changed = await office.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = account.Password, ["NewPassword"] = "Fresh#2026own", ["ConfirmPassword"] = "Fresh#2026own",
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("密码已修改", await changed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await home.Client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.GetAsync("/api/auth/me")).StatusCode);
    }
}
