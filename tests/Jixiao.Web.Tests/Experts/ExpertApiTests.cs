using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jixiao.Domain.Experts;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Tests.Imports;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Experts;

/// <summary>
/// The expert pool through the API on both databases: what the performance division enters reads back; unknown fields,
/// foreign organisations and a second record of one person are refused in Chinese naming the field; a withdrawn expert cannot
/// be reinstated; the expert account sees only its own record, a unit's account nothing; the sheet goes out and comes back
/// unchanged, and an import with one bad row writes nothing and says which row and column.
/// </summary>
public sealed class ExpertApiTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    /// <summary>An expert as the API answers it.</summary>
    private sealed record ExpertView(long Id, string RegionCode, string Name, List<string> Fields, string Title, string Organisation, long? OrgUnitId,
        string Phone, string Email, List<long> AvoidOrgUnitIds, List<string> AvoidPersons, ExpertStatus Status, string StatusReason);

    private sealed record ExpertPage(List<ExpertView> Rows, int Total);

    private static object Details(string name, string phone, string[] fields, long? orgUnitId = null, long[]? avoidOrgs = null, string[]? avoidPersons = null) => new
    {
        name, fields, title = "高级会计师", organisation = orgUnitId is null ? "长治市财政局" : "襄垣县第一中学", orgUnitId, phone, email = "",
        avoidOrgUnitIds = avoidOrgs ?? [], avoidPersons = avoidPersons ?? [],
    };

    private static async Task<ExpertView> CreateAsync(HttpClient client, object details)
    {
        using var response = await client.PostAsJsonAsync("/api/experts", details);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadJsonAsync<ExpertView>())!;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field, params string[] fragments)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"应为 {(int)status}，实际 {(int)response.StatusCode}：{body}");
        using var problem = JsonDocument.Parse(body);
        ImportFiles.AssertChinese(problem.RootElement.GetProperty("detail").GetString()!, fragments);
        if (field is not null) Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
    }

    /// <summary>The experts of the test's own names ("测试…"): other tests (the probe) register experts in the same county at the same time.</summary>
    private static Task<int> ExpertCountAsync(JixiaoApp app) => app.AsSystemAsync<SystemDbContext, int>(db => db.Experts.CountAsync(e => e.Name.StartsWith("测试")));

    [Theory, MemberData(nameof(Providers))]
    public async Task DemoPool_CoversTheLibrarysFields_WithCountyExpertsLinked_OneSuspendedOneWithdrawn(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var demo = await app.AsSystemAsync<SystemDbContext, List<Expert>>(db =>
            db.Experts.AsNoTracking().Where(e => !e.Name.StartsWith("测试")).ToListAsync());
        var county = demo.Where(e => e.RegionCode == DemoCounty.RegionCode).ToList();

        Assert.InRange(county.Count, 25, 40);
        Assert.InRange(demo.Count(e => e.RegionCode == DemoCounty.NeighbourRegionCode), 2, 5);
        Assert.True(county.SelectMany(e => e.Fields).Distinct().Count() >= 15, "演示专家应覆盖指标库的大多数行业领域");
        Assert.True(county.Count(e => e.OrgUnitId is not null) >= 5, "应有本县单位的专家（本单位自动回避）");
        Assert.Contains(county, e => e.AvoidOrgUnitIds.Count > 0);
        Assert.Contains(county, e => e.AvoidPersons.Count > 0);
        Assert.Equal(1, county.Count(e => e.Status == ExpertStatus.Suspended));
        Assert.Equal(1, county.Count(e => e.Status == ExpertStatus.Withdrawn));
        var school = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        Assert.True(county.Single(e => e.OrgUnitId == school).MustAvoid([school], []));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_ThenRead_SameRecord_LinkedToItsCountyOrganisation(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var school = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        var bureau = await app.OrgIdAsync(DemoCounty.RegionCode, "106");

        var created = await CreateAsync(perf, Details("测试甲", "13900000001", ["education", "general"], school, [bureau], ["王某某"]));
        var read = (await perf.GetJsonAsync<ExpertView>($"/api/experts/{created.Id}"))!;

        Assert.Equal((DemoCounty.RegionCode, "测试甲", "襄垣县第一中学", (long?)school, "13900000001", ExpertStatus.Active),
            (read.RegionCode, read.Name, read.Organisation, read.OrgUnitId, read.Phone, read.Status));
        Assert.Equal(["education", "general"], read.Fields);
        Assert.Equal([bureau], read.AvoidOrgUnitIds);
        Assert.Equal(["王某某"], read.AvoidPersons);
        var found = (await perf.GetJsonAsync<ExpertPage>("/api/experts?q=测试甲&field=education"))!;
        Assert.Equal([created.Id], found.Rows.Select(r => r.Id));
        Assert.Empty((await perf.GetJsonAsync<ExpertPage>("/api/experts?q=测试甲&field=health"))!.Rows);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_UnknownFieldOrForeignOrganisation_400InChineseNamingTheField_AndWritesNothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var before = await ExpertCountAsync(app);
        var foreign = await app.OrgIdAsync(DemoCounty.NeighbourRegionCode, "10602");

        await AssertProblemAsync(await perf.PostAsJsonAsync("/api/experts", Details("测试乙", "13900000002", ["finance"])),
            HttpStatusCode.BadRequest, "行业领域", "未知的行业领域“finance”", "教育");
        await AssertProblemAsync(await perf.PostAsJsonAsync("/api/experts", Details("测试乙", "13900000002", [])),
            HttpStatusCode.BadRequest, "行业领域", "请至少选择一个行业领域");
        await AssertProblemAsync(await perf.PostAsJsonAsync("/api/experts", Details("测试乙", "13900000002", ["health"], foreign)),
            HttpStatusCode.BadRequest, "工作单位", "不是本区划的单位或部门");
        await AssertProblemAsync(await perf.PostAsJsonAsync("/api/experts", Details("测试乙", "13900000002", ["health"], avoidOrgs: [foreign])),
            HttpStatusCode.BadRequest, "回避单位", $"回避单位编号 {foreign}");
        await AssertProblemAsync(await perf.GetAsync("/api/experts?field=财会"), HttpStatusCode.BadRequest, "行业领域", "未知的行业领域“财会”");

        Assert.Equal(before, await ExpertCountAsync(app));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_SamePersonTwice_RefusedInChinese_UpdateOfOtherFieldsStillWorks(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var first = await CreateAsync(perf, Details("测试丙", "13900000003", ["water"]));
        var before = await ExpertCountAsync(app);

        await AssertProblemAsync(await perf.PostAsJsonAsync("/api/experts", Details("测试丙", "139 0000 0003".Replace(" ", ""), ["health"])),
            HttpStatusCode.BadRequest, "姓名", "专家库中已有“测试丙”", "13900000003", "不能重复登记");
        var other = await CreateAsync(perf, Details("测试丙", "13900000033", ["water"]));
        await AssertProblemAsync(await perf.PutAsJsonAsync($"/api/experts/{other.Id}", Details("测试丙", "13900000003", ["water"])),
            HttpStatusCode.BadRequest, "姓名", "不能重复登记");
        using var update = await perf.PutAsJsonAsync($"/api/experts/{first.Id}", Details("测试丙", "13900000003", ["water", "agriculture"]));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        Assert.Equal(before + 1, await ExpertCountAsync(app));
        Assert.Equal(["13900000033"], await app.AsSystemAsync<SystemDbContext, List<string>>(db =>
            db.Experts.Where(e => e.Id == other.Id).Select(e => e.Phone).ToListAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Status_SuspendReinstateWithdraw_ThenReinstateRefused409(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var expert = await CreateAsync(perf, Details("测试丁", "13900000004", ["transport"]));

        async Task<ExpertView> ChangeAsync(ExpertStatus status, string reason)
        {
            using var response = await perf.PostAsJsonAsync($"/api/experts/{expert.Id}/status", new { status = status.ToString(), reason });
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadJsonAsync<ExpertView>())!;
        }

        var suspended = await ChangeAsync(ExpertStatus.Suspended, "评审意见未按时提交");
        Assert.Equal((ExpertStatus.Suspended, "评审意见未按时提交"), (suspended.Status, suspended.StatusReason));
        Assert.Equal(ExpertStatus.Active, (await ChangeAsync(ExpertStatus.Active, "已说明原因")).Status);
        await AssertProblemAsync(await perf.PostAsJsonAsync($"/api/experts/{expert.Id}/status", new { status = "Suspended", reason = "" }),
            HttpStatusCode.BadRequest, null, "理由");
        Assert.Equal(ExpertStatus.Withdrawn, (await ChangeAsync(ExpertStatus.Withdrawn, "本人申请退出")).Status);

        await AssertProblemAsync(await perf.PostAsJsonAsync($"/api/experts/{expert.Id}/status", new { status = "Active", reason = "重新聘任" }),
            HttpStatusCode.Conflict, null, "已退出专家库，不能恢复", "新建专家记录");
        var stored = await app.AsSystemAsync<SystemDbContext, Expert>(db => db.Experts.AsNoTracking().SingleAsync(e => e.Id == expert.Id));
        Assert.Equal((ExpertStatus.Withdrawn, "本人申请退出"), (stored.Status, stored.StatusReason));

        // Returning after leaving: a new record of the same person is accepted.
        Assert.Equal(ExpertStatus.Active, (await CreateAsync(perf, Details("测试丁", "13900000004", ["transport"]))).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ExpertAccount_SeesOnlyItsOwnRecord_UnitAccountIsForbidden(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var expert = await app.ClientForAsync("expert");
        var ids = await app.AsSystemAsync<SystemDbContext, (long Own, long Other)>(async db => (
            (await db.Users.SingleAsync(u => u.UserName == "expert")).ExpertId!.Value,
            await db.Experts.Where(e => e.RegionCode == DemoCounty.RegionCode && e.Name != DemoExperts.AccountExpert).Select(e => e.Id).FirstAsync()));

        var page = (await expert.GetJsonAsync<ExpertPage>("/api/experts"))!;
        Assert.Equal([ids.Own], page.Rows.Select(r => r.Id));
        Assert.Equal(1, page.Total);
        Assert.Equal(DemoExperts.AccountExpert, page.Rows[0].Name);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/experts/{ids.Own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/experts/{ids.Other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync("/api/experts/sheet")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PutAsJsonAsync($"/api/experts/{ids.Own}", Details(DemoExperts.AccountExpert, "13934561287", ["general"]))).StatusCode);

        using var unit = await app.ClientForAsync("yizhong");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/experts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/experts/{ids.Other}")).StatusCode);

        using var neighbour = await app.ClientForAsync("lc.perf");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/experts/{ids.Other}")).StatusCode);
        Assert.All((await neighbour.GetJsonAsync<ExpertPage>("/api/experts?pageSize=200"))!.Rows, r => Assert.Equal(DemoCounty.NeighbourRegionCode, r.RegionCode));
    }

    private static async Task<HttpResponseMessage> PostSheetAsync(HttpClient client, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/experts/sheet", form);
    }

    private sealed record Report(string FileName, int Rows, int Created, int Updated, List<ImportIssue> Issues, bool Committed);

    private static Task<(string Experts, int Audited)> SnapshotAsync(JixiaoApp app) => app.AsSystemAsync<SystemDbContext, (string, int)>(async db => (
        JsonSerializer.Serialize(await db.Experts.AsNoTracking().Where(e => e.RegionCode == DemoCounty.RegionCode).OrderBy(e => e.Id).ToListAsync()),
        await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Expert))));

    [Theory, MemberData(nameof(Providers))]
    public async Task Sheet_ExportThenImport_ChangesNothing_EvenForAPersonWhoLeftAndReturned(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var left = await CreateAsync(perf, Details("测试辛", "13900000008", ["housing"]));
        using (var withdraw = await perf.PostAsJsonAsync($"/api/experts/{left.Id}/status", new { status = "Withdrawn", reason = "调离本市" }))
            Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        await CreateAsync(perf, Details("测试辛", "13900000008", ["housing", "transport"]));
        var before = await SnapshotAsync(app);

        using var export = await perf.GetAsync("/api/experts/sheet");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var response = await PostSheetAsync(perf, "专家库.xlsx", await export.Content.ReadAsByteArrayAsync());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var report = (await response.Content.ReadJsonAsync<Report>())!;

        var count = await app.AsSystemAsync<SystemDbContext, int>(db => db.Experts.CountAsync(e => e.RegionCode == DemoCounty.RegionCode));
        Assert.Equal((true, count, 0, count), (report.Committed, report.Rows, report.Created, report.Updated));
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sheet_ImportNewThenChanged_CreatesThenUpdates_OrganisationsByNameOrCode(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var hospital = await app.OrgIdAsync(DemoCounty.RegionCode, "12002");
        var health = await app.OrgIdAsync(DemoCounty.RegionCode, "120");
        var clinic = await app.OrgIdAsync(DemoCounty.RegionCode, "12003");
        string[] header = ["姓名", "行业领域", "职称", "工作单位", "联系电话", "电子邮箱", "回避单位", "回避人员"];

        using (var created = await PostSheetAsync(perf, "新专家.xlsx", ImportFiles.Xlsx([header,
                   ["测试壬", "卫生健康、社会保障和医疗保险", "主任医师", "襄垣县人民医院", "13900000009", "", "襄垣县卫生健康和体育局、12003", "李四"]])))
        {
            var report = (await created.Content.ReadJsonAsync<Report>())!;
            Assert.Equal((true, 1, 0), (report.Committed, report.Created, report.Updated));
        }
        var first = await app.AsSystemAsync<SystemDbContext, Expert>(db => db.Experts.AsNoTracking().SingleAsync(e => e.Name == "测试壬"));
        Assert.Equal((long?)hospital, first.OrgUnitId);
        Assert.Equal(["health", "social_security"], first.Fields);
        Assert.Equal(new[] { health, clinic }.Order(), first.AvoidOrgUnitIds);
        Assert.Equal(["李四"], first.AvoidPersons);
        using (var updated = await PostSheetAsync(perf, "新专家.xlsx", ImportFiles.Xlsx([header,
                   ["测试壬", "卫生健康", "主任医师", "襄垣县人民医院", "13900000009", "renshi@example.com", "", ""]])))
        {
            var report = (await updated.Content.ReadJsonAsync<Report>())!;
            Assert.Equal((true, 0, 1), (report.Committed, report.Created, report.Updated));
        }

        var expert = await app.AsSystemAsync<SystemDbContext, Expert>(db => db.Experts.AsNoTracking().SingleAsync(e => e.Name == "测试壬"));
        Assert.Equal((first.Id, (long?)hospital, "renshi@example.com"), (expert.Id, expert.OrgUnitId, expert.Email));
        Assert.Equal(["health"], expert.Fields);
        Assert.Empty(expert.AvoidOrgUnitIds);
        Assert.Empty(expert.AvoidPersons);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sheet_ImportWithOneBadRow_WritesNothing_NamesRowAndColumn(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var before = await SnapshotAsync(app);
        var count = await ExpertCountAsync(app);
        var sheet = ImportFiles.Xlsx([
            ["姓名", "行业领域", "职称", "工作单位", "联系电话", "电子邮箱", "回避单位", "回避人员"],
            ["测试戊", "教育、卫生健康", "教授", "长治学院", "13900000005", "", "襄垣县教育科技局", "张三"],
            ["测试己", "财会", "高级会计师", "长治市财政局", "13900000006", "", "", ""],
            ["测试庚", "农业农村", "研究员", "山西农业大学", "13900000007", "", "黎城县农业农村局", ""],
            ["贾志刚", "共性（通用）、社会保障和医疗保险", "教授", "山西财经大学财政与公共经济学院", "13934561287", "", "", "贾志强"],
        ]);

        using var response = await PostSheetAsync(perf, "专家.xlsx", sheet);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        var report = (await response.Content.ReadJsonAsync<Report>())!;

        Assert.False(report.Committed);
        var field = Assert.Single(report.Issues, i => i.Row == 3);
        Assert.Equal(("行业领域", "财会"), (field.Column, field.Value));
        ImportFiles.AssertChinese(field.Message, "第 3 行", "“财会”不是指标库的行业领域", "教育、卫生健康");
        var org = Assert.Single(report.Issues, i => i.Row == 4);
        Assert.Equal("回避单位", org.Column);
        ImportFiles.AssertChinese(org.Message, "第 4 行", "“黎城县农业农村局”不是本区划的单位或部门");
        Assert.Equal(2, report.Issues.Count(i => i.IsError));
        Assert.Equal(count, await ExpertCountAsync(app));
        Assert.Equal(before, await SnapshotAsync(app));
    }
}
