using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jixiao.Domain.Engagements;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Engagements;

/// <summary>
/// 委托 through the API on both databases, as the bureau works: finance plans an engagement, sees who may be drawn and why not,
/// draws from a seed (and anyone re-runs the order from it), the agency uploads and submits its plan, the unit objects, the
/// agency re-submits, unit and finance confirm, and the next stage opens; set aside, cancel and bad input are refused in Chinese.
/// </summary>
public sealed class EngagementApiTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Event(StageEventKind Kind, StageParty Party, int Version, string UserName, string Note);
    internal sealed record Stage(long Id, int Number, string Name, DateOnly DueOn, StageState State, int Version, List<StageParty> Awaiting, bool Overdue,
        List<Event> Events);
    internal sealed record Entry(long AgencyId, string AgencyName, string Number, int? Rank, string Exclusions, DrawOutcome Outcome, string OutcomeReason);
    internal sealed record View(long Id, string Code, string Title, EngagementState State, long? AgencyId, string AgencyName, string DrawSeed, List<Stage> Stages,
        List<Entry>? Draw, StageParty? Party);
    internal sealed record Assessed(long AgencyId, string AgencyName, bool Eligible, List<string> Exclusions);
    internal sealed record Row(long Id, string Code);
    internal sealed record Page(List<Row> Rows, int Total);
    internal sealed record ToDo(long EngagementId, long StageId, string Stage, StageState State, bool Overdue);
    internal sealed record Problem(string Detail, string? Field);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body, ApiJson.Options);

    private static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadJsonAsync<T>())!;
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return (await response.Content.ReadJsonAsync<Problem>())!.Detail;
    }

    private static object Plan(int year, string title, object subject, string start = "2026-12-10", string due = "2027-04-30", string? code = null) => new
    {
        fiscalYear = year, code, title, scope = EngagementScope.KeyEvaluation, subjects = new[] { subject }, contractNo = "XYCZ-TEST", fee = 36_000m,
        procurement = ProcurementMethod.Lottery, startOn = start, dueOn = due,
    };

    private static MultipartFormDataContent Pdf(string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.7\n评价方案\n%%EOF\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return form;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Journey_Draw_Submit_Object_Resubmit_ConfirmedByThree_OpensTheNextStage(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        using var agency = await app.ClientForAsync("agency");
        using var unit = await app.ClientForAsync("shiyan");
        var year = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Year;
        var project = await app.AsSystemAsync<SystemDbContext, long>(db => db.Projects
            .Where(p => p.RegionCode == DemoCounty.RegionCode && p.FiscalYear == year && !p.IsPool && db.OrgUnits.Any(o => o.Id == p.OrgUnitId && o.Code == "10605"))
            .OrderBy(p => p.Code).Select(p => p.Id).FirstAsync());

        var planned = await OkAsync<View>(await PostAsync(perf, "/api/engagements", Plan(year, "实验小学项目重点绩效评价（测试）",
            new { kind = SubjectKind.Project, projectId = project })));
        Assert.Equal((EngagementState.Preparing, 4), (planned.State, planned.Stages.Count));
        Assert.Equal(["评价方案", "现场核查", "报告初稿", "报告终稿"], planned.Stages.Select(s => s.Name));

        // Before the draw: who may be drawn, and why the others may not (a conflict with the school's department counts).
        var eligibility = (await perf.GetJsonAsync<List<Assessed>>($"/api/engagements/{planned.Id}/eligibility"))!;
        var byName = eligibility.ToDictionary(e => e.AgencyName);
        Assert.Contains("与被评价单位“襄垣县教育科技局”有利益冲突", byName["山西鼎诚会计师事务所有限公司"].Exclusions);
        Assert.Contains("不在库（暂停或黑名单）", byName["长治市立信税务师事务所有限公司"].Exclusions);
        Assert.Contains("无“财政重点评价”资质", byName["山西晋和律师事务所"].Exclusions);
        Assert.True(byName[DemoAgencies.AccountFirm].Eligible, string.Join("；", byName[DemoAgencies.AccountFirm].Exclusions));

        // The seed the bureau announces: here one that draws the demo firm; the order is anyone's to re-run from it.
        var eligible = eligibility.Where(e => e.Eligible).Select(e => e.AgencyId).ToList();
        var seed = Enumerable.Range(0, 10_000).Select(n => $"TEST-{n:0000}")
            .First(s => Draws.Order(s, eligible, id => id.ToString())[0] == byName[DemoAgencies.AccountFirm].AgencyId);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(unit, $"/api/engagements/{planned.Id}/draw", new { seed })).StatusCode);
        var drawn = await OkAsync<View>(await PostAsync(perf, $"/api/engagements/{planned.Id}/draw", new { seed }));
        Assert.Equal((EngagementState.InProgress, DemoAgencies.AccountFirm, seed), (drawn.State, drawn.AgencyName, drawn.DrawSeed));
        Assert.Equal(Draws.Order(seed, eligible, id => id.ToString()), drawn.Draw!.Where(d => d.Rank != null).OrderBy(d => d.Rank).Select(d => d.AgencyId));
        Assert.All(drawn.Draw!.Where(d => d.Rank is null), d => Assert.Equal(DrawOutcome.Excluded, d.Outcome));
        Assert.Contains("已抽签", await RefusedAsync(await PostAsync(perf, $"/api/engagements/{planned.Id}/draw", new { seed = "20261206-0001" }), HttpStatusCode.Conflict));

        // The agency: its engagement, without the draw record; no submission without the deliverable.
        var mine = (await agency.GetJsonAsync<View>($"/api/engagements/{planned.Id}"))!;
        Assert.Equal((StageParty.Agency, (List<Entry>?)null, ""), (mine.Party, mine.Draw, mine.DrawSeed));
        var plan = mine.Stages[0];
        Assert.Contains("请先上传“评价方案”的成果文件", await RefusedAsync(await PostAsync(agency, $"/api/engagements/stages/{plan.Id}/submit", new { note = "方案" }),
            HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsync($"/api/evidence/stages/{plan.Id}", Pdf("单位上传.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await agency.PostAsync($"/api/evidence/stages/{plan.Id}", Pdf("评价方案.pdf"))).StatusCode);
        var submitted = await OkAsync<View>(await PostAsync(agency, $"/api/engagements/stages/{plan.Id}/submit", new { note = "评价方案第一稿" }));
        Assert.Equal((StageState.Submitted, 1), (submitted.Stages[0].State, submitted.Stages[0].Version));
        Assert.Contains("不能确认", await RefusedAsync(await PostAsync(agency, $"/api/engagements/stages/{plan.Id}/confirm", new { }), HttpStatusCode.Forbidden));

        // The unit objects (a reason is required), the agency re-submits, unit and finance confirm.
        Assert.Contains("必须写明理由", await RefusedAsync(await PostAsync(unit, $"/api/engagements/stages/{plan.Id}/object", new { note = "" }), HttpStatusCode.BadRequest));
        var objected = await OkAsync<View>(await PostAsync(unit, $"/api/engagements/stages/{plan.Id}/object", new { note = "请补充家长满意度问卷" }));
        Assert.Equal(StageState.Objected, objected.Stages[0].State);
        Assert.Contains((await agency.GetJsonAsync<List<ToDo>>("/api/engagements/todo"))!, t => t.StageId == plan.Id && t.State == StageState.Objected);
        Assert.Equal(HttpStatusCode.Created, (await agency.PostAsync($"/api/evidence/stages/{plan.Id}", Pdf("评价方案（修改稿）.pdf"))).StatusCode);
        await OkAsync<View>(await PostAsync(agency, $"/api/engagements/stages/{plan.Id}/submit", new { note = "已补充家长问卷" }));
        Assert.Contains((await unit.GetJsonAsync<List<ToDo>>("/api/engagements/todo"))!, t => t.StageId == plan.Id);
        var half = await OkAsync<View>(await PostAsync(unit, $"/api/engagements/stages/{plan.Id}/confirm", new { }));
        Assert.Equal(StageState.Submitted, half.Stages[0].State);
        Assert.Equal([StageParty.Finance], half.Stages[0].Awaiting);
        Assert.Equal(StageState.Locked, half.Stages[1].State);
        var confirmed = await OkAsync<View>(await PostAsync(perf, $"/api/engagements/stages/{plan.Id}/confirm", new { note = "同意" }));
        Assert.Equal((StageState.Confirmed, 2, StageState.Open), (confirmed.Stages[0].State, confirmed.Stages[0].Version, confirmed.Stages[1].State));
        Assert.Equal([(StageEventKind.Submitted, StageParty.Agency, 1), (StageEventKind.Objected, StageParty.Unit, 1), (StageEventKind.Submitted, StageParty.Agency, 2),
                (StageEventKind.Confirmed, StageParty.Unit, 2), (StageEventKind.Confirmed, StageParty.Finance, 2)],
            confirmed.Stages[0].Events.Select(e => (e.Kind, e.Party, e.Version)));
        Assert.Contains((await agency.GetJsonAsync<List<ToDo>>("/api/engagements/todo"))!, t => t.StageId == confirmed.Stages[1].Id);

        // Nobody else reads it: another school, the other county.
        using var other = await app.ClientForAsync("yizhong");
        using var neighbour = await app.ClientForAsync("lc.perf");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/engagements/{planned.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/engagements/{planned.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/evidence/stages/{plan.Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task SetAside_EngagesTheNextInOrder_Cancel_StopsTheWork_AndBadPlansAreRefusedInChinese(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var year = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Year;
        var water = await app.OrgIdAsync(DemoCounty.RegionCode, "115");
        var foreign = await app.OrgIdAsync(DemoCounty.NeighbourRegionCode, "106");

        Assert.Contains("不是本区划的部门", await RefusedAsync(await PostAsync(perf, "/api/engagements",
            Plan(year, "外县部门", new { kind = SubjectKind.Department, orgUnitId = foreign })), HttpStatusCode.BadRequest));
        Assert.Contains("完成日期 2026-12-01 早于开始日期", await RefusedAsync(await PostAsync(perf, "/api/engagements",
            Plan(year, "日期颠倒", new { kind = SubjectKind.Department, orgUnitId = water }, due: "2026-12-01")), HttpStatusCode.BadRequest));
        var planned = await OkAsync<View>(await PostAsync(perf, "/api/engagements", Plan(year, "水利局重点评价（测试）",
            new { kind = SubjectKind.Department, orgUnitId = water }, code: $"WT-TEST-{provider}")));
        Assert.Contains("已有委托编号", await RefusedAsync(await PostAsync(perf, "/api/engagements", Plan(year, "重复编号",
            new { kind = SubjectKind.Department, orgUnitId = water }, code: $"WT-TEST-{provider}")), HttpStatusCode.BadRequest));

        var drawn = await OkAsync<View>(await PostAsync(perf, $"/api/engagements/{planned.Id}/draw", new { seed = "" }));
        Assert.Matches(@"^\d{8}-\d{4}$", drawn.DrawSeed);
        var first = drawn.AgencyId;
        Assert.Contains("必须写明理由", await RefusedAsync(await PostAsync(perf, $"/api/engagements/{planned.Id}/set-aside", new { note = "" }), HttpStatusCode.BadRequest));
        var replaced = await OkAsync<View>(await PostAsync(perf, $"/api/engagements/{planned.Id}/set-aside", new { note = "中选机构主动放弃" }));
        var ranked = replaced.Draw!.Where(d => d.Rank != null).OrderBy(d => d.Rank).ToList();
        Assert.Equal((first, DrawOutcome.SetAside, "中选机构主动放弃"), (ranked[0].AgencyId, ranked[0].Outcome, ranked[0].OutcomeReason));
        Assert.Equal((ranked[1].AgencyId, DrawOutcome.Drawn), (replaced.AgencyId, ranked[1].Outcome));

        using var unit = await app.ClientForAsync("water");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(unit, $"/api/engagements/{planned.Id}/cancel", new { note = "单位想终止" })).StatusCode);
        var cancelled = await OkAsync<View>(await PostAsync(perf, $"/api/engagements/{planned.Id}/cancel", new { note = "评价任务调整，终止委托" }));
        Assert.Equal(EngagementState.Cancelled, cancelled.State);
        Assert.Contains("已终止", await RefusedAsync(await PostAsync(unit, $"/api/engagements/stages/{cancelled.Stages[0].Id}/confirm", new { }), HttpStatusCode.Conflict));
        var listed = (await perf.GetJsonAsync<Page>($"/api/engagements?year={year}&state=Cancelled&q=WT-TEST-{provider}"))!;
        Assert.Equal([planned.Id], listed.Rows.Select(r => r.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Demo_TheAgencyAccountHasWorkWaiting_AndSeesOnlyItsOwnEngagements(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var agency = await app.ClientForAsync("agency");
        var firm = await app.AsSystemAsync<SystemDbContext, long>(db => db.Agencies.Where(a => a.Name == DemoAgencies.AccountFirm && a.RegionCode == DemoCounty.RegionCode)
            .Select(a => a.Id).SingleAsync());
        var others = await app.AsSystemAsync<SystemDbContext, List<long>>(db => db.Engagements.Where(e => e.AgencyId != firm).Select(e => e.Id).ToListAsync());
        Assert.NotEmpty(others);
        foreach (var id in others)
            Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/api/engagements/{id}")).StatusCode);
        var todo = (await agency.GetJsonAsync<List<ToDo>>("/api/engagements/todo"))!;
        Assert.Contains(todo, t => t is { Stage: "现场核查", State: StageState.Open, Overdue: true });
    }
}
