using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Rectifications;
using Jixiao.Domain.Reviews;
using Jixiao.Tests.Shared;
using static Jixiao.Tests.Shared.ApiAnswers;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Tests.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Rectifications;

/// <summary>
/// 整改 through the API on both databases: finance raises an item by hand for a school's project; the school replies and submits, its
/// department passes it, finance returns it once with a reason and then accepts it — each step on the item and on the project's chain,
/// the statistics count it done; a monitoring round's red lights raise in one batch, the ones raised before skipped, a wrong deadline
/// writing nothing; a finding is raised once; a source without a problem is refused; each role does only its part.
/// </summary>
public sealed class RectificationApiTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Step(string Action, string UserName, string Opinion);
    internal sealed record View(long Id, RectificationSource Source, long? ProjectId, string Problem, string Requirement, DateOnly Deadline, RectificationState State,
        string Status, bool Overdue, bool? OnTime, string Measures, string? ReturnReason, List<Step> Steps, bool CanReply, bool CanReview, bool CanVerify);
    internal sealed record Row(long Id, RectificationState State, bool Overdue);
    internal sealed record Page(List<Row> Rows, int Total);
    internal sealed record Count(RectificationSource? Source, int Raised, int Open, int Overdue, int Done, int OnTime);
    internal sealed record Statistics(List<Count> BySource);
    internal sealed record Batch(int Found, int Raised, int Skipped, List<long> Ids);
    internal sealed record ToDo(int ToReply, int Returned, int ToReview, int ToVerify, int OverdueMine, int OverdueAll);
    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body, ApiJson.Options);

    [Theory, MemberData(nameof(Providers))]
    public async Task ByHand_UnitReplies_DepartmentPasses_FinanceReturnsOnceThenAccepts_OnTheProjectAndInStatistics(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var today = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Today;
        var year = today.Year - 1;
        var code = $"ZG-{provider}-1";
        var projectId = await app.AsSystemAsync<SystemDbContext, long>(async db =>
        {
            var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var project = TestProjects.Budgeted(school, year, code, "食堂设备更新");
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
        using var perf = await app.ClientForAsync("perf");
        using var school = await app.ClientForAsync("yizhong");
        using var edu = await app.ClientForAsync("edu");
        var before = (await OkAsync<Statistics>(await perf.GetAsync($"/api/rectifications/statistics?year={year}"))).BySource[^1];

        // Every field a user can get wrong is named; nothing is written.
        var basis = $"县审计局审计报告 襄审字〔{today.Year}〕12号";
        var noDeadline = await RefusedAsync(await Post(perf, "/api/rectifications", new { problem = "食堂采购未履行询价程序", requirement = "补充询价记录，完善采购制度", basis, year, projectCode = code }),
            HttpStatusCode.BadRequest);
        Assert.Equal("整改期限", noDeadline.Field);
        var unknown = await RefusedAsync(await Post(perf, "/api/rectifications", new { problem = "食堂采购未履行询价程序", requirement = "补充询价记录，完善采购制度", basis, year,
            projectCode = "NO-SUCH", deadline = today.AddDays(30) }), HttpStatusCode.BadRequest);
        Assert.Contains("找不到", unknown.Detail);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(edu, "/api/rectifications", new { problem = "部门自己登记的问题", requirement = "部门自己的要求", basis, year, projectCode = code,
            deadline = today.AddDays(30) })).StatusCode);
        Assert.Equal(0, await app.AsSystemAsync<SystemDbContext, int>(db => db.Rectifications.CountAsync(r => r.ProjectId == projectId)));

        var raised = await OkAsync<View>(await Post(perf, "/api/rectifications", new
        {
            problem = "食堂采购未履行询价程序，部分支出凭证不完整", requirement = "补充询价记录和支出凭证，修订采购管理制度", basis, year, projectCode = code,
            deadline = today.AddDays(30), amount = 126_000m,
        }));
        Assert.Equal((RectificationState.Pending, RectificationSource.Manual, projectId, false), (raised.State, raised.Source, raised.ProjectId, raised.Overdue));
        var path = $"/api/rectifications/{raised.Id}";
        Assert.True((await OkAsync<ToDo>(await school.GetAsync("/api/rectifications/todo"))).ToReply > 0);

        // Finance cannot write the unit's reply; the department reviews only what the unit submitted.
        Assert.Equal(HttpStatusCode.Forbidden, (await perf.PutAsJsonAsync($"{path}/reply", new { measures = "财政代写的整改情况" }, ApiJson.Options)).StatusCode);
        await RefusedAsync(await Post(edu, $"{path}/actions", new { action = "Approve" }), HttpStatusCode.Conflict);
        var blank = await RefusedAsync(await Post(school, $"{path}/actions", new { action = "Submit" }), HttpStatusCode.BadRequest);
        Assert.Equal("整改措施及成效", blank.Field);

        var submitted = await OkAsync<View>(await school.PutAsJsonAsync($"{path}/reply",
            new { measures = "已补充询价记录和支出凭证，修订了食堂采购管理制度", submit = true }, ApiJson.Options));
        Assert.Equal(RectificationState.Submitted, submitted.State);
        Assert.Equal(HttpStatusCode.Conflict, (await school.PutAsJsonAsync($"{path}/reply", new { measures = "提交后再改" }, ApiJson.Options)).StatusCode);
        Assert.True((await OkAsync<View>(await edu.GetAsync(path))).CanReview);
        Assert.Equal(RectificationState.Verifying, (await OkAsync<View>(await Post(edu, $"{path}/actions", new { action = "Approve", opinion = "同意" }))).State);

        var noReason = await RefusedAsync(await Post(perf, $"{path}/actions", new { action = "Return" }), HttpStatusCode.BadRequest);
        Assert.Equal("意见", noReason.Field);
        var returned = await OkAsync<View>(await Post(perf, $"{path}/actions", new { action = "Return", opinion = "请上传修订后的采购管理制度文件" }));
        Assert.Equal((RectificationState.InProgress, "请上传修订后的采购管理制度文件"), (returned.State, returned.ReturnReason));
        Assert.True((await OkAsync<ToDo>(await school.GetAsync("/api/rectifications/todo"))).Returned > 0);

        await OkAsync<View>(await school.PutAsJsonAsync($"{path}/reply", new { measures = "已补充询价记录和支出凭证，修订后的采购管理制度已印发", submit = true }, ApiJson.Options));
        await OkAsync<View>(await Post(edu, $"{path}/actions", new { action = "Approve" }));
        var done = await OkAsync<View>(await Post(perf, $"{path}/actions", new { action = "Accept", opinion = "整改到位" }));
        Assert.Equal((RectificationState.Done, true), (done.State, done.OnTime));
        Assert.Equal(["登记", "提交整改情况", "审核通过", "退回", "提交整改情况", "审核通过", "核实通过"], done.Steps.Select(s => s.Action));
        Assert.Equal(["perf", "yizhong", "edu", "perf", "yizhong", "edu", "perf"], done.Steps.Select(s => s.UserName));
        await RefusedAsync(await Post(perf, $"{path}/cancel", new { reason = "完成后撤销" }), HttpStatusCode.Conflict);

        // The statistics count it (raised, done, on time); the project's list shows it; the other county's finance does not see it.
        var after = (await OkAsync<Statistics>(await perf.GetAsync($"/api/rectifications/statistics?year={year}"))).BySource[^1];
        Assert.Equal((before.Raised + 1, before.Done + 1, before.OnTime + 1), (after.Raised, after.Done, after.OnTime));
        var onProject = await OkAsync<Page>(await school.GetAsync($"/api/rectifications?project={projectId}"));
        Assert.Equal([raised.Id], onProject.Rows.Select(r => r.Id));
        using var neighbour = await app.ClientForAsync("lc.perf");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync(path)).StatusCode);
        // The notice the unit is sent; the ledger of the school's list, every row of it.
        var notice = await perf.GetByteArrayAsync($"{path}/notice.docx");
        Documents.AssertValidDocx(notice);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(notice), false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("整 改 通 知 书", text);
            Assert.Contains("食堂采购未履行询价程序，部分支出凭证不完整", text);
            Assert.Contains(basis, text);
        }
        var all = await OkAsync<Page>(await school.GetAsync("/api/rectifications?pageSize=500"));
        var ledger = SpreadsheetReader.Read(await school.GetByteArrayAsync("/api/rectifications/ledger.xlsx"), "台账.xlsx", new UploadLimits());
        Assert.Equal(all.Total, ledger.Count - 2);
        Assert.Contains(ledger, r => r[0] == raised.Id.ToString() && r[4] == code && r[10] == "已完成");
        var sheet = SpreadsheetReader.Read(await perf.GetByteArrayAsync($"/api/rectifications/statistics.xlsx?year={year}"), "整改统计.xlsx", new UploadLimits());
        Assert.Equal($"{year} 年度问题整改统计", sheet[0][0]);
        Assert.Equal(["合计", after.Raised.ToString(), after.Open.ToString(), after.Overdue.ToString()], sheet.Single(r => r[0] == "合计").Cells.Take(4));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task RedLightsOfARound_RaiseInOneBatch_RaisedOnesSkipped_AWrongDeadlineWritesNothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var today = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Today;
        var (roundId, red, green) = await app.AsSystemAsync<SystemDbContext, (long, List<long>, long)>(async db =>
        {
            var round = await db.MonitoringRounds.Where(r => r.RegionCode == DemoCounty.RegionCode).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            var tasks = db.MonitoringTasks.Where(t => t.RoundId == round && t.State == FormState.Approved);
            return (round, await tasks.Where(t => t.Light == Light.Red).Select(t => t.Id).ToListAsync(),
                await tasks.Where(t => t.Light == Light.Green).Select(t => t.Id).FirstAsync());
        });
        int Raised() => app.AsSystemAsync<SystemDbContext, int>(db => db.Rectifications.CountAsync(r => r.Source == RectificationSource.Monitoring
            && red.Contains(r.SourceId!.Value))).GetAwaiter().GetResult();
        var already = Raised();
        Assert.True(red.Count > already, $"演示数据应留有未登记的红灯（红灯 {red.Count} 个，已登记 {already} 个）");
        using var perf = await app.ClientForAsync("perf");

        var past = await RefusedAsync(await Post(perf, "/api/rectifications/batch", new { batch = "MonitoringRound", id = roundId, deadline = today.AddDays(-1) }),
            HttpStatusCode.BadRequest);
        Assert.Contains("未登记任何整改事项", past.Detail);
        Assert.Equal(already, Raised());

        var batch = await OkAsync<Batch>(await Post(perf, "/api/rectifications/batch", new
        {
            batch = "MonitoringRound", id = roundId, requirement = "分析执行滞后原因，制定支出计划，加快执行进度", deadline = today.AddDays(45),
        }));
        Assert.Equal((red.Count, red.Count - already, already), (batch.Found, batch.Raised, batch.Skipped));
        Assert.Equal(red.Count, Raised());
        var item = await OkAsync<View>(await perf.GetAsync($"/api/rectifications/{batch.Ids[0]}"));
        Assert.StartsWith("绩效运行监控红灯：", item.Problem);
        Assert.Equal("分析执行滞后原因，制定支出计划，加快执行进度", item.Requirement);

        var again = await OkAsync<Batch>(await Post(perf, "/api/rectifications/batch", new { batch = "MonitoringRound", id = roundId, requirement = "再登记一次", deadline = today.AddDays(45) }));
        Assert.Equal((0, red.Count), (again.Raised, again.Skipped));
        var twice = await RefusedAsync(await Post(perf, "/api/rectifications", new { source = new { source = "Monitoring", id = red[0] }, requirement = "重复登记", deadline = today.AddDays(45) }),
            HttpStatusCode.Conflict);
        Assert.Contains("已登记为整改事项", twice.Detail);
        var greenLight = await RefusedAsync(await Post(perf, "/api/rectifications", new { source = new { source = "Monitoring", id = green }, requirement = "绿灯也整改", deadline = today.AddDays(45) }),
            HttpStatusCode.Conflict);
        Assert.Contains("只有红灯项目", greenLight.Detail);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Demo_HasEverySourceInEveryState_AndOverdueItemsOnFinancesOverview(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var today = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Today;
        var counts = await app.AsSystemAsync<SystemDbContext, List<(RectificationSource Source, RectificationState State)>>(async db =>
            (await db.Rectifications.Where(r => r.RegionCode == DemoCounty.RegionCode).Select(r => new { r.Source, r.State }).ToListAsync())
            .Select(r => (r.Source, r.State)).ToList());
        Assert.Equal(Enum.GetValues<RectificationSource>(), counts.Select(c => c.Source).Distinct().Order());
        Assert.Equal(Enum.GetValues<RectificationState>(), counts.Select(c => c.State).Distinct().Order());
        var overdue = await app.AsSystemAsync<SystemDbContext, int>(db => db.Rectifications.CountAsync(r => r.RegionCode == DemoCounty.RegionCode
            && (r.State == RectificationState.Pending || r.State == RectificationState.InProgress || r.State == RectificationState.Submitted) && r.Deadline < today));
        Assert.True(overdue > 0);
        using var perf = await app.ClientForAsync("perf");
        var todo = await OkAsync<ToDo>(await perf.GetAsync("/api/rectifications/todo"));
        Assert.Equal(overdue, todo.OverdueAll);
        var list = await OkAsync<Page>(await perf.GetAsync("/api/rectifications?overdue=true&pageSize=500"));
        Assert.Equal(overdue, list.Total);
        Assert.All(list.Rows, r => Assert.True(r.Overdue));
    }
}
