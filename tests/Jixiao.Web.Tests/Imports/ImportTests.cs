using System.Net;
using Jixiao.Domain.Budget;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Projects;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Tests.Imports;

/// <summary>
/// Imports that write: messy files in the documented layout become projects, movements and payments whose
/// derived figures are right; the same files again change nothing; preview writes nothing until committed.
/// Each test starts its own county (organisations and accounts, no projects).
/// </summary>
public sealed class ImportTests
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private static readonly CountyFiles Files = new(BusinessCalendar.YearOf(DateTimeOffset.UtcNow));
    private static int Year => Files.Year;

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_MessyFilesInOrder_DerivesLedgerFigures(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        using var client = await app.ClientForAsync("perf");

        var projects = await client.ImportAsync(ImportKind.Projects, Year, "项目库.xlsx", Files.ProjectsXlsx());
        Assert.True(projects.Committed, ImportFiles.Describe(projects));
        Assert.Equal((5, 5, 0, 0), (projects.Rows, projects.Created, projects.Updated, projects.Unchanged));
        Assert.Empty(projects.Issues);
        Assert.Equal("项目库.xlsx", projects.FileName);

        var movements = await client.ImportAsync(ImportKind.Movements, Year, "指标文件.xlsx", Files.MovementsXlsx());
        Assert.True(movements.Committed, ImportFiles.Describe(movements));
        Assert.Equal((9, 9), (movements.Rows, movements.Created)); // the 合计 row is not data
        Assert.Empty(movements.Issues);

        var utf8 = await client.ImportAsync(ImportKind.Payments, Year, "支付明细.csv", Files.PaymentsUtf8Csv());
        Assert.True(utf8.Committed && utf8.Created == 3 && utf8.Issues.Count == 0, ImportFiles.Describe(utf8));
        var gb = await client.ImportAsync(ImportKind.Payments, Year, "支付明细-GB18030.csv", Files.PaymentsGbCsv());
        Assert.True(gb.Committed && gb.Created == 2 && gb.Issues.Count == 0, ImportFiles.Describe(gb));

        var ids = await ProjectIdsAsync(client);
        Assert.Equal([CountyFiles.Pool, CountyFiles.Parent, CountyFiles.Child, CountyFiles.Running, CountyFiles.Library], ids.Keys.Order(StringComparer.Ordinal));
        var yearEnd = new DateOnly(Year, 12, 31);

        // 二级 project listed above its parent, unit cells merged, unit code and years in full-width digits, trailing
        // spaces, tags; the name keeps its Chinese punctuation as written.
        var child = await DetailAsync(client, ids[CountyFiles.Child], yearEnd);
        Assert.Equal("一中教学楼改造（一期），含抗震加固", child.Project.Name);
        Assert.Equal("襄垣县第一中学校", child.Project.UnitName);
        Assert.Equal("襄垣县教育科技局", child.Project.DepartmentName);
        Assert.Equal(ProjectLevel.Level2, child.Project.Level);
        Assert.Equal($"{CountyFiles.Parent} 教育均衡发展", child.ParentName);
        Assert.Equal(TransferLevel.Province, child.Project.Transfer);
        Assert.Equal(FundTags.Bond | FundTags.GovernmentPurchase, child.Project.Tags);
        var parent = await DetailAsync(client, ids[CountyFiles.Parent], yearEnd);
        Assert.Equal("襄垣县第一中学校", parent.Project.UnitName); // from the merged cell above
        Assert.Equal([CountyFiles.Child], parent.Children.Select(c => c.Code));

        // 全年预算数 = 年初 1,000,000 + 追加 205,000 (20.5 万, full-width) + 待分资金分配 800,000; 执行率 on 全年预算数.
        Assert.Equal(1_000_000m, child.Figures.InitialBudget);
        Assert.Equal(2_005_000m, child.Figures.AdjustedBudget);
        Assert.NotEqual(child.Figures.InitialBudget, child.Figures.AdjustedBudget);
        Assert.Equal(205_000m, child.Figures.TotalOf(MovementKind.Addition));
        Assert.Equal(800_000m, child.Figures.TotalOf(MovementKind.PoolAllocationIn));
        Assert.Equal(301_234.50m, child.Figures.Executed); // "1,234.50" on serial 3-01 + "300,000.00 " on 7-15
        Assert.Equal(0.1502m, child.Figures.ExecutionRate); // 301,234.50 ÷ 2,005,000, not ÷ 1,000,000 (0.3012)
        Assert.Equal([new DateOnly(Year, 3, 1), new DateOnly(Year, 7, 15)], child.Payments.Select(p => p.Date));
        Assert.Equal([$"ZF{Year}0001", $"ZF{Year}0003"], child.Payments.Select(p => p.DocumentNo));
        Assert.Equal(child.Figures.AdjustedBudget, child.Project.AdjustedBudget); // SQL list and domain agree

        // As of 04-30 only 年初 and 追加 had come, and one payment.
        var april = await DetailAsync(client, ids[CountyFiles.Child], new DateOnly(Year, 4, 30));
        Assert.Equal((1_000_000m, 1_205_000m, 1_234.50m), (april.Figures.InitialBudget, april.Figures.AdjustedBudget, april.Figures.Executed));

        // 调剂 10 万 from 运转经费 to 图书馆 (dated by an Excel serial); payments "12,000" (2026年3月1日) + "8,000.00" (2026.9.1, GB18030).
        var running = await DetailAsync(client, ids[CountyFiles.Running], yearEnd);
        Assert.Equal((500_000m, 400_000m, 20_000m, 0.05m),
            (running.Figures.InitialBudget, running.Figures.AdjustedBudget, running.Figures.Executed, running.Figures.ExecutionRate));
        var reallocation = Assert.Single(running.Figures.Lines, l => l.Kind == MovementKind.ReallocationOut);
        Assert.Equal((new DateOnly(Year, 5, 8), -100_000m, $"{CountyFiles.Library} 图书馆免费开放"),
            (reallocation.Date, reallocation.SignedAmount, reallocation.Counterpart));
        Assert.Equal([new DateOnly(Year, 3, 1), new DateOnly(Year, 9, 1)], running.Payments.Select(p => p.Date));

        var library = await DetailAsync(client, ids[CountyFiles.Library], yearEnd);
        Assert.Equal((300_000m, 400_000m, 123_456.78m, 0.3086m), // "１２３，４５６．７８" in GB18030
            (library.Figures.InitialBudget, library.Figures.AdjustedBudget, library.Figures.Executed, library.Figures.ExecutionRate));
        Assert.Equal("图书采购：少儿读物１２０册（含“绘本”）", Assert.Single(library.Payments).Summary); // free text as written

        // The pool keeps its balance visible: 200 万 − 80 万 allocated.
        var pool = await DetailAsync(client, ids[CountyFiles.Pool], yearEnd);
        Assert.True(pool.Project.IsPool);
        Assert.Null(pool.Project.DepartmentName);
        Assert.Equal((2_000_000m, 1_200_000m, 0m), (pool.Figures.InitialBudget, pool.Figures.AdjustedBudget, pool.Figures.Executed));
        Assert.Equal(800_000m, pool.Figures.TotalOf(MovementKind.PoolAllocationOut));
        Assert.Equal(1_200_000m, pool.Figures.Balance);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_SameFilesAgain_ChangesNothing(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        using var client = await app.ClientForAsync("perf");
        await Files.ImportAllAsync(client);
        var before = await BusinessCounts.ReadAsync(app, Year);
        Assert.Equal((5, 9, 5), (before.Projects, before.Movements, before.Payments));
        Assert.Equal((5, 9, 5), (before.AuditedProjects, before.AuditedMovements, before.AuditedPayments));
        var ids = await ProjectIdsAsync(client);
        var figures = await DetailAsync(client, ids[CountyFiles.Child], new DateOnly(Year, 12, 31));

        foreach (var (kind, name, content, rows) in Files.All())
        {
            var again = await client.ImportAsync(kind, Year, name, content);
            Assert.True(again.Committed, ImportFiles.Describe(again));
            Assert.True((0, 0, rows) == (again.Created, again.Updated, again.Unchanged), $"{name}：{ImportFiles.Describe(again)}");
            // Byte-identical files also get a notice that they were imported before; nothing else may appear.
            Assert.All(again.Issues, notice => Assert.True(!notice.IsError && notice.Message.Contains("同一文件已于"), notice.Message));
            if (name.EndsWith(".csv", StringComparison.Ordinal)) Assert.NotEmpty(again.Issues);
        }

        Assert.Equal(before, await BusinessCounts.ReadAsync(app, Year));
        Assert.Equal(ids, await ProjectIdsAsync(client));
        var after = await DetailAsync(client, ids[CountyFiles.Child], new DateOnly(Year, 12, 31));
        Assert.Equal((figures.Figures.AdjustedBudget, figures.Figures.Executed), (after.Figures.AdjustedBudget, after.Figures.Executed));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_PaymentsAboveAdjustedBudget_CommitsWithWarning(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        using var client = await app.ClientForAsync("perf");
        await client.ImportAsync(ImportKind.Projects, Year, "项目库.xlsx", Files.ProjectsXlsx());
        await client.ImportAsync(ImportKind.Movements, Year, "指标文件.xlsx", Files.MovementsXlsx());

        // 运转经费: 全年预算数 400,000 (年初 500,000 − 调剂 100,000). 250,000 + 200,000 is above it, though below 年初.
        // The second voucher number is typed in full-width characters, as some exports do.
        var file = ImportFiles.Xlsx(
        [
            ["支付凭证号", "支付日期", "项目代码", "支付金额（元）", "摘要"],
            ["ZF9901", $"{Year}-05-10", CountyFiles.Running, 250_000, "设备款"],
            ["ＺＦ９９０２", $"{Year}-06-10", CountyFiles.Running, "200,000.00", "设备尾款"],
            ["ZF9903", $"{Year}-06-11", CountyFiles.Library, "1,000", "图书"],
        ]);
        var report = await client.ImportAsync(ImportKind.Payments, Year, "超支.xlsx", file);

        Assert.True(report.Committed, ImportFiles.Describe(report));
        Assert.Equal(3, report.Created);
        Assert.Equal(0, report.Errors);
        var warning = Assert.Single(report.Issues);
        Assert.False(warning.IsError);
        // The column is named as the file writes it (full-width brackets kept).
        Assert.Equal((3, "支付金额（元）", "200,000.00"), (warning.Row, warning.Column, warning.Value));
        ImportFiles.AssertChinese(warning.Message, "超过全年预算数", "400,000.00", "450,000.00", CountyFiles.Running);
        Assert.Contains("提醒", report.Summary);

        var ids = await ProjectIdsAsync(client);
        var running = await DetailAsync(client, ids[CountyFiles.Running], new DateOnly(Year, 12, 31));
        Assert.Equal(450_000m, running.Figures.Executed);
        Assert.Contains(running.Payments, p => p.DocumentNo == "ZF9902");
        Assert.Equal(1.125m, running.Figures.ExecutionRate);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_SameFileSeveralTimesAtOnce_WritesOnceWithoutServerError(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        using var client = await app.ClientForAsync("perf");
        await client.ImportAsync(ImportKind.Projects, Year, "项目库.xlsx", Files.ProjectsXlsx());
        await client.ImportAsync(ImportKind.Movements, Year, "指标文件.xlsx", Files.MovementsXlsx());
        var file = Files.PaymentsUtf8Csv();

        // A double-clicked upload, or the 一体化 interface pushing while someone uploads by hand.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await client.PostImportAsync(ImportKind.Payments, Year, "支付明细.csv", file);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        foreach (var (status, body) in answers)
        {
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)status}: {body}");
            if (status == HttpStatusCode.Conflict) ImportFiles.AssertChinese(body, "未写入任何数据");
        }
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(3, (await BusinessCounts.ReadAsync(app, Year)).Payments);
        var again = await client.ImportAsync(ImportKind.Payments, Year, "支付明细.csv", file);
        Assert.Equal((0, 3), (again.Created, again.Unchanged));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Commit_PreviewedBatch_WritesOnlyOnCommitAndOnlyOnce(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        using var client = await app.ClientForAsync("perf");

        var preview = await client.ImportAsync(ImportKind.Projects, Year, "项目库.xlsx", Files.ProjectsXlsx(), commit: false);
        Assert.False(preview.Committed);
        Assert.True(preview.CanCommit);
        Assert.Equal(5, preview.Created);
        Assert.True(preview.BatchId > 0);
        Assert.Equal(new BusinessCounts(0, 0, 0, 0, 0, 0), await BusinessCounts.ReadAsync(app, Year));

        using (var commit = await client.PostAsync($"/api/imports/{preview.BatchId}/commit", null))
        {
            var committed = await ImportFiles.ReportAsync(commit, HttpStatusCode.OK);
            Assert.True(committed.Committed);
            Assert.Equal(5, committed.Created);
        }
        Assert.Equal(5, (await BusinessCounts.ReadAsync(app, Year)).Projects);

        using (var twice = await client.PostAsync($"/api/imports/{preview.BatchId}/commit", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            var problem = await twice.Content.ReadJsonAsync<ProblemDetails>();
            ImportFiles.AssertChinese(problem!.Detail!, "已于", "导入");
        }
        Assert.Equal(5, (await BusinessCounts.ReadAsync(app, Year)).Projects);
        var batches = await client.GetJsonAsync<List<ImportBatchRow>>("/api/imports");
        Assert.Equal(ImportStatus.Committed, Assert.Single(batches!, b => b.Id == preview.BatchId).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/imports/999999/commit", null)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Commit_DocumentImportedSincePreview_RevalidatesAndWritesNothing(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        using var client = await app.ClientForAsync("perf");
        await client.ImportAsync(ImportKind.Projects, Year, "项目库.xlsx", Files.ProjectsXlsx());
        await client.ImportAsync(ImportKind.Movements, Year, "指标文件.xlsx", Files.MovementsXlsx());
        byte[] Voucher(string amount) => ImportFiles.Csv(
        [
            ["凭证号", "支付日期", "项目代码", "支付金额（元）"],
            ["ZF-A", $"{Year}-04-01", CountyFiles.Child, "100"],
            ["ZF-B", $"{Year}-04-02", CountyFiles.Child, amount],
        ]);

        var preview = await client.ImportAsync(ImportKind.Payments, Year, "先预览.csv", Voucher("200"), commit: false);
        Assert.True(preview.CanCommit, ImportFiles.Describe(preview));
        await client.ImportAsync(ImportKind.Payments, Year, "另一人先导入.csv", Voucher("250"));
        var before = await BusinessCounts.ReadAsync(app, Year);

        using var commit = await client.PostAsync($"/api/imports/{preview.BatchId}/commit", null);
        var report = await ImportFiles.ReportAsync(commit, HttpStatusCode.UnprocessableEntity);
        Assert.False(report.Committed);
        var issue = report.IssueAt(3);
        Assert.Equal(("凭证号", "ZF-B"), (issue.Column, issue.Value));
        ImportFiles.AssertChinese(issue.Message, "ZF-B", "已导入过", "250.00");
        Assert.Equal(before, await BusinessCounts.ReadAsync(app, Year));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_OutsideRoleOrRegion_RefusedAndNothingStored(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        var file = Files.ProjectsXlsx();

        using (var filler = await app.ClientForAsync("yizhong"))
        using (var response = await filler.PostImportAsync(ImportKind.Projects, Year, "项目库.xlsx", file))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using (var reviewer = await app.ClientForAsync("edu"))
        using (var response = await reviewer.PostImportAsync(ImportKind.Projects, Year, "项目库.xlsx", file))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var perf = await app.ClientForAsync("perf");
        using (var foreign = await perf.PostImportAsync(ImportKind.Projects, Year, "项目库.xlsx", file, regionCode: DemoCounty.NeighbourRegionCode))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
            ImportFiles.AssertChinese((await foreign.Content.ReadJsonAsync<ProblemDetails>())!.Detail!, DemoCounty.NeighbourRegionCode, "权限范围");
        }
        using (var closed = await perf.PostImportAsync(ImportKind.Projects, Year - 1, "项目库.xlsx", file))
        {
            Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
            ImportFiles.AssertChinese((await closed.Content.ReadJsonAsync<ProblemDetails>())!.Detail!, "已决算");
        }

        // A batch previewed in 襄垣县 cannot be committed from 黎城县.
        var preview = await perf.ImportAsync(ImportKind.Projects, Year, "项目库.xlsx", file, commit: false);
        using (var neighbour = await app.ClientForAsync("lc.perf"))
            Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsync($"/api/imports/{preview.BatchId}/commit", null)).StatusCode);
        Assert.Equal(new BusinessCounts(0, 0, 0, 0, 0, 0), await BusinessCounts.ReadAsync(app, Year));
    }

    internal static async Task<Dictionary<string, long>> ProjectIdsAsync(HttpClient client)
    {
        var page = await client.GetJsonAsync<ProjectPage>($"/api/projects?year={Year}&pageSize=200");
        return page!.Rows.ToDictionary(r => r.Code, r => r.Id);
    }

    internal static async Task<ProjectDetail> DetailAsync(HttpClient client, long id, DateOnly asOf) =>
        (await client.GetJsonAsync<ProjectDetail>($"/api/projects/{id}?asOf={asOf:yyyy-MM-dd}"))!;
}
