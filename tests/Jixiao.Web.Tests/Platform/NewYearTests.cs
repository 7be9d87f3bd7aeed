using System.Net;
using System.Net.Http.Json;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Tests.Access;

namespace Jixiao.Web.Tests.Platform;

/// <summary>The demo county one minute before Beijing's midnight on New Year's Eve 2026 (15:59 UTC), its 2026 in progress.</summary>
public sealed class NewYearsEveCounty() : ClockedApps(new DateTimeOffset(2026, 12, 31, 15, 59, 0, TimeSpan.Zero), 120);

/// <summary>
/// Default years and "today" follow Beijing's calendar: at 17:00 UTC on 31 December 2026 it is 1 January 2027 in the
/// county, though still 2026 by the UTC date.
/// </summary>
public sealed class NewYearTests(NewYearsEveCounty county) : IClassFixture<NewYearsEveCounty>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private static readonly DateTimeOffset BeforeMidnight = new(2026, 12, 31, 15, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterMidnight = new(2026, 12, 31, 17, 0, 0, TimeSpan.Zero);

    internal sealed record Statistics(int Year);
    internal sealed record Workflow(int Year, string NextDocumentNo);
    internal sealed record Problem(string Detail);

    [Theory, MemberData(nameof(Providers))]
    public async Task AtBeijingMidnight_DefaultYearsAndTodayTurnOver_ThoughTheUtcDateIsStillTheOldYear(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var clock = await county.ClockAsync(provider);   // moves forward only: both instants in one test
        using var perf = await app.ClientForAsync("perf");
        var december = new { year = 2026, month = 12, deadline = new DateOnly(2027, 1, 20) };
        foreach (var (now, year, deadline) in new[] { (BeforeMidnight, 2026, "2027-01-15"), (AfterMidnight, 2027, "2027-01-16") })
        {
            clock.SetUtcNow(now);
            // The monitoring page (its year, and today + 15 days as the default deadline), the workflow settings and the
            // self-evaluation statistics (last year's), all without ?year=.
            using var page = PageSession.Start(app);
            await page.SignInAsync("perf", DemoCounty.Password);
            var html = await page.Client.GetStringAsync("/Monitoring");
            Assert.Contains($"绩效运行监控 · {year} 年度", html);
            Assert.Contains($"value=\"{deadline}\"", html);
            Assert.Equal(year, (await perf.GetJsonAsync<Workflow>("/api/workflow/settings"))!.Year);
            Assert.Equal(year - 1, (await perf.GetJsonAsync<Statistics>("/api/evaluations/statistics"))!.Year);

            // December's monitoring opens once December has ended in Beijing.
            var opened = await perf.PostAsJsonAsync("/api/monitoring/rounds", december, ApiJson.Options);
            if (year == 2026)
            {
                Assert.Equal(HttpStatusCode.BadRequest, opened.StatusCode);
                Assert.Contains("2026 年 12 月尚未结束", (await opened.Content.ReadJsonAsync<Problem>())!.Detail);
            }
            else Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        }
    }
}
