using System.Net;
using System.Net.Http.Json;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Tests.Access;

/// <summary>Issue 12 item 7: policy, history, expiry and the change an administrator's password forces.</summary>
public sealed class PasswordRulesTests(MarchCounty county) : IClassFixture<MarchCounty>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string userName, string password, string newPassword) =>
        client.PostAsJsonAsync("/api/auth/password", new { userName, password, newPassword });

    [Theory, MemberData(nameof(Providers))]
    public async Task CreateUser_CommonOrContainingUserName_RejectedWithReason(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        using var admin = await app.ClientForAsync("sysadmin");
        var unit = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        foreach (var (userName, password, reason) in new[]
                 {
                     ("weak.common", "Password1!", "过于常见"), ("weak.common2", "Admin@123", "过于常见"), ("weak.keys", "Qwer1234!", "过于常见"),
                     ("weak.pinyin", "Woaini1314!", "过于常见"), ("liming", "Liming@2026", "不能包含用户名“liming”"),
                 })
        {
            var response = await admin.PostAsJsonAsync("/api/users", new
            {
                userName, displayName = "弱密码", orgUnitId = unit, roles = new[] { "UnitFiller" }, isActive = true, password,
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(reason, (await response.Content.ReadJsonAsync<ProblemDetails>())!.Detail);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task NewAccount_MustChangeTheAdministratorsPasswordFirst_ThenSignsIn(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var account = await TestAccounts.NewFillerAsync(app, "first", ownPassword: false);
        using var anonymous = app.CreateClient();
        var refused = await TestAccounts.RequestTokenAsync(anonymous, account.UserName, account.Password);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("首次登录须修改", (await refused.Content.ReadJsonAsync<ProblemDetails>())!.Detail);

        using var browser = PageSession.Start(app);
        var login = await browser.LoginAsync(account.UserName, account.Password);
        Assert.Equal("/Account/ChangePassword", login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/auth/me")).StatusCode);
        var same = await browser.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["NewPassword"] = TestAccounts.AdminChosen, ["ConfirmPassword"] = TestAccounts.AdminChosen,
        });
        Assert.Contains("最近 5 次", WebUtility.HtmlDecode(await same.Content.ReadAsStringAsync()));
        var changed = await browser.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["NewPassword"] = "Chosen#2026me", ["ConfirmPassword"] = "Chosen#2026me",
        });
        Assert.Equal("/", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestAccounts.RequestTokenAsync(anonymous, account.UserName, "Chosen#2026me")).StatusCode);

        // An administrator's reset forces the change again.
        using var admin = await app.ClientForAsync("sysadmin");
        var unit = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/users/{account.Id}", new
        {
            userName = account.UserName, displayName = "会话测试", orgUnitId = unit, roles = new[] { "UnitFiller" }, isActive = true, password = "Reset@2026kq",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TestAccounts.RequestTokenAsync(anonymous, account.UserName, "Reset@2026kq")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ChangePassword_AnyOfTheLastFive_RefusedTheSixthAccepted(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var account = await TestAccounts.NewFillerAsync(app, "history");
        using var anonymous = app.CreateClient();
        string[] next = ["Second#2026a", "Third#2026b", "Fourth#2026c", "Fifth#2026d"];
        var current = account.Password;
        foreach (var password in next)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(anonymous, account.UserName, current, password)).StatusCode);
            current = password;
        }

        foreach (var recent in new[] { current, account.Password })
        {
            var refused = await ChangeAsync(anonymous, account.UserName, current, recent);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("新密码不能与最近 5 次使用过的密码相同，请换一个。", (await refused.Content.ReadJsonAsync<ProblemDetails>())!.Detail);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(anonymous, account.UserName, current, "Sixth#2026e")).StatusCode);
        // Now the first own password is six changes back.
        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(anonymous, account.UserName, "Sixth#2026e", account.Password)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Expiry_SetBySecurityAdministrator_ForcesChangeWhenReached(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var clock = await county.ClockAsync(provider);
        var account = await TestAccounts.NewFillerAsync(app, "expiry");
        using var security = await app.ClientForAsync("secadmin");
        using var anonymous = app.CreateClient();
        var invalid = await security.PutAsJsonAsync("/api/security/settings", new { passwordExpiryDays = 10, financeTwoFactor = false });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("30–365", (await invalid.Content.ReadJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.NoContent, (await security.PutAsJsonAsync("/api/security/settings", new { passwordExpiryDays = 30, financeTwoFactor = false })).StatusCode);
        try
        {
            clock.Advance(TimeSpan.FromDays(29));
            Assert.Equal(HttpStatusCode.OK, (await TestAccounts.RequestTokenAsync(anonymous, account.UserName, account.Password)).StatusCode);
            clock.Advance(TimeSpan.FromDays(2));
            var expired = await TestAccounts.RequestTokenAsync(anonymous, account.UserName, account.Password);
            Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
            Assert.Contains("超过有效期", (await expired.Content.ReadJsonAsync<ProblemDetails>())!.Detail);
            using var browser = PageSession.Start(app);
            Assert.Equal("/Account/ChangePassword", (await browser.LoginAsync(account.UserName, account.Password)).Headers.Location!.OriginalString);

            Assert.Equal(HttpStatusCode.NoContent, (await security.PutAsJsonAsync("/api/security/settings", new { passwordExpiryDays = 0, financeTwoFactor = false })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await TestAccounts.RequestTokenAsync(anonymous, account.UserName, account.Password)).StatusCode);
            var saved = await security.GetJsonAsync<Features.Security.SecuritySettingsDto>("/api/security/settings");
            Assert.Equal((DemoCounty.RegionCode, 0, "secadmin"), (saved!.RegionCode, saved.PasswordExpiryDays, saved.UpdatedBy));
        }
        finally
        {
            clock.AdjustTime(county.Now);
            await security.PutAsJsonAsync("/api/security/settings", new { passwordExpiryDays = 90, financeTwoFactor = false });
        }
    }
}
