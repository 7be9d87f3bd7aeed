using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Budget;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Tests.Imports;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Monitoring;

/// <summary>
/// 暂缓拨付 on both databases: a monitoring corrective action 暂缓拨付 holds its project's payments — the 一体化 payment import
/// is refused whole, naming the row, the project and the hold — until finance releases it; the same file then imports, once.
/// </summary>
public sealed class PaymentHoldApiTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Hold(long Id, DateOnly From, string DocumentNo, DateOnly? ReleasedOn, string ReleaseReason);

    [Theory, MemberData(nameof(Providers))]
    public async Task HeldProject_PaymentImportRefusedWithItsRow_UntilReleased(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var today = Jixiao.Domain.BusinessCalendar.DateOf(DateTime.UtcNow);
        // A red project of this year's round without a hold, with money left: finance decides 暂缓拨付 from some days ago.
        var task = await app.AsSystemAsync<SystemDbContext, (long Id, long ProjectId, string Code, string Name, int Year)>(async db =>
        {
            var found = await (from t in db.MonitoringTasks
                               where t.RegionCode == DemoCounty.RegionCode && t.Light == Domain.Monitoring.Light.Red && t.ProjectId != null
                                     && !db.PaymentHolds.Any(h => h.ProjectId == t.ProjectId)
                               join x in db.ProjectTotals on t.ProjectId equals x.ProjectId
                               where x.Adjusted - x.Executed > 50_000m
                               orderby t.Id
                               select new { t.Id, ProjectId = t.ProjectId!.Value, t.FiscalYear }).FirstAsync();
            var project = await db.Projects.SingleAsync(p => p.Id == found.ProjectId);
            return (found.Id, project.Id, project.Code, project.Name, found.FiscalYear);
        });
        using var perf = await app.ClientForAsync("perf");
        var decided = await perf.PostAsJsonAsync($"/api/monitoring/tasks/{task.Id}/corrections", new
        {
            kind = "Suspension", amount = 20_000m, date = today, reason = "项目实施进度严重滞后，暂缓拨付剩余资金", confirmed = true,
        }, ApiJson.Options);
        Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        var holds = (await perf.GetFromJsonAsync<List<Hold>>($"/api/projects/{task.ProjectId}/holds", ApiJson.Options))!;
        var hold = Assert.Single(holds);
        Assert.Equal((today, (DateOnly?)null), (hold.From, hold.ReleasedOn));
        var held = (hold.Id, task.ProjectId, task.Code, task.Name, hold.From, task.Year);
        byte[] Payments(string document, DateOnly date) => ImportFiles.Csv(
        [
            ["支付凭证号", "支付日期", "项目代码", "支付金额（元）", "摘要"],
            [document, date.ToString("yyyy-MM-dd"), held.Code, "1,000.00", "设备款"],
        ], bom: true);
        var refused = await perf.RejectedAsync(ImportKind.Payments, held.Year, "支付.csv", Payments($"ZFHOLD{provider}1", today));
        var issue = refused.IssueAt(2);
        ImportFiles.AssertChinese(issue.Message, $"项目“{held.Name}”自 {held.From:yyyy-MM-dd} 起暂缓拨付", "尚未解除", $"支付日期 {today:yyyy-MM-dd} 在暂缓期间");
        Assert.False(refused.Committed);

        // Only the performance division releases, with a reason.
        using var division = await app.ClientForAsync("jkw");
        Assert.Equal(HttpStatusCode.Forbidden, (await division.PostAsJsonAsync($"/api/projects/holds/{held.Id}/release", new { reason = "业务股解除" }, ApiJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await perf.PostAsJsonAsync($"/api/projects/holds/{held.Id}/release", new { reason = "" }, ApiJson.Options)).StatusCode);
        var release = await perf.PostAsJsonAsync($"/api/projects/holds/{held.Id}/release", new { reason = "整改已到位，恢复拨付" }, ApiJson.Options);
        Assert.True(release.IsSuccessStatusCode, await release.Content.ReadAsStringAsync());
        var released = (await release.Content.ReadJsonAsync<Hold>())!;
        Assert.Equal((today, "整改已到位，恢复拨付"), (released.ReleasedOn, released.ReleaseReason));
        Assert.Equal(HttpStatusCode.Conflict, (await perf.PostAsJsonAsync($"/api/projects/holds/{held.Id}/release", new { reason = "再次解除暂缓" }, ApiJson.Options)).StatusCode);

        // From the release on the payment imports; one dated in the held period is still refused.
        var report = await perf.ImportAsync(ImportKind.Payments, held.Year, "支付.csv", Payments($"ZFHOLD{provider}1", today));
        Assert.True(report.Committed && report.Created == 1, ImportFiles.Describe(report));
        // re-importing the same file changes nothing
        var again = await perf.ImportAsync(ImportKind.Payments, held.Year, "支付.csv", Payments($"ZFHOLD{provider}1", today));
        Assert.True(again.Committed && again.Created == 0 && again.Unchanged == 1, ImportFiles.Describe(again));
    }
}
