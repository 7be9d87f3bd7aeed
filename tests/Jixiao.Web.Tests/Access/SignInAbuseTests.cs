using System.Net;
using Jixiao.Domain.Audit;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Access;

/// <summary>Issue 12 items 5 and 6: sign-in is throttled, and its answer and its work do not tell whether an account exists.</summary>
public sealed class SignInAbuseTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    /// <summary>Counts password verifications, the slow step whose absence made unknown users answer fast.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Token_UnknownWrongLockedOrDisabled_SameAnswerOneHashEachAndTheAuditSaysWhich(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var wrong = await TestAccounts.NewFillerAsync(app, "enum");
        var locked = await TestAccounts.NewFillerAsync(app, "enumlock");
        var disabled = await TestAccounts.NewFillerAsync(app, "enumoff");
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            await db.Users.Where(u => u.Id == locked.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddYears(1)));
            await db.Users.Where(u => u.Id == disabled.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        });
        var hasher = new CountingHasher();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher)));
        using var anonymous = counted.CreateClient();

        var answers = new List<(HttpStatusCode, string?, int)>();
        foreach (var (user, password) in new[]
                 {
                     ("nobody.here", "Wrong@2026x"), (wrong.UserName, "Wrong@2026x"), (locked.UserName, locked.Password), (disabled.UserName, disabled.Password),
                 })
        {
            var before = hasher.Verifications;
            var response = await TestAccounts.RequestTokenAsync(anonymous, user, password);
            answers.Add((response.StatusCode, (await response.Content.ReadJsonAsync<ProblemDetails>())!.Detail, hasher.Verifications - before));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Unauthorized, PasswordSignIn.GenericFailure, 1), a));
        var failures = await app.AsSystemAsync<SystemDbContext, List<string?>>(db => db.AuditEntries
            .Where(e => e.Action == AuditAction.LoginFailed && e.Changes!.StartsWith("API 令牌申请")).Select(e => e.Changes).ToListAsync());
        Assert.Contains("API 令牌申请：用户不存在", failures);
        Assert.Contains("API 令牌申请：密码错误", failures);
        Assert.Contains("API 令牌申请：账号锁定期间尝试登录", failures);
        Assert.Contains("API 令牌申请：账号已停用", failures);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task LoginPage_UnknownOrRealUser_SameMessageWithoutAttemptsLeft(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var real = await TestAccounts.NewFillerAsync(app, "page");
        var pages = new List<string>();
        foreach (var user in new[] { "nobody.there", real.UserName })
        {
            using var browser = PageSession.Start(app);
            var response = await browser.LoginAsync(user, "Wrong@2026x");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            pages.Add(html[html.IndexOf("data-testid=\"login-error\"", StringComparison.Ordinal)..][..400]);
        }
        Assert.Equal(pages[0], pages[1]);
        Assert.Contains(PasswordSignIn.GenericFailure, pages[0]);
        Assert.DoesNotContain("再错", pages[0]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Throttle_PerUserName_Answers429AfterTheLimitOnApiAndPage(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("SignIn:PerUserNamePerMinute", "3"));
        using var anonymous = limited.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TestAccounts.RequestTokenAsync(anonymous, "shiyan", "Wrong@2026x")).StatusCode);

        var refused = await TestAccounts.RequestTokenAsync(anonymous, "shiyan", DemoCounty.Password);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        var problem = await refused.Content.ReadJsonAsync<ProblemDetails>();
        Assert.Equal(SignInThrottle.Refused, problem!.Detail);
        Assert.Equal("请求过于频繁", problem.Title);

        using var browser = PageSession.Start(limited);
        var page = await browser.LoginAsync("SHIYAN", DemoCounty.Password);
        Assert.Equal((HttpStatusCode)429, page.StatusCode);
        Assert.Contains(SignInThrottle.Refused, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        // Another user from the same address is not held up by this one.
        Assert.Equal(HttpStatusCode.OK, (await TestAccounts.RequestTokenAsync(anonymous, "hospital", DemoCounty.Password)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Throttle_PerAddress_Answers429ForAnyUserName(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("SignIn:PerAddressPerMinute", "3"));
        using var anonymous = limited.CreateClient();
        foreach (var user in new[] { "guess.one", "guess.two", "guess.three" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await TestAccounts.RequestTokenAsync(anonymous, user, "Wrong@2026x")).StatusCode);
        Assert.Equal((HttpStatusCode)429, (await TestAccounts.RequestTokenAsync(anonymous, "guess.four", "Wrong@2026x")).StatusCode);
    }
}
