using Jixiao.Domain.Budget;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>A department's 30 % line: what its target-managed projects amount to, what its department evaluations cover (planned and
/// concluded), the shortfall and the latest due date of its plans.</summary>
public sealed record CoverageLine(long DepartmentId, string Department, int Projects, decimal Managed, int CoveredProjects, decimal Covered, decimal? Share,
    decimal Shortfall, bool Reached, string Explanation, int ConcludedProjects, decimal Concluded, int Plans, DateOnly? LatestDue);

public sealed record CoverageReport(int Year, decimal Required, IReadOnlyList<CoverageLine> Departments, int Short, decimal Managed, decimal Covered);

/// <summary>One line of the evaluation statistics: plans, the concluded, the amount covered, grades, findings.</summary>
public sealed record PlanTally(string Name, int Plans, int Concluded, decimal Amount, int Excellent, int Good, int Fair, int Poor, int Findings, decimal FindingAmount);

/// <summary>评价统计 of a region-year: the total; by kind, subject, budget (四本预算), evaluator; the agencies used.</summary>
public sealed record PlanStatistics(int Year, PlanTally Total, IReadOnlyList<PlanTally> ByKind, IReadOnlyList<PlanTally> BySubject, IReadOnlyList<PlanTally> ByBudget,
    IReadOnlyList<PlanTally> ByEvaluator, IReadOnlyList<PlanTally> ByAgency);

public static class PlanStatisticsQuery
{
    public static async Task<CoverageReport> CoverageAsync(JixiaoDbContext db, CurrentUser user, int year, CancellationToken ct)
    {
        FiscalYears.EnsureValid(year);
        var required = (await PlanWork.SettingAsync(db, user.RegionCode ?? "", year, ct))?.CoverageShare ?? DepartmentCoverage.DefaultShare;
        var managed = await (from p in db.Projects.AsNoTracking()
                             where p.FiscalYear == year && p.Status == LibraryStatus.Budgeted && !p.IsPool && p.DepartmentId != null && p.Category == ProjectCategory.SpecificPurpose
                                   && db.Targets.Any(t => t.SubjectKey == "P" + p.Id && t.State == TargetState.Approved)
                             join t in db.ProjectTotals on p.Id equals t.ProjectId
                             select new { p.Id, Department = p.DepartmentId!.Value, t.Adjusted }).ToListAsync(ct);
        var plans = await db.EvaluationPlans.AsNoTracking()
            .Where(p => p.FiscalYear == year && p.Kind == EvaluationKind.Department && p.State != PlanState.Cancelled && p.DepartmentId != null)
            .Select(p => new { Department = p.DepartmentId!.Value, p.State, p.DueOn, p.Subjects }).ToListAsync(ct);
        var departmentIds = managed.Select(m => m.Department).Concat(plans.Select(p => p.Department)).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(o => departmentIds.Contains(o.Id) && o.Kind == OrgKind.Department).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var lines = new List<CoverageLine>();
        foreach (var id in departmentIds.Where(names.ContainsKey))
        {
            var projects = managed.Where(m => m.Department == id).ToDictionary(m => m.Id, m => m.Adjusted);
            var own = plans.Where(p => p.Department == id).ToList();
            var coverage = DepartmentCoverage.Of(id, names[id], projects, own.SelectMany(p => p.Subjects).Select(s => s.ProjectId).OfType<long>(), required);
            var done = DepartmentCoverage.Of(id, names[id], projects,
                own.Where(p => p.State == PlanState.Concluded).SelectMany(p => p.Subjects).Select(s => s.ProjectId).OfType<long>(), required);
            lines.Add(new CoverageLine(id, names[id], coverage.Projects, coverage.Managed, coverage.CoveredProjects, coverage.Covered, coverage.Share, coverage.Shortfall,
                coverage.Reached, coverage.Explanation, done.CoveredProjects, done.Covered, own.Count, own.Count > 0 ? own.Max(p => p.DueOn) : null));
        }
        lines = [.. lines.OrderBy(l => l.Reached).ThenByDescending(l => l.Shortfall).ThenBy(l => l.Department, StringComparer.Ordinal)];
        return new CoverageReport(year, required, lines, lines.Count(l => !l.Reached), lines.Sum(l => l.Managed), lines.Sum(l => l.Covered));
    }

