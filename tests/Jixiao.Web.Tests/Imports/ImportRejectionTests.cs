using System.Net;
using System.Text;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Imports;

/// <summary>
/// Files that must be refused: each answers 422 with the spreadsheet row, column title, value and a Chinese
/// reason, and writes nothing — not even the good rows of the same file. They run against one county per
/// provider that already holds <see cref="CountyFiles"/>.
/// </summary>
public sealed class ImportRejectionTests(ImportedCounty county) : IClassFixture<ImportedCounty>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private CountyFiles Files => county.Files;
    private int Year => county.Files.Year;

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_UnknownUnitOrDepartment_RejectsWholeFile(DatabaseProvider provider)
    {
        var file = ImportFiles.Xlsx(
        [
            [$"襄垣县{Year}年新增项目"],
            [],
            CountyFiles.ProjectHeader,
            Project("XY106-003", "二中实验室建设", "10603", "106"),
            Project("XY106-004", "不存在的单位的项目", "10699", "106"),
            Project("XY106-005", "不存在的部门的项目", "10604", "199"),
            Project("XY106-006", "部门不对的项目", "10605", "119"),
        ], "A1:Q1");

        var report = await RejectAsync(provider, ImportKind.Projects, "新增项目.xlsx", file, "XY106-003");

        Assert.Equal((4, 3), (report.Rows, report.Errors));
        var unit = report.IssueAt(5);
        Assert.Equal(("*单位代码", "10699", true), (unit.Column, unit.Value, unit.IsError));
        ImportFiles.AssertChinese(unit.Message, "单位代码“10699”", "不存在");
        var department = report.IssueAt(6);
        Assert.Equal(("主管部门代码", "199"), (department.Column, department.Value));
        ImportFiles.AssertChinese(department.Message, "主管部门代码“199”", "不存在");
        var mismatch = report.IssueAt(7);
        Assert.Equal(("主管部门代码", "119"), (mismatch.Column, mismatch.Value));
        ImportFiles.AssertChinese(mismatch.Message, "襄垣县实验小学", "不隶属于", "襄垣县文化和旅游局");
        ImportFiles.AssertChinese(report.Summary, "未写入任何数据");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_TextInAmount_RejectsWholeFile(DatabaseProvider provider)
    {
        var movements = ImportFiles.Xlsx(
        [
            [$"襄垣县{Year}年追加指标"],
            CountyFiles.MovementHeader,
            [$"襄财预〔{Year}〕30号", $"{Year}-07-01", CountyFiles.Running, "追加", "5", null, "好的一行"],
            [$"襄财预〔{Year}〕31号", $"{Year}-07-01", CountyFiles.Library, "追加", "约五万", null, "金额写成了文字"],
            [$"襄财预〔{Year}〕32号", $"{Year}-07-01", CountyFiles.Library, "追加", "3万", null, "单位写在单元格里，与表头一致"],
        ]);
        var report = await RejectAsync(provider, ImportKind.Movements, "追加指标.xlsx", movements, $"襄财预〔{Year}〕30号");
        var issue = Assert.Single(report.Issues);
        Assert.Equal((4, "金额（万元）", "约五万"), (issue.Row, issue.Column, issue.Value));
        ImportFiles.AssertChinese(issue.Message, "“约五万”", "不是数字");

        var payments = ImportFiles.Csv(
        [
            ["支付凭证号", "支付日期", "项目代码", "支付金额（元）", "摘要"],
            ["ZF-T1", $"{Year}-07-01", CountyFiles.Running, "1,000.00", "好的一行"],
            ["ZF-T2", $"{Year}-07-02", CountyFiles.Running, "五千元", "金额写成了文字"],
            ["ZF-T3", $"{Year}-07-03", CountyFiles.Running, "0.5万", "单位与表头不符"],
        ]);
        report = await RejectAsync(provider, ImportKind.Payments, "支付.csv", payments, "ZF-T1");
        Assert.Equal(2, report.Errors);
        var text = report.IssueAt(3);
        Assert.Equal(("支付金额（元）", "五千元"), (text.Column, text.Value));
        ImportFiles.AssertChinese(text.Message, "“五千元”", "不是数字");
        var unit = report.IssueAt(4);
        ImportFiles.AssertChinese(unit.Message, "“0.5万”", "万元", "本列金额单位是元");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_DocumentAgainWithOtherContent_RejectsWholeFile(DatabaseProvider provider)
    {
        // 追加 20.5 万 was imported; the same 文件号 now says 25 万.
        var movements = ImportFiles.Xlsx(
        [
            CountyFiles.MovementHeader,
            [$"襄财预〔{Year}〕33号", $"{Year}-07-01", CountyFiles.Running, "追加", "1", null, "好的一行"],
            [Files.AdditionDoc, $"{Year}年4月10日", CountyFiles.Child, "追加", "25", null, "改了金额"],
        ]);
        var report = await RejectAsync(provider, ImportKind.Movements, "指标-改过.xlsx", movements, $"襄财预〔{Year}〕33号");
        var issue = Assert.Single(report.Issues);
        Assert.Equal((3, "指标文号", Files.AdditionDoc), (issue.Row, issue.Column, issue.Value));
        ImportFiles.AssertChinese(issue.Message, Files.AdditionDoc, "已导入过", "205,000.00", "不能改写");

        // Voucher ZF…0002 was 12,000 on 3-01; here it is 12,500. And one voucher appears twice with different amounts.
        var payments = ImportFiles.Csv(
        [
            [$"襄垣县{Year}年支付明细"],
            ["支付凭证号", "支付日期", "项目代码", "支付金额（元）", "摘要"],
            ["ZF-D1", $"{Year}-07-01", CountyFiles.Running, "100", "好的一行"],
            [$"ZF{Year}0002", $"{Year}年3月1日", CountyFiles.Running, "12,500", "改了金额"],
            ["ZF-D2", $"{Year}-07-02", CountyFiles.Running, "200", "第一次"],
            ["ZF-D2", $"{Year}-07-02", CountyFiles.Running, "300", "同一文件里又出现"],
        ], ImportFiles.Gb18030);
        report = await RejectAsync(provider, ImportKind.Payments, "支付-改过.csv", payments, "ZF-D1");
        Assert.Equal(2, report.Errors);
        var changed = report.IssueAt(4);
        Assert.Equal(("支付凭证号", $"ZF{Year}0002"), (changed.Column, changed.Value));
        ImportFiles.AssertChinese(changed.Message, $"ZF{Year}0002", "已导入过", "12,000.00", "同一凭证不能改写");
        var repeated = report.IssueAt(6);
        Assert.Equal(("支付凭证号", "ZF-D2"), (repeated.Column, repeated.Value));
        ImportFiles.AssertChinese(repeated.Message, "ZF-D2", "第 5 行已出现");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_PaymentBeforeProjectExists_RejectsWholeFile(DatabaseProvider provider)
    {
        // 一中教学楼改造 was established on 01-15; XY999-001 is not in the library at all.
        var payments = ImportFiles.Csv(
        [
            [$"襄垣县{Year}年支付明细"],
            ["支付凭证号", "支付日期", "项目代码", "支付金额（元）", "摘要"],
            ["ZF-B1", $"{Year}-07-01", CountyFiles.Child, "100", "好的一行"],
            ["ZF-B2", $"{Year}-01-05", CountyFiles.Child, "100", "立项之前"],
            ["ZF-B3", $"{Year}-07-01", "XY999-001", "100", "项目还没导入"],
        ]);
        var report = await RejectAsync(provider, ImportKind.Payments, "支付-过早.csv", payments, "ZF-B1");
        Assert.Equal(2, report.Errors);
        var early = report.IssueAt(4);
        Assert.Equal(("支付日期", $"{Year}-01-05"), (early.Column, early.Value));
        ImportFiles.AssertChinese(early.Message, $"{Year}-01-05", "早于项目立项日期", $"{Year}-01-15");
        var missing = report.IssueAt(5);
        Assert.Equal(("项目代码", "XY999-001"), (missing.Column, missing.Value));
        ImportFiles.AssertChinese(missing.Message, "XY999-001", "不存在", "请先导入项目");

        var movements = ImportFiles.Xlsx(
        [
            CountyFiles.MovementHeader,
            [$"襄财预〔{Year}〕34号", $"{Year}-07-01", CountyFiles.Running, "追加", "1", null, "好的一行"],
            [$"襄财预〔{Year}〕35号", $"{Year}-01-10", CountyFiles.Child, "追加", "1", null, "立项之前"],
        ]);
        report = await RejectAsync(provider, ImportKind.Movements, "指标-过早.xlsx", movements, $"襄财预〔{Year}〕34号");
        var movement = Assert.Single(report.Issues);
        Assert.Equal((3, "发文日期", $"{Year}-01-10"), (movement.Row, movement.Column, movement.Value));
        ImportFiles.AssertChinese(movement.Message, "早于项目立项日期", $"{Year}-01-15");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_ReallocationNotBalanced_RejectsWholeFile(DatabaseProvider provider)
    {
        var movements = ImportFiles.Xlsx(
        [
            [$"襄垣县{Year}年指标调剂"],
            CountyFiles.MovementHeader,
            [$"襄财预〔{Year}〕36号", $"{Year}-07-01", CountyFiles.Running, "追加", "1", null, "好的一行"],
            [$"襄财预〔{Year}〕40号", $"{Year}-08-01", CountyFiles.Running, "调剂转出", "10", CountyFiles.Library, "转出 10 万"],
            [$"襄财预〔{Year}〕40号", $"{Year}-08-01", CountyFiles.Library, "调剂转入", "9", CountyFiles.Running, "只转入 9 万"],
            [$"襄财预〔{Year}〕41号", $"{Year}-08-02", CountyFiles.Library, "调剂转出", "2", CountyFiles.Running, "没有转入方"],
        ]);
        var report = await RejectAsync(provider, ImportKind.Movements, "调剂.xlsx", movements, $"襄财预〔{Year}〕36号");
        Assert.Equal(2, report.Errors);
        var unbalanced = report.IssueAt(4);
        Assert.Equal(("指标文号", $"襄财预〔{Year}〕40号"), (unbalanced.Column, unbalanced.Value));
        ImportFiles.AssertChinese(unbalanced.Message, "调剂转出 100,000.00 元", "调剂转入 90,000.00 元", "不相等", "相差 10,000.00 元");
        var alone = report.IssueAt(6);
        Assert.Equal(("指标文号", $"襄财预〔{Year}〕41号"), (alone.Column, alone.Value));
        ImportFiles.AssertChinese(alone.Message, "缺少调剂转入");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_ReallocationSidesNameOtherProjects_RejectsWholeFile(DatabaseProvider provider)
    {
        // The totals balance (3 万 out, 3 万 in), but 运转经费 says it gave to 图书馆 while 教学楼改造 says it received.
        var movements = ImportFiles.Xlsx(
        [
            CountyFiles.MovementHeader,
            [$"襄财预〔{Year}〕37号", $"{Year}-07-01", CountyFiles.Running, "追加", "1", null, "好的一行"],
            [$"襄财预〔{Year}〕42号", $"{Year}-08-01", CountyFiles.Running, "调剂转出", "3", CountyFiles.Library, "转给图书馆"],
            [$"襄财预〔{Year}〕42号", $"{Year}-08-01", CountyFiles.Child, "调剂转入", "3", CountyFiles.Running, "却记在教学楼改造"],
        ]);
        var report = await RejectAsync(provider, ImportKind.Movements, "调剂-对方不符.xlsx", movements, $"襄财预〔{Year}〕37号");
        Assert.Equal(2, report.Errors);
        var given = report.IssueAt(3);
        Assert.Equal(("对方项目代码", CountyFiles.Library), (given.Column, given.Value));
        ImportFiles.AssertChinese(given.Message, $"襄财预〔{Year}〕42号", "调剂转入", CountyFiles.Library, CountyFiles.Running);
        var received = report.IssueAt(4);
        Assert.Equal(("对方项目代码", CountyFiles.Running), (received.Column, received.Value));
        ImportFiles.AssertChinese(received.Message, "调剂转出", CountyFiles.Child);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_NoRecognisableHeader_ListsRequiredColumns(DatabaseProvider provider)
    {
        var file = ImportFiles.Csv(
        [
            ["序号", "单位", "用途", "钱"],
            ["1", "第一中学", "水电费", "12000"],
        ]);
        var report = await RejectAsync(provider, ImportKind.Payments, "随便一张表.csv", file, null);
        var issue = Assert.Single(report.Issues);
        Assert.Equal((0, "表头"), (issue.Row, issue.Column));
        ImportFiles.AssertChinese(issue.Message, "没有找到支付表头", "凭证号、支付日期、项目代码、支付金额", "导入模板");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_AmountHeaderWithoutUnit_AsksForYuanOrWan(DatabaseProvider provider)
    {
        var file = ImportFiles.Csv(
        [
            [$"襄垣县{Year}年支付明细"],
            ["凭证号", "支付日期", "项目代码", "金额", "摘要"],
            ["ZF-U1", $"{Year}-07-01", CountyFiles.Running, "100", "单位不明"],
        ]);
        var report = await RejectAsync(provider, ImportKind.Payments, "无单位.csv", file, "ZF-U1");
        var issue = Assert.Single(report.Issues);
        Assert.Equal((2, "表头"), (issue.Row, issue.Column));
        ImportFiles.AssertChinese(issue.Message, "“金额”", "没有注明单位", "（元）", "（万元）");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_UnreadableFile_BadRequestWithChineseProblem(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        using var client = await app.ClientForAsync("perf");
        var before = await BusinessCounts.ReadAsync(app, Year);
        (string Name, byte[] Content, string Expected)[] files =
        [
            ("支付.txt", Encoding.UTF8.GetBytes("凭证号\t支付日期\n"), "不支持的文件类型“.txt”"),
            ("支付.xlsx", Encoding.UTF8.GetBytes("这不是 Excel 文件"), "无法读取"),
            ("支付.csv", [], "空的"),
        ];
        foreach (var (name, content, expected) in files)
        {
            using var response = await client.PostImportAsync(ImportKind.Payments, Year, name, content);
            Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var problem = await response.Content.ReadJsonAsync<ProblemDetails>();
            ImportFiles.AssertChinese(problem!.Detail!, expected);
        }
        Assert.Equal(before, await BusinessCounts.ReadAsync(app, Year));
    }

    /// <summary>
    /// Previews then commits <paramref name="file"/>: both answer 422 with the same report, and afterwards the
    /// database holds exactly what it held before — in particular not <paramref name="goodDocument"/> from a good row.
    /// </summary>
    private async Task<ImportReport> RejectAsync(DatabaseProvider provider, ImportKind kind, string fileName, byte[] file, string? goodDocument)
    {
        var app = await county.GetAsync(provider);
        using var client = await app.ClientForAsync("perf");
        var before = await BusinessCounts.ReadAsync(app, Year);

        var preview = await client.RejectedAsync(kind, Year, fileName, file, commit: false);
        var report = await client.RejectedAsync(kind, Year, fileName, file, commit: true);
        Assert.False(report.Committed);
        Assert.False(report.CanCommit);
        Assert.Equal(0, report.Updated);
        Assert.Equal(preview.Issues, report.Issues);
        Assert.All(report.Issues.Where(i => i.IsError), i => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", i.Message));

        // The batch was kept (for the record) but cannot be committed either.
        using (var commit = await client.PostAsync($"/api/imports/{report.BatchId}/commit", null))
            await ImportFiles.ReportAsync(commit, HttpStatusCode.UnprocessableEntity);

        Assert.Equal(before, await BusinessCounts.ReadAsync(app, Year));
        if (goodDocument is not null)
        {
            var written = await app.AsSystemAsync<SystemDbContext, bool>(async db =>
                await db.Projects.AnyAsync(p => p.Code == goodDocument) || await db.LedgerMovements.AnyAsync(m => m.DocumentNo == goodDocument)
                || await db.Payments.AnyAsync(p => p.DocumentNo == goodDocument));
            Assert.False(written, $"好的一行（{goodDocument}）不应被写入");
        }
        return report;
    }

    private object?[] Project(string code, string name, string unit, string department) =>
    [
        code, name, unit, null, department, "一级", null, "特定目标类", "一次性",
        Year, Year, "入库", "一般公共预算", null, null, "否", $"{Year}-03-01",
    ];
}
