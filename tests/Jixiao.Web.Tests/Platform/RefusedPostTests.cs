using System.Net;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Tests.Access;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Platform;

/// <summary>What every page does with input a business rule refuses (RefusalPageFilter): the form comes back, not an error page.</summary>
public sealed class RefusedPostTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private static readonly int Year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow);

    [Theory, MemberData(nameof(Providers))]
    public async Task RefusedPost_ShowsTheRuleBesideItsField_KeepsWhatWasPosted_AndSavesNothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var kept = await WorkflowSettingAsync(app);
        using var page = PageSession.Start(app);
        await page.SignInAsync("perf", DemoCounty.Password);

        // 直接报绩效股 (allowed) with a 文号前缀 that carries the year (refused): neither is saved.
        var response = await page.PostFormAsync($"/Workflow/Settings?Year={Year}", new Dictionary<string, string>
        {
            ["FormDivisionStep"] = "false", ["DocumentPrefix"] = "襄财绩2026",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("data-valmsg-for=\"DocumentPrefix\"[^>]*>文号前缀“襄财绩2026”不应含数字", html);
        Assert.Matches("name=\"DocumentPrefix\" value=\"襄财绩2026\"", html);
        Assert.Matches("id=\"step-off\" value=\"false\" checked=\"checked\"", html);
        Assert.Equal(kept, await WorkflowSettingAsync(app));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ListPage_UnknownStateInItsAddress_ListsEveryStateBelowTheReason(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var page = PageSession.Start(app);
        await page.SignInAsync("perf", DemoCounty.Password);

        foreach (var list in new[] { $"/Targets?Year={Year}&Box=Todo", $"/Evaluations?Year={Year - 1}&Mine=false" })
        {
            var response = await page.Client.GetAsync($"{list}&State=Finished");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("状态“Finished”不存在，可选：", html);
            Assert.Matches("共 [1-9][0-9]* (条|张)", html);
        }
    }

    private static Task<string> WorkflowSettingAsync(JixiaoApp app) => app.AsSystemAsync<SystemDbContext, string>(async db =>
        await db.WorkflowSettings.Where(s => s.RegionCode == DemoCounty.RegionCode && s.FiscalYear == Year)
            .Select(s => $"{s.FormDivisionStep} {s.DocumentPrefix} {s.UpdatedAtUtc:O}").SingleOrDefaultAsync() ?? "（未设置）");
}
