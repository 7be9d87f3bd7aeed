using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Audit;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Audit;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Audit;

/// <summary>The auditor exports the trail of a date range as xlsx or csv: their regions only, every record, no cell a formula.</summary>
public sealed class AuditExportTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"点我\")";

    private static string Range(DateTime utc) =>
        $"from={DateOnly.FromDateTime(BusinessCalendar.ToBeijing(utc)).AddDays(-1):yyyy-MM-dd}&to={DateOnly.FromDateTime(BusinessCalendar.ToBeijing(utc)).AddDays(1):yyyy-MM-dd}";

    [Theory, MemberData(nameof(Providers))]
    public async Task Export_CsvAndXlsx_OwnRegionsEveryRecordFormulaSafe(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        await app.AsSystemAsync<SystemDbContext>(db =>
            db.RecordEventAsync(AuditAction.LoginFailed, null, Formula, "@SUM(A1)\u0007", default, DemoCounty.RegionCode));
        using var auditor = await app.ClientForAsync("auditadmin");
        using (var neighbour = await app.ClientForAsync("lc.perf"))
            Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync("/api/auth/me")).StatusCode);
        var now = DateTime.UtcNow;
        var expected = await app.AsSystemAsync<SystemDbContext, int>(db => db.AuditEntries.CountAsync(e => e.RegionCode == DemoCounty.RegionCode));

        var csvResponse = await auditor.GetAsync($"/api/audit/export?{Range(now)}&format=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.StartsWith("text/csv", csvResponse.Content.Headers.ContentType!.ToString());
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = CsvRecords.Read(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal("时间（北京时间）", csv[0][0]);

        var xlsxResponse = await auditor.GetAsync($"/api/audit/export?{Range(now)}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        Assert.Equal(FileTypes.Xlsx, xlsxResponse.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".xlsx", xlsxResponse.Content.Headers.ContentDisposition!.ToString());
        var xlsx = await xlsxResponse.Content.ReadAsByteArrayAsync();
        var (sheet, formulas) = Read(xlsx);
        Assert.Equal(0, formulas);

        foreach (var rows in new[] { csv, sheet })
        {
            var records = rows.Skip(1).ToList();
            Assert.Equal(expected, records.Count);
            Assert.All(records, r => Assert.Equal(DemoCounty.RegionCode, r[1]));
            var attack = Assert.Single(records, r => r[3].Contains("HYPERLINK"));
            Assert.Equal("'" + Formula, attack[3]);
            Assert.Equal("'@SUM(A1)", attack[9].TrimEnd('\u0007'));
            Assert.Equal(records.Select(r => long.Parse(r[2])).Order().ToList(), records.Select(r => long.Parse(r[2])).ToList());
        }
        // XML cannot carry a control character: the workbook drops it, the csv keeps it.
        Assert.Equal(("'@SUM(A1)\u0007", "'@SUM(A1)"), (csv.Single(r => r[3].Contains("HYPERLINK"))[9], sheet.Single(r => r[3].Contains("HYPERLINK"))[9]));
        Assert.Equal(csv.Count, sheet.Count);
        Assert.Equal(csv.Skip(1).Select(r => r[10]), sheet.Skip(1).Select(r => r[10]));

        var (opened, _) = Read(LibreOffice.RoundTrip(xlsx, "审计日志.xlsx"));
        Assert.Equal(sheet.Count, opened.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Export_BadRangeOrFormatOrRole_RefusedInChinese(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var auditor = await app.ClientForAsync("auditadmin");
        foreach (var (query, field) in new[]
                 {
                     ("to=2026-01-31", "from"), ("from=2026-02-01&to=2026-01-31", "to"), ("from=2026-01-01&to=2026-01-31&format=pdf", "format"),
                     ("from=0001-01-01&to=2026-01-31", "from"), ("from=2026-01-01&to=9999-12-31", "to"),
                 })
        {
            var response = await auditor.GetAsync($"/api/audit/export?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadJsonAsync<ProblemDetails>();
            Assert.Equal(field, problem!.Extensions["field"]!.ToString());
            Assert.Matches("[\u4e00-\u9fff]", problem.Detail);
        }
        foreach (var other in new[] { "sysadmin", "secadmin", "perf" })
        {
            using var client = await app.ClientForAsync(other);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit/export?from=2026-01-01&to=2026-12-31")).StatusCode);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AuditRecords_ChangedOrDeletedThroughTheApp_Refused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var oldest = await app.AsSystemAsync<SystemDbContext, long>(db => db.AuditEntries.MinAsync(e => e.Id));
        foreach (var delete in new[] { true, false })
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync<SystemDbContext>(async db =>
            {
                var record = await db.AuditEntries.SingleAsync(e => e.Id == oldest);
                if (delete) db.AuditEntries.Remove(record);
                else record.Changes = "{}";
                await db.SaveChangesAsync();
            }));
            Assert.Contains("只能追加", error.Message);
        }
        Assert.NotEqual("{}", await app.AsSystemAsync<SystemDbContext, string?>(db => db.AuditEntries.Where(e => e.Id == oldest).Select(e => e.Changes).SingleAsync()));
    }

    /// <summary>The sheet's rows as text, and how many cells hold a formula.</summary>
    private static (List<string[]> Rows, int Formulas) Read(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var part = document.WorkbookPart!;
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var worksheet = part.WorksheetParts.Single().Worksheet;
        var rows = worksheet.Descendants<Row>().Select(row =>
        {
            var cells = new string[12];
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1) - 1;
                cells[column] = cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text)]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
                    : cell.CellValue?.Text ?? "";
            }
            return cells.Select(c => c ?? "").ToArray();
        }).ToList();
        return (rows, worksheet.Descendants<CellFormula>().Count());
    }
}
