using Jixiao.Domain.Budget;

namespace Jixiao.Web.Features.Projects;

public enum ProjectSort
{
    [Label("项目代码")]
    Code,
    [Label("项目名称")]
    Name,
    [Label("全年预算")]
    Adjusted,
    [Label("执行数")]
    Executed,
    [Label("执行率")]
    Rate,
}

public sealed record ProjectFilter(
    string? Region = null, int? Year = null, long? DepartmentId = null, long? UnitId = null, BudgetKind? BudgetKind = null,
    TransferLevel? Transfer = null, FundTags? Tag = null, ProjectCategory? Category = null, ProjectLevel? Level = null,
    LibraryStatus? Status = null, bool? Pool = null, decimal? MinWan = null, decimal? MaxWan = null, string? Keyword = null,
    ProjectSort Sort = ProjectSort.Code, bool Descending = false, int Page = 1, int PageSize = 50,
    long? ProjectId = null, long? ParentId = null);

public sealed record ProjectRow(long Id, string RegionCode, int FiscalYear, string Code, string Name, string UnitName, string? DepartmentName,
    BudgetKind BudgetKind, TransferLevel Transfer, FundTags Tags, ProjectCategory Category, ProjectLevel Level, LibraryStatus Status,
    bool IsPool, decimal InitialBudget, decimal AdjustedBudget, decimal Executed)
{
    public decimal? ExecutionRate => AdjustedBudget > 0 ? decimal.Round(Executed / AdjustedBudget, 4) : null;
}

public sealed record ProjectPage(IReadOnlyList<ProjectRow> Rows, int Total, int Page, int PageSize, decimal TotalAdjusted, decimal TotalExecuted)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The project list with ledger figures, filtered, sorted and paged on the server. As of a date on or after
/// every listed project's latest ledger row (today, the year's end: the usual case) the figures are the
/// per-project totals the database keeps (<see cref="ProjectTotals"/>); as of an earlier date they are summed
/// from the movements and payments dated on or before it. Signs come from <see cref="Ledger.SignOf"/>.
/// </summary>
public static class ProjectQueries
{
    internal static readonly List<MovementKind> Increasing = Enum.GetValues<MovementKind>().Where(k => Ledger.SignOf(k) > 0).ToList();

    /// <summary>A member-init shape (not a constructor) so that EF can filter, sort and sum on its members.</summary>
    private sealed class Figures
    {
        public required Project Project { get; init; }
        public decimal Initial { get; init; }
        public decimal Adjusted { get; init; }
        public decimal Executed { get; init; }
    }

    /// <summary>Each project joined one-to-one to the totals the database keeps.</summary>
    private static IQueryable<Figures> WithTotals(JixiaoDbContext db, IQueryable<Project> projects) =>
        from p in projects
        join t in db.ProjectTotals on p.Id equals t.ProjectId into ts
        from t in ts.DefaultIfEmpty()
        select new Figures
        {
            Project = p,
            Initial = (decimal?)t.Initial ?? 0m,
            Adjusted = (decimal?)t.Adjusted ?? 0m,
            Executed = (decimal?)t.Executed ?? 0m,
        };

    /// <summary>
    /// Each project with its sums as of <paramref name="asOf"/>, joined to the movements and payments grouped
    /// per project (one hash aggregate over the region-year rather than a lookup per project).
    /// </summary>
    private static IQueryable<Figures> WithSumsAsOf(JixiaoDbContext db, IQueryable<Project> projects, ProjectFilter f, DateOnly asOf,
        List<long>? only = null)
    {
        var movements = db.LedgerMovements.Where(m => m.Date <= asOf);
        var payments = db.Payments.Where(x => x.Date <= asOf);
        if (only is not null)
        {
            movements = movements.Where(m => only.Contains(m.ProjectId));
            payments = payments.Where(x => only.Contains(x.ProjectId));
        }
        if (f.Year is { } year)
        {
            movements = movements.Where(m => m.FiscalYear == year);
            payments = payments.Where(x => x.FiscalYear == year);
        }
        if (!string.IsNullOrWhiteSpace(f.Region))
        {
            movements = movements.Where(m => m.RegionCode == f.Region);
            payments = payments.Where(x => x.RegionCode == f.Region);
        }
        var budgets = movements.GroupBy(m => m.ProjectId).Select(g => new
        {
            ProjectId = g.Key,
            Initial = g.Sum(m => m.Kind == MovementKind.InitialApproval ? (decimal?)m.Amount : 0m),
            Adjusted = g.Sum(m => (decimal?)(Increasing.Contains(m.Kind) ? m.Amount : -m.Amount)),
        });
        var paid = payments.GroupBy(x => x.ProjectId).Select(g => new { ProjectId = g.Key, Executed = g.Sum(x => (decimal?)x.Amount) });
        return from p in projects
               join b in budgets on p.Id equals b.ProjectId into bs
               from b in bs.DefaultIfEmpty()
               join x in paid on p.Id equals x.ProjectId into xs
               from x in xs.DefaultIfEmpty()
               select new Figures
               {
                   Project = p,
                   Initial = b.Initial ?? 0m,
                   Adjusted = b.Adjusted ?? 0m,
                   Executed = x.Executed ?? 0m,
               };
    }

