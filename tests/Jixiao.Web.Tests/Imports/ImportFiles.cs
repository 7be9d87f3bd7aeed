using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Imports;

/// <summary>Builds import files as people produce them: xlsx with title rows and merged cells, CSV in UTF-8 or GB18030.</summary>
public static class ImportFiles
{
    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding Excel uses for "CSV" on Chinese Windows.</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <param name="merges">merged ranges such as "A1:Q1"; the value stays in the top-left cell, the others are empty</param>
    public static byte[] Xlsx(IEnumerable<object?[]> rows, params string[] merges)
    {
        var bytes = XlsxWriter.Write("Sheet1", rows.Select(r => (IReadOnlyList<object?>)r));
        if (merges.Length == 0) return bytes;
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            sheet.InsertAfter(new MergeCells(merges.Select(m => new MergeCell { Reference = m })), sheet.GetFirstChild<SheetData>());
            sheet.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A CSV with every field quoted where needed (thousands separators contain commas).</summary>
    public static byte[] Csv(IEnumerable<string?[]> rows, Encoding? encoding = null, bool bom = false)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        var body = (encoding ?? new UTF8Encoding(false)).GetBytes(text.ToString());
        return bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    private static string Quote(string? field) =>
        field is null ? "" : field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    /// <summary>The Excel (1900 system) serial number of a date, as exports write dates in unformatted cells.</summary>
    public static int Serial(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    public static async Task<HttpResponseMessage> PostImportAsync(this HttpClient client, ImportKind kind, int fiscalYear, string fileName,
        byte[] content, bool commit = true, string? regionCode = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(kind.ToString()), "kind");
        form.Add(new StringContent(fiscalYear.ToString(CultureInfo.InvariantCulture)), "fiscalYear");
        form.Add(new StringContent(commit ? "true" : "false"), "commit");
        if (regionCode is not null) form.Add(new StringContent(regionCode), "regionCode");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(Path.GetExtension(fileName) switch
        {
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".csv" => "text/csv",
            _ => "application/octet-stream",
        });
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/imports", form);
    }

    /// <summary>Posts a file that must be accepted (200) and returns its report.</summary>
    public static async Task<ImportReport> ImportAsync(this HttpClient client, ImportKind kind, int fiscalYear, string fileName,
        byte[] content, bool commit = true)
    {
        using var response = await client.PostImportAsync(kind, fiscalYear, fileName, content, commit);
        return await ReportAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Posts a file that must be refused with a report (422) and returns the report.</summary>
    public static async Task<ImportReport> RejectedAsync(this HttpClient client, ImportKind kind, int fiscalYear, string fileName,
        byte[] content, bool commit = true)
    {
        using var response = await client.PostImportAsync(kind, fiscalYear, fileName, content, commit);
        return await ReportAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    public static async Task<ImportReport> ReportAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"应为 {(int)expected}，实际 {(int)response.StatusCode}：{body}");
        return (await response.Content.ReadJsonAsync<ImportReport>())!;
    }

    /// <summary>The single issue reported for one spreadsheet row.</summary>
    public static ImportIssue IssueAt(this ImportReport report, int row)
    {
        var issues = report.Issues.Where(i => i.Row == row).ToList();
        Assert.True(issues.Count == 1, $"第 {row} 行应恰有 1 条问题，实际：{Describe(report)}");
        return issues[0];
    }

    public static string Describe(ImportReport report) =>
        $"{report.Summary} | " + string.Join(" | ", report.Issues.Select(i => $"第{i.Row}行 [{i.Column}] “{i.Value}”：{i.Message}{(i.IsError ? "" : "（提醒）")}"));

    /// <summary>Asserts a message is written in Chinese (has CJK ideographs) and contains every given fragment.</summary>
    public static void AssertChinese(string message, params string[] fragments)
    {
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        foreach (var fragment in fragments) Assert.Contains(fragment, message);
    }
}

/// <summary>Rows of business data, and the audit records about them, as the database holds them.</summary>
public sealed record BusinessCounts(int Projects, int Movements, int Payments, int AuditedProjects, int AuditedMovements, int AuditedPayments)
{
    /// <summary>The business data of <paramref name="year"/> (the empty county's demo holds next year's library, which imports do not touch).</summary>
    public static Task<BusinessCounts> ReadAsync(JixiaoApp app, int year) => app.AsSystemAsync<SystemDbContext, BusinessCounts>(async db =>
    {
        var projects = (await db.Projects.Where(p => p.FiscalYear == year).Select(p => p.Id).ToListAsync()).Select(id => id.ToString()).ToList();
        return new(
        projects.Count,
        await db.LedgerMovements.CountAsync(),
        await db.Payments.CountAsync(),
        await db.AuditEntries.CountAsync(e => e.EntityType == "Project" && projects.Contains(e.EntityId!)),
        await db.AuditEntries.CountAsync(e => e.EntityType == "LedgerMovement"),
        await db.AuditEntries.CountAsync(e => e.EntityType == "Payment"));
    });
}

/// <summary>
/// A small county's year in the layouts of docs/import-layout.md, written the way real exports are messy.
/// Figures (as of 12-31): 一中教学楼改造 年初 100 万 + 追加 20.5 万 + 待分资金分配 80 万 = 200.5 万, paid 301,234.50;
/// 一中运转经费 50 万 − 调剂 10 万 = 40 万, paid 20,000; 图书馆 30 万 + 调剂 10 万 = 40 万, paid 123,456.78;
/// the pool 200 万 − 80 万 allocated = 120 万 left.
/// </summary>
public sealed class CountyFiles(int year)
{
    public const string Parent = "XY106-001";
    public const string Child = "XY106-001-01";
    public const string Running = "XY106-002";
    public const string Library = "XY119-001";
    public const string Pool = "XY-POOL-01";

