using Jixiao.Domain.Budget;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Projects;

public sealed record PoolAllocation(DateOnly Date, string DocumentNo, long ProjectId, string ProjectCode, string ProjectName, string UnitName, decimal Amount, string Reason);

public sealed record PoolView(ProjectRow Pool, decimal Balance, IReadOnlyList<PoolAllocation> Allocations);

/// <summary>待分资金: each pool's remaining balance and every allocation made from it, with the receiving project.</summary>
public static class PoolQueries
{
    public static async Task<List<PoolView>> ListAsync(JixiaoDbContext db, int year, DateOnly asOf, CancellationToken ct)
    {
        var pools = await ProjectQueries.PageAsync(db, new ProjectFilter(Year: year, Pool: true, PageSize: 200), asOf, ct);
        var ids = pools.Rows.Select(p => p.Id).ToList();
        var allocations = await (
                from m in db.LedgerMovements.AsNoTracking()
                where ids.Contains(m.ProjectId) && m.Kind == MovementKind.PoolAllocationOut && m.Date <= asOf
                join target in db.Projects on m.CounterpartProjectId equals target.Id
                join unit in db.OrgUnits on target.OrgUnitId equals unit.Id
                orderby m.Date, m.DocumentNo
                select new { m.ProjectId, Row = new PoolAllocation(m.Date, m.DocumentNo, target.Id, target.Code, target.Name, unit.Name, m.Amount, m.Reason) })
            .ToListAsync(ct);
        return pools.Rows.Select(pool => new PoolView(pool, pool.AdjustedBudget - pool.Executed,
            allocations.Where(a => a.ProjectId == pool.Id).Select(a => a.Row).ToList())).ToList();
    }
}

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Access.Policies.FinanceStaff)]
public sealed class PoolsModel(JixiaoDbContext db, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<PoolView> Pools { get; private set; } = [];
    public DateOnly AsOf { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        AsOf = ProjectQueries.DefaultAsOf(Year.Value, calendar.Today);
        Pools = await PoolQueries.ListAsync(db, Year.Value, AsOf, ct);
    }
}
