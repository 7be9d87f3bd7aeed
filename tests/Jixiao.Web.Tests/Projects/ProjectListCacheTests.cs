using Jixiao.Domain.Budget;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Projects;

/// <summary>The demo county's organisations and accounts, no projects, the clock on 15 December 2026.</summary>
public sealed class DecemberCounty() : ClockedApps(new DateTimeOffset(2026, 12, 15, 2, 0, 0, TimeSpan.Zero));

/// <summary>
/// The project list keeps sorted lists between pages; whatever changes a project or its ledger — here written
/// straight to the database, as another instance, an import or a DBA would — shows on the very next request.
/// </summary>
public sealed class ProjectListCacheTests(DecemberCounty county) : IClassFixture<DecemberCounty>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private const int Year = 2026;

    [Theory, MemberData(nameof(Providers))]
    public async Task KeptList_FollowsPaymentsRenamesAndNewProjects_AndIsKeptPerScope(DatabaseProvider provider)
    {
        var app = await county.GetAsync(provider);
        await AddAsync(app, ("LC-A", "A 校舍维修", "10602", 300_000m), ("LC-B", "B 课桌椅购置", "10602", 200_000m), ("LC-C", "C 道路养护", "10101", 100_000m));
        using var perf = await app.ClientForAsync("perf");
        using var unit = await app.ClientForAsync("yizhong");
        async Task<ProjectPage> ListAsync(HttpClient client, string sort) =>
            (await client.GetJsonAsync<ProjectPage>($"/api/projects?year={Year}&sort={sort}&pageSize=10"))!;

        var byExecuted = await ListAsync(perf, "Executed&descending=true");
        Assert.Equal(["LC-A", "LC-B", "LC-C"], byExecuted.Rows.Select(r => r.Code));
        Assert.Equal((3, 600_000m), (byExecuted.Total, byExecuted.TotalExecuted));
        // The same list for a unit's filler: its own unit's projects only, not the finance user's kept list.
        var own = await ListAsync(unit, "Executed&descending=true");
        Assert.Equal(["LC-A", "LC-B"], own.Rows.Select(r => r.Code));
        Assert.Equal(500_000m, own.TotalExecuted);

        // A payment written outside this app: C is now first, the totals follow.
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var c = await db.Projects.SingleAsync(p => p.Code == "LC-C");
            db.Payments.Add(Payment.Create(c, new DateOnly(Year, 12, 10), 450_000m, "LC-C-PAY2", "12月支付"));
            await db.SaveChangesAsync();
        });
        byExecuted = await ListAsync(perf, "Executed&descending=true");
        Assert.Equal(["LC-C", "LC-A", "LC-B"], byExecuted.Rows.Select(r => r.Code));
        Assert.Equal(1_050_000m, byExecuted.TotalExecuted);
        Assert.Equal(550_000m, byExecuted.Rows[0].Executed);

        // A rename in SQL re-sorts the list by name.
        Assert.Equal(["LC-A", "LC-B", "LC-C"], (await ListAsync(perf, "Name")).Rows.Select(r => r.Code));
        await app.AsSystemAsync<SystemDbContext>(db =>
            db.Projects.Where(p => p.Code == "LC-A").ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Z 校舍维修")));
        Assert.Equal(["LC-B", "LC-C", "LC-A"], (await ListAsync(perf, "Name")).Rows.Select(r => r.Code));

        // A new project counts at once.
        await AddAsync(app, ("LC-D", "D 食堂改造", "10602", 50_000m));
        var all = await ListAsync(perf, "Code");
        Assert.Equal((4, 1_100_000m), (all.Total, all.TotalExecuted));
        Assert.Equal(["LC-A", "LC-B", "LC-D"], (await ListAsync(unit, "Code")).Rows.Select(r => r.Code));
    }

    /// <summary>Projects of 2026 with a budget of twice what was paid, paid in November.</summary>
    private static Task AddAsync(JixiaoApp app, params (string Code, string Name, string UnitCode, decimal Paid)[] projects) =>
        app.AsSystemAsync<SystemDbContext>(async db =>
        {
            foreach (var (code, name, unitCode, paid) in projects)
            {
                var unit = await db.OrgUnits.SingleAsync(o => o.RegionCode == DemoCounty.RegionCode && o.Code == unitCode);
                var project = TestProjects.Budgeted(unit, Year, code, name);
                db.Projects.Add(project);
                await db.SaveChangesAsync();
                db.LedgerMovements.Add(LedgerMovement.Create(project, MovementKind.InitialApproval, paid * 2, new DateOnly(Year, 1, 15), $"{code}-1", "年初批复"));
                db.Payments.Add(Payment.Create(project, new DateOnly(Year, 11, 20), paid, $"{code}-PAY", "支付"));
                await db.SaveChangesAsync();
            }
        });
}
