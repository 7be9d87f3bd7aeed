using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jixiao.Domain.Audit;
using Jixiao.Domain.Budget;
using Jixiao.Domain.ExAnte;
using Jixiao.Tests.Shared;
using static Jixiao.Tests.Shared.ApiAnswers;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Tests.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.ExAnte;

/// <summary>
/// 事前绩效评估 and the gate before the budget through the API and the 一体化 import, on both databases: a new 900万 project is found by
/// the screening; its initial approval is refused whole, naming the row and the rule, until the unit's report and finance's conclusion
/// support it; 调整完善后予以支持 holds the gate until the revision is accepted; an approval above the cap is refused with both amounts
/// and one at the cap passes; every decision is in the audit trail; bad input is refused in Chinese and changes nothing.
/// </summary>
public sealed class ExAnteApiTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Point(string Name, decimal Points, decimal? Given);
    internal sealed record View(long Id, long ProjectId, string Trigger, ExAnteStatus Status, ExAnteState State, bool GateOpen, decimal RequestedAmount,
        List<string> Dimensions, List<string> StandardMaterials, List<Point> Form, decimal? Score, string ScoreExplanation, ExAnteConclusion? Conclusion,
        decimal? Cap, bool CanSubmit, bool CanAssess, bool CanRevise, bool CanActOnRevision);
    internal sealed record Row(long Id, long ProjectId, ExAnteStatus Status);
    internal sealed record Page(List<Row> Rows, int Total);
    internal sealed record Screening(int FiscalYear, int Projects, int Raised, int AlreadyListed);
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body, ApiJson.Options);

    /// <summary>A new 特定目标类 project of next year's library at the 第一中学, asking for 900万.</summary>
    private static async Task<(long Id, string Code, int Year)> NewProjectAsync(JixiaoApp app, string code)
    {
        var year = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Year + 1;
        var id = await app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var project = Project.Create(DemoCounty.RegionCode, year, school, school.ParentId, new Project.Details(code, "测试实验楼建设", ProjectLevel.Level1,
                ProjectCategory.SpecificPurpose, Recurrence.OneOff, year, year, LibraryStatus.Reserve, BudgetKind.General, TransferLevel.None, FundTags.None,
                new DateOnly(year - 1, 9, 1), 9_000_000m));
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
        return (id, code, year);
    }

    private static byte[] Approval(string document, int year, string code, decimal wan) =>
        ImportFiles.Csv([["文件号", "日期", "项目代码", "变动类型", "金额（万元）", "事由"], [document, $"{year}-01-20", code, "年初批复", wan.ToString(System.Globalization.CultureInfo.InvariantCulture), "年初预算"]]);

    private static Task<int> MovementsAsync(JixiaoApp app, long projectId) =>
        app.AsSystemAsync<SystemDbContext, int>(db => db.LedgerMovements.CountAsync(m => m.ProjectId == projectId));

    private static Task<List<string>> GateAuditAsync(JixiaoApp app, long projectId) =>
        app.AsSystemAsync<SystemDbContext, List<string>>(db => db.AuditEntries
            .Where(e => e.Action == AuditAction.ExAnteGate && e.EntityType == nameof(Project) && e.EntityId == projectId.ToString())
            .OrderBy(e => e.Id).Select(e => e.Changes!).ToListAsync());

    private static Dictionary<string, string> Report(View view) => view.Dimensions.ToDictionary(d => d, d => $"围绕{d}：需求调研、测算依据和方案比选见附件。");

    [Theory, MemberData(nameof(Providers))]
    public async Task Gate_RefusesUntilSupported_HoldsForTheRevision_AndTheCap(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (projectId, code, year) = await NewProjectAsync(app, $"CS-SQ-{provider}-1");
        using var perf = await app.ClientForAsync("perf");
        using var unit = await app.ClientForAsync("yizhong");

        // The screening finds it (new, 900万 ≥ 500万); the first approval is refused whole, naming the row, the rule and the way out.
        var screened = await OkAsync<Screening>(await perf.PostAsync($"/api/exante/screen/{year}", null));
        Assert.True(screened.Raised >= 1, $"识别 {screened.Raised}");
        var page = await OkAsync<Page>(await perf.GetAsync($"/api/exante?year={year}&q={code}"));
        var id = Assert.Single(page.Rows).Id;
        var refused = await perf.RejectedAsync(ImportKind.Movements, year, "年初批复.csv", Approval($"CS{provider}-1", year, code, 900));
        var issue = Assert.Single(refused.Issues, i => i.IsError);
        Assert.Equal(2, issue.Row);
        Assert.Contains($"项目“{code} 测试实验楼建设”的事前绩效评估为“待评估”，不能年初批复 900.00 万元", issue.Message);
        Assert.Equal(0, await MovementsAsync(app, projectId));

        // The unit's report: without a file it is refused, naming the field; finance does not write it.
        var view = await OkAsync<View>(await unit.GetAsync($"/api/exante/{id}"));
        Assert.True(view.CanSubmit);
        Assert.Equal("新增项目，金额 900.00 万元 ≥ 500.00 万元", view.Trigger);
        var application = new { report = Report(view), materials = view.StandardMaterials.Take(3), requestedAmount = 9_000_000m, overallGoal = "改善实验教学条件",
            annualGoal = "年内建成实验楼", indicators = "产出指标|数量指标|新建实验楼面积|≥|3000|平方米\n满意度指标|服务对象满意度指标|师生满意度|≥|90|%" };
        var noFile = await RefusedAsync(await PostAsync(unit, $"/api/exante/{id}/submit", application), HttpStatusCode.BadRequest);
        Assert.Equal("附件", noFile.Field);
        await RefusedAsync(await PostAsync(perf, $"/api/exante/{id}/submit", application), HttpStatusCode.Forbidden);
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent("%PDF-1.7\n测试申报书"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "实验楼建设项目申报书.pdf");
            Assert.Equal(HttpStatusCode.Created, (await unit.PostAsync($"/api/evidence/exante/{id}", form)).StatusCode);
        }
        view = await OkAsync<View>(await PostAsync(unit, $"/api/exante/{id}/submit", application));
        Assert.Equal((ExAnteStatus.Assessing, false), (view.Status, view.CanSubmit));

        // Finance scores it itself: 75 → 调整完善后予以支持 with a 700万 cap; a missing item is refused by name and keeps nothing.
        var points = new Dictionary<string, decimal> { ["立项必要性"] = 17, ["投入经济性"] = 13, ["绩效目标合理性"] = 15, ["实施方案可行性"] = 16 };
        var missing = await RefusedAsync(await PostAsync(perf, $"/api/exante/{id}/conclude", new { route = "Finance", points, reasons = "测算依据不足，需压减规模。", cap = 7_000_000m }),
            HttpStatusCode.BadRequest);
        Assert.Contains("请为“筹资合规性”打分", missing.Detail);
        points["筹资合规性"] = 14;
        view = await OkAsync<View>(await PostAsync(perf, $"/api/exante/{id}/conclude", new { route = "Finance", points, reasons = "测算依据不足，需压减规模。", cap = 7_000_000m }));
        Assert.Equal((75m, ExAnteConclusion.SupportAfterRevision, 7_000_000m, false), (view.Score, view.Conclusion, view.Cap, view.GateOpen));
        Assert.Contains("17 + 投入经济性 13 + 绩效目标合理性 15 + 实施方案可行性 16 + 筹资合规性 14 = 75 分", view.ScoreExplanation);
        await RefusedAsync(await PostAsync(perf, $"/api/exante/{id}/conclude", new { route = "Finance", points, reasons = "再出一次结论。" }), HttpStatusCode.Conflict);

        // Until finance accepts the revision the gate stays shut.
        refused = await perf.RejectedAsync(ImportKind.Movements, year, "年初批复.csv", Approval($"CS{provider}-2", year, code, 700));
        Assert.Contains("须先由单位提交调整完善后的申报材料并经财政确认", Assert.Single(refused.Issues, i => i.IsError).Message);
        var above = await RefusedAsync(await PostAsync(unit, $"/api/exante/{id}/revise", new { revision = "压减了附属用房，重新测算了单价。", revisedAmount = 7_500_000m }),
            HttpStatusCode.BadRequest);
        Assert.Contains("超过建议预算控制数 700.00 万元", above.Detail);
        await OkAsync<View>(await PostAsync(unit, $"/api/exante/{id}/revise", new { revision = "压减了附属用房，重新测算了单价。", revisedAmount = 7_000_000m }));
        view = await OkAsync<View>(await PostAsync(perf, $"/api/exante/{id}/revision", new { accept = true, opinion = "同意按控制数安排。" }));
        Assert.True(view.GateOpen);

        // Above the cap: refused with both amounts; at the cap: committed.
        refused = await perf.RejectedAsync(ImportKind.Movements, year, "年初批复.csv", Approval($"CS{provider}-3", year, code, 900));
        Assert.Contains("年初批复合计 900.00 万元，超过事前评估建议预算控制数 700.00 万元", Assert.Single(refused.Issues, i => i.IsError).Message);
        Assert.Equal(0, await MovementsAsync(app, projectId));
        var passed = await perf.ImportAsync(ImportKind.Movements, year, "年初批复.csv", Approval($"CS{provider}-4", year, code, 700));
        Assert.True(passed.Committed, ImportFiles.Describe(passed));
        Assert.Equal(1, await MovementsAsync(app, projectId));

        // The targets the application proposed start the project's target form.
        var started = await unit.PostAsJsonAsync($"/api/targets/projects/{projectId}", new { from = "ExAnte" }, ApiJson.Options);
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var target = await app.AsSystemAsync<SystemDbContext, (string Goal, List<string> Names)>(async db =>
        {
            var t = await db.Targets.Include(x => x.Indicators).SingleAsync(x => x.ProjectId == projectId);
            return (t.AnnualGoal, t.Indicators.OrderBy(i => i.Row).Select(i => i.Name).ToList());
        });
        Assert.Equal("年内建成实验楼", target.Goal);
        Assert.Equal(["新建实验楼面积", "师生满意度"], target.Names);

        // Every decision of the gate is in the audit trail: three refusals and the approval.
        var audit = await GateAuditAsync(app, projectId);
        Assert.Equal(4, audit.Count);
        Assert.All(audit.Take(3), a => Assert.StartsWith("拒绝", a));
        Assert.StartsWith("准予", audit[3]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ImportRefused_NamesTheRule_WhenNoEvaluationWasRaised_AndOnlyFinanceScreens(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (projectId, code, year) = await NewProjectAsync(app, $"CS-SQ-{provider}-2");
        using var perf = await app.ClientForAsync("perf");
        using var unit = await app.ClientForAsync("yizhong");
        await RefusedAsync(await unit.PostAsync($"/api/exante/screen/{year}", null), HttpStatusCode.Forbidden);

        var refused = await perf.RejectedAsync(ImportKind.Movements, year, "年初批复.csv", Approval($"CT{provider}-1", year, code, 900));
        Assert.Contains("需要事前绩效评估（新增项目，金额 900.00 万元 ≥ 500.00 万元），尚未开展评估", Assert.Single(refused.Issues, i => i.IsError).Message);
        Assert.Equal(0, await MovementsAsync(app, projectId));

        // Finance adds it by hand (with a reason) and concludes after the unit's report: 予以支持 opens the gate at any amount.
        var bad = await RefusedAsync(await PostAsync(perf, "/api/exante", new { projectId, variant = "Project", reason = "" }), HttpStatusCode.BadRequest);
        Assert.Contains("必须写明理由", bad.Detail);
        var view = await OkAsync<View>(await PostAsync(perf, "/api/exante", new { projectId, variant = "Project", reason = "投资较大，财政指定评估。" }));
        await RefusedAsync(await PostAsync(perf, "/api/exante", new { projectId, variant = "Project", reason = "再指定一次评估。" }), HttpStatusCode.Conflict);
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var e = await db.ExAnteEvaluations.SingleAsync(x => x.Id == view.Id);
            e.Submit(new ExAnteApplication(Report(view), [], 9_000_000m, "", "", ""), ExAnteRules.Default, 1, "周涛", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var points = view.Form.ToDictionary(p => p.Name, p => p.Points - 2);
        view = await OkAsync<View>(await PostAsync(perf, $"/api/exante/{view.Id}/conclude", new { route = "Finance", points, reasons = "方案成熟，予以支持。" }));
        Assert.Equal((90m, ExAnteStatus.Supported, true), (view.Score, view.Status, view.GateOpen));
        var passed = await perf.ImportAsync(ImportKind.Movements, year, "年初批复.csv", Approval($"CT{provider}-2", year, code, 900));
        Assert.True(passed.Committed, ImportFiles.Describe(passed));
    }
}

/// <summary>事前评估统计 on both databases, over a year of its own: counts by conclusion and route, amounts asked for and supported, and what caps and refusals saved.</summary>
public sealed class ExAnteStatisticsTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Tally(string Name, int Evaluations, int Pending, int Assessing, int Supported, int SupportedAfterRevision, int Rejected,
        decimal Requested, decimal SupportedAmount, decimal SavedByCaps, decimal SavedByRefusals);
    internal sealed record Stats(int Year, Tally Total, List<Tally> ByRoute, List<Tally> ByDepartment);

    [Theory, MemberData(nameof(Providers))]
    public async Task Statistics_SumWhatWasAskedSupportedAndSaved_ByRouteAndDepartment(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var year = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Year + 3;
        var now = new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc);
        var rules = ExAnteRules.Default;
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            // 1000万 supported with a 800万 cap; 600万 supported; 700万 refused; 900万 still with finance.
            var plans = new (decimal Wan, decimal? Score, decimal? CapWan)[] { (1000, 85, 800), (600, 90, null), (700, 50, null), (900, null, null) };
            for (var i = 0; i < plans.Length; i++)
            {
                var (wan, score, capWan) = plans[i];
                var e = await ExAnteWorld.SubmittedAsync(db, school, year, $"CS-TJ-{i}", $"测试统计项目{i}", wan, now);
                if (score is { } total)
                {
                    var form = rules.ProjectForm;
                    var given = form.Items.ToDictionary(x => x.Name, _ => total / 5);
                    e.Conclude(ExAnteRoute.Finance, null, null, form, new ExAnteScore(total, form.WritePoints(given), "财政自行评估"), rules, "按评分出具结论。",
                        capWan * 10_000m, "张敏", now);
                }
                db.ExAnteEvaluations.Add(e);
                await db.SaveChangesAsync();
            }
        });
        using var perf = await app.ClientForAsync("perf");
        var response = await perf.GetAsync($"/api/exante/statistics?year={year}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var stats = (await response.Content.ReadJsonAsync<Stats>())!;
        var expected = new Tally("全部", 4, 0, 1, 2, 0, 1, 32_000_000m, 14_000_000m, 2_000_000m, 7_000_000m);
        Assert.Equal(expected, stats.Total);
        Assert.Equal([expected with { Name = "财政自行评估", Evaluations = 3, Assessing = 0, Requested = 23_000_000m }], stats.ByRoute);
        Assert.Equal(expected with { Name = "襄垣县教育科技局" }, Assert.Single(stats.ByDepartment));

        using var unit = await app.ClientForAsync("yizhong");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/exante/statistics?year={year}")).StatusCode);
        var sheet = SpreadsheetReader.Read(await perf.GetByteArrayAsync($"/api/exante/statistics.xlsx?year={year}"), "统计.xlsx", new UploadLimits());
        Assert.Equal($"{year} 年度事前绩效评估统计", sheet[0][0]);
        Assert.Equal(["合计", "全部", "4", "0", "1", "2", "0", "1", "32000000", "14000000", "2000000", "7000000"], sheet[3].Cells.Take(12));
    }
}

