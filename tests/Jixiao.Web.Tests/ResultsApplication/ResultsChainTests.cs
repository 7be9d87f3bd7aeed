using System.Net;
using Jixiao.Domain.Budget;
using Jixiao.Domain.BudgetLinks;
using Jixiao.Domain.Monitoring;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Tests.Printing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jixiao.Tests.Shared.ApiAnswers;

namespace Jixiao.Web.Tests.ResultsApplication;

/// <summary>
/// 结果应用台账 on both databases, over the demo county's last year: each project's chain joins its findings' rectification, the budget link
/// its result graded and the ledger entry that link recorded; the figures agree with the rectification statistics and the budget links; the
/// xlsx and the PDF hold every line; a department cannot read it.
/// </summary>
public sealed class ResultsChainTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    internal sealed record Finding(long Id, string Source, string Problem, string Status, bool Overdue, DateOnly? CompletedOn, string LastStep);
    internal sealed record Link(long Id, int Year, long ProposalProjectId, NextYearAction Action, decimal Requested, decimal Budget, ThisYearAction ThisYear,
        decimal ThisYearAmount, LinkState State, string DecidedBy);
    internal sealed record Money(long Id, int Year, long ProjectId, CorrectiveKind Kind, decimal Amount, string DocumentNo, string Origin, string RecordedBy);
    internal sealed record Line(long? ProjectId, string Code, string Name, List<Finding> Findings, List<Link> Budget, List<Money> Money, ChainStage Stage);
    internal sealed record Totals(int Lines, int Evaluated, int Findings, int FindingsDone, int FindingsOverdue, int Links, int LinksDecided, decimal Reduced,
        decimal Cancelled, decimal Suspended, decimal Recovered, int Closed);
    internal sealed record Page(int Year, Totals Totals, List<Line> Lines, int Total, int PageSize);
    internal sealed record Count(int Raised, int Overdue, int Done);
    internal sealed record Statistics(List<Count> BySource);

    [Theory, MemberData(nameof(Providers))]
    public async Task LastYearsChains_JoinFindingRectificationBudgetActionAndLedger_AndAgreeWithTheStatistics(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var year = app.Services.GetRequiredService<Web.Features.Shared.BusinessClock>().Year - 1;
        using var perf = await app.ClientForAsync("perf");
        using var edu = await app.ClientForAsync("edu");
        Assert.Equal(HttpStatusCode.Forbidden, (await edu.GetAsync($"/api/results-chain?year={year}")).StatusCode);

        var page = await OkAsync<Page>(await perf.GetAsync($"/api/results-chain?year={year}"));
        Assert.True(page.Total <= page.PageSize, $"演示县的台账应在一页内：{page.Total}");
        var t = page.Totals;
        Assert.Equal((page.Total, page.Lines.Sum(l => l.Findings.Count), page.Lines.Sum(l => l.Budget.Count), page.Lines.Count(l => l.Stage == ChainStage.Closed)),
            (t.Lines, t.Findings, t.Links, t.Closed));
        Assert.True(t.Findings > 0 && t.Links > 0 && t.Evaluated > 0, $"演示县 {year} 年度应有整改、挂钩和部门或重点评价：{t}");

        // The same items as 整改统计 counts (withdrawn ones in neither), the same links as were graded by last year's results.
        var stats = await OkAsync<Statistics>(await perf.GetAsync($"/api/rectifications/statistics?year={year}"));
        Assert.Equal((stats.BySource[^1].Raised, stats.BySource[^1].Done, stats.BySource[^1].Overdue), (t.Findings, t.FindingsDone, t.FindingsOverdue));
        var graded = await app.AsSystemAsync<SystemDbContext, int>(db => db.BudgetLinks.CountAsync(l => l.RegionCode == Web.Features.Demo.DemoCounty.RegionCode && l.BasisYear == year));
        Assert.Equal(graded, t.Links);
        Assert.Equal(page.Lines.SelectMany(l => l.Budget).Where(b => b.State != LinkState.Suggested && b.Action == NextYearAction.Reduce).Sum(b => b.Requested - b.Budget),
            t.Reduced);

        // A line is closed only when every item is done and every link decided; an open item keeps it 整改未完成.
        foreach (var line in page.Lines)
        {
            var open = line.Findings.Any(f => f.CompletedOn is null);
            var expected = open ? ChainStage.Rectifying : line.Budget.Any(b => b.State == LinkState.Suggested) ? ChainStage.Deciding : ChainStage.Closed;
            Assert.True(expected == line.Stage, $"{line.Code} {line.Name}：{line.Stage}，应为 {expected}");
            Assert.All(line.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.LastStep)));
        }

        // The demo's recorded 收回: last year's result → next year's proposal accepted → this year's project's ledger holds the movement with its 文号.
        // (other tests of the shared demo may have recorded more: each line is checked the same way)
        var recovered = page.Lines.First(l => l.Money.Any(m => m.Kind == CorrectiveKind.Recovery && m.Origin == "结果应用"));
        var money = recovered.Money.First(m => m.Kind == CorrectiveKind.Recovery && m.Origin == "结果应用");
        var link = recovered.Budget.Single(b => b.ThisYear == ThisYearAction.Recover);
        Assert.Equal((LinkState.Accepted, "perf", link.ThisYearAmount, "perf"), (link.State, link.DecidedBy, money.Amount, money.RecordedBy));
        Assert.Equal((year + 1, year + 2), (money.Year, link.Year));
        var movement = await app.AsSystemAsync<SystemDbContext, LedgerMovement>(db =>
            db.LedgerMovements.SingleAsync(m => m.ProjectId == money.ProjectId && m.DocumentNo == money.DocumentNo));
        Assert.Equal((MovementKind.Recovery, money.Amount), (movement.Kind, movement.Amount));
        Assert.Equal(page.Lines.SelectMany(l => l.Money).Where(m => m.Kind == CorrectiveKind.Recovery).DistinctBy(m => m.Id).Sum(m => m.Amount), t.Recovered);

        // Filters: by stage and by text.
        var closed = await OkAsync<Page>(await perf.GetAsync($"/api/results-chain?year={year}&stage=Closed"));
        Assert.Equal(t.Closed, closed.Total);
        Assert.All(closed.Lines, l => Assert.Equal(ChainStage.Closed, l.Stage));
        var one = await OkAsync<Page>(await perf.GetAsync($"/api/results-chain?year={year}&q={Uri.EscapeDataString(recovered.Code)}"));
        Assert.Equal([recovered.Code], one.Lines.Select(l => l.Code));

        // The xlsx: the title, then a row a line in the page's order, the 文号 in the 资金处理 column.
        var sheet = SpreadsheetReader.Read(await perf.GetByteArrayAsync($"/api/results-chain/xlsx?year={year}"), "台账.xlsx", new UploadLimits());
        Assert.Equal($"{year} 年度绩效评价结果应用台账", sheet[0][0]);
        Assert.Equal(page.Lines.Select(l => l.Code), sheet.Skip(3).Select(r => r[1]));
        Assert.Contains(money.DocumentNo, sheet.Single(r => r[1] == recovered.Code)[8]);

        // The PDF for the 人大: the title, the figures and the line of the 收回.
        FormPdfTests.RequireChromium();
        var response = await perf.GetAsync($"/api/results-chain/pdf?year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = FormPdfTests.Text(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains($"{year}年度绩效评价结果应用台账", text);
        Assert.Contains($"整改事项{t.Findings}项", text);
        Assert.Contains($"收回{Jixiao.Domain.Budget.Money.Wan(t.Recovered).Replace(" ", "")}", text);
        Assert.Contains(recovered.Code, text);
    }
}
