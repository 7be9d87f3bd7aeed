using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Budget;
using Jixiao.Domain.BudgetLinks;
using Jixiao.Domain.Monitoring;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jixiao.Tests.Shared.ApiAnswers;

namespace Jixiao.Web.Tests.BudgetLinks;

/// <summary>
/// 结果与预算挂钩 through the API on both databases, on the demo county's next-year proposals: finance reads the suggestions, a department does
/// not; the budget division accepts one (once), may decide otherwise only with a reason; a this-year 收回闲置资金 asks for confirmation, then
/// writes a 收回 movement into this year's ledger with the region-year's 文号; suggesting again leaves decided ones as decided; wrong rules
/// are refused naming the field.
/// </summary>
public sealed class BudgetLinkApiTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Row(long Id, long ProposalProjectId, long BasisProjectId, LinkState State, NextYearAction SuggestedAction, decimal SuggestedBudget,
        ThisYearAction SuggestedThisYear, decimal SuggestedThisYearAmount, NextYearAction? DecidedAction, decimal? DecidedBudget, string Explanation, long? CorrectiveActionId,
        string? CorrectiveDocumentNo, decimal Requested, Jixiao.Domain.Evaluations.Grade Grade);
    internal sealed record SourceLine(string Source, int Projects, decimal Reduced, decimal Cancelled, decimal Suspended, decimal Recovered);
    internal sealed record Page(List<Row> Rows, int Total, int Waiting, decimal Requested, decimal Budget, decimal Reduced, decimal Recovered, List<SourceLine> Sources);
    internal sealed record Run(int Year, int Proposals, int Continuing, int Suggested, int Decided, int WithoutResult);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body, ApiJson.Options);

    [Theory, MemberData(nameof(Providers))]
    public async Task TheBudgetDivision_AcceptsOrDecidesWithAReason_AndARecoveryReachesThisYearsLedger(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var year = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Year + 1;
        using var perf = await app.ClientForAsync("perf");
        using var edu = await app.ClientForAsync("edu");
        Assert.Equal(HttpStatusCode.Forbidden, (await edu.GetAsync($"/api/budget-links?year={year}")).StatusCode);

        // Rules that recover every idle 中/差 project's money, so that the demo's suggestions include a this-year action.
        var wrong = await RefusedAsync(await perf.PutAsJsonAsync($"/api/budget-links/rules?year={year}", new
            { fairReducePercent = 40, poorReducePercent = 30, cancelPoor = false, suspendPoor = false, recoverBelowPercent = 100, blockIncrease = true }), HttpStatusCode.BadRequest);
        Assert.Equal("“差”调减比例", wrong.Field);
        await OkAsync<LinkRuleValues>(await perf.PutAsJsonAsync($"/api/budget-links/rules?year={year}", new
            { fairReducePercent = 10, poorReducePercent = 30, cancelPoor = false, suspendPoor = false, recoverBelowPercent = 100, blockIncrease = true }));
        var run = await OkAsync<Run>(await Post(perf, "/api/budget-links/suggest", new { year }));
        Assert.True(run.Suggested > 0, $"演示县 {year} 年度应有挂钩建议：{run}");
        var page = await OkAsync<Page>(await perf.GetAsync($"/api/budget-links?year={year}"));
        Assert.Equal(page.Rows.Sum(r => r.DecidedBudget ?? r.SuggestedBudget), page.Budget);

        // 采纳, once; 另行决定 only with a reason.
        var plain = page.Rows.First(r => r.State == LinkState.Suggested && r.SuggestedThisYear == ThisYearAction.None);
        var noReason = await RefusedAsync(await Post(perf, $"/api/budget-links/{plain.Id}/decide", new { accept = false, action = "Keep", budget = plain.Requested }),
            HttpStatusCode.BadRequest);
        Assert.Equal("理由", noReason.Field);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(edu, $"/api/budget-links/{plain.Id}/decide", new { accept = true })).StatusCode);
        var accepted = await OkAsync<Row>(await Post(perf, $"/api/budget-links/{plain.Id}/decide", new { accept = true }));
        Assert.Equal((LinkState.Accepted, plain.SuggestedAction, plain.SuggestedBudget), (accepted.State, accepted.DecidedAction, accepted.DecidedBudget));
        await RefusedAsync(await Post(perf, $"/api/budget-links/{plain.Id}/decide", new { accept = true }), HttpStatusCode.Conflict);

        // 收回闲置资金 this year: refused until confirmed (nothing written), then a 收回 movement with a 文号 on this year's project.
        var recover = page.Rows.First(r => r.State == LinkState.Suggested && r.SuggestedThisYear == ThisYearAction.Recover);
        Assert.Contains("收回闲置资金", recover.Explanation);
        var unconfirmed = await RefusedAsync(await Post(perf, $"/api/budget-links/{recover.Id}/decide", new { accept = true }), HttpStatusCode.BadRequest);
        Assert.Equal("确认", unconfirmed.Field);
        Assert.Equal(LinkState.Suggested, (await OkAsync<Row>(await perf.GetAsync($"/api/budget-links/{recover.Id}"))).State);
        var done = await OkAsync<Row>(await Post(perf, $"/api/budget-links/{recover.Id}/decide", new { accept = true, confirmed = true }));
        Assert.NotNull(done.CorrectiveActionId);
        Assert.False(string.IsNullOrEmpty(done.CorrectiveDocumentNo));
        var movement = await app.AsSystemAsync<SystemDbContext, LedgerMovement>(db =>
            db.LedgerMovements.SingleAsync(m => m.ProjectId == recover.BasisProjectId && m.DocumentNo == done.CorrectiveDocumentNo));
        Assert.Equal((MovementKind.Recovery, recover.SuggestedThisYearAmount), (movement.Kind, movement.Amount));
        Assert.StartsWith("收回（结果应用）", movement.Reason);
        var action = await app.AsSystemAsync<SystemDbContext, CorrectiveAction>(db => db.CorrectiveActions.SingleAsync(a => a.Id == done.CorrectiveActionId));
        Assert.Null(action.TaskId);

        // The statistics by source add up to the year's totals; the key evaluations, spot checks and self-evaluations are each a line.
        var figures = await OkAsync<Page>(await perf.GetAsync($"/api/budget-links?year={year}"));
        var graded = figures.Sources.Skip(1).ToList();
        Assert.Equal(["绩效监控（本年整改措施）", "财政重点评价", "部门评价", "抽查复评", "单位自评"], figures.Sources.Select(x => x.Source));
        Assert.Equal(figures.Total, graded.Sum(x => x.Projects));
        Assert.Equal(figures.Reduced, graded.Sum(x => x.Reduced));
        Assert.Equal(figures.Recovered, graded.Sum(x => x.Recovered));

        // Suggesting again leaves what was decided as decided.
        var again = await OkAsync<Run>(await Post(perf, "/api/budget-links/suggest", new { year }));
        Assert.True(again.Decided >= 2);
        Assert.Equal(accepted.DecidedBudget, (await OkAsync<Row>(await perf.GetAsync($"/api/budget-links/{plain.Id}"))).DecidedBudget);
        using var neighbour = await app.ClientForAsync("lc.perf");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/budget-links/{plain.Id}")).StatusCode);
    }
}