/// <summary>事前评估评分表: exported with the evaluations waiting for finance, filled offline, imported all or nothing with each wrong row named.</summary>
public sealed class ExAnteSheetTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int year, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year");
        form.Add(new StringContent("Project"), "variant");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "评分表.xlsx");
        return await client.PostAsync("/api/exante/scoring-sheet", form);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ScoringSheet_RoundTrip_AllOrNothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var year = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Year + 4;
        var now = new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc);
        var ids = await app.AsSystemAsync<SystemDbContext, List<long>>(async db =>
        {
            var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var list = new List<long>();
            foreach (var (code, wan) in new[] { ("CS-PF-1", 800m), ("CS-PF-2", 650m) })
            {
                var e = await ExAnteWorld.SubmittedAsync(db, school, year, code, $"测试评分项目{code[^1]}", wan, now);
                db.ExAnteEvaluations.Add(e);
                await db.SaveChangesAsync();
                list.Add(e.Id);
            }
            return list;
        });
        using var perf = await app.ClientForAsync("perf");
        var exported = SpreadsheetReader.Read(await perf.GetByteArrayAsync($"/api/exante/scoring-sheet?year={year}"), "评分表.xlsx", new UploadLimits());
        Assert.Equal(["评估编号", "项目代码", "项目名称", "单位", "申报金额（万元）", "立项必要性（20分）"], exported[2].Cells.Take(6));
        Assert.Equal([$"{ids[0]}", "CS-PF-1", $"{ids[1]}", "CS-PF-2"], exported.Skip(3).SelectMany(r => r.Cells.Take(2)));

        object?[] Row(long id, string code, params object?[] rest) => [id, code, "测试", "第一中学", 800, .. rest];
        var header = exported[2].Cells.Cast<object?>().ToArray();
        // One row over an item's maximum: nothing is written, the row and column are named.
        var wrong = ImportFiles.Xlsx([header, Row(ids[0], "CS-PF-1", 18, 17, 16, 17, 16, "方案可行，予以支持。", null), Row(ids[1], "CS-PF-2", 25, 10, 10, 10, 10, "测算依据不足。", 500)]);
        using (var refused = await UploadAsync(perf, year, wrong))
        {
            var report = await ImportFiles.ReportAsync(refused, HttpStatusCode.UnprocessableEntity);
            var issue = Assert.Single(report.Issues, i => i.IsError);
            Assert.Equal((3, "立项必要性（20分）"), (issue.Row, issue.Column));
            Assert.Contains("“立项必要性”的得分 25 应在 0–20 分之间", issue.Message);
        }
        Assert.All(await app.AsSystemAsync<SystemDbContext, List<ExAnteState>>(db => db.ExAnteEvaluations.Where(e => ids.Contains(e.Id)).Select(e => e.State).ToListAsync()),
            s => Assert.Equal(ExAnteState.Assessing, s));

        var right = ImportFiles.Xlsx([header, Row(ids[0], "CS-PF-1", 18, 17, 16, 17, 16, "方案可行，予以支持。", null), Row(ids[1], "CS-PF-2", 15, 12, 12, 14, 12, "测算依据不足，压减规模。", 500)]);
        using (var ok = await UploadAsync(perf, year, right))
        {
            var report = await ImportFiles.ReportAsync(ok, HttpStatusCode.OK);
            Assert.True(report.Committed);
        }
        var concluded = await app.AsSystemAsync<SystemDbContext, List<(decimal?, ExAnteConclusion?, decimal?)>>(async db =>
            (await db.ExAnteEvaluations.Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync()).Select(e => (e.Score, e.Conclusion, e.Cap)).ToList());
        Assert.Equal([(84m, ExAnteConclusion.Support, null), (65m, ExAnteConclusion.SupportAfterRevision, 5_000_000m)], concluded);
    }
}

