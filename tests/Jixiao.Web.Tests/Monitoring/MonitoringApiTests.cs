using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Jixiao.Web.Tests.Imports;

namespace Jixiao.Web.Tests.Monitoring;

/// <summary>
/// The demo county with its clock fixed on 10 September 2026, so that rounds of earlier months can be opened on
/// any day the tests run. One app per database, shared by the monitoring tests; each test opens its own month.
/// </summary>
public sealed class MonitoredCounty() : ClockedApps(new DateTimeOffset(2026, 9, 10, 2, 0, 0, TimeSpan.Zero), 300);

/// <summary>Monitoring through the API: the round's scope as of the cut-off, returns, review, lights, statistics, corrective actions.</summary>
public sealed class MonitoringApiTests(MonitoredCounty county) : IClassFixture<MonitoredCounty>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private const int Year = 2026;

    internal sealed record Opened(long RoundId, int ProjectTasks, int DepartmentTasks, int WithoutTargets);
    internal sealed record TaskRow(long Id, long? ProjectId, string Code, string Unit, string Department, Light Light, string LightReason, FormState State, decimal Budget);
    internal sealed record TaskPage(List<TaskRow> Rows, int Total);
    internal sealed record RowView(int Row, string Name, Comparison Comparison, string Target, Light? Light, string Explanation);
    internal sealed record Correction(CorrectiveKind Kind, decimal Amount, string DocumentNo, int? TargetVersion);
    internal sealed record TaskView(long Id, long? ProjectId, FormState State, decimal Budget, decimal Executed, Light ExecutionLight,
        string ExecutionExplanation, Light Light, string LightReason, string? ReturnReason, List<RowView> Rows, List<Correction> Corrections,
        List<FormAction> AllowedActions, bool CanEdit);
    internal sealed record Lights(int Red, int Yellow, int Green, int Blue);
    internal sealed record Summary(long Id, int Issued, int Filled, Lights Lights);
    internal sealed record DepartmentStats(string Department, int Issued, int Filled, Lights Lights);
    internal sealed record Statistics(Summary Round, List<DepartmentStats> Departments, List<TaskRow> RedProjects);

    private static async Task<Opened> OpenAsync(HttpClient performance, int month)
    {
        var response = await performance.PostAsJsonAsync("/api/monitoring/rounds", new { year = Year, month, deadline = "2026-09-30" }, ApiJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadJsonAsync<Opened>())!;
    }

    private static async Task<TaskPage> TasksAsync(HttpClient client, long roundId, string query) =>
        (await client.GetJsonAsync<TaskPage>($"/api/monitoring/rounds/{roundId}/tasks?pageSize=500&{query}"))!;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) =>
        await client.PostAsJsonAsync(path, body, ApiJson.Options);

    /// <summary>A budgeted project of 第一中学 with approved targets (approved on <paramref name="approvedAt"/>) and the given movements.</summary>
    private static Task<(long Id, string Code)> ProjectAsync(JixiaoApp app, string code, DateTime approvedAt, params (MovementKind Kind, decimal Amount, DateOnly Date)[] movements) =>
        app.AsSystemAsync<SystemDbContext, (long, string)>(async db =>
        {
            var unit = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var pool = await db.Projects.FirstAsync(p => p.RegionCode == DemoCounty.RegionCode && p.FiscalYear == Year && p.IsPool);
            var project = TestProjects.Budgeted(unit, Year, code, "监控测试项目" + code);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            foreach (var (kind, amount, date) in movements)
            {
                var document = $"{code}-{kind}";
                if (kind == MovementKind.PoolAllocationIn)
                {
                    db.LedgerMovements.Add(LedgerMovement.Create(project, kind, amount, date, document, "待分资金分配", pool));
                    db.LedgerMovements.Add(LedgerMovement.Create(pool, MovementKind.PoolAllocationOut, amount, date, document, "待分资金分配", project));
                }
                else
                {
                    db.LedgerMovements.Add(LedgerMovement.Create(project, kind, amount, date, document, "测试"));
                }
            }
            var target = ApprovedTargets.For(project, approvedAt, "年内完成 100 套设备采购并投入使用",
            [
                new("产出指标", "数量指标", "采购设备数量", Comparison.GreaterOrEqual, "≥100套", "套"),
                new("产出指标", "质量指标", "设备验收合格率", Comparison.GreaterOrEqual, "≥98%", "%"),
                new("效益指标", "社会效益指标", "教学条件改善", Comparison.Qualitative, "明显改善", ""),
                new("满意度指标", "服务对象满意度指标", "师生满意度", Comparison.GreaterOrEqual, "≥90%", "%"),
            ], "完成项目建设");
            db.Targets.Add(target);
            await db.SaveChangesAsync();
            return (project.Id, project.Code);
        });

    [Theory, MemberData(nameof(Providers))]
    public async Task Round_CoversAdditionsAndPoolAllocationsMadeBeforeTheCutOff_AndNotThoseAfter(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var approved = new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);
        var added = await ProjectAsync(app, "JK-S-ADD-IN", approved, (MovementKind.Addition, 50_000m, new DateOnly(2026, 5, 20)));
        var allocated = await ProjectAsync(app, "JK-S-POOL-IN", approved, (MovementKind.PoolAllocationIn, 80_000m, new DateOnly(2026, 6, 30)));
        var addedLate = await ProjectAsync(app, "JK-S-ADD-OUT", approved, (MovementKind.Addition, 30_000m, new DateOnly(2026, 7, 1)));
        var allocatedLate = await ProjectAsync(app, "JK-S-POOL-OUT", approved, (MovementKind.PoolAllocationIn, 20_000m, new DateOnly(2026, 7, 5)));
        // Money before the cut-off, but targets approved only after it (Beijing 1 July 00:30): not monitorable yet.
        var approvedLate = await ProjectAsync(app, "JK-S-LATE-TGT", new DateTime(2026, 6, 30, 16, 30, 0, DateTimeKind.Utc),
            (MovementKind.Addition, 10_000m, new DateOnly(2026, 6, 1)));
        using var performance = await app.ClientForAsync("perf");

        var opened = await OpenAsync(performance, 6);
        var tasks = await TasksAsync(performance, opened.RoundId, "keyword=JK-S-");

        Assert.Equal(new[] { added.Code, allocated.Code }.Order(), tasks.Rows.Select(r => r.Code).Order());
        Assert.Equal(50_000m, tasks.Rows.Single(r => r.Code == added.Code).Budget);
        Assert.Equal(80_000m, tasks.Rows.Single(r => r.Code == allocated.Code).Budget);
        Assert.DoesNotContain(tasks.Rows, r => r.ProjectId == addedLate.Id || r.ProjectId == allocatedLate.Id || r.ProjectId == approvedLate.Id);
        var pools = await app.AsSystemAsync<SystemDbContext, List<long>>(db => db.Projects.Where(p => p.IsPool).Select(p => p.Id).ToListAsync());
        Assert.DoesNotContain((await TasksAsync(performance, opened.RoundId, "")).Rows, r => r.ProjectId is { } id && pools.Contains(id));
        Assert.True(opened.WithoutTargets >= 1);

        // A second round of the same month is refused while the first is open.
        var again = await performance.PostAsJsonAsync("/api/monitoring/rounds", new { year = Year, month = 6, deadline = "2026-09-30" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("正在进行", await again.Content.ReadAsStringAsync());
        // A month that has not ended cannot be a cut-off.
        var early = await performance.PostAsJsonAsync("/api/monitoring/rounds", new { year = Year, month = 9, deadline = "2026-09-30" }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("尚未结束", await early.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Return_FilledReturnedResubmittedApproved_RedRowExplained_StatisticsCountIt_AndA调减ReachesTheLedger(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var project = await ProjectAsync(app, "JK-C-CHAIN", new DateTime(2026, 2, 1, 2, 0, 0, DateTimeKind.Utc),
            (MovementKind.InitialApproval, 100_000m, new DateOnly(2026, 1, 10)), (MovementKind.Addition, 100_000m, new DateOnly(2026, 4, 10)));
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Id == project.Id);
            db.Payments.Add(Payment.Create(p, new DateOnly(2026, 4, 20), 40_000m, "JK-C-PAY-1", "设备款"));
            db.Payments.Add(Payment.Create(p, new DateOnly(2026, 6, 20), 5_000m, "JK-C-PAY-2", "付款在截止日之后，不计入"));
            await db.SaveChangesAsync();
        });
        using var performance = await app.ClientForAsync("perf");
        using var unit = await app.ClientForAsync("yizhong");
        using var department = await app.ClientForAsync("edu");
        using var otherUnit = await app.ClientForAsync("shiyan");
        var opened = await OpenAsync(performance, 5);
        var taskId = (await TasksAsync(unit, opened.RoundId, "mine=true&keyword=JK-C-CHAIN")).Rows.Single().Id;
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/api/monitoring/tasks/{taskId}")).StatusCode);
        // A unit lists only its own tasks, a department only its units': the page, not just the count.
        var own = await TasksAsync(unit, opened.RoundId, "mine=true");
        Assert.Equal(own.Total, own.Rows.Count);
        Assert.All(own.Rows, r => Assert.Equal("襄垣县第一中学校", r.Unit));
        var all = await TasksAsync(performance, opened.RoundId, "");
        Assert.True(all.Total > own.Total);
        Assert.All((await TasksAsync(department, opened.RoundId, "")).Rows, r => Assert.Equal("襄垣县教育科技局", r.Department));

        // Fund part as of 31 May on the adjusted budget: 40,000 ÷ 200,000 = 20%, time progress 5/12 = 41.7%, ratio 48 < 60: red.
        var view = (await unit.GetJsonAsync<TaskView>($"/api/monitoring/tasks/{taskId}"))!;
        Assert.Equal((200_000m, 40_000m, Light.Red), (view.Budget, view.Executed, view.ExecutionLight));
        Assert.Equal("执行率 20%，时间进度 41.7%，比值 48 < 60：红灯", view.ExecutionExplanation);

        var unreadable = await unit.PutAsJsonAsync($"/api/monitoring/tasks/{taskId}", new { expectedExecution = 190_000, rows = new object[] { new { row = 1, actual = "很多" } } }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("第 1 行“采购设备数量”：实际完成值“很多”无法读取", await unreadable.Content.ReadAsStringAsync());

        object Rows(bool explained) => new
        {
            expectedExecution = 190_000,
            executionCause = explained ? "Funding" : null,
            executionMeasures = "加快设备款支付",
            rows = new object[]
            {
                new { row = 1, actual = "20套", expected = "预计 100 套", cause = explained ? "Facilities" : null, likelihood = explained ? "Possible" : null },
                new { row = 2, actual = "99%" },
                new { row = 3, outcome = "Achieved" },
                new { row = 4, actual = "92" },
            },
        };
        var saved = await unit.PutAsJsonAsync($"/api/monitoring/tasks/{taskId}", Rows(explained: false), ApiJson.Options);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var filled = (await saved.Content.ReadJsonAsync<TaskView>())!;
        // 20 ÷ (100 × 41.7%) × 100 = 48: red, with the sentence that says so.
        var first = filled.Rows.Single(r => r.Row == 1);
        Assert.Equal(Light.Red, first.Light);
        Assert.Contains("完成比 20 ÷ (100 × 41.7%) × 100 = 48 < 60：红灯", first.Explanation);
        Assert.Equal(Light.Red, filled.Light);
        Assert.Contains("第 1 行“采购设备数量”", filled.LightReason);

        var refused = await PostAsync(unit, $"/api/monitoring/tasks/{taskId}/submit", new { });
        var problems = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("预算执行为红灯", problems);
        Assert.Contains("第 1 行“采购设备数量”为红灯，请选择偏差原因", problems);
        Assert.Contains("第 1 行“采购设备数量”为红灯，请选择完成目标可能性", problems);
        Assert.Equal(FormState.Pending, (await unit.GetJsonAsync<TaskView>($"/api/monitoring/tasks/{taskId}"))!.State);

        Assert.True((await unit.PutAsJsonAsync($"/api/monitoring/tasks/{taskId}", Rows(explained: true), ApiJson.Options)).IsSuccessStatusCode);
        Assert.True((await PostAsync(unit, $"/api/monitoring/tasks/{taskId}/submit", new { })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await unit.PutAsJsonAsync($"/api/monitoring/tasks/{taskId}", Rows(explained: true), ApiJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(performance, $"/api/monitoring/tasks/{taskId}/approve", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(department, $"/api/monitoring/tasks/{taskId}/return", new { opinion = "" })).StatusCode);
        Assert.True((await PostAsync(department, $"/api/monitoring/tasks/{taskId}/return", new { opinion = "设备采购进度说明不充分，请补充" })).IsSuccessStatusCode);
        var returned = (await unit.GetJsonAsync<TaskView>($"/api/monitoring/tasks/{taskId}"))!;
        Assert.Equal((FormState.Returned, "设备采购进度说明不充分，请补充", true), (returned.State, returned.ReturnReason, returned.CanEdit));
        Assert.True((await PostAsync(unit, $"/api/monitoring/tasks/{taskId}/submit", new { })).IsSuccessStatusCode);
        Assert.True((await PostAsync(department, $"/api/monitoring/tasks/{taskId}/approve", new { opinion = "同意" })).IsSuccessStatusCode);
        using (var division = await app.ClientForAsync("jkw"))
            Assert.True((await PostAsync(division, $"/api/monitoring/tasks/{taskId}/approve", new { opinion = "资金使用合规" })).IsSuccessStatusCode);
        var approved = await PostAsync(performance, $"/api/monitoring/tasks/{taskId}/approve", new { });
        Assert.Equal(FormState.Approved, (await approved.Content.ReadJsonAsync<TaskView>())!.State);

        var stats = (await performance.GetJsonAsync<Statistics>($"/api/monitoring/rounds/{opened.RoundId}/statistics"))!;
        Assert.True(stats.Round.Filled >= 1);
        Assert.Equal(stats.Round.Issued, stats.Departments.Sum(d => d.Issued));
        Assert.True(stats.Departments.Single(d => d.Department == "襄垣县教育科技局").Filled >= 1);
        Assert.Equal(stats.Round.Lights.Red, stats.Departments.Sum(d => d.Lights.Red));
        var red = (await TasksAsync(performance, opened.RoundId, "light=Red&keyword=JK-C-CHAIN")).Rows.Single();
        Assert.Contains("比值 48 < 60：红灯", red.LightReason);
        var sheet = await performance.GetAsync($"/api/monitoring/rounds/{opened.RoundId}/statistics.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet.Content.Headers.ContentType?.MediaType);
        Documents.AssertValidXlsx(await sheet.Content.ReadAsByteArrayAsync());

        // 调减 above what is left after payments is refused; within it, it is a dated 调减 in the ledger.
        var tooMuch = await PostAsync(performance, $"/api/monitoring/tasks/{taskId}/corrections", new { kind = "Reduction", amount = 160_000, reason = "执行缓慢，调减预算" });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("可用余额 15.50 万元（155,000.00 元", await tooMuch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(unit, $"/api/monitoring/tasks/{taskId}/corrections", new { kind = "Reduction", amount = 1, reason = "单位不能记录整改" })).StatusCode);
        var cut = await PostAsync(performance, $"/api/monitoring/tasks/{taskId}/corrections",
            new { kind = "Reduction", amount = 60_000, date = "2026-09-05", documentNo = "襄财预〔2026〕88号", reason = "执行缓慢，调减预算", confirmed = true });
        Assert.True(cut.IsSuccessStatusCode, await cut.Content.ReadAsStringAsync());
        var movement = await app.AsSystemAsync<SystemDbContext, LedgerMovement>(db =>
            db.LedgerMovements.SingleAsync(m => m.ProjectId == project.Id && m.Kind == MovementKind.Reduction));
        Assert.Equal((60_000m, new DateOnly(2026, 9, 5), "襄财预〔2026〕88号"), (movement.Amount, movement.Date, movement.DocumentNo));
        var totals = await app.AsSystemAsync<SystemDbContext, decimal>(db => db.ProjectTotals.Where(t => t.ProjectId == project.Id).Select(t => t.Adjusted).SingleAsync());
        Assert.Equal(140_000m, totals);

        var adjust = await PostAsync(performance, $"/api/monitoring/tasks/{taskId}/corrections", new { kind = "TargetAdjustment", reason = "数量目标随预算调减" });
        Assert.True(adjust.IsSuccessStatusCode, await adjust.Content.ReadAsStringAsync());
        var corrections = (await adjust.Content.ReadJsonAsync<TaskView>())!.Corrections;
        Assert.Equal(2, corrections.Single(c => c.Kind == CorrectiveKind.TargetAdjustment).TargetVersion);
        var draft = await app.AsSystemAsync<SystemDbContext, TargetState>(db =>
            db.Targets.Where(t => t.ProjectId == project.Id && t.Version == 2).Select(t => t.State).SingleAsync());
        Assert.Equal(TargetState.Draft, draft);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Rules_AreCheckedAndRefigureUsesThem_ClosedRoundRefusesReturns(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var project = await ProjectAsync(app, "JK-R-RULES", new DateTime(2026, 2, 1, 2, 0, 0, DateTimeKind.Utc),
            (MovementKind.InitialApproval, 120_000m, new DateOnly(2026, 1, 10)));
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Id == project.Id);
            db.Payments.Add(Payment.Create(p, new DateOnly(2026, 3, 20), 30_000m, "JK-R-PAY-1", "款"));
            await db.SaveChangesAsync();
        });
        using var performance = await app.ClientForAsync("perf");
        using var unit = await app.ClientForAsync("yizhong");
        var opened = await OpenAsync(performance, 4);
        var taskId = (await TasksAsync(performance, opened.RoundId, "keyword=JK-R-RULES")).Rows.Single().Id;
        // 25% against 33.3%: ratio 75, yellow under the national defaults.
        Assert.Equal(Light.Yellow, (await performance.GetJsonAsync<TaskView>($"/api/monitoring/tasks/{taskId}"))!.ExecutionLight);

        var wrong = await performance.PutAsJsonAsync($"/api/monitoring/rules?year={Year}", new { executionMode = "Ratio", ratioRed = 80, ratioYellow = 60 }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("红灯线 < 黄灯线", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PutAsJsonAsync($"/api/monitoring/rules?year={Year}", new { executionMode = "Gap" }, ApiJson.Options)).StatusCode);

        var gap = await performance.PutAsJsonAsync($"/api/monitoring/rules?year={Year}", new { executionMode = "Gap", gapYellow = 5, gapRed = 15 }, ApiJson.Options);
        Assert.True(gap.IsSuccessStatusCode, await gap.Content.ReadAsStringAsync());
        try
        {
            Assert.True((await PostAsync(performance, $"/api/monitoring/rounds/{opened.RoundId}/refigure", new { })).IsSuccessStatusCode);
            var refigured = (await performance.GetJsonAsync<TaskView>($"/api/monitoring/tasks/{taskId}"))!;
            Assert.Equal((Light.Yellow, "执行率 25%，时间进度 33.3%，落后 8.3 个百分点 在 5–15 之间：黄灯"), (refigured.ExecutionLight, refigured.ExecutionExplanation));
        }
        finally
        {
            await performance.PutAsJsonAsync($"/api/monitoring/rules?year={Year}", new { }, ApiJson.Options);
        }

        Assert.True((await PostAsync(performance, $"/api/monitoring/rounds/{opened.RoundId}/close", new { })).IsSuccessStatusCode);
        var late = await unit.PutAsJsonAsync($"/api/monitoring/tasks/{taskId}", new { expectedExecution = 1, rows = Array.Empty<object>() }, ApiJson.Options);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("已结束", await late.Content.ReadAsStringAsync());
    }
}
