using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Evaluations;

public sealed record GradeCounts(int Excellent, int Good, int Fair, int Poor);

public sealed record FindingCount(FindingKind Kind, string Label, bool Blocking, int Count);

public sealed record DepartmentEvaluation(long? DepartmentId, string Department, int Forms, decimal Amount, int Submitted, int Approved, GradeCounts Grades);

/// <summary>
/// 自评统计 of a year's project self-evaluations: coverage of the budgeted projects (count and amount), the reference
/// grades, the findings by kind, and per department.
/// </summary>
public sealed record EvaluationStatistics(int Year, int BudgetedProjects, decimal BudgetedAmount, int Forms, decimal FormsAmount, int Submitted, int Approved,
    GradeCounts Grades, IReadOnlyList<FindingCount> Findings, IReadOnlyList<DepartmentEvaluation> Departments)
{
    /// <summary>覆盖率 by count: project forms ÷ budgeted projects.</summary>
    public decimal CoverageRate => Percent.Points(Percent.Share(Forms, BudgetedProjects)) ?? 0m;

    public decimal AmountCoverageRate => Percent.Points(Percent.Share(FormsAmount, BudgetedAmount)) ?? 0m;
}

public static class EvaluationStatisticsQuery
{
    public static async Task<EvaluationStatistics> ForYearAsync(JixiaoDbContext db, int year, CancellationToken ct)
    {
        var budgeted = await db.Projects.Where(p => p.FiscalYear == year && !p.IsPool && p.Status == LibraryStatus.Budgeted)
            .Join(db.ProjectTotals.Where(t => t.Adjusted > 0), p => p.Id, t => t.ProjectId, (p, t) => t.Adjusted)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Amount = g.Sum() }).SingleOrDefaultAsync(ct);
        var forms = db.SelfEvaluations.Where(e => e.FiscalYear == year);
        // Project forms: the coverage and grades of 项目支出 (department-overall forms are counted on their own page).
        var groups = await forms.Where(e => e.Subject == TargetSubject.Project).GroupBy(e => e.DepartmentId).Select(g => new
            {
                DepartmentId = g.Key,
                Forms = g.Count(),
                Amount = g.Sum(e => e.AdjustedBudget),
                Submitted = g.Count(e => ReviewChains.SelfEvaluation.HandedIn.Contains(e.State)),
                Approved = g.Count(e => e.State == FormState.Approved),
                Excellent = g.Count(e => e.ReferenceGrade == Grade.Excellent),
                Good = g.Count(e => e.ReferenceGrade == Grade.Good),
                Fair = g.Count(e => e.ReferenceGrade == Grade.Fair),
                Poor = g.Count(e => e.ReferenceGrade == Grade.Poor),
            })
            .ToListAsync(ct);
        var findings = await forms.SelectMany(e => e.Findings).GroupBy(f => new { f.Kind, f.Blocking }).Select(g => new { g.Key.Kind, g.Key.Blocking, Count = g.Count() })
            .ToListAsync(ct);
        var ids = groups.Select(g => g.DepartmentId).OfType<long>().ToList();
        var names = await db.OrgUnits.IgnoreQueryFilters().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var departments = groups.Select(g => new DepartmentEvaluation(g.DepartmentId, g.DepartmentId is { } d ? names.GetValueOrDefault(d, "") : "（无主管部门）",
                g.Forms, g.Amount, g.Submitted, g.Approved, new GradeCounts(g.Excellent, g.Good, g.Fair, g.Poor)))
            .OrderBy(d => d.Department, StringComparer.Ordinal).ToList();
        return new EvaluationStatistics(year, budgeted?.Count ?? 0, budgeted?.Amount ?? 0m, departments.Sum(d => d.Forms), departments.Sum(d => d.Amount),
            departments.Sum(d => d.Submitted), departments.Sum(d => d.Approved),
            new GradeCounts(departments.Sum(d => d.Grades.Excellent), departments.Sum(d => d.Grades.Good), departments.Sum(d => d.Grades.Fair),
                departments.Sum(d => d.Grades.Poor)),
            findings.OrderByDescending(f => f.Count).Select(f => new FindingCount(f.Kind, f.Kind.Label(), f.Blocking, f.Count)).ToList(), departments);
    }
}