/// <summary>The unit's 事前绩效评估报告 and finance's 评估意见书, as docx and PDF, for whoever may read the evaluation; not before they exist.</summary>
public sealed class ExAnteDocumentTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private static string DocxText(byte[] docx)
    {
        Documents.AssertValidDocx(docx);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ReportAndOpinion_AsDocxAndPdf_WithTheArithmeticAndTheCap(DatabaseProvider provider)
    {
        Printing.FormPdfTests.RequireChromium();
        var app = await apps.GetAsync(provider);
        // The demo's 老旧小区改造（三期）: 71 points, 调整完善后予以支持 with a 2,200万 cap, the revision in.
        var (id, pending, unitAccount) = await app.AsSystemAsync<SystemDbContext, (long, long, string)>(async db =>
        {
            var e = await db.ExAnteEvaluations.Join(db.Projects, x => x.ProjectId, p => p.Id, (x, p) => new { x.Id, p.Name, x.OrgUnitId })
                .SingleAsync(x => x.Name == "老旧小区改造（三期）");
            var open = await db.ExAnteEvaluations.Join(db.Projects, x => x.ProjectId, p => p.Id, (x, p) => new { x.Id, p.Name })
                .SingleAsync(x => x.Name == "第一中学教学综合楼建设");
            return (e.Id, open.Id, "yizhong");
        });
        using var perf = await app.ClientForAsync("perf");
        var report = DocxText(await perf.GetByteArrayAsync($"/api/exante/{id}/report.docx"));
        Assert.Contains("老旧小区改造（三期）事前绩效评估报告", report);
        Assert.Contains("立项必要性", report);
        Assert.Contains("2,600.00 万元", report);
        var opinion = DocxText(await perf.GetByteArrayAsync($"/api/exante/{id}/opinion.docx"));
        Assert.Contains("评估结论为“调整完善后予以支持”", opinion);
        Assert.Contains("建议预算控制数：2,200.00 万元", opinion);
        Assert.Contains("结论为“调整完善后予以支持”", opinion);

        var pdf = await perf.GetAsync($"/api/exante/{id}/opinion/pdf");
        Assert.True(pdf.IsSuccessStatusCode, await pdf.Content.ReadAsStringAsync());
        var text = Printing.FormPdfTests.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("事前绩效评估意见书", text);
        Assert.Contains("2,200.00万元", text);
        var reportPdf = Printing.FormPdfTests.Text(await perf.GetByteArrayAsync($"/api/exante/{id}/report/pdf"));
        Assert.Contains("实施方案可行性", reportPdf);

        // Not before they exist (the unit has not submitted: no report, no opinion), and not for another unit.
        using var unit = await app.ClientForAsync(unitAccount);
        var notYet = await unit.GetAsync($"/api/exante/{pending}/opinion.docx");
        Assert.Equal(HttpStatusCode.Conflict, notYet.StatusCode);
        Assert.Contains("财政尚未出具评估结论", await notYet.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/api/exante/{id}/opinion.docx")).StatusCode);
    }
}

/// <summary>Evaluations the tests start from: a new project of the 第一中学 and its unit's report, with finance.</summary>
internal static class ExAnteWorld
{
    public static async Task<ExAnteEvaluation> SubmittedAsync(SystemDbContext db, Domain.Organisation.OrgUnit school, int year, string code, string name, decimal wan,
        DateTime now)
    {
        var project = Project.Create(DemoCounty.RegionCode, year, school, school.ParentId, new Project.Details(code, name, ProjectLevel.Level1,
            ProjectCategory.SpecificPurpose, Recurrence.OneOff, year, year, LibraryStatus.Reserve, BudgetKind.General, TransferLevel.None, FundTags.None,
            new DateOnly(year - 1, 9, 1), wan * 10_000m));
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var e = ExAnteEvaluation.Screened(project, ["新增项目"], now);
        e.Submit(new ExAnteApplication(ExAnteRules.Dimensions(ExAnteVariant.Project).ToDictionary(d => d, d => $"关于{d}：论证材料见附件。"), [], wan * 10_000m, "", "", ""),
            ExAnteRules.Default, 1, "周涛", now);
        return e;
    }
}
