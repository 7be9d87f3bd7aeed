using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Evaluations;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Jixiao.Web.Tests.Imports;

namespace Jixiao.Web.Tests.Evaluations;

/// <summary>The demo county with the clock on 20 January 2027, after the 2026 year closed; its own app, apart from the API tests'.</summary>
public sealed class SelfEvaluationSheetCounty() : ClockedApps(new DateTimeOffset(2027, 1, 20, 2, 0, 0, TimeSpan.Zero));

/// <summary>
/// The 项目支出绩效自评表 in xlsx, the 自评报告 in docx and the 部门汇总表: a unit exports its form, fills it offline (or
/// through LibreOffice) and imports it back through the same domain fill as the page — all or nothing, every wrong
/// cell named, the findings of the saved form reported. Every test makes its own projects; the summary test its own department's.
/// </summary>
public sealed class EvaluationSheetTests(SelfEvaluationSheetCounty county) : IClassFixture<SelfEvaluationSheetCounty>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private const int Year = 2026;

    internal sealed record Issue(int Row, string Column, string Value, string Message, bool IsError);
    internal sealed record Finding(int? Row, FindingKind Kind, bool Blocking, string Message);
    internal sealed record Report(long? EvaluationId, int Rows, List<Issue> Issues, List<Finding> Findings, bool Committed, string Summary, bool Unchanged = false);
    internal sealed record FormRow(int Row, string Actual, QualitativeOutcome? Outcome, decimal? Weight, decimal? Score, string Reason, decimal ReferenceScore);
    internal sealed record Form(long Id, FormState State, string GoalCompletion, decimal Executed, decimal? ExecutionWeight, decimal? ExecutionScore,
        decimal? Total, decimal ReferenceTotal, Grade ReferenceGrade, List<FormRow> Rows, List<Finding> Findings);
    internal sealed record View(Form Evaluation);

    /// <summary>
    /// A 2026 project of the unit with 年初批复 <paramref name="initial"/> (plus an 追加 <paramref name="addition"/>), the
    /// payments, and approved targets: 采购课桌椅数量 ≥200套, 验收合格率 ≥98%, 教学条件改善 (定性), 师生满意度 ≥90%.
    /// </summary>
    private static Task<long> ProjectAsync(JixiaoApp app, string unitCode, string code, decimal initial, decimal addition, decimal paid) =>
        app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var unit = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == unitCode);
            var project = TestProjects.Budgeted(unit, Year, code, "自评表测试项目" + code);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            db.LedgerMovements.Add(LedgerMovement.Create(project, MovementKind.InitialApproval, initial, new DateOnly(Year, 1, 15), $"{code}-1", "年初批复"));
            if (addition > 0)
                db.LedgerMovements.Add(LedgerMovement.Create(project, MovementKind.Addition, addition, new DateOnly(Year, 8, 20), $"{code}-2", "年中追加"));
            if (paid > 0) db.Payments.Add(Payment.Create(project, new DateOnly(Year, 11, 30), paid, $"{code}-PAY", "支付"));
            var at = new DateTime(Year, 8, 25, 2, 0, 0, DateTimeKind.Utc);
            var target = TestProjects.DeskTargets(project, at);
            db.Targets.Add(target);
            await db.SaveChangesAsync();
            return project.Id;
        });

    /// <summary>Issues the year's self-evaluations (adding the new projects') and returns each project's form.</summary>
    private static async Task<long[]> IssueAsync(JixiaoApp app, params long[] projects)
    {
        using var performance = await app.ClientForAsync("perf");
        var issued = await performance.PostAsJsonAsync("/api/evaluations/issue", new { year = Year }, ApiJson.Options);
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        var forms = await app.AsSystemAsync<SystemDbContext, Dictionary<long, long>>(db => db.SelfEvaluations
            .Where(e => e.ProjectId != null && projects.Contains(e.ProjectId.Value)).ToDictionaryAsync(e => e.ProjectId!.Value, e => e.Id));
        return projects.Select(p => forms[p]).ToArray();
    }

    /// <summary>A form of 第一中学 for a new project: 年初 100,000 + 追加 50,000, all paid (B = A).</summary>
    private async Task<(JixiaoApp App, long Id)> FormAsync(DatabaseProvider provider, string code)
    {
        var app = await county.GetAsync(provider);
        var project = await ProjectAsync(app, "10602", code, 100_000m, 50_000m, 150_000m);
        return (app, (await IssueAsync(app, project))[0]);
    }

    private static async Task<byte[]> ExportAsync(HttpClient client, long id)
    {
        var response = await client.GetAsync($"/api/evaluations/{id}/sheet");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xlsx = await response.Content.ReadAsByteArrayAsync();
        Documents.AssertValidXlsx(xlsx);
        return xlsx;
    }

    private static async Task<(HttpStatusCode Status, Report Report)> ImportAsync(HttpClient client, byte[] content, string fileName = "自评表（填好）.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        var response = await client.PostAsync("/api/evaluations/sheet", form);
        return (response.StatusCode, (await response.Content.ReadJsonAsync<Report>())!);
    }

    private static string Problems(Report report) => string.Join("\n", report.Issues.Select(i => $"{i.Row} {i.Column} {i.Value} {i.Message}"));

    private static int Indicator(string key) => EvaluationSheet.IndicatorColumns.Select((c, i) => (c.Key, i)).Single(c => c.Key == key).i;

    private static int Fund(string key) => EvaluationSheet.FundColumns.Select((c, i) => (c.Key, i)).Single(c => c.Key == key).i;

    /// <summary>The Excel row whose first cell is <paramref name="first"/>: "年度资金总额", "实际完成情况", "总分", or an indicator's 行号.</summary>
    private static int ExcelRow(byte[] xlsx, string first) => SpreadsheetReader.Read(xlsx, "自评表.xlsx", new UploadLimits()).First(r => r[0] == first).Number;

    /// <summary>Types into the exported workbook as a user would: text, or numbers for decimals.</summary>
    private static byte[] Fill(byte[] xlsx, params (int Row, int Column, object Value)[] cells)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            foreach (var (row, column, value) in cells)
            {
                var reference = XlsxWriter.ColumnName(column) + row;
                var cell = sheet.Descendants<Cell>().Single(c => c.CellReference == reference);
                cell.RemoveAllChildren();
                if (value is decimal number)
                {
                    cell.DataType = CellValues.Number;
                    cell.CellValue = new CellValue(number);
                }
                else
                {
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text((string)value));
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>Every row met and scored as the rules say: 10 + 25 + 25 + 27 + 10 = 97, nothing to find.</summary>
    private static byte[] FillClean(byte[] xlsx)
    {
        int funds = ExcelRow(xlsx, "年度资金总额"), completion = ExcelRow(xlsx, "实际完成情况"), total = ExcelRow(xlsx, "总分");
        int Row(int n) => ExcelRow(xlsx, n.ToString());
        return Fill(xlsx,
            (funds, Fund("weight"), 10m), (funds, Fund("score"), 10m),
            (completion, 1, "采购课桌椅 200 套并验收合格、教学条件明显改善"),
            (Row(1), Indicator("actual"), "200"), (Row(1), Indicator("weight"), 25m), (Row(1), Indicator("score"), 25m),
            (Row(2), Indicator("actual"), "99%"), (Row(2), Indicator("weight"), 25m), (Row(2), Indicator("score"), 25m),
            (Row(3), Indicator("actual"), "新课桌椅已全部投入使用"), (Row(3), Indicator("outcome"), "达成"), (Row(3), Indicator("weight"), 30m),
            (Row(3), Indicator("score"), 27m),
            (Row(4), Indicator("actual"), "95%"), (Row(4), Indicator("weight"), 10m), (Row(4), Indicator("score"), 10m),
            (total, Indicator("score"), 97m));
    }

    private static void AssertClean(Form form)
    {
        Assert.Empty(form.Findings);
        Assert.Equal(("采购课桌椅 200 套并验收合格、教学条件明显改善", 10m, 10m, 97m, 97m, Grade.Excellent),
            (form.GoalCompletion, form.ExecutionWeight, form.ExecutionScore, form.Total, form.ReferenceTotal, form.ReferenceGrade));
        Assert.Equal([("200", null, 25m, 25m), ("99%", null, 25m, 25m), ("新课桌椅已全部投入使用", QualitativeOutcome.Achieved, 30m, 27m), ("95%", null, 10m, 10m)],
            form.Rows.OrderBy(r => r.Row).Select(r => (r.Actual, r.Outcome, r.Weight, r.Score)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CraftedSheet_WithPlantedInconsistencies_ImportsAndListsExactlyThoseFindings(DatabaseProvider provider)
    {
        var (app, id) = await FormAsync(provider, "ZS-PLANT");
        using var unit = await app.ClientForAsync("yizhong");
        var xlsx = await ExportAsync(unit, id);

        var sheet = SpreadsheetReader.Read(xlsx, "自评表.xlsx", new UploadLimits());
        Assert.Contains("项目支出绩效自评表（2026 年度）", sheet[0][0].Replace("(", "（").Replace(")", "）"));
        Assert.Equal(("自评表编号", id.ToString()), (sheet[2][0], sheet[2][1]));
        Assert.Equal(("项目名称", "自评表测试项目ZS-PLANT"), (sheet[3][0], sheet[3][1]));
        Assert.Equal(("主管部门", "襄垣县教育科技局", "实施单位", "襄垣县第一中学校"), (sheet[4][0], sheet[4][1], sheet[4][2], sheet[4][3]));
        var funds = sheet.Single(r => r[0] == "年度资金总额");
        // 年初 100,000, A the adjusted 150,000 and B 150,000 from the ledger; the reference beside them.
        Assert.Equal(["100000", "150000", "150000", "10", "100", ""], funds.Cells.Skip(1).Take(6));
        Assert.Equal("10", funds[Indicator("refScore")]); // the reference columns stand over the indicator table's
        var header = sheet.Single(r => r[0] == "行号");
        Assert.Equal("参考得分（系统计算，仅供参考）", header[Indicator("refScore")]);
        Assert.Equal(["1", "2", "3", "4", "总分"], sheet.SkipWhile(r => r[0] != "行号").Skip(1).TakeWhile(r => r[0].Length > 0).Select(r => r[0]));

        // Planted: B contradicts the ledger, 产出 weights 25 + 20 (分值 95 in all), 150 of 200 套 with no reason, 达成 scored 20 of 30
        // (band 24–30), a blank 实际完成值, and 总分 85 against a sum of 78.75. The 分值 adding up to 95 are scored as they stand
        // (not rescaled), and the reference total is then more than 5 分 (the default) from the unit's 85: a warning.
        int Row(int n) => ExcelRow(xlsx, n.ToString());
        var planted = Fill(xlsx,
            (ExcelRow(xlsx, "年度资金总额"), Fund("executed"), 140_000m), (ExcelRow(xlsx, "年度资金总额"), Fund("score"), 10m),
            (ExcelRow(xlsx, "实际完成情况"), 1, "完成课桌椅采购 150 套"),
            (Row(1), Indicator("actual"), "150"), (Row(1), Indicator("score"), 18.75m),
            (Row(2), Indicator("actual"), "99%"), (Row(2), Indicator("weight"), 20m), (Row(2), Indicator("score"), 20m),
            (Row(3), Indicator("outcome"), "达成"), (Row(3), Indicator("score"), 20m),
            (Row(4), Indicator("score"), 10m),
            (ExcelRow(xlsx, "总分"), Indicator("score"), 85m));
        var (status, report) = await ImportAsync(unit, planted);

        Assert.True(status == HttpStatusCode.OK, Problems(report));
        Assert.Equal((true, id, 4), (report.Committed, report.EvaluationId, report.Rows));
        Assert.Empty(report.Issues);
        (int?, FindingKind)[] expected =
        [
            (null, FindingKind.WeightTotal), (null, FindingKind.TotalMismatch), (null, FindingKind.FarFromReference),
            (SelfEvaluation.ExecutionRow, FindingKind.ExecutionContradictsLedger),
            (1, FindingKind.MissingReason), (3, FindingKind.OutsideBand), (4, FindingKind.Blank),
        ];
        Assert.Equal(expected.Order(), report.Findings.Select(f => (f.Row, f.Kind)).Order());
        Assert.All(report.Findings, f => Assert.Equal(f.Kind != FindingKind.FarFromReference, f.Blocking));
        Assert.Contains("140,000.00", report.Findings.Single(f => f.Kind == FindingKind.ExecutionContradictsLedger).Message);
        Assert.Contains("78.75", report.Findings.Single(f => f.Kind == FindingKind.TotalMismatch).Message);
        Assert.Contains("已导入自评表", report.Summary);

        // The form says the same as the import report: the findings travel with the saved form.
        var form = (await unit.GetJsonAsync<View>($"/api/evaluations/{id}"))!.Evaluation;
        Assert.Equal(report.Findings.Select(f => (f.Row, f.Kind, f.Message)).Order(), form.Findings.Select(f => (f.Row, f.Kind, f.Message)).Order());
        Assert.Equal((140_000m, 85m, 72.75m), (form.Executed, form.Total, form.ReferenceTotal));

        // Exported again, the sheet lists them under the total.
        var again = SpreadsheetReader.Read(await ExportAsync(unit, id), "自评表.xlsx", new UploadLimits());
        Assert.Equal(6, again.SkipWhile(r => !r[0].StartsWith("检查结果", StringComparison.Ordinal)).Skip(1).Count(r => r[0] == "须修改"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task BadSheet_WritesNothing_AndNamesEveryWrongCell(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var own = await ProjectAsync(app, "10602", "ZS-BAD", 100_000m, 0m, 90_000m);
        var other = await ProjectAsync(app, "10605", "ZS-OTHER", 100_000m, 0m, 90_000m);
        var ids = await IssueAsync(app, own, other);
        using var unit = await app.ClientForAsync("yizhong");
        using var otherUnit = await app.ClientForAsync("shiyan");
        var xlsx = FillClean(await ExportAsync(unit, ids[0]));
        int funds = ExcelRow(xlsx, "年度资金总额"), row1 = ExcelRow(xlsx, "1"), row3 = ExcelRow(xlsx, "3");

        var bad = Fill(xlsx,
            (funds, Fund("executed"), "九万"),        // not an amount
            (row1, Indicator("score"), "满分"),       // not a number
            (row3, Indicator("row"), 99m));           // no such indicator row
        var (status, report) = await ImportAsync(unit, bad);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.False(report.Committed);
        Assert.StartsWith("未写入任何数据：3 个错误", report.Summary);
        Assert.Equal([(funds, "全年执行数（B，元）", "九万"), (row1, "得分", "满分"), (row3, "行号", "99")],
            report.Issues.Select(i => (i.Row, i.Column, i.Value)).Order());
        Assert.All(report.Issues, i => Assert.True(i.IsError));
        Assert.Empty(report.Findings);
        Assert.Contains("不是数字", report.Issues.Single(i => i.Row == funds).Message);
        Assert.Contains("得分请只填数值", report.Issues.Single(i => i.Row == row1).Message);
        Assert.Contains("没有第 99 行指标", report.Issues.Single(i => i.Row == row3).Message);

        // Another unit's form: not in yizhong's scope, refused on the 自评表编号 cell alone.
        var foreign = await ImportAsync(unit, FillClean(await ExportAsync(otherUnit, ids[1])));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.Status);
        var refused = Assert.Single(foreign.Report.Issues);
        Assert.Equal(("自评表编号", ids[1].ToString()), (refused.Column, refused.Value));
        Assert.Contains("不在您的权限范围内", refused.Message);

        // Not a spreadsheet at all.
        var garbage = await ImportAsync(unit, "这不是表格"u8.ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, garbage.Status);
        Assert.Equal("文件", Assert.Single(garbage.Report.Issues).Column);

        // Nothing of any file was written.
        var forms = await app.AsSystemAsync<SystemDbContext, List<SelfEvaluation>>(db =>
            db.SelfEvaluations.Include(e => e.Rows).Where(e => ids.Contains(e.Id)).ToListAsync());
        Assert.All(forms, e =>
        {
            Assert.Equal((FormState.Pending, null, null, ""), (e.State, e.FilledAtUtc, e.Total, e.GoalCompletion));
            Assert.All(e.Rows, r => Assert.Equal(("", null), (r.Actual, r.Score)));
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task FilledSheet_RoundTrips_TheFormShowsTheValues_AndASubmittedFormIsNotOverwritten(DatabaseProvider provider)
    {
        var (app, id) = await FormAsync(provider, "ZS-ROUND");
        using var unit = await app.ClientForAsync("yizhong");
        var xlsx = await ExportAsync(unit, id);

        var (status, report) = await ImportAsync(unit, FillClean(xlsx));
        Assert.True(status == HttpStatusCode.OK, Problems(report));
        Assert.Empty(report.Findings);
        Assert.Contains("检查未发现问题", report.Summary);
        AssertClean((await unit.GetJsonAsync<View>($"/api/evaluations/{id}"))!.Evaluation);

        // The next export carries what was saved, with the reference beside it.
        var again = SpreadsheetReader.Read(await ExportAsync(unit, id), "自评表.xlsx", new UploadLimits());
        var row3 = again.Single(r => r[0] == "3");
        Assert.Equal(("达成", "30", "27", "27"), (row3[Indicator("outcome")], row3[Indicator("weight")], row3[Indicator("score")], row3[Indicator("refScore")]));
        Assert.Contains("在区间内", row3[Indicator("explanation")]);
        var total = again.Single(r => r[0] == "总分");
        Assert.Equal(("100", "97", "97"), (total[Indicator("weight")], total[Indicator("score")], total[Indicator("refScore")]));
        Assert.Contains("参考等级 优", total[Indicator("explanation")]);

        // Submitted, the form is the department's to review: the same file again changes nothing and is accepted as unchanged,
        // a changed one cannot overwrite it.
        var submitted = await unit.PostAsJsonAsync($"/api/evaluations/{id}/submit", new { }, ApiJson.Options);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var same = await ImportAsync(unit, FillClean(xlsx));
        Assert.True(same.Status == HttpStatusCode.OK, Problems(same.Report));
        Assert.True(same.Report.Unchanged);
        Assert.Contains("0 个修改", same.Report.Summary);
        var locked = await ImportAsync(unit, Fill(FillClean(xlsx), (ExcelRow(xlsx, "1"), Indicator("reason"), "提交后又改了一句")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.Status);
        var issue = Assert.Single(locked.Report.Issues);
        Assert.Equal(("自评表编号", id.ToString()), (issue.Column, issue.Value));
        Assert.Contains("待主管部门审核", issue.Message);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ExportedSheet_OpensInLibreOffice_AndTheResavedFileImports(DatabaseProvider provider)
    {
        TestEnvironment.RequireLibreOffice();
        var (app, id) = await FormAsync(provider, "ZS-LIBRE");
        using var unit = await app.ClientForAsync("yizhong");
        var xlsx = await ExportAsync(unit, id);

        // Opened and saved unchanged: every cell reads back, the form is saved as it was exported (blanks found).
        var untouched = await ImportAsync(unit, LibreOffice.RoundTrip(xlsx, "自评表.xlsx"));
        Assert.True(untouched.Status == HttpStatusCode.OK, Problems(untouched.Report));
        Assert.Contains(untouched.Report.Findings, f => f.Kind == FindingKind.Blank);

        var filled = await ImportAsync(unit, LibreOffice.RoundTrip(FillClean(xlsx), "自评表.xlsx"));
        Assert.True(filled.Status == HttpStatusCode.OK, Problems(filled.Report));
        AssertClean((await unit.GetJsonAsync<View>($"/api/evaluations/{id}"))!.Evaluation);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Report_IsADocxLibreOfficeReads_WithTheProjectTotalsAndReferenceExplanations(DatabaseProvider provider)
    {
        var (app, id) = await FormAsync(provider, "ZS-REPORT");
        using var unit = await app.ClientForAsync("yizhong");
        var xlsx = FillClean(await ExportAsync(unit, id));
        var (status, report) = await ImportAsync(unit, Fill(xlsx, (ExcelRow(xlsx, "1"), Indicator("reason"), "首批 200 套已于 9 月到货验收")));
        Assert.True(status == HttpStatusCode.OK, Problems(report));

        var response = await unit.GetAsync($"/api/evaluations/{id}/report");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Documents.AssertValidDocx(docx);
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
            Assert.Single(document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>());

        var text = DocxText(docx);
        Assert.Contains("自评表测试项目ZS-REPORT 2026 年度项目支出绩效自评报告", text);
        Assert.Contains("全年预算数（A，含年中调整）150,000.00 元", text);
        Assert.Contains("单位自评总分 97 分，自评等级为“优”", text);
        Assert.Contains("系统参考总分 97 分，参考等级为“优”", text);
        Assert.Contains("首批 200 套已于 9 月到货验收", text);
        Assert.Contains("min(100%, 100%) × 10 = 10 分", text);
        Assert.DoesNotContain("检查发现的问题", text);

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync("shiyan")).GetAsync($"/api/evaluations/{id}/report")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DepartmentSummary_CountsFormsAmountsGradesAndStates(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        // 水资源服务中心 (水利局): only this test makes forms there.
        var approved = await ProjectAsync(app, "11502", "ZS-SUM-1", 100_000m, 50_000m, 150_000m);
        var filled = await ProjectAsync(app, "11502", "ZS-SUM-2", 100_000m, 0m, 50_000m);
        var untouched = await ProjectAsync(app, "11502", "ZS-SUM-3", 80_000m, 0m, 0m);
        var ids = await IssueAsync(app, approved, filled, untouched);
        using var unit = await app.ClientForAsync("shuiziyuan");
        using var department = await app.ClientForAsync("water");
        using var performance = await app.ClientForAsync("perf");
        using var division = await app.ClientForAsync("nongye");

        // Approved at 97 (优); filled at 71.39 (中, its reference too) and left unsubmitted; the third never filled (reference 0: 差).
        var clean = await ImportAsync(unit, FillClean(await ExportAsync(unit, ids[0])));
        Assert.True(clean.Status == HttpStatusCode.OK, Problems(clean.Report));
        foreach (var (client, verb) in new[] { (unit, "submit"), (department, "approve"), (division, "approve"), (performance, "approve") })
        {
            var acted = await client.PostAsJsonAsync($"/api/evaluations/{ids[0]}/{verb}", new { }, ApiJson.Options);
            Assert.True(acted.IsSuccessStatusCode, await acted.Content.ReadAsStringAsync());
        }
        var saved = await unit.PutAsJsonAsync($"/api/evaluations/{ids[1]}", new
        {
            goalCompletion = "完成课桌椅采购 100 套", executionWeight = 10, executionScore = 5,
            rows = new object[]
            {
                new { row = 1, actual = "100", weight = 25, score = 12.5, reason = "资金到位一半" },
                new { row = 2, actual = "99%", weight = 25, score = 25 },
                new { row = 3, outcome = "PartlyAchieved", weight = 30, score = 20, reason = "部分教室未更换" },
                new { row = 4, actual = "80%", weight = 10, score = 8.89, reason = "交付延迟" },
            },
        }, ApiJson.Options);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var form = (await saved.Content.ReadJsonAsync<View>())!.Evaluation;
        Assert.Equal((71.39m, Grade.Fair), (form.ReferenceTotal, form.ReferenceGrade));

        var water = await app.AsSystemAsync<SystemDbContext, long>(db =>
            db.OrgUnits.Where(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "115").Select(o => o.Id).SingleAsync());
        string[] line = ["襄垣县水利局", "3", "330000", "1", "0", "1", "1", "1", "0", "1", "0", "1", "2", "1", "1"];

        var response = await performance.GetAsync($"/api/evaluations/summary.xlsx?year={Year}&departmentId={water}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadAsByteArrayAsync();
        Documents.AssertValidXlsx(summary);
        var sheet = SpreadsheetReader.Read(summary, "汇总表.xlsx", new UploadLimits());
        Assert.Contains("（襄垣县水利局）", sheet[0][0]);
        Assert.Equal(EvaluationSheet.SummaryTitles, sheet[2].Cells.Take(15));
        Assert.Equal(line, Assert.Single(sheet.Skip(3), r => !r.IsEmpty).Cells.Take(15));

        // The whole county: the same line among the others, and a 合计; a unit sees only its own forms.
        var all = SpreadsheetReader.Read(await (await performance.GetAsync($"/api/evaluations/summary.xlsx?year={Year}")).Content.ReadAsByteArrayAsync(), "汇总表.xlsx", new UploadLimits());
        Assert.Contains(all, r => r.Cells.Take(15).SequenceEqual(line));
        Assert.Equal("合计", all.Last(r => !r.IsEmpty)[0]);
        var mine = SpreadsheetReader.Read(await (await unit.GetAsync($"/api/evaluations/summary.xlsx?year={Year}")).Content.ReadAsByteArrayAsync(), "汇总表.xlsx", new UploadLimits());
        Assert.Equal([line, ["合计", .. line.Skip(1)]], mine.Skip(3).Where(r => !r.IsEmpty).Select(r => r.Cells.Take(15).ToArray()));
    }

    /// <summary>The text LibreOffice Writer reads from a docx (converted headless to UTF-8 text).</summary>
    private static string DocxText(byte[] docx)
    {
        var soffice = TestEnvironment.RequireLibreOffice();
        if (!File.Exists("/usr/lib/libreoffice/program/libswlo.so"))
        {
            const string why = "没有 LibreOffice Writer（libreoffice-writer-nogui），无法验证 docx 报告";
            if (TestEnvironment.IsCi) Assert.Fail(why);
            Assert.Skip(why);
        }
        var folder = Directory.CreateTempSubdirectory("jixiao-lo-");
        try
        {
            var input = Path.Combine(folder.FullName, "report.docx");
            File.WriteAllBytes(input, docx);
            var output = Path.Combine(folder.FullName, "out");
            var start = new ProcessStartInfo(soffice, ["--headless", "--norestore", $"-env:UserInstallation=file://{folder.FullName}/profile",
                "--convert-to", "txt:Text (encoded):UTF8", "--outdir", output, input]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "LibreOffice did not finish converting within 2 minutes");
            var converted = Path.Combine(output, "report.txt");
            Assert.True(process.ExitCode == 0 && File.Exists(converted),
                $"LibreOffice could not open the report: {process.StandardOutput.ReadToEnd()} {process.StandardError.ReadToEnd()}");
            return File.ReadAllText(converted);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
