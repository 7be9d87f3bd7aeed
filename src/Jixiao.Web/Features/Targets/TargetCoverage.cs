using Jixiao.Domain.Budget;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Targets;

/// <summary>目标覆盖: every budgeted project of the year against approved targets (全覆盖), by department, budget and funding source.</summary>
public static partial class TargetQueries
{
    /// <summary>
    /// 全覆盖: projects in the budget (not pools) without an approved version of targets, with where their
    /// money came from — so mid-year additions and 待分资金 allocations cannot slip through.
    /// </summary>
    public static async Task<Coverage> CoverageAsync(JixiaoDbContext db, int year, FundingSource? source, int page, int pageSize, CancellationToken ct)
    {
        var inBudget = db.Projects.Where(p => p.FiscalYear == year && p.Status == LibraryStatus.Budgeted && !p.IsPool);
        var without = inBudget.Where(p => !db.Targets.Any(t => t.SubjectKey == "P" + p.Id && t.State == TargetState.Approved));
        var rows = from p in without
                   join x in db.ProjectTotals on p.Id equals x.ProjectId into xs
                   from x in xs.DefaultIfEmpty()
                   select new
                   {
                       Project = p,
                       Adjusted = (decimal?)x.Adjusted ?? 0m,
                       Initial = db.LedgerMovements.Any(m => m.ProjectId == p.Id && m.Kind == MovementKind.InitialApproval),
                       Pool = db.LedgerMovements.Any(m => m.ProjectId == p.Id && m.Kind == MovementKind.PoolAllocationIn),
                       Addition = db.LedgerMovements.Any(m => m.ProjectId == p.Id && m.Kind == MovementKind.Addition),
                       State = db.Targets.Where(t => t.SubjectKey == "P" + p.Id).OrderByDescending(t => t.Version).Select(t => (TargetState?)t.State).FirstOrDefault(),
                   };
        var groups = await rows.GroupBy(r => new { r.Project.DepartmentId, r.Project.BudgetKind })
            .Select(g => new { g.Key.DepartmentId, g.Key.BudgetKind, Count = g.Count(), Amount = g.Sum(r => r.Adjusted) })
            .ToListAsync(ct);
        var departmentIds = groups.Select(g => g.DepartmentId).OfType<long>().Distinct().ToList();
        var names = await db.OrgUnits.Where(o => departmentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var listed = source switch
        {
            FundingSource.Initial => rows.Where(r => r.Initial),
            FundingSource.PoolAllocation => rows.Where(r => !r.Initial && r.Pool),
            FundingSource.MidYearAddition => rows.Where(r => !r.Initial && !r.Pool && r.Addition),
            FundingSource.None => rows.Where(r => !r.Initial && !r.Pool && !r.Addition),
            _ => rows,
        };
        pageSize = Math.Clamp(pageSize, 10, 200);
        var list = await listed.OrderByDescending(r => r.Adjusted).ThenBy(r => r.Project.Code)
            .Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize)
            .Select(r => new
            {
                r.Project.Id, r.Project.Code, r.Project.Name, r.Project.BudgetKind, r.Adjusted, r.Initial, r.Pool, r.Addition, r.State,
                Unit = db.OrgUnits.Where(o => o.Id == r.Project.OrgUnitId).Select(o => o.Name).FirstOrDefault() ?? "",
            })
            .ToListAsync(ct);
        return new Coverage(year, await inBudget.CountAsync(ct), groups.Sum(g => g.Count), groups.Sum(g => g.Amount),
            groups.Select(g => new CoverageGroup(g.DepartmentId, g.DepartmentId is { } d ? names.GetValueOrDefault(d, "") : "（无主管部门）", g.BudgetKind, g.Count, g.Amount))
                .OrderByDescending(g => g.Amount).ToList(),
            list.Select(r => new CoverageRow(r.Id, r.Code, r.Name, r.Unit, r.BudgetKind,
                r.Initial ? FundingSource.Initial : r.Pool ? FundingSource.PoolAllocation : r.Addition ? FundingSource.MidYearAddition : FundingSource.None,
                r.Adjusted, r.State)).ToList(),
            source is null ? groups.Sum(g => g.Count) : await listed.CountAsync(ct));
    }
}
