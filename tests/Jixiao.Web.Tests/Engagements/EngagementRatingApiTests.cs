using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Access;
using Jixiao.Domain.Agencies;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Targets;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Engagements;

/// <summary>
/// The third-party rules of a region-year and what follows from an engagement's report, through the API on both databases: the
/// settings read back and are used by planning and the draw; finance scores a completed engagement's report; the year's rating is
/// computed from the reports and the stages' timeliness and stored on the register, and a low one keeps the agency out of next
/// year's draws; the year's statistics; the printed draw record. Each test works in a year of its own (the demo is shared).
/// </summary>
public sealed class EngagementRatingApiTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Rules(int FiscalYear, string Stages, string ReportForm, decimal QualityWeight, decimal TimelinessWeight, int MaxOpenEngagements,
        decimal MinRating, DateTime? UpdatedAtUtc);
    internal sealed record Stage(long Id, int Number, string Name, DateOnly DueOn, StageState State);
    internal sealed record ScoredItem(string Item, decimal Points);
    internal sealed record Report(decimal Score, List<ScoredItem> Items, string Explanation, string ScoredBy);
    internal sealed record View(long Id, int FiscalYear, EngagementState State, long? AgencyId, List<Stage> Stages, Report? Report);
    internal sealed record Assessed(long AgencyId, string AgencyName, bool Eligible, List<string> Exclusions);
    internal sealed record Rating(long AgencyId, string AgencyName, int Reports, int StagesConfirmed, int StagesOnTime, decimal? Score, AgencyGrade? Grade,
        string Explanation, decimal? Stored);
    internal sealed record RegisterRating(int Year, decimal Score, AgencyGrade Grade);
    internal sealed record RegisterAgency(long Id, List<RegisterRating> Ratings);
    internal sealed record StageTally(int Confirmed, int UnderWay, int Overdue, int NotStarted);
    internal sealed record Tally(string Name, int Engagements, decimal Fees, int Preparing, int InProgress, int Completed, int Cancelled, StageTally Stages,
        int ScoredReports, decimal? AverageReportScore);
    internal sealed record ScopeLine(EngagementScope Scope, Tally Tally);
    internal sealed record AgencyLine(long AgencyId, Tally Tally, decimal? Rating, AgencyGrade? Grade);
    internal sealed record Statistics(int Year, Tally Total, List<ScopeLine> ByScope, List<AgencyLine> ByAgency);
    internal sealed record Problem(string Detail);

    private static readonly Dictionary<string, decimal> Good = new() { ["格式规范"] = 9, ["内容完整"] = 20, ["证据充分"] = 21.5m, ["结论客观"] = 16, ["建议可行"] = 14 };
    private static readonly Dictionary<string, decimal> Poor = new() { ["格式规范"] = 5, ["内容完整"] = 10, ["证据充分"] = 10, ["结论客观"] = 8, ["建议可行"] = 7 };

    private static int Year(JixiaoApp app) => app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Year;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body, ApiJson.Options);

    private static Task<HttpResponseMessage> ScoreAsync(HttpClient client, long id, Dictionary<string, decimal> points) =>
        PostAsync(client, $"/api/engagements/{id}/report-score", new { items = points.Select(p => new { item = p.Key, points = p.Value }) });

    private static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadJsonAsync<T>())!;
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadJsonAsync<Problem>())!.Detail;
    }

    private static object Plan(int year, long department, EngagementScope scope = EngagementScope.KeyEvaluation) => new
    {
        fiscalYear = year, title = $"{year} 年度水利局重点评价（测试）", scope, subjects = new[] { new { kind = SubjectKind.Department, orgUnitId = department } },
        contractNo = "XYCZ-TEST", fee = 20_000m, procurement = ProcurementMethod.Lottery, startOn = $"{year}-01-05", dueOn = $"{year}-06-30",
    };

    /// <summary>A stage of a set-up engagement: its due date and the day all three parties confirmed it (null: not yet).</summary>
    private sealed record StageWork(DateOnly Due, DateOnly? Confirmed = null);

    /// <summary>
    /// A new agency of the demo county (qualified for key evaluations and monitoring) with engagements of <paramref name="year"/> for the
    /// water bureau, drawn and worked through the domain as they would be through the pages: each stage confirmed on its day.
    /// </summary>
    private static async Task<(long Agency, List<long> Engagements)> AgencyWithWorkAsync(JixiaoApp app, string name, string subject, int year,
        params (decimal Fee, StageWork[] Stages)[] engagements)
    {
        return await app.AsSystemAsync<SystemDbContext, (long, List<long>)>(async db =>
        {
            var first17 = "91140400" + subject;
            var agency = Agency.Create(DemoCounty.RegionCode, new AgencyDetails(name, AgencyType.Consulting, first17 + CreditCode.CheckCharacter(first17), "测试",
                "0355-2021000", "", "长治市", 10, [new AgencyQualification(EngagementScope.KeyEvaluation, "营业执照"), new AgencyQualification(EngagementScope.Monitoring, "营业执照")]));
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            var water = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "115");
            var users = await db.Users.Where(u => u.UserName == "water" || u.UserName == "perf").ToDictionaryAsync(u => u.UserName!, u => u.Id);
            var ids = new List<Engagement>();
            foreach (var ((fee, stages), n) in engagements.Select((e, n) => (e, n + 1)))
            {
                var start = stages[0].Due.AddDays(-30);
                var engagement = Engagement.Plan(DemoCounty.RegionCode, year, $"WT-{year}-{subject}-{n}", $"{name}的第 {n} 项委托", EngagementScope.KeyEvaluation,
                    [EngagementSubject.Of(SubjectKind.Department, null, water.Id, water.Name)], "", fee, ProcurementMethod.Lottery, start, stages[^1].Due,
                    [.. stages.Select((s, i) => ($"阶段{i + 1}", s.Due))], start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                engagement.DrawAgency("TEST-0001", AgencyLottery.Assess(engagement.Scope, new Dictionary<long, string>(), [agency.CandidateOn(start, year, 0)],
                    LotteryRules.Default), "perf", start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                foreach (var (stage, i) in stages.Select((s, i) => (s, i + 1)))
                {
                    if (stage.Confirmed is not { } on) break;
                    var at = on.ToDateTime(new TimeOnly(4, 0), DateTimeKind.Utc);
                    engagement.Submit(i, 1, null, new ReviewActor(null, name, Role.Agency), at);
                    engagement.Confirm(i, StageParty.Unit, new ReviewActor(users["water"], "water", Role.DepartmentReviewer), at);
                    engagement.Confirm(i, StageParty.Finance, new ReviewActor(users["perf"], "perf", Role.PerformanceDivision), at);
                }
                db.Engagements.Add(engagement);
                ids.Add(engagement);
            }
            await db.SaveChangesAsync();
            return (agency.Id, ids.Select(e => e.Id).ToList());
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Settings_ReadDefaults_RoundTrip_AreUsedByPlanAndDraw_AndBadOnesAreRefusedInChinese(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        using var jkw = await app.ClientForAsync("jkw");
        using var unit = await app.ClientForAsync("water");
        var year = Year(app) + 3;
        var water = await app.OrgIdAsync(DemoCounty.RegionCode, "115");

        var defaults = (await jkw.GetJsonAsync<Rules>($"/api/engagements/settings/{year}"))!;
        Assert.Equal(new Rules(year, "评价方案\n现场核查\n报告初稿\n报告终稿", "格式规范 10\n内容完整 25\n证据充分 25\n结论客观 20\n建议可行 20", 0.8m, 0.2m, 3, 60m, null), defaults);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/engagements/settings/{year}")).StatusCode);

        var rules = new { stages = "评价方案\n评价报告", reportForm = "格式规范 20\n内容完整 80", qualityWeight = 0.6m, timelinessWeight = 0.4m, maxOpenEngagements = 1, minRating = 70m };
        Assert.Equal(HttpStatusCode.Forbidden, (await jkw.PutAsJsonAsync($"/api/engagements/settings/{year}", rules, ApiJson.Options)).StatusCode);
        Assert.Contains("各项分值合计应为 100 分，现为 90 分", await RefusedAsync(await perf.PutAsJsonAsync($"/api/engagements/settings/{year}",
            rules with { reportForm = "格式规范 10\n内容完整 80" }, ApiJson.Options), HttpStatusCode.BadRequest));
        Assert.Contains("合计为 1", await RefusedAsync(await perf.PutAsJsonAsync($"/api/engagements/settings/{year}", rules with { qualityWeight = 0.7m },
            ApiJson.Options), HttpStatusCode.BadRequest));
        Assert.Null((await perf.GetJsonAsync<Rules>($"/api/engagements/settings/{year}"))!.UpdatedAtUtc);

        var saved = await OkAsync<Rules>(await perf.PutAsJsonAsync($"/api/engagements/settings/{year}", rules, ApiJson.Options));
        Assert.Equal((year, "评价方案\n评价报告", "格式规范 20\n内容完整 80", 0.6m, 0.4m, 1, 70m), (saved.FiscalYear, saved.Stages, saved.ReportForm,
            saved.QualityWeight, saved.TimelinessWeight, saved.MaxOpenEngagements, saved.MinRating));
        Assert.NotNull(saved.UpdatedAtUtc);
        Assert.Equal(saved with { UpdatedAtUtc = null }, (await jkw.GetJsonAsync<Rules>($"/api/engagements/settings/{year}"))! with { UpdatedAtUtc = null });
        Assert.Equal(defaults with { FiscalYear = year + 1 }, await perf.GetJsonAsync<Rules>($"/api/engagements/settings/{year + 1}"));

        // Planned in that year: its stages; assessed for the draw: its limit of open engagements (the demo firm has two under way).
        var planned = await OkAsync<View>(await PostAsync(perf, "/api/engagements", Plan(year, water)));
        Assert.Equal(["评价方案", "评价报告"], planned.Stages.Select(s => s.Name));
        Assert.Equal([new DateOnly(year, 4, 3), new DateOnly(year, 6, 30)], planned.Stages.Select(s => s.DueOn));
        var firm = (await perf.GetJsonAsync<List<Assessed>>($"/api/engagements/{planned.Id}/eligibility"))!.Single(a => a.AgencyName == DemoAgencies.AccountFirm);
        Assert.Contains(firm.Exclusions, e => e.EndsWith("已达上限 1 项", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ReportScore_RefusedUntilCompleted_StoredWithExplanation_RatingStoredOnTheRegister_AndALowOneExcludesNextYear(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        using var jkw = await app.ClientForAsync("jkw");
        using var unit = await app.ClientForAsync("water");
        var year = Year(app) + 1;
        // Two completed engagements (three of their four stages confirmed after the due date) and one under way.
        var (agency, engagements) = await AgencyWithWorkAsync(app, "长治市评级测试咨询有限公司", "MA0RATE1X", year,
            (10_000m, [new(new DateOnly(year, 2, 10), new DateOnly(year, 2, 8)), new(new DateOnly(year, 4, 10), new DateOnly(year, 4, 20))]),
            (10_000m, [new(new DateOnly(year, 2, 10), new DateOnly(year, 2, 15)), new(new DateOnly(year, 4, 10), new DateOnly(year, 4, 12))]),
            (10_000m, [new(new DateOnly(year, 5, 10))]));
        var (first, second, underWay) = (engagements[0], engagements[1], engagements[2]);

        Assert.Contains("委托完成后才能考核报告质量", await RefusedAsync(await ScoreAsync(perf, underWay, Good), HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.Forbidden, (await ScoreAsync(jkw, first, Good)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScoreAsync(unit, first, Good)).StatusCode);
        Assert.Contains("请为“建议可行”打分", await RefusedAsync(await ScoreAsync(perf, first, Good.Where(p => p.Key != "建议可行").ToDictionary()), HttpStatusCode.BadRequest));
        Assert.Contains("“结论客观”的得分 21 应在 0–20 分之间", await RefusedAsync(await ScoreAsync(perf, first, new(Good) { ["结论客观"] = 21 }), HttpStatusCode.BadRequest));
        Assert.Null((await perf.GetJsonAsync<View>($"/api/engagements/{first}"))!.Report);

        var scored = await OkAsync<View>(await ScoreAsync(perf, first, Good));
        Assert.Equal((80.5m, "perf"), (scored.Report!.Score, scored.Report.ScoredBy));
        Assert.Equal(Good.Select(p => new ScoredItem(p.Key, p.Value)), scored.Report.Items);
        Assert.Equal("财政评分 80.5 分（格式规范 9/10、内容完整 20/25、证据充分 21.5/25、结论客观 16/20、建议可行 14/20） = 80.5 分", scored.Report.Explanation);
        var stored = (await perf.GetJsonAsync<View>($"/api/engagements/{first}"))!.Report!;
        Assert.Equal((80.5m, scored.Report.Explanation), (stored.Score, stored.Explanation));
        Assert.Equal(scored.Report.Items, stored.Items);
        Assert.Null((await unit.GetJsonAsync<View>($"/api/engagements/{first}"))!.Report);
        Assert.Equal(40m, (await OkAsync<View>(await ScoreAsync(perf, second, Poor))).Report!.Score);

        // The year's rating: quality (80.5 + 40) / 2 = 60.25, on time 1 of 4 stages = 25; 60.25 × 0.8 + 25 × 0.2 = 53.2.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(jkw, $"/api/agencies/ratings/{year}", new { })).StatusCode);
        var rated = (await OkAsync<List<Rating>>(await PostAsync(perf, $"/api/agencies/ratings/{year}", new { }))).Single(r => r.AgencyId == agency);
        Assert.Equal(new Rating(agency, "长治市评级测试咨询有限公司", 2, 4, 1, 53.2m, AgencyGrade.Fail,
            "报告质量 60.25 分（2 份报告的平均分）× 0.8 + 按时完成 25 分（1/4 个阶段按期确认）× 0.2 = 53.2 分，不合格", 53.2m), rated);
        await OkAsync<List<Rating>>(await PostAsync(perf, $"/api/agencies/ratings/{year}", new { }));
        Assert.Equal([new RegisterRating(year, 53.2m, AgencyGrade.Fail)], (await jkw.GetJsonAsync<RegisterAgency>($"/api/agencies/{agency}"))!.Ratings);

        // Next year's draw: excluded for the rating, with the reason on the assessment.
        var water = await app.OrgIdAsync(DemoCounty.RegionCode, "115");
        var next = await OkAsync<View>(await PostAsync(perf, "/api/engagements", Plan(year + 1, water, EngagementScope.Monitoring)));
        var assessed = (await perf.GetJsonAsync<List<Assessed>>($"/api/engagements/{next.Id}/eligibility"))!.Single(a => a.AgencyId == agency);
        Assert.False(assessed.Eligible);
        Assert.Equal(["上年度评级得分 53.2 分，低于 60 分"], assessed.Exclusions);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Statistics_CountTheYearByScopeAndAgency_AndTheSheetHoldsTheSameFigures(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        using var unit = await app.ClientForAsync("water");
        using var agencyAccount = await app.ClientForAsync("agency");
        var year = Year(app) + 4;
        // A completed engagement (scored below) and one whose first stage was due last January (overdue); a cancelled one before its draw.
        var (agency, engagements) = await AgencyWithWorkAsync(app, "太原统计测试咨询有限公司", "MA0WTAT2X", year,
            (10_000m, [new(new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 9)), new(new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 10))]),
            (20_000m, [new(new DateOnly(2026, 1, 10)), new(new DateOnly(2026, 2, 10))]));
        await OkAsync<View>(await ScoreAsync(perf, engagements[0], Good));
        var water = await app.OrgIdAsync(DemoCounty.RegionCode, "115");
        var cancelled = await OkAsync<View>(await PostAsync(perf, "/api/engagements", Plan(year, water, EngagementScope.Monitoring)));
        await OkAsync<View>(await PostAsync(perf, $"/api/engagements/{cancelled.Id}/cancel", new { note = "测试终止" }));

        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/engagements/statistics?year={year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agencyAccount.GetAsync($"/api/engagements/statistics.xlsx?year={year}")).StatusCode);
        var stats = (await perf.GetJsonAsync<Statistics>($"/api/engagements/statistics?year={year}"))!;
        var total = new Tally("全部委托", 3, 30_000m, 0, 1, 1, 1, new StageTally(2, 1, 1, 1), 1, 80.5m);
        Assert.Equal(total, stats.Total);
        Assert.Equal([new ScopeLine(EngagementScope.Monitoring, new Tally("运行监控", 1, 0m, 0, 0, 0, 1, new StageTally(0, 0, 0, 0), 0, null)),
                new ScopeLine(EngagementScope.KeyEvaluation, total with { Name = "财政重点评价", Engagements = 2, Cancelled = 0 })],
            stats.ByScope.OrderBy(s => s.Scope == EngagementScope.KeyEvaluation));
        var line = Assert.Single(stats.ByAgency);
        Assert.Equal((agency, "太原统计测试咨询有限公司", 2, 30_000m, (decimal?)null), (line.AgencyId, line.Tally.Name, line.Tally.Engagements, line.Tally.Fees, line.Rating));

        var response = await perf.GetAsync($"/api/engagements/statistics.xlsx?year={year}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var sheet = SpreadsheetReader.Read(await response.Content.ReadAsByteArrayAsync(), "委托统计.xlsx", new UploadLimits());
        Assert.Equal($"{year} 年度第三方委托统计", sheet[0][0]);
        Assert.Equal(Web.Features.Engagements.EngagementStatisticsQuery.SheetTitles, sheet[2].Cells.Take(16));
        Assert.Equal(["合计", "全部委托", "3", "30000", "0", "1", "1", "1", "2", "1", "1", "1", "1", "80.5"], sheet[3].Cells.Take(14));
        Assert.Equal(["第三方机构", "太原统计测试咨询有限公司", "2", "30000"], sheet.Single(r => r[0] == "第三方机构").Cells.Take(4));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DrawRecordPdf_ForFinance_NotForTheUnitOrTheAgency_NorBeforeTheDraw(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var year = Year(app);
        var (drawn, undrawn) = await app.AsSystemAsync<SystemDbContext, (long, long)>(async db => (
            await db.Engagements.Where(e => e.RegionCode == DemoCounty.RegionCode && e.Code == $"WT-{year}-003").Select(e => e.Id).SingleAsync(),
            await db.Engagements.Where(e => e.RegionCode == DemoCounty.RegionCode && e.Code == $"WT-{year}-004").Select(e => e.Id).SingleAsync()));
        using var perf = await app.ClientForAsync("perf");
        var pdf = await perf.GetAsync($"/api/engagements/{drawn}/draw-record/pdf");
        Assert.True(pdf.StatusCode == HttpStatusCode.OK, await pdf.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal(HttpStatusCode.NotFound, (await perf.GetAsync($"/api/engagements/{undrawn}/draw-record/pdf")).StatusCode);
        foreach (var (user, status) in new[] { ("water", HttpStatusCode.Forbidden), ("agency", HttpStatusCode.Forbidden), ("lc.perf", HttpStatusCode.NotFound) })
        {
            using var client = await app.ClientForAsync(user);
            Assert.True(status == (await client.GetAsync($"/api/engagements/{drawn}/draw-record/pdf")).StatusCode, user);
        }
    }
}
