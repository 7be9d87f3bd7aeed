using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Budget;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Evaluations;
using Jixiao.Tests.Shared;
using static Jixiao.Tests.Shared.ApiAnswers;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Tests.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.EvaluationPlans;

/// <summary>
/// 部门评价 and 财政重点评价 through the API on both databases: a key evaluation of last year's project copies the project framework
/// with the project's approved targets as its 产出/效益 rows; scores are refused outside their points or without a deduction's reason;
/// the framework locks once scored; it concludes only with every item scored and the report written, to the sum and the grade; the
/// report downloads as a valid docx; the grade and the findings show on the project; an agency plan plans its engagement and waits for
/// its final report; a department's evaluations move its 30 % coverage, a cancelled one does not count; roles and scope hold.
/// </summary>
public sealed class EvaluationPlanApiTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Item(string Level1, string Level2, string Name, decimal Points, string Basis, decimal? Score, string Note);
    internal sealed record Section(string Name, string Text, bool Required);
    internal sealed record Finding(int Seq, string Problem, string Suggestion, decimal? Amount, long? ProjectId);
    internal sealed record Evaluator(long Id, string Title, string State, bool Done);
    internal sealed record View(long Id, string Code, PlanState State, EvaluationKind Kind, long? DepartmentId, List<Item> Items, List<Section> Report,
        List<Finding> Findings, decimal? Total, Grade? Grade, string ScoreExplanation, Evaluator? Engagement, bool CanScore, bool CanEditFramework);
    internal sealed record CoverageLine(long DepartmentId, string Department, decimal Managed, decimal Covered, bool Reached, decimal Shortfall, string Explanation);
    internal sealed record Coverage(decimal Required, List<CoverageLine> Departments);
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: ApiJson.Options) });

    /// <summary>A budgeted project of last year at a school of the 教育科技局, with its approved desk targets and a 年初批复.</summary>
    private static async Task<(long Id, int Year, long Department, decimal Amount)> ProjectAsync(JixiaoApp app, string code, decimal amount)
    {
        var year = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Year - 1;
        return await app.AsSystemAsync<SystemDbContext, (long, int, long, decimal)>(async db =>
        {
            var school = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var project = TestProjects.Budgeted(school, year, code, "课桌椅购置");
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            db.LedgerMovements.Add(LedgerMovement.Create(project, MovementKind.InitialApproval, amount, new DateOnly(year, 1, 15), $"襄财预〔{year}〕{code}号", "年初批复"));
            db.Targets.Add(TestProjects.DeskTargets(project, new DateTime(year, 2, 1, 0, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
            return (project.Id, year, school.ParentId!.Value, amount);
        });
    }

    private static Dictionary<string, object> Plan(int year, string title, string kind, string evaluator, long[] projects, long? department = null) => new()
    {
        // Its own number: other tests plan in the same county at the same time.
        ["fiscalYear"] = year, ["code"] = $"T-{string.Join("-", projects)}-{kind}-{evaluator}", ["title"] = title, ["kind"] = kind, ["subjectKind"] = projects.Length > 1 ? "Projects" : "Project", ["evaluator"] = evaluator,
        ["source"] = "Rule", ["sourceNote"] = "单个项目金额较大", ["departmentId"] = department!, ["projectIds"] = projects,
        ["startOn"] = $"{year + 1}-03-01", ["dueOn"] = $"{year + 1}-06-30",
    };

    [Theory, MemberData(nameof(Providers))]
    public async Task KeyEvaluation_TargetsAsRows_ScoresChecked_ConcludesToTheGrade_ReportAndGradeOnTheProject(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (projectId, year, _, _) = await ProjectAsync(app, $"PJ-{provider}-1", 1_200_000m);
        using var perf = await app.ClientForAsync("perf");
        using var school = await app.ClientForAsync("yizhong");
        using var water = await app.ClientForAsync("water");

        var created = await perf.PostAsJsonAsync("/api/evaluation-plans", Plan(year, "课桌椅购置重点绩效评价", "Key", "Finance", [projectId]), ApiJson.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await OkAsync<View>(created);
        Assert.Equal((PlanState.Planned, 100m), (view.State, view.Items.Sum(i => i.Points)));
        // The approved targets are the 产出/效益 rows: the template's 数量 10 points now belong to 采购课桌椅数量, with its target and no actual yet.
        var desks = Assert.Single(view.Items, i => i.Name == "采购课桌椅数量");
        Assert.Equal(("产出", "数量", 10m), (desks.Level1, desks.Level2, desks.Points));
        Assert.Contains("年度指标值 ≥", desks.Basis);
        Assert.Contains("未自评", desks.Basis);
        Assert.DoesNotContain(view.Items, i => i.Name == "实际完成率");
        Assert.Contains(view.Items, i => i.Name == "立项依据充分性");

        // The school sees it (its project) but may not score; another department's reviewer does not see it.
        await OkAsync<View>(await school.GetAsync($"/api/evaluation-plans/{view.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await water.GetAsync($"/api/evaluation-plans/{view.Id}")).StatusCode);
        await RefusedAsync(await school.PostAsJsonAsync($"/api/evaluation-plans/{view.Id}/scores", new[] { new { name = "采购课桌椅数量", score = 10m } }, ApiJson.Options),
            HttpStatusCode.Forbidden);

        // Out of range, two decimals, a deduction without its reason: refused by name; nothing kept.
        var over = await RefusedAsync(await perf.PostAsJsonAsync($"/api/evaluation-plans/{view.Id}/scores", new[] { new { name = "采购课桌椅数量", score = 10.5m, note = "超" } }, ApiJson.Options),
            HttpStatusCode.BadRequest);
        Assert.Contains("应在 0–10 分之间", over.Detail);
        var bare = await RefusedAsync(await perf.PostAsJsonAsync($"/api/evaluation-plans/{view.Id}/scores", new[] { new { name = "采购课桌椅数量", score = 8m, note = "" } }, ApiJson.Options),
            HttpStatusCode.BadRequest);
        Assert.Contains("扣分请写明理由", bare.Detail);
        Assert.Equal(PlanState.Planned, (await OkAsync<View>(await perf.GetAsync($"/api/evaluation-plans/{view.Id}"))).State);

        // Every item: full points but 验收合格率 (−2, with its reason) and 师生满意度 (−3.5): 94.5 → 优.
        var scores = view.Items.Select(i => i.Name switch
        {
            "验收合格率" => new { name = i.Name, score = i.Points - 2, note = "抽检 2 批次不合格" },
            "师生满意度" => new { name = i.Name, score = i.Points - 3.5m, note = "满意度 83%" },
            _ => new { name = i.Name, score = i.Points, note = "" },
        }).ToArray();
        view = await OkAsync<View>(await perf.PostAsJsonAsync($"/api/evaluation-plans/{view.Id}/scores", scores, ApiJson.Options));
        Assert.Equal((PlanState.Scoring, false), (view.State, view.CanEditFramework));
        await RefusedAsync(await SendAsync(perf, HttpMethod.Put, $"/api/evaluation-plans/{view.Id}/framework", new { text = "决策/项目立项/立项依据充分性 100" }),
            HttpStatusCode.Conflict);

        // Not concluded without the report; the draft writes it from the figures; findings name the project.
        var unwritten = await RefusedAsync(await perf.PostAsync($"/api/evaluation-plans/{view.Id}/conclude", null), HttpStatusCode.Conflict);
        Assert.Contains("评价报告缺少“基本情况”", unwritten.Detail);
        view = await OkAsync<View>(await SendAsync(perf, HttpMethod.Put, $"/api/evaluation-plans/{view.Id}/findings", new
        {
            findings = new[] { new { problem = "验收记录不完整，两批次抽检不合格", cause = "验收流于形式", suggestion = "补做抽检并完善验收记录", amount = 24_000m, projectId } },
        }));
        var stray = await RefusedAsync(await SendAsync(perf, HttpMethod.Put, $"/api/evaluation-plans/{view.Id}/findings", new
        {
            findings = new[] { new { problem = "另一个项目的问题", cause = "", suggestion = "整改", amount = (decimal?)null, projectId = projectId + 999_999 } },
        }), HttpStatusCode.BadRequest);
        Assert.Contains("不是本次评价的对象", stray.Detail);
        view = await OkAsync<View>(await SendAsync(perf, HttpMethod.Put, $"/api/evaluation-plans/{view.Id}/report", new { draft = true }));
        Assert.Contains("综合评分 94.5 分，评价等级为“优”", view.Report.Single(s => s.Name == PlanReport.Conclusion).Text);
        Assert.Contains("验收记录不完整", view.Report.Single(s => s.Name == PlanReport.Problems).Text);
        view = await OkAsync<View>(await perf.PostAsync($"/api/evaluation-plans/{view.Id}/conclude", null));
        Assert.Equal((PlanState.Concluded, 94.5m, Grade.Excellent), (view.State, view.Total, view.Grade));
        Assert.Contains("决策 15/15 + 过程 15/15 + 产出 38/40 + 效益 26.5/30 = 94.5 分", view.ScoreExplanation);

        // The report opens; the grade and the finding are on the project.
        var docx = await perf.GetAsync($"/api/evaluation-plans/{view.Id}/report.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Documents.AssertValidDocx(await docx.Content.ReadAsByteArrayAsync());
        var grades = await app.AsSystemAsync<SystemDbContext, List<Web.Features.EvaluationPlans.ProjectEvaluationGrade>>(db =>
            Web.Features.EvaluationPlans.PlanQueries.ForProjectAsync(db, projectId, default));
        var grade = Assert.Single(grades);
        Assert.Equal((94.5m, Grade.Excellent), (grade.Total, grade.Grade));
        Assert.Equal("补做抽检并完善验收记录", Assert.Single(grade.Findings).Suggestion);
        await RefusedAsync(await perf.PostAsJsonAsync($"/api/evaluation-plans/{view.Id}/scores", scores, ApiJson.Options), HttpStatusCode.Conflict);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AgencyPlan_PlansItsEngagement_AndWaitsForTheConfirmedFinalReport(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (projectId, year, _, _) = await ProjectAsync(app, $"PJ-{provider}-2", 800_000m);
        using var perf = await app.ClientForAsync("perf");
        var body = Plan(year, "课桌椅购置第三方重点评价", "Key", "Agency", [projectId]);
        body["fee"] = 30_000m;
        var view = await OkAsync<View>(await perf.PostAsJsonAsync("/api/evaluation-plans", body, ApiJson.Options));
        var engagement = Assert.IsType<Evaluator>(view.Engagement);
        Assert.Equal(("待抽签", false), (engagement.State, engagement.Done));
        var stored = await app.AsSystemAsync<SystemDbContext, (Domain.Engagements.EngagementScope, decimal, long?)>(async db =>
        {
            var e = await db.Engagements.SingleAsync(x => x.Id == engagement.Id);
            return (e.Scope, e.Fee, e.Subjects.Single().ProjectId);
        });
        Assert.Equal((Domain.Engagements.EngagementScope.KeyEvaluation, 30_000m, (long?)projectId), stored);
        var scores = view.Items.Select(i => new { name = i.Name, score = i.Points, note = "" }).ToArray();
        view = await OkAsync<View>(await perf.PostAsJsonAsync($"/api/evaluation-plans/{view.Id}/scores", scores, ApiJson.Options));
        await OkAsync<View>(await SendAsync(perf, HttpMethod.Put, $"/api/evaluation-plans/{view.Id}/report", new { draft = true }));
        var waiting = await RefusedAsync(await perf.PostAsync($"/api/evaluation-plans/{view.Id}/conclude", null), HttpStatusCode.Conflict);
        Assert.Contains("报告终稿尚未经三方确认", waiting.Detail);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DepartmentEvaluations_MoveTheDepartmentsCoverage_CancelledOnesDoNotCount(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (projectId, year, department, amount) = await ProjectAsync(app, $"PJ-{provider}-3", 2_500_000m);
        using var edu = await app.ClientForAsync("edu");
        using var perf = await app.ClientForAsync("perf");
        using var school = await app.ClientForAsync("yizhong");

        async Task<CoverageLine> LineAsync() =>
            (await OkAsync<Coverage>(await edu.GetAsync($"/api/evaluation-plans/coverage?year={year}"))).Departments.Single(d => d.DepartmentId == department);
        var before = await LineAsync();

        // The department plans its own evaluation; a key evaluation, or another department's, is not its to plan.
        var wrongKind = await RefusedAsync(await edu.PostAsJsonAsync("/api/evaluation-plans", Plan(year, "越权重点评价", "Key", "Finance", [projectId]), ApiJson.Options),
            HttpStatusCode.BadRequest);
        Assert.Equal("评价类型", wrongKind.Field);
        await RefusedAsync(await school.PostAsJsonAsync("/api/evaluation-plans", Plan(year, "单位评价", "Department", "Department", [projectId], department), ApiJson.Options),
            HttpStatusCode.Forbidden);
        var view = await OkAsync<View>(await edu.PostAsJsonAsync("/api/evaluation-plans",
            Plan(year, "课桌椅购置部门评价", "Department", "Department", [projectId], department), ApiJson.Options));
        Assert.Equal((EvaluationKind.Department, (long?)department), (view.Kind, view.DepartmentId));

        var after = await LineAsync();
        Assert.Equal(before.Managed, after.Managed);
        Assert.Equal(before.Covered + amount, after.Covered);
        Assert.Contains($"覆盖 {Money.Wan(after.Covered)} ÷ 目标管理 {Money.Wan(after.Managed)}", after.Explanation);
        Assert.Equal(Math.Max(0, decimal.Round(0.3m * after.Managed - after.Covered, 2)), after.Shortfall);

        var reasonless = await RefusedAsync(await perf.PostAsJsonAsync($"/api/evaluation-plans/{view.Id}/cancel", new { reason = "" }, ApiJson.Options), HttpStatusCode.BadRequest);
        Assert.Contains("取消评价必须写明理由", reasonless.Detail);
        await OkAsync<View>(await edu.PostAsJsonAsync($"/api/evaluation-plans/{view.Id}/cancel", new { reason = "项目已纳入财政重点评价" }, ApiJson.Options));
        Assert.Equal(before.Covered, (await LineAsync()).Covered);
    }
}
