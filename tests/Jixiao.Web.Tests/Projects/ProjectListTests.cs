using System.Net;
using Jixiao.Domain.Budget;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Projects;

/// <summary>The project list: server-side filters, sorting and paging over ledger figures, within scope.</summary>
public sealed class ProjectListTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private static readonly int Year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow);

    [Theory, MemberData(nameof(Providers))]
    public async Task List_PerformanceDivision_PagesThroughTheWholeCounty(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var expected = await app.AsSystemAsync<SystemDbContext, int>(db =>
            db.Projects.CountAsync(p => p.RegionCode == DemoCounty.RegionCode && p.FiscalYear == Year));
        var first = (await perf.GetJsonAsync<ProjectPage>($"/api/projects?year={Year}&pageSize=50"))!;
        Assert.Equal(expected, first.Total);
        Assert.Equal(50, first.Rows.Count);
        Assert.All(first.Rows, r => Assert.Equal(DemoCounty.RegionCode, r.RegionCode));
        var last = (await perf.GetJsonAsync<ProjectPage>($"/api/projects?year={Year}&pageSize=50&page={first.Pages}"))!;
        Assert.Equal(expected - (first.Pages - 1) * 50, last.Rows.Count);
        Assert.Empty(first.Rows.Select(r => r.Id).Intersect(last.Rows.Select(r => r.Id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task List_SortedByAdjustedBudget_IsOrderedAndTotalsMatchTheLedger(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var page = (await perf.GetJsonAsync<ProjectPage>($"/api/projects?year={Year}&sort=Adjusted&descending=true&pageSize=100&asOf={Year}-12-31"))!;
        Assert.Equal(page.Rows.Select(r => r.AdjustedBudget).OrderDescending(), page.Rows.Select(r => r.AdjustedBudget));

        var (movements, payments) = await app.AsSystemAsync<SystemDbContext, (List<LedgerMovement>, decimal)>(async db => (
            await db.LedgerMovements.Where(m => m.RegionCode == DemoCounty.RegionCode && m.FiscalYear == Year).ToListAsync(),
            (await db.Payments.Where(p => p.RegionCode == DemoCounty.RegionCode && p.FiscalYear == Year).Select(p => p.Amount).ToListAsync()).Sum()));
        Assert.Equal(movements.Sum(m => Ledger.SignOf(m.Kind) * m.Amount), page.TotalAdjusted);
        Assert.Equal(payments, page.TotalExecuted);
        Assert.Contains(page.Rows, r => r.AdjustedBudget != r.InitialBudget);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task List_Filters_ReturnOnlyMatchingProjects(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var fund = (await perf.GetJsonAsync<ProjectPage>($"/api/projects?year={Year}&budgetKind=GovernmentFund&pageSize=200"))!;
        Assert.NotEmpty(fund.Rows);
        Assert.All(fund.Rows, r => Assert.Equal(BudgetKind.GovernmentFund, r.BudgetKind));

        var large = (await perf.GetJsonAsync<ProjectPage>($"/api/projects?year={Year}&minWan=100&pageSize=200"))!;
        Assert.NotEmpty(large.Rows);
        Assert.All(large.Rows, r => Assert.True(r.AdjustedBudget >= 1_000_000m, $"{r.Code}: {r.AdjustedBudget}"));

        var personnel = (await perf.GetJsonAsync<ProjectPage>($"/api/projects?year={Year}&category=Personnel&keyword=工资&pageSize=200"))!;
        Assert.NotEmpty(personnel.Rows);
        Assert.All(personnel.Rows, r => Assert.True(r.Category == ProjectCategory.Personnel && r.Name.Contains("工资")));

        var bonds = (await perf.GetJsonAsync<ProjectPage>($"/api/projects?year={Year}&tag=Bond&pageSize=200"))!;
        Assert.NotEmpty(bonds.Rows);
        Assert.All(bonds.Rows, r => Assert.True(r.Tags.HasFlag(FundTags.Bond), $"{r.Code}: {r.Tags}"));
        Assert.Contains(bonds.Rows, r => r.Tags != FundTags.Bond); // combinations with other tags are found too

        var pools = (await perf.GetJsonAsync<ProjectPage>($"/api/projects?year={Year}&pool=true"))!;
        Assert.All(pools.Rows, r => Assert.True(r.IsPool));
        Assert.NotEmpty(pools.Rows);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task List_UnitFiller_SeesOnlyOwnUnitsProjects_AndForeignDetailIsNotFound(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var unit = await app.ClientForAsync("yizhong");
        var own = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        var page = (await unit.GetJsonAsync<ProjectPage>($"/api/projects?year={Year}&pageSize=200"))!;
        Assert.NotEmpty(page.Rows);
        Assert.All(page.Rows, r => Assert.Equal("襄垣县第一中学校", r.UnitName));

        var foreign = await app.AsSystemAsync<SystemDbContext, long>(db =>
            db.Projects.Where(p => p.RegionCode == DemoCounty.RegionCode && p.OrgUnitId != own).Select(p => p.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/api/projects/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/Projects/Details/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync($"/api/projects/{page.Rows[0].Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Pools_BalanceIsBudgetLessAllocations(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var perf = await app.ClientForAsync("perf");
        var pools = (await perf.GetJsonAsync<List<PoolView>>($"/api/projects/pools?year={Year}&asOf={Year}-12-31"))!;
        Assert.NotEmpty(pools);
        foreach (var pool in pools)
            Assert.Equal(pool.Pool.InitialBudget - pool.Allocations.Sum(a => a.Amount), pool.Balance);
        using var unit = await app.ClientForAsync("yizhong");
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync($"/api/projects/pools?year={Year}")).StatusCode);
    }
}
