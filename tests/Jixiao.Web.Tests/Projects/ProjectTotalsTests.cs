using Jixiao.Web.Features.Audit;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Projects;

/// <summary>
/// The per-project totals the database keeps by triggers agree with the domain arithmetic over the rows
/// behind them, whichever way the rows were written, changed or removed, and the list shows the same
/// figures whether it reads the totals or sums the ledger as of an earlier date.
/// </summary>
public sealed class ProjectTotalsTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private static readonly int Year = BusinessCalendar.YearOf(DateTimeOffset.UtcNow);

    [Theory, MemberData(nameof(Providers))]
    public async Task Totals_FollowEveryMovementKind_ThroughInsertsUpdatesAndDeletes(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        // A year of its own, so the other tests' lists of the demo year are untouched.
        var year = Year + 2;
        var (a, b, pool) = await app.AsSystemAsync<SystemDbContext, (Project, Project, Project)>(async db =>
        {
            var division = await db.OrgUnits.FirstAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Kind == OrgKind.Division);
            var unit = await db.OrgUnits.FirstAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Kind == OrgKind.Unit);
            Project.Details Details(string code, string name) => new(code, name, ProjectLevel.Level1, ProjectCategory.SpecificPurpose,
                Recurrence.OneOff, year, year, LibraryStatus.Budgeted, BudgetKind.General, TransferLevel.None, FundTags.None, new DateOnly(year - 1, 10, 1));
            var a = Project.Create(DemoCounty.RegionCode, year, unit, unit.ParentId, Details("ZT-A", "台账合计测试甲"));
            var b = Project.Create(DemoCounty.RegionCode, year, unit, unit.ParentId, Details("ZT-B", "台账合计测试乙"));
            var pool = Project.Create(DemoCounty.RegionCode, year, division, null, Details("ZT-P", "台账合计测试待分资金"), isPool: true);
            db.Projects.AddRange(a, b, pool);
            await db.SaveChangesAsync();
            return (a, b, pool);
        });

        DateOnly On(int month, int day) => new(year, month, day);
        // Project A through tracked saves, one movement of every kind it can take.
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            db.LedgerMovements.AddRange(
                LedgerMovement.Create(a, MovementKind.InitialApproval, 1_000_000m, On(1, 15), "ZT〔1〕", "年初"),
                LedgerMovement.Create(a, MovementKind.CarryOver, 12_345.67m, new DateOnly(year - 1, 12, 31), "ZT〔2〕", "结转"),
                LedgerMovement.Create(a, MovementKind.Addition, 200_000m, On(3, 1), "ZT〔3〕", "追加"),
                LedgerMovement.Create(a, MovementKind.Reduction, 50_000m, On(4, 1), "ZT〔4〕", "调减"),
                LedgerMovement.Create(a, MovementKind.ReallocationOut, 30_000m, On(5, 1), "ZT〔5〕", "调出", b),
                LedgerMovement.Create(a, MovementKind.ReallocationIn, 10_000m, On(6, 1), "ZT〔6〕", "调入", b),
                LedgerMovement.Create(a, MovementKind.PoolAllocationIn, 88_000m, On(7, 1), "ZT〔7〕", "分配", pool),
                LedgerMovement.Create(a, MovementKind.Recovery, 0.01m, On(11, 30), "ZT〔8〕", "收回"));
            db.Payments.AddRange(
                Payment.Create(a, On(2, 1), 100_000m, "ZTZF-1", null),
                Payment.Create(a, On(8, 31), 333_333.33m, "ZTZF-2", null));
            await db.SaveChangesAsync();
        });
        // B and the pool through the bulk insert path of imports and the generator.
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            await db.InsertAuditedAsync(new List<LedgerMovement>
            {
                LedgerMovement.Create(b, MovementKind.InitialApproval, 500_000m, On(1, 15), "ZT〔1〕", "年初"),
                LedgerMovement.Create(b, MovementKind.ReallocationIn, 30_000m, On(5, 1), "ZT〔5〕", "调入", a),
                LedgerMovement.Create(b, MovementKind.ReallocationOut, 10_000m, On(6, 1), "ZT〔6〕", "调出", a),
                LedgerMovement.Create(pool, MovementKind.InitialApproval, 2_000_000m, On(1, 15), "ZT〔1〕", "预留"),
                LedgerMovement.Create(pool, MovementKind.PoolAllocationOut, 88_000m, On(7, 1), "ZT〔7〕", "分配", a),
            }, CancellationToken.None);
            await db.InsertAuditedAsync(new List<Payment> { Payment.Create(b, On(9, 9), 77_777.77m, "ZTZF-3", null) }, CancellationToken.None);
        });
        await AssertTotalsMatchTheLedgerAsync(app, a.Id, b.Id, pool.Id);

        // A correction and a removal made in SQL, as an administrator might: the totals still follow.
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            await db.Payments.Where(p => p.DocumentNo == "ZTZF-2" && p.FiscalYear == year)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Amount, 300_000m).SetProperty(p => p.ProjectId, b.Id));
            await db.LedgerMovements.Where(m => m.ProjectId == a.Id && m.Kind == MovementKind.Reduction).ExecuteDeleteAsync();
            await db.LedgerMovements.Where(m => m.ProjectId == b.Id && m.Kind == MovementKind.InitialApproval)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Kind, MovementKind.Addition));
        });
        await AssertTotalsMatchTheLedgerAsync(app, a.Id, b.Id, pool.Id);

        // The list: as of the year's end it reads the totals, as of mid-year it sums the rows up to that date.
        using var perf = await app.ClientForAsync("perf");
        foreach (var asOf in new[] { On(12, 31), On(6, 30), On(1, 15) })
        {
            var page = (await perf.GetJsonAsync<ProjectPage>($"/api/projects?year={year}&asOf={asOf:yyyy-MM-dd}"))!;
            Assert.Equal(3, page.Total);
            foreach (var row in page.Rows)
            {
                var expected = await LedgerOfAsync(app, row.Id, asOf);
                Assert.Equal((expected.InitialBudget, expected.AdjustedBudget, expected.Executed), (row.InitialBudget, row.AdjustedBudget, row.Executed));
            }
            Assert.Equal(page.Rows.Sum(r => r.AdjustedBudget), page.TotalAdjusted);
            Assert.Equal(page.Rows.Sum(r => r.Executed), page.TotalExecuted);
        }
        var midYear = (await perf.GetJsonAsync<ProjectPage>($"/api/projects?year={year}&asOf={On(6, 30):yyyy-MM-dd}&keyword=ZT-A"))!;
        Assert.Equal(1_000_000m + 12_345.67m + 200_000m - 30_000m + 10_000m, midYear.Rows.Single().AdjustedBudget);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DemoCountyTotals_EqualTheSumsOfItsRows(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (totals, movements, payments) = await app.AsSystemAsync<SystemDbContext, (List<ProjectTotals>, List<LedgerMovement>, List<Payment>)>(async db => (
            await db.ProjectTotals.Where(t => t.RegionCode == DemoCounty.RegionCode && t.FiscalYear == Year).ToListAsync(),
            await db.LedgerMovements.Where(m => m.RegionCode == DemoCounty.RegionCode && m.FiscalYear == Year).ToListAsync(),
            await db.Payments.Where(p => p.RegionCode == DemoCounty.RegionCode && p.FiscalYear == Year).ToListAsync()));
        var projectIds = movements.Select(m => m.ProjectId).Concat(payments.Select(p => p.ProjectId)).Distinct().Order().ToList();
        Assert.True(projectIds.Count > 500, $"the demo county should have a ledger for most projects, got {projectIds.Count}");
        Assert.Equal(projectIds, totals.Select(t => t.ProjectId).Order());
        foreach (var t in totals)
        {
            var own = movements.Where(m => m.ProjectId == t.ProjectId).ToList();
            var paid = payments.Where(p => p.ProjectId == t.ProjectId).ToList();
            Assert.Equal(own.Where(m => m.Kind == MovementKind.InitialApproval).Sum(m => m.Amount), t.Initial);
            Assert.Equal(own.Sum(m => Ledger.SignOf(m.Kind) * m.Amount), t.Adjusted);
            Assert.Equal(paid.Sum(p => p.Amount), t.Executed);
            Assert.Equal(own.Select(m => m.Date).Concat(paid.Select(p => p.Date)).Max(), t.LatestDate);
        }
    }

    private static async Task AssertTotalsMatchTheLedgerAsync(JixiaoApp app, params long[] projectIds)
    {
        foreach (var id in projectIds)
        {
            var totals = await app.AsSystemAsync<SystemDbContext, ProjectTotals>(db => db.ProjectTotals.SingleAsync(t => t.ProjectId == id));
            var expected = await LedgerOfAsync(app, id, new DateOnly(totals.FiscalYear, 12, 31));
            Assert.Equal((expected.InitialBudget, expected.AdjustedBudget, expected.Executed), (totals.Initial, totals.Adjusted, totals.Executed));
        }
    }

    /// <summary>The domain's own arithmetic over every row of the project.</summary>
    private static Task<LedgerFigures> LedgerOfAsync(JixiaoApp app, long projectId, DateOnly asOf) =>
        app.AsSystemAsync<SystemDbContext, LedgerFigures>(async db =>
        {
            var year = await db.Projects.Where(p => p.Id == projectId).Select(p => p.FiscalYear).SingleAsync();
            var movements = await db.LedgerMovements.Where(m => m.ProjectId == projectId).ToListAsync();
            var payments = await db.Payments.Where(p => p.ProjectId == projectId).ToListAsync();
            return Ledger.Compute(movements.Select(m => new LedgerEntry(m.Kind, m.Amount, m.Date, m.DocumentNo, m.Reason)),
                payments.Select(p => new PaymentEntry(p.Date, p.Amount, p.DocumentNo)), asOf, year);
        });
}