    public static async Task<PlanStatistics> ForYearAsync(JixiaoDbContext db, int year, CancellationToken ct)
    {
        FiscalYears.EnsureValid(year);
        // Tens to hundreds a county-year: read whole and summed here (no decimal sums in SQLite).
        var plans = await db.EvaluationPlans.AsNoTracking().Include(p => p.Findings).Where(p => p.FiscalYear == year && p.State != PlanState.Cancelled).ToListAsync(ct);
        var projectIds = plans.SelectMany(p => p.ProjectIds).Distinct().ToList();
        var budgets = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.BudgetKind, ct);
        var engagementIds = plans.Select(p => p.EngagementId).OfType<long>().ToList();
        var agencies = await db.Engagements.AsNoTracking().Where(e => engagementIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.AgencyName, ct);
        var lines = plans.Select(p => new Line(p, p.Amount)).ToList();
        var byBudget = plans
            .SelectMany(p => p.Subjects.GroupBy(s => s.ProjectId is { } id && budgets.TryGetValue(id, out var b) ? b.Label() : $"不分预算（{p.SubjectKind.Label()}）")
                .Select(g => (g.Key, Line: new Line(p, g.Sum(s => s.Amount)))))
            .GroupBy(x => x.Key).OrderBy(g => g.Key.StartsWith("不分", StringComparison.Ordinal)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Tally(g.Key, [.. g.Select(x => x.Line)])).ToList();
        return new PlanStatistics(year, Tally("全部", lines),
            [.. lines.GroupBy(l => l.Plan.Kind).OrderBy(g => g.Key).Select(g => Tally(g.Key.Label(), [.. g]))],
            [.. lines.GroupBy(l => l.Plan.SubjectKind).OrderBy(g => g.Key).Select(g => Tally(g.Key.Label(), [.. g]))],
            byBudget,
            [.. lines.GroupBy(l => l.Plan.Evaluator).OrderBy(g => g.Key).Select(g => Tally(g.Key.Label(), [.. g]))],
            [.. lines.Where(l => l.Plan.EngagementId is { } e && agencies.GetValueOrDefault(e, "").Length > 0)
                .GroupBy(l => agencies[l.Plan.EngagementId!.Value]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Tally(g.Key, [.. g]))]);
    }

    private sealed record Line(EvaluationPlan Plan, decimal Amount);

    private static PlanTally Tally(string name, IReadOnlyList<Line> lines)
    {
        var concluded = lines.Where(l => l.Plan.State == PlanState.Concluded).ToList();
        return new PlanTally(name, lines.Count, concluded.Count, lines.Sum(l => l.Amount),
            concluded.Count(l => l.Plan.Grade == Grade.Excellent), concluded.Count(l => l.Plan.Grade == Grade.Good),
            concluded.Count(l => l.Plan.Grade == Grade.Fair), concluded.Count(l => l.Plan.Grade == Grade.Poor),
            lines.Sum(l => l.Plan.Findings.Count), lines.Sum(l => l.Plan.Findings.Sum(f => f.Amount ?? 0)));
    }

    /// <summary>The statistics and the coverage as one xlsx (two tables on one sheet each).</summary>
    public static async Task<(string FileName, byte[] Content)> ExportAsync(JixiaoDbContext db, CurrentUser user, int year, CancellationToken ct)
    {
        var stats = await ForYearAsync(db, year, ct);
        var coverage = await CoverageAsync(db, user, year, ct);
        static object?[] Cells(string kind, PlanTally t) =>
            [kind, t.Name, t.Plans, t.Concluded, t.Amount, t.Excellent, t.Good, t.Fair, t.Poor, t.Findings, t.FindingAmount];
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{year} 年度部门评价和财政重点评价统计" },
            new object?[] { $"说明：评价金额为评价对象的资金（项目为全年预算数）；部门评价覆盖要求为纳入目标管理项目金额的 {Percent.Of(coverage.Required)}。" },
            new object?[] { "分类", "名称", "评价数", "已完成", "评价金额（元）", "优", "良", "中", "差", "发现问题（条）", "问题涉及金额（元）" },
            Cells("合计", stats.Total),
        };
        foreach (var (kind, list) in new[] { ("评价类型", stats.ByKind), ("评价对象", stats.BySubject), ("预算类别", stats.ByBudget), ("评价主体", stats.ByEvaluator), ("第三方机构", stats.ByAgency) })
            rows.AddRange(list.Select(t => (IReadOnlyList<object?>)Cells(kind, t)));
        rows.Add([]);
        rows.Add(["主管部门", "纳入目标管理项目数", "目标管理金额（元）", "部门评价覆盖项目数", "覆盖金额（元）", "覆盖比例", "差额（元）", "是否达到", "已完成覆盖金额（元）", "评价计划数", "最迟完成日期"]);
        rows.AddRange(coverage.Departments.Select(l => (IReadOnlyList<object?>)new object?[]
        {
            l.Department, l.Projects, l.Managed, l.CoveredProjects, l.Covered, Percent.Of(l.Share), l.Shortfall, l.Reached ? "已达到" : "未达到", l.Concluded, l.Plans,
            l.LatestDue?.ToString("yyyy-MM-dd"),
        }));
        var layout = new SheetLayout(Widths: [18, 30, 10, 10, 16, 8, 14, 8, 16, 12, 16], HeaderRows: [3], Titled: true, NoteRows: [2]);
        return ($"{year}年度部门评价和重点评价统计.xlsx", XlsxWriter.Write("评价统计", rows, layout));
    }
}
