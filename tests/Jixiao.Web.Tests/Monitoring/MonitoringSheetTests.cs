using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Monitoring;
using Jixiao.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Jixiao.Web.Tests.Imports;

namespace Jixiao.Web.Tests.Monitoring;

/// <summary>
/// The 执行监控表 in xlsx: a unit exports its tasks of a round, fills them offline (or through LibreOffice) and imports
/// them back — saved through the domain with their lights, all or nothing, every wrong cell named by row and column.
/// Each test opens its own round on its own database: one round per month is open at a time.
/// </summary>
public sealed class MonitoringSheetTests
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    /// <summary>The latest year whose July has ended in Beijing: every round here is 1–7 月, time progress 7/12 = 58.3%.</summary>
    private static readonly int Year = BusinessCalendar.DateOf(DateTimeOffset.UtcNow) is var today && today.Month >= 8 ? today.Year : today.Year - 1;

    internal sealed record Issue(int Row, string Column, string Value, string Message, bool IsError);
    internal sealed record Report(int Rows, int Tasks, int TasksUpdated, int RowsUpdated, List<Issue> Issues, bool Committed, string Summary);
    internal sealed record Opened(long RoundId, int ProjectTasks);
    internal sealed record ReturnRowDto(int Row, string Name, string Actual, QualitativeOutcome? Outcome, DeviationCause? Cause, Likelihood? Likelihood,
        string Measures, Light? Light, string Explanation);
    internal sealed record TaskDto(long Id, FormState State, decimal Budget, decimal Executed, decimal? ExpectedExecution, DeviationCause? ExecutionCause,
        Light ExecutionLight, Light Light, string LightReason, DateTime? FilledAtUtc, List<ReturnRowDto> Rows);

    /// <summary>Two projects of 实验小学 with 1,000,000 元 each and approved targets; A has paid 20%, B 50% by the cut-off.</summary>
    private sealed record Round(long Id, long TaskA, long TaskB);

    private static readonly TargetIndicatorInput[] Indicators =
    [
        new("产出指标", "数量指标", "培训教师人次", Comparison.GreaterOrEqual, "≥1200人次", "人次"),
        new("产出指标", "质量指标", "课程考核合格率", Comparison.GreaterOrEqual, "≥95%", "%"),
        new("产出指标", "成本指标", "人均培训成本", Comparison.LessOrEqual, "≤600元", "元"),
        new("效益指标", "社会效益指标", "教师教学能力", Comparison.Qualitative, "明显提升", ""),
        new("满意度指标", "服务对象满意度指标", "参训教师满意度", Comparison.GreaterOrEqual, "≥90%", "%"),
    ];

    private static async Task<Round> OpenRoundAsync(JixiaoApp app)
    {
        var (a, b) = await app.AsSystemAsync<SystemDbContext, (long, long)>(async db =>
        {
            var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10605");
            Project Make(string code, string name) => Project.Create(DemoCounty.RegionCode, Year, school, school.ParentId, new Project.Details(code, name,
                ProjectLevel.Level1, ProjectCategory.SpecificPurpose, Recurrence.OneOff, Year, Year, LibraryStatus.Budgeted, BudgetKind.General,
                TransferLevel.None, FundTags.None, new DateOnly(Year - 1, 10, 1)));
            var a = Make("JK-A", "教师能力提升培训");
            var b = Make("JK-B", "校舍维修改造");
            db.Projects.AddRange(a, b);
            await db.SaveChangesAsync();
            db.LedgerMovements.AddRange(
                LedgerMovement.Create(a, MovementKind.InitialApproval, 1_000_000m, new DateOnly(Year, 1, 15), $"襄财预〔{Year}〕11号", "年初批复"),
                LedgerMovement.Create(b, MovementKind.InitialApproval, 1_000_000m, new DateOnly(Year, 1, 15), $"襄财预〔{Year}〕12号", "年初批复"));
            db.Payments.AddRange(
                Payment.Create(a, new DateOnly(Year, 3, 1), 200_000m, "JKZF-1", null),
                Payment.Create(b, new DateOnly(Year, 3, 1), 500_000m, "JKZF-2", null));
            var at = new DateTime(Year, 2, 1, 2, 0, 0, DateTimeKind.Utc);
            foreach (var project in new[] { a, b })
                db.Targets.Add(ApprovedTargets.For(project, at, "完成年度任务", Indicators, "提升办学质量"));
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        using var performance = await app.ClientForAsync("perf");
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        var response = await performance.PostAsJsonAsync("/api/monitoring/rounds", new { year = Year, month = 7, deadline }, ApiJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var opened = (await response.Content.ReadJsonAsync<Opened>())!;
        Assert.Equal(2, opened.ProjectTasks);
        var tasks = await app.AsSystemAsync<SystemDbContext, Dictionary<long, long>>(db => db.MonitoringTasks
            .Where(t => t.RoundId == opened.RoundId && t.ProjectId != null).ToDictionaryAsync(t => t.ProjectId!.Value, t => t.Id));
        return new Round(opened.RoundId, tasks[a], tasks[b]);
    }

    private static async Task<byte[]> ExportAsync(HttpClient client, long roundId)
    {
        var response = await client.GetAsync($"/api/monitoring/rounds/{roundId}/sheet");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xlsx = await response.Content.ReadAsByteArrayAsync();
        Documents.AssertValidXlsx(xlsx);
        return xlsx;
    }

    private static async Task<(HttpStatusCode Status, Report Report)> ImportAsync(HttpClient client, long roundId, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "执行监控表（填好）.xlsx");
        var response = await client.PostAsync($"/api/monitoring/rounds/{roundId}/sheet", form);
        return (response.StatusCode, (await response.Content.ReadJsonAsync<Report>())!);
    }

    private static string Problems(Report report) => string.Join("\n", report.Issues.Select(i => $"{i.Row} {i.Column} {i.Value} {i.Message}"));

    /// <summary>The Excel row of a task's indicator row in an exported sheet.</summary>
    private static int ExcelRow(byte[] xlsx, long taskId, int row) =>
        SpreadsheetReader.Read(xlsx, "监控表.xlsx", new UploadLimits()).Single(r => r[0] == taskId.ToString() && r[Column("row")] == row.ToString()).Number;

    private static int Column(string key) => MonitoringSheet.Columns.Select((c, i) => (c.Key, i)).Single(c => c.Key == key).i;

    /// <summary>Types into the exported workbook as a user would: text, or numbers for decimals; the drop-down lists stay.</summary>
    private static byte[] Fill(byte[] xlsx, params (int Row, string Key, object Value)[] cells)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            foreach (var (row, key, value) in cells)
            {
                var reference = XlsxWriter.ColumnName(Column(key)) + row;
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

    /// <summary>A's five rows filled: 300 of 1,200 人次 by July (red), the rest green but for a 部分达成 (yellow).</summary>
    private static byte[] FillTaskA(byte[] xlsx, Round round, object expectedExecution)
    {
        int Row(int row) => ExcelRow(xlsx, round.TaskA, row);
        return Fill(xlsx,
            (Row(1), "expectedExecution", expectedExecution), (Row(1), "executionCause", "经费保障"),
            (Row(1), "actual", "300"), (Row(1), "cause", "经费保障"), (Row(1), "likelihood", "有可能"), (Row(1), "measures", "下半年集中培训"),
            (Row(2), "actual", "96%"),
            (Row(3), "actual", "550"),
            (Row(4), "outcome", "部分达成"), (Row(4), "cause", "人员保障"), (Row(4), "likelihood", "确定能"),
            (Row(5), "actual", "92"), (Row(5), "expected", "全年可达 95%"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task FilledSheet_ImportsThroughTheDomain_WithLights_AndLeavesUntouchedAndSubmittedTasksAlone(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        var round = await OpenRoundAsync(app);
        using var unit = await app.ClientForAsync("shiyan");

        var xlsx = await ExportAsync(unit, round.Id);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var lists = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DataValidation>().Select(v => v.Formula1!.Text).ToList();
            Assert.Contains("\"经费保障,制度保障,人员保障,硬件条件保障,其他\"", lists);
            Assert.Contains("\"确定能,有可能,完全不可能\"", lists);
            Assert.Contains("\"达成,部分达成,未达成\"", lists);
        }
        var sheet = SpreadsheetReader.Read(xlsx, "监控表.xlsx", new UploadLimits());
        Assert.Contains("1–7 月", sheet[0][0]);
        Assert.Contains($"数据截至 {Year}-07-31", sheet[0][0]);
        Assert.Equal(["任务编号", "项目编码", "项目名称", "单位", "全年预算数(元)", "执行数(元)", "执行率(%)", "全年预计执行数(元)", "执行偏差原因", "行号",
            "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "达成情况", "全年预计完成情况", "偏差原因", "完成目标可能性", "整改措施", "预警"],
            sheet[1].Cells.Take(21));
        var data = sheet.Skip(2).Where(r => !r.IsEmpty).ToList();
        Assert.Equal(10, data.Count);
        Assert.All(data.Where(r => r[0] == round.TaskA.ToString()), r =>
            Assert.Equal(("JK-A", "1000000", "200000", "20"), (r[1], r[4], r[5], r[6])));
        Assert.Equal(["1", "2", "3", "4", "5"], data.Where(r => r[0] == round.TaskB.ToString()).Select(r => r[9]));
        Assert.All(data, r => Assert.Equal("未填报", r[20]));

        // Amounts as an office writes them: full-width digits and a full-width thousands separator.
        var (status, report) = await ImportAsync(unit, round.Id, FillTaskA(xlsx, round, "９５０，０００"));
        Assert.True(status == HttpStatusCode.OK, Problems(report));
        Assert.Equal((10, 2, 1, 5, true), (report.Rows, report.Tasks, report.TasksUpdated, report.RowsUpdated, report.Committed));

        var a = (await unit.GetJsonAsync<TaskDto>($"/api/monitoring/tasks/{round.TaskA}"))!;
        Assert.Equal((950_000m, DeviationCause.Funding, Light.Red, Light.Red), (a.ExpectedExecution, a.ExecutionCause, a.ExecutionLight, a.Light));
        Assert.Equal([Light.Red, Light.Green, Light.Green, Light.Yellow, Light.Green], a.Rows.Select(r => r.Light!.Value));
        var red = a.Rows[0];
        Assert.Equal(("300", DeviationCause.Funding, Likelihood.Possible, "下半年集中培训"), (red.Actual, red.Cause, red.Likelihood, red.Measures));
        Assert.Contains("完成比 300 ÷ (1200 × 58.3%) × 100 = 42.9 < 60：红灯", red.Explanation);
        Assert.Equal(QualitativeOutcome.PartlyAchieved, a.Rows[3].Outcome);
        Assert.Contains("第 1 行“培训教师人次”", a.LightReason);
        var b = (await unit.GetJsonAsync<TaskDto>($"/api/monitoring/tasks/{round.TaskB}"))!;
        Assert.Null(b.FilledAtUtc);
        Assert.All(b.Rows, r => Assert.Null(r.Light));

        // The next export shows what was saved, each light with its explanation.
        var again = SpreadsheetReader.Read(await ExportAsync(unit, round.Id), "监控表.xlsx", new UploadLimits());
        var first = again.Single(r => r[0] == round.TaskA.ToString() && r[9] == "1");
        Assert.Equal(("950000", "经费保障", "300", "有可能"), (first[7], first[8], first[14], first[18]));
        Assert.StartsWith("红灯：实际 300 人次", first[20]);

        // Submitted, A is the department's to review: the same file again changes nothing and is accepted; a change to A is refused by name.
        var submitted = await unit.PostAsJsonAsync($"/api/monitoring/tasks/{round.TaskA}/submit", new { }, ApiJson.Options);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var same = await ImportAsync(unit, round.Id, FillTaskA(xlsx, round, 950_000m));
        Assert.Equal((HttpStatusCode.OK, 0), (same.Status, same.Report.TasksUpdated));
        var changed = await ImportAsync(unit, round.Id, Fill(FillTaskA(xlsx, round, 950_000m), (ExcelRow(xlsx, round.TaskA, 5), "actual", "80")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.Status);
        var locked = Assert.Single(changed.Report.Issues);
        Assert.Equal(("任务编号", round.TaskA.ToString()), (locked.Column, locked.Value));
        Assert.Contains("JK-A 教师能力提升培训", locked.Message);
        Assert.Contains("待主管部门审核", locked.Message);
        Assert.Equal("92", (await unit.GetJsonAsync<TaskDto>($"/api/monitoring/tasks/{round.TaskA}"))!.Rows[4].Actual);

        // Another unit cannot write 实验小学's returns: its tasks are not found in that unit's scope.
        using var otherUnit = await app.ClientForAsync("yizhong");
        var foreign = await ImportAsync(otherUnit, round.Id, FillTaskA(xlsx, round, 950_000m));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.Status);
        Assert.Contains(foreign.Report.Issues, i => i.Value == round.TaskA.ToString() && i.Message.Contains("不在您的权限范围内"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task SheetWithErrors_WritesNothing_AndNamesEveryWrongCell(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        var round = await OpenRoundAsync(app);
        using var unit = await app.ClientForAsync("shiyan");
        var xlsx = await ExportAsync(unit, round.Id);
        int Row(int row) => ExcelRow(xlsx, round.TaskA, row);

        var bad = Fill(xlsx,
            (Row(1), "actual", "300"),      // fine on its own
            (Row(2), "actual", "约九成"),   // not a number
            (Row(3), "row", "99"),          // no such indicator row
            (Row(5), "cause", "资金不足")); // not one of the five causes
        var (status, report) = await ImportAsync(unit, round.Id, bad);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.False(report.Committed);
        Assert.StartsWith("未写入任何数据：3 个错误", report.Summary);
        Assert.Equal([(Row(2), "实际完成值", "约九成"), (Row(3), "行号", "99"), (Row(5), "偏差原因", "资金不足")],
            report.Issues.Select(i => (i.Row, i.Column, i.Value)).Order());
        Assert.All(report.Issues, i => Assert.True(i.IsError));
        Assert.Contains("第 2 行“课程考核合格率”：实际完成值“约九成”无法读取", report.Issues.Single(i => i.Row == Row(2)).Message);
        Assert.Contains("没有第 99 行指标", report.Issues.Single(i => i.Row == Row(3)).Message);
        Assert.Contains("经费保障", report.Issues.Single(i => i.Row == Row(5)).Message);

        // Row 1 alone was right, but nothing of the file was written.
        var task = await app.AsSystemAsync<SystemDbContext, MonitoringTask>(db => db.MonitoringTasks.Include(t => t.Rows).SingleAsync(t => t.Id == round.TaskA));
        Assert.Equal((FormState.Pending, null, 0), (task.State, task.FilledAtUtc, task.Rows.Count));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ExportedSheet_OpensInLibreOffice_AndTheResavedFileImports(DatabaseProvider provider)
    {
        TestEnvironment.RequireLibreOffice();
        await using var app = await JixiaoApp.StartAsync(provider);
        var round = await OpenRoundAsync(app);
        using var unit = await app.ClientForAsync("shiyan");
        var xlsx = await ExportAsync(unit, round.Id);

        // Opened and saved again unchanged: every figure reads back as it was, so nothing is taken for a change.
        var untouched = await ImportAsync(unit, round.Id, LibreOffice.RoundTrip(xlsx, "监控表.xlsx"));
        Assert.True(untouched.Status == HttpStatusCode.OK, Problems(untouched.Report));
        Assert.Equal((10, 2, 0), (untouched.Report.Rows, untouched.Report.Tasks, untouched.Report.TasksUpdated));

        var filled = await ImportAsync(unit, round.Id, LibreOffice.RoundTrip(FillTaskA(xlsx, round, 950_000m), "监控表.xlsx"));
        Assert.True(filled.Status == HttpStatusCode.OK, Problems(filled.Report));
        Assert.Equal((1, 5), (filled.Report.TasksUpdated, filled.Report.RowsUpdated));
        var a = (await unit.GetJsonAsync<TaskDto>($"/api/monitoring/tasks/{round.TaskA}"))!;
        Assert.Equal((950_000m, Light.Red), (a.ExpectedExecution, a.Rows[0].Light));
        Assert.Equal(["300", "96%", "550", "", "92"], a.Rows.Select(r => r.Actual));
    }

}
