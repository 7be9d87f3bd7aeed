using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jixiao.Domain.Reviews;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Imports;

/// <summary>
/// What a unit exports it can import back untouched: the 执行监控表 and the 自评表 of the demo county's 第一中学 — submitted and
/// approved forms included — come back as "0 个修改" (the 申报表's round trip is in TargetSheetTests). Every form is also
/// capped in rows where it is saved.
/// </summary>
public sealed class RoundTripTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Report(bool Committed, string Summary, List<Issue> Issues);
    internal sealed record Issue(int Row, string Column, string Value, string Message, bool IsError);

    private static async Task<(HttpStatusCode, Report)> UploadAsync(HttpClient client, string url, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "导出.xlsx");
        var response = await client.PostAsync(url, form);
        return (response.StatusCode, (await response.Content.ReadJsonAsync<Report>())!);
    }

    private static async Task<byte[]> ExportAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xlsx = await response.Content.ReadAsByteArrayAsync();
        Documents.AssertValidXlsx(xlsx);
        return xlsx;
    }

    private static string Problems(Report report) => report.Summary + "\n" + string.Join("\n", report.Issues.Select(i => $"{i.Row} {i.Column} {i.Value} {i.Message}"));

    [Theory, MemberData(nameof(Providers))]
    public async Task UntouchedMonitoringSheet_ImportsBackAsZeroChanged(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("yizhong");
        var unitId = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        var round = await app.AsSystemAsync<SystemDbContext, long>(db => db.MonitoringTasks.Where(t => t.OrgUnitId == unitId)
            .GroupBy(t => t.RoundId).Where(g => g.Any(t => t.State != FormState.Pending)).Select(g => g.Key).FirstAsync());
        var xlsx = await ExportAsync(unit, $"/api/monitoring/rounds/{round}/sheet");
        foreach (var file in new[] { xlsx, LibreOffice.RoundTrip(xlsx, "监控表.xlsx") })
        {
            var (status, report) = await UploadAsync(unit, $"/api/monitoring/rounds/{round}/sheet", file);
            Assert.True(status == HttpStatusCode.OK, Problems(report));
            Assert.Contains("0 个修改", report.Summary);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task UntouchedSelfEvaluationSheets_ImportBackAsZeroChanged_InEveryState(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        foreach (var (account, code) in Units)
        {
            using var unit = await app.ClientForAsync(account);
            var unitId = await app.OrgIdAsync(DemoCounty.RegionCode, code);
            var forms = await app.AsSystemAsync<SystemDbContext, List<long>>(db => db.SelfEvaluations.Where(e => e.OrgUnitId == unitId)
                .GroupBy(e => e.State).Select(g => g.Min(e => e.Id)).ToListAsync());
            Assert.NotEmpty(forms);
            foreach (var id in forms)
            {
                var (status, report) = await UploadAsync(unit, "/api/evaluations/sheet", await ExportAsync(unit, $"/api/evaluations/{id}/sheet"));
                Assert.True(status == HttpStatusCode.OK, $"自评表 {id}: {Problems(report)}");
                Assert.Contains("0 个修改", report.Summary);
            }
        }
    }

    /// <summary>The demo units filled by an account of their own: 第一中学 and 实验小学.</summary>
    private static readonly (string Account, string Code)[] Units = [("yizhong", "10602"), ("shiyan", "10605")];

    [Theory, MemberData(nameof(Providers))]
    public async Task FormWithMoreRowsThanTheCap_IsRefusedNamingTheCap(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("yizhong");
        var unitId = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        // The cap is checked first, for any form the user can see: a form of 20,000 rows is refused whatever its state.
        var (target, task, evaluation) = await app.AsSystemAsync<SystemDbContext, (long, long, long)>(async db => (
            await db.Targets.Where(t => t.OrgUnitId == unitId).Select(t => t.Id).FirstAsync(),
            await db.MonitoringTasks.Where(t => t.OrgUnitId == unitId).Select(t => t.Id).FirstAsync(),
            await db.SelfEvaluations.Where(e => e.OrgUnitId == unitId).Select(e => e.Id).FirstAsync()));
        var indicators = Enumerable.Range(1, 20_000).Select(i => new
        {
            level1 = "产出指标", level2 = "数量指标", name = $"指标{i}", comparison = "GreaterOrEqual", targetValue = "≥1个", unit = "个",
        });
        var rows = Enumerable.Range(1, 20_000).Select(i => new { row = i });
        (string Url, object Body, string Form)[] saves =
        [
            ($"/api/targets/{target}", new { overallGoal = "目标", annualGoal = "目标", indicators }, "绩效目标表"),
            ($"/api/monitoring/tasks/{task}", new { rows }, "监控表"),
            ($"/api/evaluations/{evaluation}", new { rows }, "自评表"),
        ];
        foreach (var (url, body, form) in saves)
        {
            using var response = await unit.PutAsJsonAsync(url, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {text}");
            ImportFiles.AssertChinese(text, $"{form}有 20,000 行", "超过每张表 200 行的上限");
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ImportTemplates_AreValidDocuments_WithTheirHeaderRow(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var performance = await app.ClientForAsync("perf");
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            var xlsx = await ExportAsync(performance, $"/Imports?handler=Template&kind={kind}");
            var header = SpreadsheetReader.Read(xlsx, "模板.xlsx", new UploadLimits())[1];
            Assert.Equal(ImportLayout.For(kind).Select(c => c.Title), header.Cells.Select(ImportLayout.Simplify));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task FormulaCellsInTheSheets_AreRefusedNamingRowAndColumn(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("yizhong");
        var unitId = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        var (round, evaluation) = await app.AsSystemAsync<SystemDbContext, (long, long)>(async db => (
            await db.MonitoringTasks.Where(t => t.OrgUnitId == unitId).Select(t => t.RoundId).FirstAsync(),
            await db.SelfEvaluations.Where(e => e.OrgUnitId == unitId).Select(e => e.Id).FirstAsync()));
        var target = await ExportAsync(unit, $"/api/targets/sheet?year={BusinessCalendar.YearOf(DateTimeOffset.UtcNow)}");
        var monitoring = await ExportAsync(unit, $"/api/monitoring/rounds/{round}/sheet");
        var selfEvaluation = await ExportAsync(unit, $"/api/evaluations/{evaluation}/sheet");
        var indicatorRow = SpreadsheetReader.Read(target, "申报表.xlsx", new UploadLimits()).First(r => r.Number > 3 && r[9].Length > 0).Number;
        var scoreRow = SpreadsheetReader.Read(selfEvaluation, "自评表.xlsx", new UploadLimits()).First(r => r[0] == "1").Number;
        (string Url, byte[] File, int Row, string Column)[] files =
        [
            ("/api/targets/sheet", UploadGuardTests.WithFormula(target, "L" + indicatorRow, "HYPERLINK(\"http://evil.example\",\"≥1个\")", "≥1个"), indicatorRow, "指标值"),
            ($"/api/monitoring/rounds/{round}/sheet", UploadGuardTests.WithFormula(monitoring, "O3", "cmd|' /C calc'!A0", "0"), 3, "实际完成值"),
            ("/api/evaluations/sheet", UploadGuardTests.WithFormula(selfEvaluation, "I" + scoreRow, "1+1", "2"), scoreRow, "得分"),
        ];
        foreach (var (url, file, row, column) in files)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(file), "file", "表.xlsx");
            form.Add(new StringContent(BusinessCalendar.YearOf(DateTimeOffset.UtcNow).ToString()), "year");
            using var response = await unit.PostAsync(url, form);
            var report = (await response.Content.ReadJsonAsync<Report>())!;
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(report.Issues, i => i.IsError && i.Row == row && i.Column == column && i.Value.StartsWith('=')
                                                && i.Message == $"第 {row} 行“{column}”是公式，请粘贴为数值后再导入。");
        }
    }
}
