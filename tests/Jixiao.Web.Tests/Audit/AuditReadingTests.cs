using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jixiao.Domain.Audit;
using Jixiao.Domain.Budget;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Audit;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Tests.Targets;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Audit;

/// <summary>A Chinese auditor reads a target indicator's audit records in Chinese: field names, enum values and the project it belongs to.</summary>
public sealed class AuditReadingTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task TargetIndicatorSaved_PageQueryAndExport_ShowChineseFieldsValuesAndTheProject(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("yizhong");
        // The unit's oldest project without targets (the target tests take the newest).
        var projectId = await app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var school = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
            return await db.Projects.Where(p => p.OrgUnitId == school && p.FiscalYear == DateTime.UtcNow.Year && p.Status == LibraryStatus.Budgeted
                                                && !p.IsPool && !db.Targets.Any(t => t.ProjectId == p.Id))
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        });
        var created = await unit.PostAsJsonAsync($"/api/targets/projects/{projectId}", new { from = "Blank" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadJsonAsync<TargetApiTests.View>())!.Target.Id;
        // The second save replaces the rows: the first ones are deleted, and their records still name the project.
        foreach (var first in new[] { "≥735人次", "≥740人次" })
            Assert.True((await unit.PutAsJsonAsync($"/api/targets/{id}", await TargetApiTests.ContentAsync(unit, first), ApiJson.Options)).IsSuccessStatusCode);
        var project = await app.AsSystemAsync<SystemDbContext, string>(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Code + " " + p.Name).SingleAsync());
        var target = $"{project} 第 1 版";

        using var auditor = await app.ClientForAsync("auditadmin");
        var page = (await auditor.GetJsonAsync<AuditPage>("/api/audit?entityType=TargetIndicator&user=yizhong&pageSize=200"))!;
        var mine = page.Rows.Where(r => r.ObjectName.EndsWith($"（{target}）")).ToList();
        var added = mine.Where(r => r.Action == AuditAction.Create && r.Lines.Any(l => l.Field == "三级指标" && l.After == "资金发放及时率")).ToList();
        Assert.Equal(2, added.Count);
        Assert.All(added, row =>
        {
            Assert.Equal("绩效指标", row.TypeName);
            Assert.Equal($"资金发放及时率（{target}）", row.ObjectName);
            Assert.StartsWith("周涛", row.Operator);
            Assert.Contains(new ChangeLine("取值依据", null, "计划标准"), row.Lines);
            Assert.Contains(new ChangeLine("指标性质", null, "≥"), row.Lines);
            Assert.Contains(new ChangeLine("绩效目标", null, target), row.Lines);
        });
        var deleted = Assert.Single(mine, r => r.Action == AuditAction.Delete && r.Lines.Any(l => l.Field == "年度指标值" && l.Before == "≥735人次"));
        Assert.Equal($"{deleted.Lines.Single(l => l.Field == "三级指标").Before}（{target}）", deleted.ObjectName);
        Assert.Equal(18, mine.Count);
        Assert.DoesNotContain(mine.SelectMany(r => r.Lines), l => l.Field is "Basis" or "Comparison" || l.After is "Plan" or "GreaterOrEqual");
        // Display only: the records keep what their hash covers, and the chain verifies.
        Assert.All(added, row => Assert.Contains("\"Basis\":{\"after\":\"Plan\"}", row.Changes));
        Assert.True((await auditor.GetJsonAsync<AuditVerification>("/api/audit/verify"))!.Intact);

        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync("/Audit?EntityType=TargetIndicator&Operator=yizhong"));
        Assert.Contains($"资金发放及时率（{target}）", html);
        Assert.Matches("取值依据：</span>\\s*计划标准", html);
        Assert.Contains("<option value=\"TargetIndicator\" selected=\"selected\">绩效指标</option>", html);
        Assert.DoesNotContain("Basis", html);

        var today = BusinessCalendar.DateOf(DateTime.UtcNow);
        var csv = CsvRecords.Read(Encoding.UTF8.GetString((await auditor.GetByteArrayAsync($"/api/audit/export?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}&format=csv"))[3..]));
        var exported = csv.First(r => r[8] == $"资金发放及时率（{target}）");
        Assert.Equal(("绩效指标", "周涛（第一中学） yizhong"), (exported[6], exported[3]));
        Assert.Contains("取值依据：计划标准", exported[9]);
        Assert.Contains("\"Basis\":{\"after\":\"Plan\"}", exported[11]);
    }
}
