using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Panels;
using Jixiao.Tests.Shared;
using static Jixiao.Tests.Shared.ApiAnswers;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Panels;

/// <summary>
/// 专家评审组 through the API on both databases: finance draws experts by field with quotas and avoidance from a seed anyone can
/// re-run, replaces one who cannot sit; the expert account reads only its own line and scores; the result is computed when the
/// last sitting expert has scored; the reviewed department reads the result but not who scored what; bad input is refused in
/// Chinese and changes nothing.
/// </summary>
public sealed class PanelApiTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Item(string Name, decimal Points, decimal? Given);
    internal sealed record Member(long ExpertId, string ExpertName, string Field, int Rank, bool Sitting, string? ReplacedReason, List<Item> Scores,
        decimal? Total, string Opinion);
    internal sealed record Quota(string Field, int Count);
    internal sealed record View(long Id, PanelState State, int Sitting, int Scored, decimal? Result, string ResultExplanation, string Seed, List<Quota>? Quotas,
        List<string>? Persons, List<Member>? Members, Member? Mine);
    internal sealed record Row(long Id, string Title, bool? ScoredByMe);
    internal sealed record Page(List<Row> Rows, int Total);
    internal sealed record ToDo(long PanelId, string Title);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body, ApiJson.Options);

    private sealed record World(JixiaoApp App, int Year, DateOnly Today, long Education, IReadOnlyList<ExpertCandidate> Pool, long AccountExpertId);

    private async Task<World> WorldAsync(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var calendar = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>();
        var education = await app.OrgIdAsync(DemoCounty.RegionCode, "106");
        var pool = await app.AsSystemAsync<SystemDbContext, List<ExpertCandidate>>(async db =>
            (await db.Experts.Where(e => e.RegionCode == DemoCounty.RegionCode).ToListAsync()).Select(e => e.AsCandidate()).ToList());
        return new World(app, calendar.Year, calendar.Today, education, pool, pool.Single(e => e.Name == DemoExperts.AccountExpert).Id);
    }

    private static readonly Quota[] Quotas = [new("general", 2), new("education", 1)];

    private static object Input(World w, string title, string seed, object? quotas = null, string? due = null, string[]? persons = null) => new
    {
        fiscalYear = w.Year + 1, purpose = PanelPurpose.TargetReview, title, subjects = new[] { new { kind = "Department", orgUnitId = w.Education } },
        quotas = quotas ?? Quotas, dropExtremes = false, dueOn = due ?? w.Today.AddDays(7).ToString("yyyy-MM-dd"), persons = persons ?? [], seed,
    };

    /// <summary>The first seed of the day whose draw seats the expert account (so that it can score through the API).</summary>
    private static string SeedSeating(World w, bool seated, string prefix) => Enumerable.Range(0, 10_000).Select(n => $"{prefix}-{n:0000}")
        .First(s => ExpertDraw.Draw(s, [.. Quotas.Select(q => new PanelQuota(q.Field, q.Count))], [.. w.Pool],
            new Dictionary<long, string> { [w.Education] = "襄垣县教育科技局" }, new HashSet<string>()).Any(d => d.Expert.Id == w.AccountExpertId) == seated);

    [Theory, MemberData(nameof(Providers))]
    public async Task Journey_Draw_ReproducibleFromSeed_ExpertScoresOwnLine_ResultWhenAllScored(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        using var perf = await w.App.ClientForAsync("perf");
        using var expert = await w.App.ClientForAsync("expert");
        using var edu = await w.App.ClientForAsync("edu");
        using var water = await w.App.ClientForAsync("water");
        var seed = SeedSeating(w, seated: true, $"P{provider}");

        var drawn = await OkAsync<View>(await PostAsync(perf, "/api/panels", Input(w, "教育科技局部门整体绩效目标评审（测试）", seed, persons: ["王建新"])));
        Assert.Equal((PanelState.Scoring, 3, 0), (drawn.State, drawn.Sitting, drawn.Scored));
        Assert.Equal(seed, drawn.Seed);
        Assert.Equal(["王建新"], drawn.Persons!);
        // Anyone re-runs the draw from the seed over the pool and gets the same experts, field by field.
        var rerun = ExpertDraw.Draw(seed, [.. Quotas.Select(q => new PanelQuota(q.Field, q.Count))], [.. w.Pool],
            new Dictionary<long, string> { [w.Education] = "襄垣县教育科技局" }, new HashSet<string> { "王建新" });
        Assert.Equal(rerun.Select(d => (d.Expert.Id, d.Field, d.Rank)), drawn.Members!.Select(m => (m.ExpertId, m.Field, m.Rank)));
        // Nobody suspended, withdrawn, or working inside the reviewed department sits.
        var seated = drawn.Members!.Select(m => w.Pool.Single(p => p.Id == m.ExpertId)).ToList();
        Assert.All(seated, e => Assert.True(e.Active && !e.AvoidOrgIds.Contains(w.Education), e.Name));

        // The expert reads its own line only; finance's seed and the others' scores are not in its answer.
        var mine = await OkAsync<View>(await expert.GetAsync($"/api/panels/{drawn.Id}"));
        Assert.Null(mine.Members);
        Assert.Equal("", mine.Seed);
        Assert.Equal(w.AccountExpertId, mine.Mine!.ExpertId);
        Assert.Contains(await OkAsync<List<ToDo>>(await expert.GetAsync("/api/panels/todo")), t => t.PanelId == drawn.Id);

        // A form scored wrong is refused, naming the item, and nothing is kept.
        var missing = await RefusedAsync(await PostAsync(expert, $"/api/panels/{drawn.Id}/score",
            new { scores = new Dictionary<string, decimal> { ["完整性"] = 20, ["相关性"] = 20, ["适当性"] = 20 }, opinion = "" }), HttpStatusCode.BadRequest);
        Assert.Contains("请为“可行性”打分", missing.Detail);
        var tooHigh = await RefusedAsync(await PostAsync(expert, $"/api/panels/{drawn.Id}/score",
            new { scores = new Dictionary<string, decimal> { ["完整性"] = 26, ["相关性"] = 20, ["适当性"] = 20, ["可行性"] = 20 } }), HttpStatusCode.BadRequest);
        Assert.Contains("“完整性”的得分 26 应在 0–25 分之间", tooHigh.Detail);
        Assert.Equal(0, (await OkAsync<View>(await perf.GetAsync($"/api/panels/{drawn.Id}"))).Scored);
        // Finance does not score in an expert's place.
        await RefusedAsync(await PostAsync(perf, $"/api/panels/{drawn.Id}/score", new { scores = new Dictionary<string, decimal>() }), HttpStatusCode.Forbidden);

        var scored = await OkAsync<View>(await PostAsync(expert, $"/api/panels/{drawn.Id}/score",
            new { scores = new Dictionary<string, decimal> { ["完整性"] = 22, ["相关性"] = 21.5m, ["适当性"] = 20, ["可行性"] = 18 }, opinion = "职责目标与年度目标衔接不够。" }));
        Assert.Equal(81.5m, scored.Mine!.Total);
        Assert.Equal([22m, 21.5m, 20m, 18m], scored.Mine.Scores.Select(s => s.Given!.Value));
        Assert.DoesNotContain(await OkAsync<List<ToDo>>(await expert.GetAsync("/api/panels/todo")), t => t.PanelId == drawn.Id);

        // The other two experts have no accounts in the demo: their scores are put in as they would give them.
        var others = drawn.Members!.Where(m => m.ExpertId != w.AccountExpertId).Select(m => m.ExpertId).ToList();
        await w.App.AsSystemAsync<SystemDbContext>(async db =>
        {
            var panel = await db.Panels.SingleAsync(p => p.Id == drawn.Id);
            panel.Score(others[0], new Dictionary<string, decimal> { ["完整性"] = 24, ["相关性"] = 22, ["适当性"] = 21, ["可行性"] = 20 }, null, new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
        });
        Assert.Equal((PanelState.Scoring, 2), await w.App.AsSystemAsync<SystemDbContext, (PanelState, int)>(async db =>
        {
            var panel = await db.Panels.AsNoTracking().SingleAsync(p => p.Id == drawn.Id);
            return (panel.State, panel.Members.Count(m => m.Total != null));
        }));
        await w.App.AsSystemAsync<SystemDbContext>(async db =>
        {
            var panel = await db.Panels.SingleAsync(p => p.Id == drawn.Id);
            panel.Score(others[1], new Dictionary<string, decimal> { ["完整性"] = 20, ["相关性"] = 20, ["适当性"] = 19, ["可行性"] = 16 }, null, new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
        });

        var closed = await OkAsync<View>(await perf.GetAsync($"/api/panels/{drawn.Id}"));
        Assert.Equal((PanelState.Closed, 81.17m), (closed.State, closed.Result));   // (81.5 + 87 + 75) ÷ 3
        Assert.Equal("3 人评分：(75 + 81.5 + 87) ÷ 3 = 81.17", closed.ResultExplanation);
        Assert.Equal(3, closed.Members!.Count(m => m.Total is not null));
        Assert.Contains("已出结果", (await RefusedAsync(await PostAsync(expert, $"/api/panels/{drawn.Id}/score",
            new { scores = new Dictionary<string, decimal> { ["完整性"] = 25, ["相关性"] = 25, ["适当性"] = 25, ["可行性"] = 25 } }), HttpStatusCode.Conflict)).Detail);

        // The reviewed department reads the result, not who gave what; another department does not find the panel.
        var department = await OkAsync<View>(await edu.GetAsync($"/api/panels/{drawn.Id}"));
        Assert.Equal((81.17m, null, null), (department.Result, department.Members, department.Mine));
        Assert.Equal(HttpStatusCode.NotFound, (await water.GetAsync($"/api/panels/{drawn.Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Replace_NextOfTheField_TheReplacedExpertNoLongerSeesThePanel(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        using var perf = await w.App.ClientForAsync("perf");
        using var expert = await w.App.ClientForAsync("expert");
        var drawn = await OkAsync<View>(await PostAsync(perf, "/api/panels", Input(w, "教育科技局目标评审（更换测试）", SeedSeating(w, true, $"R{provider}"))));
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/panels/{drawn.Id}")).StatusCode);
        var sits = drawn.Members!.Single(m => m.ExpertId == w.AccountExpertId);

        Assert.Contains("更换专家", (await RefusedAsync(await PostAsync(perf, $"/api/panels/{drawn.Id}/replace", new { expertId = w.AccountExpertId, reason = " " }),
            HttpStatusCode.BadRequest)).Detail);
        var replaced = await OkAsync<View>(await PostAsync(perf, $"/api/panels/{drawn.Id}/replace", new { expertId = w.AccountExpertId, reason = "本人申请回避：曾参与该局项目论证" }));
        var gone = replaced.Members!.Single(m => m.ExpertId == w.AccountExpertId);
        Assert.Equal((false, "本人申请回避：曾参与该局项目论证"), (gone.Sitting, gone.ReplacedReason));
        var added = replaced.Members!.Last();
        Assert.Equal(sits.Field, added.Field);
        Assert.True(added.Rank > drawn.Members!.Where(m => m.Field == sits.Field).Max(m => m.Rank));
        Assert.Equal(3, replaced.Sitting);

        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/panels/{drawn.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(expert, $"/api/panels/{drawn.Id}/score",
            new { scores = new Dictionary<string, decimal> { ["完整性"] = 25, ["相关性"] = 25, ["适当性"] = 25, ["可行性"] = 25 } })).StatusCode);
        Assert.DoesNotContain((await OkAsync<Page>(await expert.GetAsync("/api/panels?pageSize=200"))).Rows, r => r.Id == drawn.Id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Expert_ListsOnlyThePanelsItSitsOn(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        using var perf = await w.App.ClientForAsync("perf");
        using var expert = await w.App.ClientForAsync("expert");
        var elsewhere = await OkAsync<View>(await PostAsync(perf, "/api/panels", Input(w, "未抽中本专家的评审组（测试）", SeedSeating(w, false, $"N{provider}"))));
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/panels/{elsewhere.Id}")).StatusCode);

        var listed = await OkAsync<Page>(await expert.GetAsync("/api/panels?pageSize=200"));
        var sitting = await w.App.AsSystemAsync<SystemDbContext, List<long>>(db => db.Panels
            .Where(p => p.Members.Any(m => m.ExpertId == w.AccountExpertId && m.ReplacedReason == null)).Select(p => p.Id).ToListAsync());
        Assert.Equal(sitting.Order(), listed.Rows.Select(r => r.Id).Order());
        Assert.Equal(sitting.Count, listed.Total);
        Assert.DoesNotContain(listed.Rows, r => r.Id == elsewhere.Id);
        Assert.All(listed.Rows, r => Assert.NotNull(r.ScoredByMe));
    }

    internal sealed record FileItem(long Id, string FileName);
    internal sealed record Materials(bool MayAttach, List<FileItem> Files);

    [Theory, MemberData(nameof(Providers))]
    public async Task Materials_TheSittingExpertDownloads_OnlyFinanceAttaches_OthersDoNotFindThem(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        using var expert = await w.App.ClientForAsync("expert");
        using var perf = await w.App.ClientForAsync("perf");
        using var agency = await w.App.ClientForAsync("agency");
        // The demo's report review, on which the expert account sits.
        var panel = await w.App.AsSystemAsync<SystemDbContext, long>(db => db.Panels
            .Where(p => p.RegionCode == DemoCounty.RegionCode && p.Purpose == PanelPurpose.ReportReview && p.State == PanelState.Scoring && p.CreatedBy == "perf"
                && p.Title.EndsWith("报告评审")).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

        var listed = await OkAsync<Materials>(await expert.GetAsync($"/api/evidence/panels/{panel}"));
        Assert.False(listed.MayAttach);
        var report = Assert.Single(listed.Files, f => f.FileName.EndsWith("报告终稿.pdf"));
        var download = await expert.GetAsync($"/api/evidence/files/{report.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.StartsWith("%PDF-", await download.Content.ReadAsStringAsync());

        using var upload = new MultipartFormDataContent();
        var pdf = new ByteArrayContent("%PDF-1.7\n评审意见\n%%EOF\n"u8.ToArray());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        upload.Add(pdf, "file", "专家意见.pdf");
        Assert.Contains("只有财政业务股室、财政绩效股可以上传", (await RefusedAsync(await expert.PostAsync($"/api/evidence/panels/{panel}", upload), HttpStatusCode.Forbidden)).Detail);
        Assert.True((await OkAsync<Materials>(await perf.GetAsync($"/api/evidence/panels/{panel}"))).MayAttach);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/api/evidence/panels/{panel}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/api/evidence/files/{report.Id}")).StatusCode);
    }

    internal sealed record ReportScore(decimal Score, string Explanation);
    internal sealed record EngagementReport(long Id, ReportScore? Report);

    [Theory, MemberData(nameof(Providers))]
    public async Task ReportReview_ClosedPanelResult_IsAveragedIntoTheReportQualityScore(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        using var perf = await w.App.ClientForAsync("perf");
        using var expert = await w.App.ClientForAsync("expert");
        // The demo's completed monitoring engagement of 水利局: its final report is reviewed by a panel, then scored by finance.
        var (engagement, water, waterName) = await w.App.AsSystemAsync<SystemDbContext, (long, long, string)>(async db =>
        {
            var e = await db.Engagements.AsNoTracking().SingleAsync(x => x.RegionCode == DemoCounty.RegionCode && x.FiscalYear == w.Year
                && x.Scope == Domain.Engagements.EngagementScope.Monitoring && x.State == Domain.Engagements.EngagementState.Completed);
            return (e.Id, e.Subjects[0].OrgUnitId, e.Subjects[0].Name);
        });
        PanelQuota[] quotas = [new("general", 2), new("water", 1)];
        var seed = Enumerable.Range(0, 10_000).Select(n => $"RR{provider}-{n:0000}").First(s => ExpertDraw.Draw(s, quotas, [.. w.Pool],
            new Dictionary<long, string> { [water] = waterName }, new HashSet<string>()).Any(d => d.Expert.Id == w.AccountExpertId));
        var drawn = await OkAsync<View>(await PostAsync(perf, "/api/panels", new
        {
            fiscalYear = w.Year, purpose = PanelPurpose.ReportReview, title = "水利局监控报告评审（测试）", engagementId = engagement,
            quotas = quotas.Select(q => new { field = q.Field, count = q.Count }), dueOn = w.Today.AddDays(5).ToString("yyyy-MM-dd"), seed,
        }));
        Dictionary<string, decimal> Points(decimal a, decimal b, decimal c, decimal d, decimal e) =>
            new() { ["格式规范"] = a, ["内容完整"] = b, ["证据充分"] = c, ["结论客观"] = d, ["建议可行"] = e };
        var others = drawn.Members!.Where(m => m.ExpertId != w.AccountExpertId).Select(m => m.ExpertId).ToList();
        await w.App.AsSystemAsync<SystemDbContext>(async db =>
        {
            var panel = await db.Panels.SingleAsync(p => p.Id == drawn.Id);
            panel.Score(others[0], Points(8, 20, 20, 16, 16), null, new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc));   // 80
            panel.Score(others[1], Points(9, 22, 21, 17, 17), null, new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc));   // 86
            await db.SaveChangesAsync();
        });
        var closed = await OkAsync<View>(await PostAsync(expert, $"/api/panels/{drawn.Id}/score", new { scores = Points(10, 23, 22, 18, 17) }));   // 90
        Assert.Equal((PanelState.Closed, 85.33m), (closed.State, closed.Result));

        var scored = await OkAsync<EngagementReport>(await PostAsync(perf, $"/api/engagements/{engagement}/report-score", new
        {
            items = new[] { ("格式规范", 9m), ("内容完整", 22m), ("证据充分", 22m), ("结论客观", 18m), ("建议可行", 17m) }.Select(i => new { item = i.Item1, points = i.Item2 }),
        }));
        Assert.Equal(86.67m, scored.Report!.Score);   // (88 + 85.33) ÷ 2
        Assert.Contains("财政评分 88 分", scored.Report.Explanation);
        Assert.Contains("专家评审组结果 85.33 分的平均 = 86.67 分", scored.Report.Explanation);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DrawRecord_FinancePrintsEveryExpertDrawnWithNumberAndOutcome_OthersCannot(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        // The demo's target review: three sat, one was replaced with its reason.
        var panel = await w.App.AsSystemAsync<SystemDbContext, Panel>(db => db.Panels.AsNoTracking()
            .SingleAsync(p => p.RegionCode == DemoCounty.RegionCode && p.Purpose == PanelPurpose.TargetReview && p.Title.EndsWith("（部门+财政+专家）")));
        var record = Web.Features.Panels.PanelDrawPrint.Of(panel, new DateTime(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc));
        Assert.Equal(4, record.Lines.Count);
        Assert.Single(record.Lines, l => l.Outcome == "已更换：本人在省外参加培训，评审期间无法到场");
        // The numbers printed are the ones the draw ordered by: within a field, ascending with the rank.
        foreach (var field in record.Lines.GroupBy(l => l.Field))
            Assert.Equal(field.OrderBy(l => l.Rank).Select(l => l.Number), field.Select(l => l.Number).Order(StringComparer.Ordinal));
        Assert.All(record.Lines, l => Assert.Equal(Domain.Engagements.Draws.Number(panel.Seed,
            $"{panel.Members.Single(m => m.ExpertId == l.ExpertId).Field}|{l.ExpertId}"), l.Number));

        using var perf = await w.App.ClientForAsync("perf");
        var pdf = await perf.GetAsync($"/api/panels/{panel.Id}/draw-record/pdf");
        Assert.True(pdf.StatusCode == HttpStatusCode.OK, await pdf.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        foreach (var (user, status) in new[] { ("expert", HttpStatusCode.Forbidden), ("edu", HttpStatusCode.Forbidden), ("lc.perf", HttpStatusCode.NotFound) })
        {
            using var client = await w.App.ClientForAsync(user);
            Assert.True(status == (await client.GetAsync($"/api/panels/{panel.Id}/draw-record/pdf")).StatusCode, user);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Draw_BadInput_RefusedInChinese_NothingSaved(DatabaseProvider provider)
    {
        var w = await WorldAsync(provider);
        using var perf = await w.App.ClientForAsync("perf");
        using var edu = await w.App.ClientForAsync("edu");
        using var agency = await w.App.ClientForAsync("agency");

        Assert.Contains("不是专家库的行业领域", (await RefusedAsync(await PostAsync(perf, "/api/panels",
            Input(w, "领域错误", "SEED-0001", new[] { new Quota("财务", 3) })), HttpStatusCode.BadRequest)).Detail);
        Assert.Contains("3–15 人", (await RefusedAsync(await PostAsync(perf, "/api/panels",
            Input(w, "人数不足", "SEED-0001", new[] { new Quota("general", 2) })), HttpStatusCode.BadRequest)).Detail);
        Assert.Contains("符合条件的只有", (await RefusedAsync(await PostAsync(perf, "/api/panels",
            Input(w, "专家不够", "SEED-0001", new[] { new Quota("market_supervision", 3) })), HttpStatusCode.Conflict)).Detail);
        Assert.Equal("截止日期", (await RefusedAsync(await PostAsync(perf, "/api/panels",
            Input(w, "截止日期已过", "SEED-0001", due: w.Today.AddDays(-1).ToString("yyyy-MM-dd"))), HttpStatusCode.BadRequest)).Field);
        Assert.Contains("评分表各项分值合计应为 100 分", (await RefusedAsync(await PostAsync(perf, "/api/panels", new
        {
            fiscalYear = w.Year, purpose = PanelPurpose.ExAnteReview, title = "评分表错误", subjects = new[] { new { kind = "Department", orgUnitId = w.Education } },
            quotas = Quotas, form = "立项必要性 50\n投入经济性 40", dueOn = w.Today.AddDays(3).ToString("yyyy-MM-dd"),
        }), HttpStatusCode.BadRequest)).Detail);
        // Only the performance division draws; an agency account has no business with panels at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(edu, "/api/panels", Input(w, "部门不能抽取", "SEED-0001"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agency.GetAsync("/api/panels")).StatusCode);

        string[] titles = ["领域错误", "人数不足", "专家不够", "截止日期已过", "评分表错误", "部门不能抽取"];
        Assert.Equal(0, await w.App.AsSystemAsync<SystemDbContext, int>(db => db.Panels.CountAsync(p => titles.Contains(p.Title))));
    }
}
