using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Reviews;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;
using static Jixiao.Web.Tests.Evaluations.EvaluationApiTests;

namespace Jixiao.Web.Tests.Evaluations;

/// <summary>
/// Self-evaluations follow the ledger and the region-year's settings until finance approves them: a back-dated
/// payment and new 分值 are refigured into every open form, approved forms keep what was approved.
/// </summary>
public sealed class EvaluationRefigureTests(ClosedYearCounty county) : IClassFixture<ClosedYearCounty>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private const int Year = 2026;

    internal sealed record Refigured(int Year, int Forms, int Changed, int Approved);
    internal sealed record Saved(EvaluationWeights Weights, Refigured Refigured);
    internal sealed record Form(long Id, FormState State, decimal Executed, decimal ReferenceExecutionWeight, decimal ReferenceExecutionScore,
        decimal ReferenceTotal, List<Finding> Findings);
    internal sealed record Wrapped(Form Evaluation);

    [Theory, MemberData(nameof(Providers))]
    public async Task BackDatedPaymentAndNewWeights_RefigureOpenForms_ApprovedFormsKeepTheirScores(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var open = await ProjectAsync(app, "ZP-RF1", true, [(MovementKind.InitialApproval, 100_000m)], 50_000m);
        var closed = await ProjectAsync(app, "ZP-RF2", true, [(MovementKind.InitialApproval, 100_000m)], 100_000m);
        using var performance = await app.ClientForAsync("perf");
        using var division = await app.ClientForAsync("jkw");
        using var unit = await app.ClientForAsync("yizhong");
        using var department = await app.ClientForAsync("edu");
        Assert.True((await PostAsync(performance, "/api/evaluations/issue", new { year = Year })).IsSuccessStatusCode);
        var ids = await app.AsSystemAsync<SystemDbContext, Dictionary<long, long>>(db =>
            db.SelfEvaluations.Where(e => e.FiscalYear == Year).ToDictionaryAsync(e => e.ProjectId!.Value, e => e.Id));

        // The second form goes through the whole chain with its rows at the reference scores.
        var second = ids[closed.Id];
        var filled = await unit.PutAsJsonAsync($"/api/evaluations/{second}", new
        {
            goalCompletion = "全部完成", executionWeight = 10, executionScore = 10,
            rows = new object[]
            {
                new { row = 1, actual = "200套", weight = 22.5, score = 22.5 },
                new { row = 2, actual = "99%", weight = 22.5, score = 22.5 },
                new { row = 3, outcome = "Achieved", weight = 30, score = 30 },
                new { row = 4, actual = "95%", weight = 15, score = 15 },
            },
        }, ApiJson.Options);
        Assert.True(filled.IsSuccessStatusCode, await filled.Content.ReadAsStringAsync());
        foreach (var (client, verb) in new[] { (unit, "submit"), (department, "approve"), (division, "approve"), (performance, "approve") })
        {
            var acted = await PostAsync(client, $"/api/evaluations/{second}/{verb}", new { });
            Assert.True(acted.IsSuccessStatusCode, await acted.Content.ReadAsStringAsync());
        }

        // The first form was prefilled with B = 50,000 of A = 100,000: 5 of 10 for 执行率.
        var first = ids[open.Id];
        var before = (await unit.GetJsonAsync<Wrapped>($"/api/evaluations/{first}"))!.Evaluation;
        Assert.Equal((50_000m, 5m), (before.Executed, before.ReferenceExecutionScore));

        // A payment of December entered late: nothing moves until finance refigures.
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == open.Id);
            db.Payments.Add(Payment.Create(project, new DateOnly(Year, 12, 28), 40_000m, "ZP-RF1-PAY2", "12月支付（补录）"));
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(unit, "/api/evaluations/refigure", new { year = Year })).StatusCode);
        var refigured = (await (await PostAsync(performance, "/api/evaluations/refigure", new { year = Year })).Content.ReadJsonAsync<Refigured>())!;
        Assert.Equal(new Refigured(Year, 1, 1, 1), refigured);
        var after = (await unit.GetJsonAsync<Wrapped>($"/api/evaluations/{first}"))!.Evaluation;
        Assert.Equal((90_000m, 9m), (after.Executed, after.ReferenceExecutionScore));
        var again = (await (await PostAsync(performance, "/api/evaluations/refigure", new { year = Year })).Content.ReadJsonAsync<Refigured>())!;
        Assert.Equal(0, again.Changed);

        // The same findings stored in another order (rewritten by SQL, last first) are shown in the order the check
        // found them, and are nothing to refigure.
        var found = after.Findings;
        Assert.True(found.Count > 1, "the unfilled form has several findings");
        await app.AsSystemAsync<SystemDbContext>(db => StoreFindingsLastFirstAsync(db, first));
        Assert.Equal(found, (await unit.GetJsonAsync<Wrapped>($"/api/evaluations/{first}"))!.Evaluation.Findings);
        Assert.Equal(0, (await (await PostAsync(performance, "/api/evaluations/refigure", new { year = Year })).Content.ReadJsonAsync<Refigured>())!.Changed);

        // Settings that do not add up are refused with the fix, and change nothing.
        var bad = await performance.PutAsJsonAsync($"/api/evaluations/weights?year={Year}", new { execution = 20, output = 50, benefit = 30, satisfaction = 10 },
            ApiJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("预算执行率 20 + 产出指标 50 + 效益指标 30 + 满意度指标 10 + 成本指标 0 = 110，应等于总分 100", await bad.Content.ReadAsStringAsync());
        Assert.Equal(10m, (await performance.GetJsonAsync<EvaluationWeights>($"/api/evaluations/weights?year={Year}"))!.Execution);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await unit.PutAsJsonAsync($"/api/evaluations/weights?year={Year}", new { execution = 20, output = 40 }, ApiJson.Options)).StatusCode);

        // New 分值 refigure the open form at once; the approved one keeps its 10 of 10.
        try
        {
            var saved = await performance.PutAsJsonAsync($"/api/evaluations/weights?year={Year}", new { execution = 20, output = 40 }, ApiJson.Options);
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            Assert.Equal(new Refigured(Year, 1, 1, 1), (await saved.Content.ReadJsonAsync<Saved>())!.Refigured);
            var reweighed = (await unit.GetJsonAsync<Wrapped>($"/api/evaluations/{first}"))!.Evaluation;
            Assert.Equal((20m, 18m), (reweighed.ReferenceExecutionWeight, reweighed.ReferenceExecutionScore));
            var approved = (await unit.GetJsonAsync<Wrapped>($"/api/evaluations/{second}"))!.Evaluation;
            Assert.Equal((FormState.Approved, 10m, 10m), (approved.State, approved.ReferenceExecutionWeight, approved.ReferenceExecutionScore));
        }
        finally
        {
            await performance.PutAsJsonAsync($"/api/evaluations/weights?year={Year}", EvaluationWeights.Defaults, ApiJson.Options);
        }
    }

    private static async Task StoreFindingsLastFirstAsync(SystemDbContext db, long evaluationId)
    {
        const string columns = "\"Id\", \"Row\", \"Kind\", \"Blocking\", \"Message\", \"EvaluationId\"";
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE TEMP TABLE kept AS SELECT {columns} FROM \"SelfEvaluationFindings\" WHERE \"EvaluationId\" = {{0}}", evaluationId);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"SelfEvaluationFindings\" WHERE \"EvaluationId\" = {0}", evaluationId);
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO \"SelfEvaluationFindings\" ({columns}) SELECT {columns} FROM kept ORDER BY \"Id\" DESC");
        await db.Database.ExecuteSqlRawAsync("DROP TABLE kept");
        await transaction.CommitAsync();
    }
}
