using Jixiao.Domain.Budget;

namespace Jixiao.Web.Features.Projects;

public sealed record MonthPoint(int Month, decimal TimeProgress, decimal? ExecutionRate, decimal AdjustedBudget, decimal Executed);

public sealed record PaymentRow(DateOnly Date, string DocumentNo, decimal Amount, string Summary);

public sealed record ProjectDetail(ProjectRow Project, string? ParentName, LedgerFigures Figures, IReadOnlyList<MonthPoint> Months,
    IReadOnlyList<PaymentRow> Payments, IReadOnlyList<ProjectRow> Children);

/// <summary>One project's ledger as of a date: the figures, every movement behind them, and the month-end curve.</summary>
public static class ProjectLedger
{
    public static async Task<ProjectDetail?> LoadAsync(JixiaoDbContext db, long id, DateOnly? asOf, DateOnly today, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return null;
        var date = asOf ?? ProjectQueries.DefaultAsOf(project.FiscalYear, today);
        var row = (await ProjectQueries.PageAsync(db, new ProjectFilter(project.RegionCode, project.FiscalYear, ProjectId: id), date, ct)).Rows.Single();

        var movements = await db.LedgerMovements.AsNoTracking().Where(m => m.ProjectId == id).ToListAsync(ct);
        var counterparts = await db.Projects.AsNoTracking()
            .Where(p => movements.Select(m => m.CounterpartProjectId).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => $"{p.Code} {p.Name}", ct);
        var entries = movements.Select(m => new LedgerEntry(m.Kind, m.Amount, m.Date, m.DocumentNo, m.Reason,
            m.CounterpartProjectId is { } c ? counterparts.GetValueOrDefault(c, "（无权查看的项目）") : null)).ToList();
        var payments = await db.Payments.AsNoTracking().Where(p => p.ProjectId == id).OrderBy(p => p.Date).ThenBy(p => p.DocumentNo)
            .Select(p => new PaymentRow(p.Date, p.DocumentNo, p.Amount, p.Summary)).ToListAsync(ct);
        var paymentEntries = payments.Select(p => new PaymentEntry(p.Date, p.Amount, p.DocumentNo)).ToList();

        var figures = Ledger.Compute(entries, paymentEntries, date, project.FiscalYear);
        var months = Enumerable.Range(1, 12)
            .Select(m => new DateOnly(project.FiscalYear, m, DateTime.DaysInMonth(project.FiscalYear, m)))
            .Where(d => d <= date || d.Month == date.Month)
            .Select(d => Ledger.Compute(entries, paymentEntries, d < date ? d : date, project.FiscalYear))
            .Select(f => new MonthPoint(f.AsOf.Month, f.TimeProgress, f.ExecutionRate, f.AdjustedBudget, f.Executed))
            .ToList();
        var parentName = project.ParentId is { } parentId
            ? await db.Projects.Where(p => p.Id == parentId).Select(p => p.Code + " " + p.Name).FirstOrDefaultAsync(ct)
            : null;
        var children = (await ProjectQueries.PageAsync(db, new ProjectFilter(project.RegionCode, project.FiscalYear, ParentId: id, PageSize: 200), date, ct)).Rows;
        return new ProjectDetail(row, parentName, figures, months, payments, children);
    }
}
