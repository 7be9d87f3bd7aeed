using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Evaluations;

/// <summary>The demo county's organisations and accounts with the clock on 20 January 2027, after the 2026 year closed.</summary>
public sealed class ClosedYearCounty() : ClockedApps(new DateTimeOffset(2027, 1, 20, 2, 0, 0, TimeSpan.Zero));

/// <summary>Self-evaluation through the API: tasks for every budgeted project after the year, prefilled from the ledger; findings; the review chain.</summary>
public sealed class EvaluationApiTests(ClosedYearCounty county) : IClassFixture<ClosedYearCounty>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private const int Year = 2026;

    internal sealed record Issued(int Projects, int Departments, int AlreadyIssued, int WithoutApprovedTargets, decimal AmountWithoutTargets);
    internal sealed record Row(long Id, long? ProjectId, string Code, FormState State);
    internal sealed record Page(List<Row> Rows, int Total);
    internal sealed record Finding(int? Row, FindingKind Kind, bool Blocking, string Message);
    internal sealed record FormRow(int Row, string Name, decimal ReferenceWeight, decimal ReferenceScore, string Explanation);
    internal sealed record Form(long Id, FormState State, decimal InitialBudget, decimal AdjustedBudget, decimal Executed, decimal ReferenceExecutionScore,
        decimal ReferenceTotal, Grade ReferenceGrade, decimal? Total, List<FormRow> Rows, List<Finding> Findings);
    internal sealed record View(Form Evaluation, string Code, List<FormAction> AllowedActions, bool CanEdit);

    /// <summary>A 2026 project of 第一中学 with the given movements and payments, and approved targets unless <paramref name="approved"/> is false.</summary>
    internal static Task<(long Id, string Code)> ProjectAsync(JixiaoApp app, string code, bool approved, (MovementKind Kind, decimal Amount)[] movements,
        decimal paid) =>
        app.AsSystemAsync<SystemDbContext, (long, string)>(async db =>
        {
            var unit = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10602");
            var pool = await db.Projects.FirstOrDefaultAsync(p => p.RegionCode == DemoCounty.RegionCode && p.FiscalYear == Year && p.IsPool);
            if (pool is null)
            {
                var division = await db.OrgUnits.FirstAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Kind == OrgKind.Division);
                pool = Project.Create(DemoCounty.RegionCode, Year, division, null, new Project.Details("ZP-2026-POOL", "县级待分资金", ProjectLevel.Level1,
                    ProjectCategory.SpecificPurpose, Recurrence.OneOff, Year, Year, LibraryStatus.Budgeted, BudgetKind.General, TransferLevel.None,
                    FundTags.None, new DateOnly(Year, 1, 1)), isPool: true);
                db.Projects.Add(pool);
                await db.SaveChangesAsync();
                db.LedgerMovements.Add(LedgerMovement.Create(pool, MovementKind.InitialApproval, 5_000_000m, new DateOnly(Year, 1, 10), "ZP-2026-1", "年初批复"));
            }
            var project = TestProjects.Budgeted(unit, Year, code, "自评测试项目" + code);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            foreach (var (kind, amount) in movements)
            {
                var date = kind == MovementKind.InitialApproval ? new DateOnly(Year, 1, 15) : new DateOnly(Year, 8, 20);
                db.LedgerMovements.Add(kind == MovementKind.PoolAllocationIn
                    ? LedgerMovement.Create(project, kind, amount, date, $"{code}-{kind}", "待分资金分配", pool)
                    : LedgerMovement.Create(project, kind, amount, date, $"{code}-{kind}", "测试"));
                if (kind == MovementKind.PoolAllocationIn)
                    db.LedgerMovements.Add(LedgerMovement.Create(pool, MovementKind.PoolAllocationOut, amount, date, $"{code}-{kind}", "待分资金分配", project));
            }
            if (paid > 0) db.Payments.Add(Payment.Create(project, new DateOnly(Year, 11, 30), paid, $"{code}-PAY", "支付"));
            if (approved)
            {
                var at = new DateTime(Year, 8, 25, 2, 0, 0, DateTimeKind.Utc);
                var target = TestProjects.DeskTargets(project, at);
                db.Targets.Add(target);
            }
            await db.SaveChangesAsync();
            return (project.Id, project.Code);
        });

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) =>
        await client.PostAsJsonAsync(path, body, ApiJson.Options);

    [Theory, MemberData(nameof(Providers))]
    public async Task SelfEvaluation_CoversAdditionsAndAllocations_PrefilledFromTheLedger_FindingsBlockSubmit_ThenReviewed(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        var added = await ProjectAsync(app, "ZP-ADD", true, [(MovementKind.InitialApproval, 100_000m), (MovementKind.Addition, 50_000m)], 150_000m);
        var allocated = await ProjectAsync(app, "ZP-ALLOC", true, [(MovementKind.PoolAllocationIn, 80_000m)], 60_000m);
        await ProjectAsync(app, "ZP-NOTGT", false, [(MovementKind.InitialApproval, 30_000m)], 0m);
        using var performance = await app.ClientForAsync("perf");
        using var unit = await app.ClientForAsync("yizhong");
        using var department = await app.ClientForAsync("edu");
        using var otherUnit = await app.ClientForAsync("shiyan");

        var early = await PostAsync(performance, "/api/evaluations/issue", new { year = 2027 });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("尚未结束", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(unit, "/api/evaluations/issue", new { year = Year })).StatusCode);

        var issued = (await (await PostAsync(performance, "/api/evaluations/issue", new { year = Year })).Content.ReadJsonAsync<Issued>())!;
        Assert.Equal((2, 1, 30_000m), (issued.Projects, issued.WithoutApprovedTargets, issued.AmountWithoutTargets));
        var again = (await (await PostAsync(performance, "/api/evaluations/issue", new { year = Year })).Content.ReadJsonAsync<Issued>())!;
        Assert.Equal((0, 2), (again.Projects, again.AlreadyIssued));

        var mine = (await unit.GetJsonAsync<Page>($"/api/evaluations?year={Year}&mine=true"))!;
        Assert.Equal(new[] { added.Code, allocated.Code }.Order(), mine.Rows.Select(r => r.Code).Order());
        var id = mine.Rows.Single(r => r.Code == added.Code).Id;
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/api/evaluations/{id}")).StatusCode);
        Assert.Empty((await otherUnit.GetJsonAsync<Page>($"/api/evaluations?year={Year}"))!.Rows);

        // Prefilled from the ledger: A is the adjusted 150,000 (年初 100,000 + 追加 50,000), B = A gives the full 10.
        var form = (await unit.GetJsonAsync<View>($"/api/evaluations/{id}"))!.Evaluation;
        Assert.Equal((100_000m, 150_000m, 150_000m, 10m), (form.InitialBudget, form.AdjustedBudget, form.Executed, form.ReferenceExecutionScore));
        Assert.Equal(4, form.Rows.Count);

        // Planted: a missed indicator (150 of 200) without a reason. A total sent along is not the form's: 总分 is the
        // sum of the scores (10 + 16.88 + 22.5 + 27 + 15), computed on save.
        object Input(string? reason) => new
        {
            goalCompletion = "完成课桌椅采购 150 套，其余因供货延迟结转下年",
            executionWeight = 10, executionScore = 10,
            total = 95,
            rows = new object[]
            {
                new { row = 1, actual = "150套", weight = 22.5, score = 16.88, reason },
                new { row = 2, actual = "99%", weight = 22.5, score = 22.5 },
                new { row = 3, outcome = "Achieved", weight = 30, score = 27 },
                new { row = 4, actual = "95%", weight = 15, score = 15 },
            },
        };
        var saved = await unit.PutAsJsonAsync($"/api/evaluations/{id}", Input(null), ApiJson.Options);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var filledForm = (await saved.Content.ReadJsonAsync<View>())!.Evaluation;
        Assert.Equal(91.38m, filledForm.Total);
        Assert.DoesNotContain(filledForm.Findings, f => f.Kind == FindingKind.TotalMismatch);
        Assert.Contains(filledForm.Findings, f => f is { Kind: FindingKind.MissingReason, Row: 1, Blocking: true });
        var refused = await PostAsync(unit, $"/api/evaluations/{id}/submit", new { });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("采购课桌椅数量", await refused.Content.ReadAsStringAsync());

        Assert.True((await unit.PutAsJsonAsync($"/api/evaluations/{id}", Input("供货商延迟交货，已督促并将剩余 50 套纳入下年采购"), ApiJson.Options))
            .IsSuccessStatusCode);
        var submitted = await PostAsync(unit, $"/api/evaluations/{id}/submit", new { });
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        Assert.Equal(FormState.Submitted, (await submitted.Content.ReadJsonAsync<View>())!.Evaluation.State);
        var reference = (await unit.GetJsonAsync<View>($"/api/evaluations/{id}"))!.Evaluation.Rows.Single(r => r.Row == 1);
        Assert.Contains("150", reference.Explanation);

        Assert.True((await PostAsync(department, $"/api/evaluations/{id}/return", new { opinion = "偏差原因请附供货合同说明" })).IsSuccessStatusCode);
        Assert.True((await PostAsync(unit, $"/api/evaluations/{id}/submit", new { })).IsSuccessStatusCode);
        Assert.True((await PostAsync(department, $"/api/evaluations/{id}/approve", new { opinion = "同意" })).IsSuccessStatusCode);
        using (var division = await app.ClientForAsync("jkw"))
            Assert.True((await PostAsync(division, $"/api/evaluations/{id}/approve", new { opinion = "资金使用合规" })).IsSuccessStatusCode);
        var approved = await PostAsync(performance, $"/api/evaluations/{id}/approve", new { });
        Assert.Equal(FormState.Approved, (await approved.Content.ReadJsonAsync<View>())!.Evaluation.State);

        // 统计: coverage counts the budgeted project without targets as not covered; findings are counted by kind.
        var stats = (await performance.GetJsonAsync<Stats>($"/api/evaluations/statistics?year={Year}"))!;
        Assert.Equal((3, 2, 230_000m, 1), (stats.BudgetedProjects, stats.Forms, stats.FormsAmount, stats.Approved));

        // 抽查: the seed is recorded and repeats the draw; an unknown must-include code is named; the re-review flags 失真.
        async Task<Draw> DrawAsync(object rules)
        {
            var response = await PostAsync(performance, "/api/evaluations/spot-checks", rules);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadJsonAsync<Draw>())!;
        }
        var first = await DrawAsync(new { year = Year, count = 1, seed = 4242 });
        var second = await DrawAsync(new { year = Year, count = 1, seed = 4242 });
        Assert.Equal(first.Items.Select(i => i.EvaluationId), second.Items.Select(i => i.EvaluationId));
        Assert.Equal((4242, id), (first.Seed, first.Items.Single().EvaluationId));
        var unknown = await PostAsync(performance, "/api/evaluations/spot-checks", new { year = Year, count = 1, mustInclude = "ZP-NONE" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("ZP-NONE", await unknown.Content.ReadAsStringAsync());
        var reviewed = await performance.PutAsJsonAsync($"/api/evaluations/spot-checks/{first.Id}/items/{id}", new { qualityScore = 80, indicatorScore = 60 }, ApiJson.Options);
        var item = (await reviewed.Content.ReadJsonAsync<Draw>())!.Items.Single();
        Assert.Equal((68m, 23.38m, true), (item.ReviewScore, item.Gap, item.Distorted));
    }

    internal sealed record Stats(int BudgetedProjects, int Forms, decimal FormsAmount, int Approved);
    internal sealed record Sampled(long EvaluationId, decimal? ReviewScore, decimal? Gap, bool Distorted);
    internal sealed record Draw(long Id, int Seed, List<Sampled> Items);
}