    public int Year => year;
    public string InitialDoc => $"襄财预〔{year}〕1号";
    public string AdditionDoc => $"襄财预〔{year}〕15号";
    public string ReallocationDoc => $"襄财预〔{year}〕22号";
    public string PoolDoc => $"襄财教〔{year}〕8号";
    public DateOnly ChildEstablished => new(year, 1, 15);

    public static readonly object?[] ProjectHeader =
    [
        "*项目代码", "*项目名称", "*单位代码", "单位名称", "主管部门代码", "*项目级次", "上级项目代码", "*项目类别", "*项目性质",
        "*开始年度", "*结束年度", "*项目库状态", "*预算类型", "转移支付级次", "资金标签", "是否待分资金", "*立项日期",
    ];

    /// <summary>Title row merged across the sheet, the 二级 project above its 一级 parent, the unit cells of 一中 merged down two rows.</summary>
    public byte[] ProjectsXlsx() => ImportFiles.Xlsx(
    [
        [$"襄垣县{year}年项目库导出"],
        ["导出日期：" + $"{year}-11-01", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "单位：元"],
        ProjectHeader,
        [Child, "一中教学楼改造（一期），含抗震加固  ", "１０６０２ ", "襄垣县第一中学校", "106", "二级项目", Parent + " ", "特定目标类", "一次性",
            Wide(year), Wide(year) + "年", "已纳入预算", "一般公共预算", "省级", "地方政府债券、政府购买服务", "否", $"{year}-01-15"],
        [Parent, "教育均衡发展", null, null, null, "一级", "", "特定目标类", "经常性",
            year - 1, year + 1, "已纳入预算", "一般公共预算", "", "", "", ImportFiles.Serial(new DateOnly(year, 1, 10))],
        [Running, "第一中学运转经费", "10602", "襄垣县第一中学校", "106", "一级", null, "运转类", "经常性",
            year, year, "已纳入预算", "一般公共预算", null, null, "否", $"{year}年1月1日"],
        [Library, "图书馆免费开放", "11902", "襄垣县图书馆", "119", "一级", null, "特定目标类", "经常性",
            year, year, "已纳入预算", "一般公共预算", "中央", null, null, $"{year}/01/01"],
        [Pool, "教育文化待分资金", "FIN04", "教科文股", null, "一级", null, "特定目标类", "一次性",
            year, year, "已纳入预算", "一般公共预算", null, null, "是", $"{year}-01-01"],
    ], "A1:Q1", "C4:C5", "D4:D5", "E4:E5");

    public static readonly object?[] MovementHeader = ["指标文号", "发文日期", "项目编码", "指标类型", "金额（万元）", "对方项目代码", "调整事由"];

