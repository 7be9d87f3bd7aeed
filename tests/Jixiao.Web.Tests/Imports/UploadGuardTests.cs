using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Budget;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Imports;

/// <summary>
/// Files built to hurt the server — a zip bomb, an oversized body, a csv of too many rows or too long a cell — are refused
/// by every upload endpoint with a Chinese message naming the limit, without being read whole; formula cells are refused
/// by name; user text that looks like a formula is exported as text.
/// </summary>
[Collection(nameof(UploadGuardTests))]
[CollectionDefinition(nameof(UploadGuardTests), DisableParallelization = true)]
public sealed class UploadGuardTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private static readonly int Year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow);

    /// <summary>1 GiB of sheet XML in a file of a few MB: a valid xlsx in every other respect.</summary>
    private const long Inflated = 1L << 30;

    private static readonly Lazy<byte[]> Bomb = new(() =>
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""u8);
            var row = Encoding.UTF8.GetBytes("<row><c t=\"inlineStr\"><is><t>" + new string('炸', 300) + "</t></is></c></row>");
            var block = Enumerable.Repeat(row, (1 << 20) / row.Length).SelectMany(r => r).ToArray();
            for (long written = 0; written < Inflated; written += block.Length) sheet.Write(block);
            sheet.Write("</sheetData></worksheet>"u8);
        }
        return stream.ToArray();
    });

    private static MultipartFormDataContent Form(string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>Every upload endpoint of the API, with the account that may use it.</summary>
    private static async Task<IReadOnlyList<(string Account, string Url, (string, string)[] Fields)>> EndpointsAsync(JixiaoApp app)
    {
        var round = await app.AsSystemAsync<SystemDbContext, long>(db =>
            db.MonitoringRounds.Where(r => r.RegionCode == DemoCounty.RegionCode).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());
        return
        [
            ("perf", "/api/imports", [("kind", "Payments"), ("fiscalYear", Year.ToString()), ("commit", "true")]),
            ("yizhong", "/api/targets/sheet", [("year", Year.ToString())]),
            ("yizhong", $"/api/monitoring/rounds/{round}/sheet", []),
            ("yizhong", "/api/evaluations/sheet", []),
            ("perf", "/api/exante/scoring-sheet", [("year", (Year + 1).ToString()), ("variant", "Project")]),
        ];
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ZipBomb_IsRefusedByEveryUploadEndpoint_WithoutBeingInflated(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var bomb = Bomb.Value;
        Assert.True(bomb.Length < 20 * 1024 * 1024, $"the bomb is {bomb.Length:N0} bytes");
        foreach (var (account, url, fields) in await EndpointsAsync(app))
        {
            using var client = await app.ClientForAsync(account);
            using var form = Form("申报表.xlsx", bomb, fields);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            using var response = await client.PostAsync(url, form);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{url}: {(int)response.StatusCode} {body}");
            ImportFiles.AssertChinese(body, "xl/worksheets/sheet1.xml", "超过每部分 50 MB 的上限", "另存为");
            Assert.True(allocated < Inflated / 10, $"{url}: {allocated:N0} bytes allocated for a file that inflates to {Inflated:N0}");
            TestContext.Current.TestOutputHelper?.WriteLine($"{url}: {bomb.Length:N0}-byte bomb refused, {allocated:N0} bytes allocated");
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OversizedBody_Is413WithAChineseProblem(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        foreach (var (account, url, fields) in await EndpointsAsync(app))
        {
            using var client = await app.ClientForAsync(account);
            using var form = Form("支付.csv", new byte[21 * 1024 * 1024], fields);
            using var response = await client.PostAsync(url, form);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            ImportFiles.AssertChinese(await response.Content.ReadAsStringAsync(), "超过 20 MB 的上限");
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CsvOverTheRowOrCellLimit_IsRefusedNamingTheLimit(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = await app.ClientForAsync("perf");
        var rows = Encoding.UTF8.GetBytes("凭证号,支付日期,项目代码,支付金额（元）\n" + string.Concat(Enumerable.Repeat("1,2,3,4\n", 100_000)));
        using (var response = await client.PostImportAsync(ImportKind.Payments, Year, "支付.csv", rows))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            ImportFiles.AssertChinese(await response.Content.ReadAsStringAsync(), "超过 100,000 行", "分批导入");
        }
        var cell = Encoding.UTF8.GetBytes("凭证号,支付日期,项目代码,支付金额（元）,摘要\nP1,2026-03-01,X,1," + new string('长', 40_000) + "\n");
        using (var response = await client.PostImportAsync(ImportKind.Payments, Year, "支付.csv", cell))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            ImportFiles.AssertChinese(await response.Content.ReadAsStringAsync(), "第 2 行第 5 列", "32,767 个字符");
        }
    }

    /// <summary>Puts a formula (with its cached value, as Excel saves it) into a cell of an xlsx.</summary>
    internal static byte[] WithFormula(byte[] xlsx, string reference, string formula, string cached)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var cell = document.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
            cell.RemoveAllChildren();
            cell.DataType = decimal.TryParse(cached, out _) ? CellValues.Number : CellValues.String;
            cell.Append(new CellFormula(formula), new CellValue(cached));
        }
        return stream.ToArray();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task FormulaCells_AreRefusedNamingRowAndColumn(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = await app.ClientForAsync("perf");
        var project = await app.AsSystemAsync<SystemDbContext, string>(db =>
            db.Projects.Where(p => p.RegionCode == DemoCounty.RegionCode && p.FiscalYear == Year && !p.IsPool && p.Status == LibraryStatus.Budgeted)
                .Select(p => p.Code).FirstAsync());
        var payments = ImportFiles.Xlsx([
            ["凭证号", "支付日期", "项目代码", "支付金额（元）", "摘要"],
            ["GS-F-1", $"{Year}-03-01", project, 100m, "正常一行"],
            ["GS-F-2", $"{Year}-03-02", project, 0m, "金额是公式"],
            ["GS-F-3", $"{Year}-03-03", project, 100m, "x"],
        ]);
        payments = WithFormula(WithFormula(payments, "D3", "1+1", "2"), "E4", "HYPERLINK(\"http://evil.example\",\"点我\")", "点我");
        var report = await client.RejectedAsync(ImportKind.Payments, Year, "支付.xlsx", payments);
        var amount = report.IssueAt(3);
        Assert.Equal(("支付金额（元）", "=1+1"), (amount.Column, amount.Value));
        ImportFiles.AssertChinese(amount.Message, "第 3 行“支付金额（元）”是公式，请粘贴为数值后再导入");
        Assert.Equal("摘要", report.IssueAt(4).Column);

        var csv = ImportFiles.Csv([["凭证号", "支付日期", "项目代码", "支付金额（元）", "摘要"], ["GS-F-4", $"{Year}-03-01", project, "100", "=cmd|' /C calc'!A0"]]);
        var fromCsv = await client.RejectedAsync(ImportKind.Payments, Year, "支付.csv", csv);
        ImportFiles.AssertChinese(fromCsv.IssueAt(2).Message, "“摘要”是公式");
    }

    [Fact]
    public void TextThatLooksLikeAFormula_IsExportedAsQuotedText()
    {
        string[] risky = ["=HYPERLINK(\"http://evil.example\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0", "\t=1"];
        var xlsx = XlsxWriter.Write("导出", [["名称"], .. risky.Select(r => (IReadOnlyList<object?>)[r]), ["普通名称"], [-5m]]);
        Documents.AssertValidXlsx(xlsx);
        Assert.Empty(Documents.FormulaCells(xlsx));
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        bool Quoted(Cell c) => c.StyleIndex is { } s && formats[(int)s.Value].QuotePrefix?.Value == true;
        var cells = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        Assert.All(cells.Skip(1).Take(risky.Length), c => Assert.True(Quoted(c), $"{c.CellReference} {c.InnerText}"));
        Assert.Equal(risky, cells.Skip(1).Take(risky.Length).Select(c => c.InnerText));
        Assert.False(Quoted(cells[^2]));
        Assert.False(Quoted(cells[^1]));
        // Read back, the text is as the user wrote it and is not a formula.
        var read = SpreadsheetReader.Read(xlsx, "导出.xlsx", new UploadLimits());
        Assert.All(read.Skip(1).Take(risky.Length), r => Assert.Null(r.FormulaAt(0)));
    }
}
