using System.Net;
using System.Net.Http.Headers;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Targets;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Jixiao.Web.Tests.Imports;

namespace Jixiao.Web.Tests.Targets;

/// <summary>The 绩效目标申报表 in xlsx: export, open in LibreOffice, fill offline, import back — all or nothing.</summary>
public sealed class TargetSheetTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private static readonly int Year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow);

    internal sealed record Issue(int Row, string Column, string Value, string Message, bool IsError);
    internal sealed record Report(int Rows, int Projects, int Created, int Updated, int Unchanged, List<Issue> Issues, bool Committed, string Summary);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Year.ToString()), "year");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/targets/sheet", form);
    }


    [Theory, MemberData(nameof(Providers))]
    public async Task ExportedSheet_OpensInLibreOffice_AndAFilledOneImportsBackAsDrafts(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("shiyan");
        var unitId = await app.OrgIdAsync(DemoCounty.RegionCode, "10605");
        var (open, approved) = await app.AsSystemAsync<SystemDbContext, (Project, Project)>(async db => (
            await db.Projects.Where(p => p.OrgUnitId == unitId && p.FiscalYear == Year && p.Status == LibraryStatus.Budgeted && !p.IsPool
                                         && !db.Targets.Any(t => t.ProjectId == p.Id)).OrderBy(p => p.Code).FirstAsync(),
            await db.Projects.Where(p => p.OrgUnitId == unitId && db.Targets.Any(t => t.ProjectId == p.Id && t.State == TargetState.Approved)
                                         && !db.Targets.Any(t => t.ProjectId == p.Id && t.State != TargetState.Approved && t.State != TargetState.Superseded)).FirstAsync()));

        var export = await unit.GetAsync($"/api/targets/sheet?year={Year}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var xlsx = await export.Content.ReadAsByteArrayAsync();
        Documents.AssertValidXlsx(xlsx);
        // Drop-downs for the closed lists, so an office fills valid choices (the 二级指标 of this region-year's frame).
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var lists = document.WorkbookPart!.WorksheetParts.Single().Worksheet
                .Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>().Select(v => v.Formula1!.Text).ToList();
            Assert.Contains("\"≥,＞,＝,≤,＜,定性\"", lists);
            Assert.Contains(lists, l => l.Contains("服务对象满意度指标") && l.Contains("数量指标"));
            Assert.Contains("\"计划标准,行业标准,历史标准,预算支出标准,其他标准\"", lists);
        }
        var rows = SpreadsheetReader.Read(LibreOffice.RoundTrip(xlsx, "申报表.xlsx"), "申报表.xlsx", new UploadLimits());
        var header = rows.Single(r => r[0] == "项目代码");
        Assert.Equal(["项目代码", "项目名称", "单位名称", "版本", "状态", "总体目标", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值"],
            header.Cells.Take(12));
        Assert.Contains(rows, r => r[0] == open.Code && r[4] == "未填报");
        Assert.Contains(rows, r => r[0] == approved.Code && r[4] == "已批复" && r[9].Length > 0);
        Assert.All(rows.SkipWhile(r => r != header).Skip(1).Where(r => !r.IsEmpty), r => Assert.EndsWith("实验小学", r[2]));

        // The unit fills the open project in its office (here: the LibreOffice copy's layout, rows appended) and imports it.
        var filled = XlsxWriter.Write("绩效目标申报表", [
            ["2026 年度项目支出绩效目标申报表"],
            [.. header.Cells],
            [open.Code, open.Name, "襄垣县实验小学", null, "未填报", "改善办学条件", "完成年度建设任务", "产出指标", "数量指标", "采购课桌椅", "≥", "≥200套", "套", "计划标准", null, "按完成比例计分", null],
            [open.Code, null, null, null, null, null, null, "产出指标", "成本指标", "课桌椅单价", "≤", "≤600元/套", "元/套", "预算支出标准", null, null, null],
            [open.Code, null, null, null, null, null, null, "效益指标", "社会效益指标", "学生学习条件", "定性", "明显改善", null, "其他标准", null, null, null],
            [open.Code, null, null, null, null, null, null, "满意度指标", "服务对象满意度指标", "学生满意度", "≥", "≥90%", "%", "计划标准", null, null, null],
        ]);
        var imported = await UploadAsync(unit, "申报表（填好）.xlsx", filled);
        var report = (await imported.Content.ReadJsonAsync<Report>())!;
        Assert.True(imported.IsSuccessStatusCode, string.Join("\n", report.Issues.Select(i => $"{i.Row} {i.Column} {i.Message}")));
        Assert.Equal((4, 1, 1, 0, true), (report.Rows, report.Projects, report.Created, report.Updated, report.Committed));

        var target = await app.AsSystemAsync<SystemDbContext, PerformanceTarget>(db =>
            db.Targets.Include(t => t.Indicators).SingleAsync(t => t.ProjectId == open.Id));
        Assert.Equal((TargetState.Draft, 1, "完成年度建设任务"), (target.State, target.Version, target.AnnualGoal));
        Assert.Equal(["采购课桌椅", "课桌椅单价", "学生学习条件", "学生满意度"], target.Indicators.OrderBy(i => i.Row).Select(i => i.Name));
        Assert.Equal(ValueBasis.BudgetStandard, target.Indicators.Single(i => i.Name == "课桌椅单价").Basis);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task SheetWithErrors_WritesNothing_AndNamesEveryWrongRow(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("yizhong");
        var unitId = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        var (open, approved) = await app.AsSystemAsync<SystemDbContext, (Project, Project)>(async db => (
            await db.Projects.Where(p => p.OrgUnitId == unitId && p.FiscalYear == Year && p.Status == LibraryStatus.Budgeted && !p.IsPool
                                         && !db.Targets.Any(t => t.ProjectId == p.Id)).OrderBy(p => p.Code).FirstAsync(),
            await db.Projects.Where(p => p.OrgUnitId == unitId && db.Targets.Any(t => t.ProjectId == p.Id && t.State == TargetState.Approved)
                                         && !db.Targets.Any(t => t.ProjectId == p.Id && t.State != TargetState.Approved && t.State != TargetState.Superseded)).FirstAsync()));
        var draftCode = open.Code;

        var bad = XlsxWriter.Write("绩效目标申报表", [
            ["项目代码", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "取值依据", "权重"],
            [draftCode, "产出指标", "数量指标", "培训人次", "≥", "≥300人次", "人次", "计划标准", null],   // row 2: fine on its own
            [draftCode, "产出指标", "数量指标", "培训天数", "大约", "5天", "天", "计划标准", null],        // row 3: comparison
            [draftCode, "产出指标", "经济成本指标", "培训成本", "≤", "≤3万元", "万元", "行政标准", "十"], // row 4: frame, basis, weight
            [approved.Code, "产出指标", "数量指标", "x", "≥", "≥1个", "个", "计划标准", null],          // row 5: approved, locked
            ["999999999999", "产出指标", "数量指标", "x", "≥", "≥1个", "个", "计划标准", null],         // row 6: no such project
        ]);
        var response = await UploadAsync(unit, "申报表（有误）.xlsx", bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = (await response.Content.ReadJsonAsync<Report>())!;
        Assert.False(report.Committed);
        var errors = report.Issues.Where(i => i.IsError).ToList();
        Assert.Contains(errors, i => i.Row == 3 && i.Column == "指标性质" && i.Message.Contains("大约"));
        Assert.Contains(errors, i => i.Row == 4 && i.Column == "取值依据");
        Assert.Contains(errors, i => i.Row == 4 && i.Column == "权重");
        Assert.Contains(errors, i => i.Row == 4 && i.Column == "二级指标" && i.Message.Contains("指标框架"));
        Assert.Contains(errors, i => i.Row == 5 && i.Message.Contains("已批复"));
        Assert.Contains(errors, i => i.Row == 6 && i.Message.Contains("999999999999"));

        // Row 2 alone was right, but nothing of the file was written: the open project still has no targets.
        Assert.False(await app.AsSystemAsync<SystemDbContext, bool>(db => db.Targets.AnyAsync(t => t.ProjectId == open.Id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task UntouchedExport_ImportsBackAsZeroChanged_AndAChangedLockedRowIsRefusedWithItsReason(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("yizhong");
        var export = await unit.GetAsync($"/api/targets/sheet?year={Year}");
        var xlsx = await export.Content.ReadAsByteArrayAsync();
        Documents.AssertValidXlsx(xlsx);
        var rows = SpreadsheetReader.Read(xlsx, "申报表.xlsx", new UploadLimits());
        Assert.Contains(rows, r => r[4] is "已批复" or "已提交" or "待主管部门审核");

        foreach (var file in new[] { xlsx, LibreOffice.RoundTrip(xlsx, "申报表.xlsx") })
        {
            var response = await UploadAsync(unit, "申报表.xlsx", file);
            var report = (await response.Content.ReadJsonAsync<Report>())!;
            Assert.True(response.IsSuccessStatusCode, string.Join("\n", report.Issues.Select(i => $"{i.Row} {i.Column} {i.Message}")));
            Assert.Equal((0, 0, 0, true), (report.Projects, report.Created, report.Updated, report.Committed));
            Assert.Equal(rows.Skip(3).Where(r => !r.IsEmpty).Select(r => r[0]).Distinct().Count(), report.Unchanged);
            Assert.Contains("0 个修改", report.Summary);
        }

        // A locked (approved) row whose indicator name was changed is refused, with the reason and the way out.
        var locked = rows.First(r => r[4] == "已批复" && r[9].Length > 0);
        var changed = Fill(xlsx, "J" + locked.Number, locked[9] + "（改）");
        var refused = await UploadAsync(unit, "申报表.xlsx", changed);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var issue = Assert.Single((await refused.Content.ReadJsonAsync<Report>())!.Issues, i => i.IsError);
        Assert.Contains("已批复", issue.Message);
        Assert.Contains("只读", issue.Message);
    }

    /// <summary>Types text into one cell of an xlsx, as a user would.</summary>
    private static byte[] Fill(byte[] xlsx, string reference, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true))
        {
            var cell = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                .Single(c => c.CellReference == reference);
            cell.RemoveAllChildren();
            cell.DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString;
            cell.InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text));
        }
        return stream.ToArray();
    }
}
