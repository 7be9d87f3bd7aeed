using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jixiao.Domain.Agencies;
using Jixiao.Domain.Engagements;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Shared;
using Jixiao.Web.Tests.Imports;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Agencies;

/// <summary>
/// The agency register through the API on both databases: a credit code with a wrong check character or a duplicate is refused
/// in Chinese beside its field; status changes keep their reason and period; the agency's own account reads its record and no
/// other; the sheet goes out and comes back unchanged, and an import with one bad row writes nothing.
/// </summary>
public sealed class AgencyApiTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Qualification(EngagementScope Scope, string Certificate);
    internal sealed record Conflict(long Id, long OrgUnitId, ConflictSource Source, DateOnly From, DateOnly? To, string Note);
    internal sealed record Rating(int Year, decimal Score, AgencyGrade Grade);
    internal sealed record AgencyRow(long Id, string RegionCode, string Name, AgencyType Type, string CreditCode, string ContactPhone, int StaffCount,
        List<Qualification> Qualifications, AgencyStatus Status, string StatusReason, DateOnly? StatusFrom, DateOnly? StatusTo, List<Conflict> Conflicts,
        List<Rating> Ratings);
    internal sealed record Page(List<AgencyRow> Rows, int Total);
    internal sealed record Problem(string Detail, string? Field);
    internal sealed record Issue(int Row, string Column, string Value, string Message, bool IsError);
    internal sealed record Report(int Rows, int Created, int Updated, List<Issue> Issues, bool Committed, string Summary);

    /// <summary>A valid credit code of a firm registered in 长治 (1404), its subject code made from <paramref name="subject"/>.</summary>
    private static string Code(string subject)
    {
        var first17 = "91140400" + subject.PadLeft(9, '0');
        return first17 + CreditCode.CheckCharacter(first17);
    }

    private static object Body(string name, string code, params EngagementScope[] scopes) => new
    {
        name, type = AgencyType.Consulting, creditCode = code, contactPerson = "王敏", contactPhone = "0355-5722001", contactEmail = "", address = "襄垣县古韩镇",
        staffCount = 12, qualifications = scopes.Select(s => new { scope = s, certificate = "营业执照" }),
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body, ApiJson.Options);

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_ReadBack_ThenAWrongCheckCharacterOrADuplicate_IsRefusedInChineseBesideTheCode(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var code = Code("MA0JX0001");

        var created = await PostAsync(perf, "/api/agencies", Body("襄垣县测试咨询有限公司", code.ToLowerInvariant(), EngagementScope.ExAnte, EngagementScope.KeyEvaluation));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var agency = (await created.Content.ReadJsonAsync<AgencyRow>())!;
        var read = (await perf.GetJsonAsync<AgencyRow>($"/api/agencies/{agency.Id}"))!;
        Assert.Equal((DemoCounty.RegionCode, code, AgencyStatus.Active, 12), (read.RegionCode, read.CreditCode, read.Status, read.StaffCount));
        Assert.Equal([EngagementScope.ExAnte, EngagementScope.KeyEvaluation], read.Qualifications.Select(q => q.Scope));

        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');
        var refused = await PostAsync(perf, "/api/agencies", Body("校验位错误的公司", wrong));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadJsonAsync<Problem>())!;
        Assert.Equal(CreditCode.Field, problem.Field);
        Assert.Contains($"校验位（第 18 位）应为“{code[17]}”", problem.Detail);

        var duplicate = await PostAsync(perf, "/api/agencies", Body("同一家公司换个名字", code));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("已登记为“襄垣县测试咨询有限公司”", (await duplicate.Content.ReadJsonAsync<Problem>())!.Detail);
        var found = (await perf.GetJsonAsync<Page>($"/api/agencies?q={code}"))!;
        Assert.Equal([agency.Id], found.Rows.Select(r => r.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Status_SuspendThenReinstate_KeepsReasonAndPeriod_AndAPermanentBlacklistCannotBeLifted(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var created = await PostAsync(perf, "/api/agencies", Body("襄垣县状态测试咨询有限公司", Code("MA0JX0002"), EngagementScope.Monitoring));
        var id = (await created.Content.ReadJsonAsync<AgencyRow>())!.Id;

        var noReason = await PostAsync(perf, $"/api/agencies/{id}/status", new { status = AgencyStatus.Suspended, reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("暂停必须写明理由", (await noReason.Content.ReadJsonAsync<Problem>())!.Detail);

        var suspended = await PostAsync(perf, $"/api/agencies/{id}/status",
            new { status = AgencyStatus.Suspended, reason = "报告质量考核不合格", from = "2026-03-01", to = "2027-02-28" });
        var row = (await suspended.Content.ReadJsonAsync<AgencyRow>())!;
        Assert.Equal((AgencyStatus.Suspended, "报告质量考核不合格", new DateOnly(2026, 3, 1), (DateOnly?)new DateOnly(2027, 2, 28)),
            (row.Status, row.StatusReason, row.StatusFrom, row.StatusTo));
        var reinstated = await PostAsync(perf, $"/api/agencies/{id}/status", new { status = AgencyStatus.Active, reason = "整改到位，恢复在库" });
        Assert.Equal(AgencyStatus.Active, (await reinstated.Content.ReadJsonAsync<AgencyRow>())!.Status);

        await PostAsync(perf, $"/api/agencies/{id}/status", new { status = AgencyStatus.Blacklisted, reason = "出具虚假报告，永久列入黑名单" });
        var lift = await PostAsync(perf, $"/api/agencies/{id}/status", new { status = AgencyStatus.Active, reason = "申请恢复在库" });
        Assert.Equal(HttpStatusCode.Conflict, lift.StatusCode);
        Assert.Contains("被永久列入黑名单", (await lift.Content.ReadJsonAsync<Problem>())!.Detail);
        Assert.Equal(AgencyStatus.Blacklisted, (await perf.GetJsonAsync<AgencyRow>($"/api/agencies/{id}"))!.Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AgencyAccount_ReadsItsOwnRecordOnly_AndCannotChangeIt(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var agency = await app.ClientForAsync("agency");
        using var perf = await app.ClientForAsync("perf");

        var own = (await agency.GetJsonAsync<Page>("/api/agencies"))!;
        var firm = Assert.Single(own.Rows);
        Assert.Equal((DemoAgencies.AccountFirm, 1), (firm.Name, own.Total));
        Assert.Contains(firm.Conflicts, c => c.Source == ConflictSource.Declared);

        var others = (await perf.GetJsonAsync<Page>("/api/agencies?pageSize=200"))!.Rows.Where(r => r.Id != firm.Id).ToList();
        Assert.True(others.Count >= 8);
        foreach (var other in others)
            Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/api/agencies/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.PutAsJsonAsync($"/api/agencies/{firm.Id}", Body("改名", firm.CreditCode), ApiJson.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/api/agencies/sheet")).StatusCode);
        using var unit = await app.ClientForAsync("yizhong");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/agencies")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Conflict_WithAnotherCountysUnit_IsRefused_AndAnOverlappingOneIsRefused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var id = (await (await PostAsync(perf, "/api/agencies", Body("襄垣县冲突测试咨询有限公司", Code("MA0JX0003"), EngagementScope.Monitoring)))
            .Content.ReadJsonAsync<AgencyRow>())!.Id;
        var foreign = await app.AsSystemAsync<SystemDbContext, long>(db =>
            db.OrgUnits.Where(o => o.RegionCode == DemoCounty.NeighbourRegionCode).Select(o => o.Id).FirstAsync());
        var hospital = await app.OrgIdAsync(DemoCounty.RegionCode, "12002");

        var abroad = await PostAsync(perf, $"/api/agencies/{id}/conflicts", new { orgUnitId = foreign, source = ConflictSource.Recorded, from = "2026-01-01", note = "年审" });
        Assert.Equal(HttpStatusCode.BadRequest, abroad.StatusCode);
        Assert.Contains("不是本区划的单位或部门", (await abroad.Content.ReadJsonAsync<Problem>())!.Detail);

        var ok = await PostAsync(perf, $"/api/agencies/{id}/conflicts", new { orgUnitId = hospital, source = ConflictSource.Recorded, from = "2026-01-01", note = "年审" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var overlapping = await PostAsync(perf, $"/api/agencies/{id}/conflicts", new { orgUnitId = hospital, source = ConflictSource.Declared, from = "2026-06-01", to = "2026-12-31", note = "咨询服务合同" });
        Assert.Equal(HttpStatusCode.Conflict, overlapping.StatusCode);
        var row = (await perf.GetJsonAsync<AgencyRow>($"/api/agencies/{id}"))!;
        var conflict = Assert.Single(row.Conflicts);
        Assert.Equal((hospital, ConflictSource.Recorded, "年审"), (conflict.OrgUnitId, conflict.Source, conflict.Note));

        Assert.Equal(HttpStatusCode.OK, (await perf.DeleteAsync($"/api/agencies/{id}/conflicts/{conflict.Id}")).StatusCode);
        Assert.Empty((await perf.GetJsonAsync<AgencyRow>($"/api/agencies/{id}"))!.Conflicts);
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/agencies/sheet", form);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sheet_ExportedAndImportedBack_ChangesNothing_AndOneBadRowWritesNothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var before = (await perf.GetJsonAsync<Page>("/api/agencies?pageSize=200"))!;

        var export = await perf.GetAsync("/api/agencies/sheet");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var xlsx = await export.Content.ReadAsByteArrayAsync();
        Documents.AssertValidXlsx(xlsx);
        var rows = SpreadsheetReader.Read(xlsx, "第三方机构库.xlsx", new UploadLimits());
        Assert.Contains(rows, r => r[0] == DemoAgencies.AccountFirm && r[9] == "在库" && r[11].Contains("襄垣县人民医院"));

        var back = await ImportAsync(perf, "第三方机构库.xlsx", xlsx);
        var report = (await back.Content.ReadJsonAsync<Report>())!;
        Assert.True(back.IsSuccessStatusCode, string.Join("\n", report.Issues.Select(i => $"{i.Row} {i.Column} {i.Message}")));
        Assert.Equal((before.Total, 0, before.Total), (report.Rows, report.Created, report.Updated));
        var after = (await perf.GetJsonAsync<Page>("/api/agencies?pageSize=200"))!;
        Assert.Equal(before.Rows.Select(Summary), after.Rows.Select(Summary));

        var header = rows[0].Cells.Take(9).ToArray();
        var bad = XlsxWriter.Write("第三方机构库", [
            header,
            ["襄垣县新登记的咨询公司", "咨询机构", Code("MA0JX0004"), "李华", "0355-5722002", "", "", "8", "事前评估"],
            ["另一家公司", "咨询机构", Code("MA0JX0005")[..17] + "?", "", "", "", "", "三十", "项目评审"],
        ]);
        var refused = await ImportAsync(perf, "新机构.xlsx", bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var rejection = (await refused.Content.ReadJsonAsync<Report>())!;
        Assert.False(rejection.Committed);
        Assert.Contains("未写入任何数据", rejection.Summary);
        Assert.Contains(rejection.Issues, i => i is { Row: 3, Column: "从业人员数", IsError: true } && i.Message.Contains("应为整数"));
        Assert.Contains(rejection.Issues, i => i is { Row: 3, Column: "资质范围", IsError: true } && i.Message.Contains("“项目评审”不是委托范围"));
        Assert.Equal(before.Total, (await perf.GetJsonAsync<Page>("/api/agencies?pageSize=200"))!.Total);
        Assert.Empty((await perf.GetJsonAsync<Page>($"/api/agencies?q={Code("MA0JX0004")}"))!.Rows);
    }

    private static string Summary(AgencyRow a) =>
        $"{a.Id} {a.Name} {a.Type} {a.CreditCode} {a.ContactPhone} {a.StaffCount} {string.Join(",", a.Qualifications)} {a.Status} {a.Conflicts.Count} {a.Ratings.Count}";
}