    /// <summary>One page of the list, computed afresh (a project's own row, its children).</summary>
    public static Task<ProjectPage> PageAsync(JixiaoDbContext db, ProjectFilter f, DateOnly asOf, CancellationToken ct) =>
        PageAsync(db, f, asOf, null, ct);

    /// <summary>One page of the list; with <paramref name="cache"/>, the sorted list is kept for the next pages.</summary>
    public static async Task<ProjectPage> PageAsync(JixiaoDbContext db, ProjectFilter f, DateOnly asOf, ProjectListCache? cache, CancellationToken ct)
    {
        var projects = Filtered(db, f);
        var pageSize = Math.Clamp(f.PageSize, 10, 200);
        var page = Math.Max(1, f.Page);
        var current = false;
        async Task<IQueryable<Figures>> SortedQueryAsync()
        {
            current = await TotalsAreCurrentAsync(db, f, asOf, ct);
            return Sort(WithRange(current ? WithTotals(db, projects) : WithSumsAsOf(db, projects, f, asOf), f), f);
        }

        int count;
        decimal adjusted, executed;
        List<long> ids;
        var kept = cache is null ? null : await cache.GetAsync(db, f, asOf, async () =>
        {
            // The whole sorted list in one statement: count and totals are summed from it.
            var all = await (await SortedQueryAsync()).Select(x => new { x.Project.Id, x.Adjusted, x.Executed }).ToListAsync(ct);
            return new ProjectListCache.Sorted(all.Select(x => x.Id).ToList(), all.Sum(x => x.Adjusted), all.Sum(x => x.Executed), current);
        }, ct);
        if (kept is not null)
        {
            (count, adjusted, executed, current) = (kept.Ids.Count, kept.Adjusted, kept.Executed, kept.FromTotals);
            ids = kept.Ids.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        }
        else
        {
            var query = await SortedQueryAsync();
            var summary = await query.Select(x => new { x.Adjusted, x.Executed }).GroupBy(x => 1)
                .Select(g => new { Count = g.Count(), Adjusted = g.Sum(x => x.Adjusted), Executed = g.Sum(x => x.Executed) })
                .SingleOrDefaultAsync(ct);
            (count, adjusted, executed) = (summary?.Count ?? 0, summary?.Adjusted ?? 0m, summary?.Executed ?? 0m);
            // The page's ids first, sorting only narrow rows; then those rows with their names.
            ids = await query.Skip((page - 1) * pageSize).Take(pageSize).Select(x => x.Project.Id).ToListAsync(ct);
        }

        var listed = projects.Where(p => ids.Contains(p.Id));
        var rows = await (current ? WithTotals(db, listed) : WithSumsAsOf(db, listed, f, asOf, ids))
            .Select(x => new
            {
                x.Project, x.Initial, x.Adjusted, x.Executed,
                Unit = db.OrgUnits.Where(o => o.Id == x.Project.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
                Department = db.OrgUnits.Where(o => o.Id == x.Project.DepartmentId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToDictionaryAsync(r => r.Project.Id, ct);
        return new ProjectPage(
            ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(r => new ProjectRow(r.Project.Id, r.Project.RegionCode, r.Project.FiscalYear,
                r.Project.Code, r.Project.Name, r.Unit ?? "", r.Department, r.Project.BudgetKind, r.Project.Transfer, r.Project.Tags, r.Project.Category,
                r.Project.Level, r.Project.Status, r.Project.IsPool, r.Initial, r.Adjusted, r.Executed)).ToList(),
            count, page, pageSize, adjusted, executed);
    }

    private static IQueryable<Project> Filtered(JixiaoDbContext db, ProjectFilter f)
    {
        var projects = db.Projects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Region)) projects = projects.Where(p => p.RegionCode == f.Region);
        if (f.Year is { } year) projects = projects.Where(p => p.FiscalYear == year);
        if (f.ProjectId is { } id) projects = projects.Where(p => p.Id == id);
        if (f.ParentId is { } parent) projects = projects.Where(p => p.ParentId == parent);
        if (f.DepartmentId is { } dept) projects = projects.Where(p => p.DepartmentId == dept);
        if (f.UnitId is { } unit) projects = projects.Where(p => p.OrgUnitId == unit);
        if (f.BudgetKind is { } kind) projects = projects.Where(p => p.BudgetKind == kind);
        if (f.Transfer is { } transfer) projects = projects.Where(p => p.Transfer == transfer);
        if (f.Tag is { } tag and not FundTags.None) projects = projects.Where(p => (p.Tags & tag) == tag);
        if (f.Category is { } category) projects = projects.Where(p => p.Category == category);
        if (f.Level is { } level) projects = projects.Where(p => p.Level == level);
        if (f.Status is { } status) projects = projects.Where(p => p.Status == status);
        if (f.Pool is { } pool) projects = projects.Where(p => p.IsPool == pool);
        if (!string.IsNullOrWhiteSpace(f.Keyword))
        {
            var keyword = f.Keyword.Trim();
            projects = projects.Where(p => p.Name.Contains(keyword) || p.Code.StartsWith(keyword));
        }
        return projects;
    }

    private static IQueryable<Figures> WithRange(IQueryable<Figures> query, ProjectFilter f)
    {
        if (f.MinWan is { } min) { var yuan = min * 10_000m; query = query.Where(x => x.Adjusted >= yuan); }
        if (f.MaxWan is { } max) { var yuan = max * 10_000m; query = query.Where(x => x.Adjusted <= yuan); }
        return query;
    }

    private static IQueryable<Figures> Sort(IQueryable<Figures> query, ProjectFilter f) => (f.Sort, f.Descending) switch
    {
        (ProjectSort.Name, false) => query.OrderBy(x => x.Project.Name).ThenBy(x => x.Project.Id),
        (ProjectSort.Name, true) => query.OrderByDescending(x => x.Project.Name).ThenBy(x => x.Project.Id),
        (ProjectSort.Adjusted, false) => query.OrderBy(x => x.Adjusted).ThenBy(x => x.Project.Id),
        (ProjectSort.Adjusted, true) => query.OrderByDescending(x => x.Adjusted).ThenBy(x => x.Project.Id),
        (ProjectSort.Executed, false) => query.OrderBy(x => x.Executed).ThenBy(x => x.Project.Id),
        (ProjectSort.Executed, true) => query.OrderByDescending(x => x.Executed).ThenBy(x => x.Project.Id),
        (ProjectSort.Rate, false) => query.OrderBy(x => x.Adjusted > 0 ? x.Executed * 10_000 / x.Adjusted : -1).ThenBy(x => x.Project.Id),
        (ProjectSort.Rate, true) => query.OrderByDescending(x => x.Adjusted > 0 ? x.Executed * 10_000 / x.Adjusted : -1).ThenBy(x => x.Project.Id),
        (_, false) => query.OrderBy(x => x.Project.Code).ThenBy(x => x.Project.Id),
        (_, true) => query.OrderByDescending(x => x.Project.Code).ThenBy(x => x.Project.Id),
    };

    /// <summary>
    /// Whether no ledger row of the region-year (or of the one project asked for) is dated after
    /// <paramref name="asOf"/>, so the kept totals are the figures as of it. One index seek.
    /// </summary>
    private static async Task<bool> TotalsAreCurrentAsync(JixiaoDbContext db, ProjectFilter f, DateOnly asOf, CancellationToken ct)
    {
        var totals = db.ProjectTotals.AsQueryable();
        if (f.ProjectId is { } id) totals = totals.Where(t => t.ProjectId == id);
        if (!string.IsNullOrWhiteSpace(f.Region)) totals = totals.Where(t => t.RegionCode == f.Region);
        if (f.Year is { } year) totals = totals.Where(t => t.FiscalYear == year);
        return !await totals.AnyAsync(t => t.LatestDate > asOf, ct);
    }

    /// <summary>The date the figures are shown at: today within the year, the year's last day after it.</summary>
    public static DateOnly DefaultAsOf(int fiscalYear, DateOnly today)
    {
        var end = new DateOnly(fiscalYear, 12, 31);
        return today < end ? today : end;
    }
}