    /// <summary>Amounts in 万元; 年初批复, 追加, a 调剂 pair and a 待分资金 pair, dates as text, Chinese text and an Excel serial; a 合计 row.</summary>
    public byte[] MovementsXlsx() => ImportFiles.Xlsx(
    [
        [$"襄垣县{year}年预算指标文件汇总"],
        MovementHeader,
        [InitialDoc, $"{year}-01-20", Child, "年初批复", "100", null, "年初预算"],
        [InitialDoc, $"{year}-01-20", Running, "年初批复", 50, null, "年初预算"],
        [InitialDoc, $"{year}-01-20", Pool, "年初批复", "200.00", null, "年初预算"],
        [InitialDoc, $"{year}-01-20", Library, "年初批复", "30", null, "年初预算"],
        [AdditionDoc, $"{year}年4月10日", Child, "追加", "２０．５", null, "年中追加"],
        [ReallocationDoc, ImportFiles.Serial(new DateOnly(year, 5, 8)), Running, "调剂转出", "10", Library, "经费调剂"],
        [ReallocationDoc, ImportFiles.Serial(new DateOnly(year, 5, 8)), Library, "调剂转入", "10", Running, "经费调剂"],
        [PoolDoc, $"{year}-06-01", Pool, "待分资金分配转出", "80", Child, "待分资金分配"],
        [PoolDoc, $"{year}-06-01", Child, "待分资金分配转入", "80", Pool, "待分资金分配"],
        ["合计", null, null, null, 470.5, null, null],
    ]);

    /// <summary>UTF-8 with BOM, a title row, thousands separators, a date as an Excel serial in text and as 2026年3月1日, trailing spaces.</summary>
    public byte[] PaymentsUtf8Csv() => ImportFiles.Csv(
    [
        [$"襄垣县{year}年国库集中支付明细"],
        ["支付凭证号", "支付日期", "项目代码", "支付金额（元）", "摘要"],
        [$"ZF{year}0001", ImportFiles.Serial(new DateOnly(year, 3, 1)).ToString(CultureInfo.InvariantCulture), Child, "1,234.50", "教学楼设计费"],
        [$"ZF{year}0002", $"{year}年3月1日", Running, "12,000", "水电费"],
        [$"ZF{year}0003  ", $"{year}-07-15", Child, "300,000.00 ", "工程进度款"],
    ], bom: true);

    /// <summary>GB18030 as Excel saves "CSV" on Chinese Windows; header aliases; full-width digits and comma; a summary in Chinese punctuation.</summary>
    public byte[] PaymentsGbCsv() => ImportFiles.Csv(
    [
        ["凭证号", "日期", "项目编码", "金额（元）", "用途"],
        [$"ZF{year}0101", $"{year}年8月1日", Library, "１２３，４５６．７８", "图书采购：少儿读物１２０册（含“绘本”）"],
        [$"ZF{year}0102", $"{year}.9.1", Running, "8,000.00", "办公用品"],
    ], ImportFiles.Gb18030);

    /// <summary>The four files in order, as an operator imports them.</summary>
    public IEnumerable<(ImportKind Kind, string FileName, byte[] Content, int Rows)> All()
    {
        yield return (ImportKind.Projects, "项目库.xlsx", ProjectsXlsx(), 5);
        yield return (ImportKind.Movements, "指标文件.xlsx", MovementsXlsx(), 9);
        yield return (ImportKind.Payments, "支付明细.csv", PaymentsUtf8Csv(), 3);
        yield return (ImportKind.Payments, "支付明细-GB18030.csv", PaymentsGbCsv(), 2);
    }

    public async Task ImportAllAsync(HttpClient client)
    {
        foreach (var (kind, name, content, rows) in All())
        {
            var report = await client.ImportAsync(kind, year, name, content);
            Assert.True(report.Committed && report.Created == rows && report.Issues.Count == 0, $"{name}：{ImportFiles.Describe(report)}");
        }
    }

    private static string Wide(int number) =>
        new(number.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c + 0xFEE0)).ToArray());
}

/// <summary>
/// One app per provider with <see cref="CountyFiles"/> imported, shared by the tests that only try files that
/// must be refused (they check that nothing was written, so they leave it as they found it).
/// </summary>
public sealed class ImportedCounty : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<JixiaoApp>>> _apps = new();

    public CountyFiles Files { get; } = new(BusinessCalendar.YearOf(DateTimeOffset.UtcNow));

    public Task<JixiaoApp> GetAsync(DatabaseProvider provider)
    {
        TestEnvironment.Require(provider);
        return _apps.GetOrAdd(provider, p => new Lazy<Task<JixiaoApp>>(() => StartAsync(p))).Value;
    }

    private async Task<JixiaoApp> StartAsync(DatabaseProvider provider)
    {
        var app = await JixiaoApp.StartAsync(provider);
        using var client = await app.ClientForAsync("perf");
        await Files.ImportAllAsync(client);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
            await (await app.Value).DisposeAsync();
    }
}
