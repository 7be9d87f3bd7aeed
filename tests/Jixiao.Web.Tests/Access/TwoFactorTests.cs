using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Audit;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Demo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Access;

/// <summary>Issue 12 item 8: two factors for the administrators (and finance roles when set), recovery codes, resets.</summary>
public sealed class TwoFactorTests(MarchCounty county) : IClassFixture<MarchCounty>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Token_AdministratorWithoutOrWithStaleCode_401_WithCurrentCode_200(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var clock = await county.ClockAsync(provider);
        using var anonymous = app.CreateClient();

        var none = await TestAccounts.RequestTokenAsync(anonymous, "secadmin", DemoCounty.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("totpCode", (await none.Content.ReadJsonAsync<ProblemDetails>())!.Detail);
        var stale = TwoFactor.CodeAt(TwoFactor.DemoSecret, clock.GetUtcNow().AddMinutes(-2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestAccounts.RequestTokenAsync(anonymous, "secadmin", DemoCounty.Password, stale)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestAccounts.RequestTokenAsync(anonymous, "secadmin", DemoCounty.Password, app.DemoTotpCode())).StatusCode);
        // The code of the previous 30 seconds still counts (a phone's clock drifts).
        var previous = TwoFactor.CodeAt(TwoFactor.DemoSecret, clock.GetUtcNow().AddSeconds(-30));
        Assert.Equal(HttpStatusCode.OK, (await TestAccounts.RequestTokenAsync(anonymous, "secadmin", DemoCounty.Password, previous)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ResetByCli_AdministratorEnrolsAtSignIn_RecoveryCodeWorksOnce(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var clock = await county.ClockAsync(provider);
        var cli = await CliRunner.RunAsync(app.Database, "users", "reset-2fa", "--user", "auditadmin");
        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Contains("已重置“auditadmin”的动态口令", cli.Output);
        Assert.Contains(AuditAction.TotpReset, await app.AsSystemAsync<SystemDbContext, List<AuditAction>>(db =>
            db.AuditEntries.Where(e => e.UserName == "auditadmin").Select(e => e.Action).ToListAsync()));

        using var browser = PageSession.Start(app);
        var login = await browser.LoginAsync("auditadmin", DemoCounty.Password);
        Assert.Equal("/Account/SecondFactor", login.Headers.Location!.OriginalString);
        var enrol = await browser.Client.GetStringAsync("/Account/SecondFactor");
        var secret = PageSession.TestIdTexts(enrol, "totp-secret", "").Single().Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEqual(TwoFactor.DemoSecret, secret);
        var wrong = await browser.PostFormFromAsync("/Account/SecondFactor", enrol, new Dictionary<string, string>
        {
            ["Code"] = TwoFactor.CodeAt(TwoFactor.DemoSecret, clock.GetUtcNow()), ["ProtectedSecret"] = PageSession.Hidden(enrol, "ProtectedSecret"),
        });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("验证码不对", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));

        enrol = await browser.Client.GetStringAsync("/Account/SecondFactor");
        secret = PageSession.TestIdTexts(enrol, "totp-secret", "").Single().Replace(" ", "", StringComparison.Ordinal);
        var enrolled = await browser.PostFormFromAsync("/Account/SecondFactor", enrol, new Dictionary<string, string>
        {
            ["Code"] = TwoFactor.CodeAt(secret, clock.GetUtcNow()), ["ProtectedSecret"] = PageSession.Hidden(enrol, "ProtectedSecret"),
        });
        var shown = await enrolled.Content.ReadAsStringAsync();
        var codes = PageSession.TestIdTexts(shown, "recovery-codes");
        Assert.Equal(TwoFactor.RecoveryCodeCount, codes.Count);
        Assert.Equal("/", (await browser.PostFormFromAsync("/Account/SecondFactor", shown, new Dictionary<string, string>(), "Continue")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/api/auth/me")).StatusCode);
        var auditadmin = await app.UserIdAsync("auditadmin");
        var stored = await app.AsSystemAsync<SystemDbContext, List<string>>(db => db.RecoveryCodes.Where(c => c.UserId == auditadmin).Select(c => c.CodeHash).ToListAsync());
        Assert.Equal(codes.Count, stored.Count);
        Assert.All(stored, h => Assert.Equal(64, h.Length));
        Assert.Empty(stored.Intersect(codes.Select(c => c.Replace("-", "", StringComparison.Ordinal))));
        await browser.LogoutAsync();

        // A recovery code instead of the phone: once.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var lost = PageSession.Start(app);
            Assert.Equal("/Account/SecondFactor", (await lost.LoginAsync("auditadmin", DemoCounty.Password)).Headers.Location!.OriginalString);
            var used = await lost.PostFormAsync("/Account/SecondFactor", new Dictionary<string, string> { ["Code"] = "", ["RecoveryCode"] = codes[3] });
            if (attempt == 0) Assert.Equal("/", used.Headers.Location!.OriginalString);
            else Assert.Contains("未用过的恢复码", WebUtility.HtmlDecode(await used.Content.ReadAsStringAsync()));
        }

        // Later, with the new secret's code of that moment.
        clock.Advance(TimeSpan.FromHours(3));
        try
        {
            using var later = PageSession.Start(app);
            await later.SignInAsync("auditadmin", DemoCounty.Password, () => TwoFactor.CodeAt(secret, clock.GetUtcNow()));
        }
        finally
        {
            clock.AdjustTime(county.Now);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task FinanceSetting_On_FinanceRolesNeedTheSecondFactor_OthersDoNot(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        using var security = await app.ClientForAsync("secadmin");
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await security.PutAsJsonAsync("/api/security/settings", new { passwordExpiryDays = 90, financeTwoFactor = true })).StatusCode);
        try
        {
            foreach (var finance in new[] { "perf", "budget", "jkw" })
            {
                var refused = await TestAccounts.RequestTokenAsync(anonymous, finance, DemoCounty.Password);
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
                Assert.Contains("须使用动态口令", (await refused.Content.ReadJsonAsync<ProblemDetails>())!.Detail);
            }
            Assert.Equal(HttpStatusCode.OK, (await TestAccounts.RequestTokenAsync(anonymous, "yizhong", DemoCounty.Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await TestAccounts.RequestTokenAsync(anonymous, "edu", DemoCounty.Password)).StatusCode);
            using var browser = PageSession.Start(app);
            Assert.Equal("/Account/SecondFactor", (await browser.LoginAsync("perf", DemoCounty.Password)).Headers.Location!.OriginalString);
        }
        finally
        {
            await security.PutAsJsonAsync("/api/security/settings", new { passwordExpiryDays = 90, financeTwoFactor = false });
        }
        Assert.Equal(HttpStatusCode.OK, (await TestAccounts.RequestTokenAsync(anonymous, "perf", DemoCounty.Password)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OnlineReset_NonAdministratorReset_AdministratorRefusedToTheCli(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var clock = await county.ClockAsync(provider);
        using var security = await app.ClientForAsync("secadmin");
        using var anonymous = app.CreateClient();
        var sysadmin = await app.UserIdAsync("sysadmin");
        var refused = await security.PostAsync($"/api/security/users/{sysadmin}/reset-2fa", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("users reset-2fa --user sysadmin", (await refused.Content.ReadJsonAsync<ProblemDetails>())!.Detail);

        // A user turned the second factor on (here straight in the database) and lost the phone.
        var account = await TestAccounts.NewFillerAsync(app, "phone");
        const string secret = "KQMVTRWXJIXIAOTESTSECRET234567AB";
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == account.Id);
            await TwoFactor.EnrolAsync(db, user, secret, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestAccounts.RequestTokenAsync(anonymous, account.UserName, account.Password)).StatusCode);
        using var script = app.CreateClient();
        var issued = await TestAccounts.RequestTokenAsync(anonymous, account.UserName, account.Password, TwoFactor.CodeAt(secret, clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        script.DefaultRequestHeaders.Authorization = new("Bearer", (await issued.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["token"].ToString());

        Assert.Equal(HttpStatusCode.NoContent, (await security.PostAsync($"/api/security/users/{account.Id}/reset-2fa", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestAccounts.RequestTokenAsync(anonymous, account.UserName, account.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await security.PostAsync($"/api/security/users/{account.Id}/reset-2fa", null)).StatusCode);
    }
}
