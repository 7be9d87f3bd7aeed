using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Monitoring;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>下达自评任务: one self-evaluation per budgeted project and department with money in the year, with its year-end figures.</summary>
public static partial class EvaluationWork
{
    /// <summary>The year-end figures of every budgeted project with money in the year, and of each department (its projects summed).</summary>
    private sealed record YearFunds(IReadOnlyList<Project> Projects, IReadOnlyDictionary<long, EvaluationFunds> ByProject,
        IReadOnlyDictionary<long, EvaluationFunds> ByDepartment);

    private static async Task<YearFunds> YearFundsAsync(JixiaoDbContext db, string region, int year, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.RegionCode == region && p.FiscalYear == year && !p.IsPool && p.Status == LibraryStatus.Budgeted)
            .ToListAsync(ct);
        var totals = await db.ProjectTotals.AsNoTracking().Where(t => t.RegionCode == region && t.FiscalYear == year)
            .ToDictionaryAsync(t => t.ProjectId, t => new EvaluationFunds(t.Initial, t.Adjusted, t.Executed), ct);
        var budgeted = projects.Where(p => totals.GetValueOrDefault(p.Id)?.AdjustedBudget > 0).ToList();
        var byDepartment = budgeted.Where(p => p.DepartmentId is not null).GroupBy(p => p.DepartmentId!.Value)
            .ToDictionary(g => g.Key, g => new EvaluationFunds(g.Sum(p => totals[p.Id].InitialBudget), g.Sum(p => totals[p.Id].AdjustedBudget),
                g.Sum(p => totals[p.Id].Executed)));
        return new YearFunds(budgeted, budgeted.ToDictionary(p => p.Id, p => totals[p.Id]), byDepartment);
    }

    /// <summary>
    /// 下达自评任务 after the year: every budgeted project with money in the year (年初, 追加, 待分资金分配 alike) and
    /// approved targets gets its 自评表, prefilled with 年初预算数, 全年预算数 and 全年执行数 from the ledger and the
    /// indicators of the approved targets; every department with approved overall targets gets one too. Issuing
    /// again adds what is new (targets approved since) and leaves existing forms alone.
    /// </summary>
    public static async Task<EvaluationsIssued> IssueAsync(JixiaoDbContext db, CurrentUser user, int year, DateTime nowUtc, CancellationToken ct)
    {
        var (forms, issued) = await FormsToIssueAsync(db, RoundWork.RegionOf(user), year, nowUtc, ct);
        db.SelfEvaluations.AddRange(forms);
        await CommitAsync(db, ct);
        return issued;
    }

    /// <summary>
    /// The forms <see cref="IssueAsync"/> adds, not yet saved (the scale generator fills them before it writes them in bulk),
    /// and what issuing them does.
    /// </summary>
    internal static async Task<(List<SelfEvaluation> Forms, EvaluationsIssued Issued)> FormsToIssueAsync(JixiaoDbContext db, string region, int year,
        DateTime nowUtc, CancellationToken ct)
    {
        FiscalYears.EnsureValid(year);
        var today = BusinessCalendar.DateOf(nowUtc);
        if (today <= new DateOnly(year, 12, 31))
            throw new DomainException($"{year} 年度尚未结束（今天 {today:yyyy-MM-dd}）：单位自评在年度结束后开展。", "年度");
        var weights = await WeightsAsync(db, region, year, ct);
        var funds = await YearFundsAsync(db, region, year, ct);
        var approved = await db.Targets.AsNoTracking().Include(t => t.Indicators)
            .Where(t => t.RegionCode == region && t.FiscalYear == year && t.State == TargetState.Approved)
            .ToListAsync(ct);
        var issued = (await db.SelfEvaluations.AsNoTracking().Where(e => e.RegionCode == region && e.FiscalYear == year)
            .Select(e => e.TargetId).ToListAsync(ct)).ToHashSet();
        var byProject = approved.Where(t => t.ProjectId is not null).ToDictionary(t => t.ProjectId!.Value);

        var forms = new List<SelfEvaluation>();
        int created = 0, already = 0, withoutTargets = 0;
        var amountWithout = 0m;
        foreach (var project in funds.Projects)
        {
            var figures = funds.ByProject[project.Id];
            if (!byProject.TryGetValue(project.Id, out var target))
            {
                withoutTargets++;
                amountWithout += figures.AdjustedBudget;
                continue;
            }
            if (issued.Contains(target.Id)) { already++; continue; }
            forms.Add(SelfEvaluation.ForProject(project, target, figures, weights, nowUtc));
            created++;
        }
        var departmentTargets = approved.Where(t => t.Subject == TargetSubject.Department).ToList();
        var departmentOrgs = await db.OrgUnits.AsNoTracking().Where(o => departmentTargets.Select(t => t.OrgUnitId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var createdDepartments = 0;
        foreach (var target in departmentTargets)
        {
            if (issued.Contains(target.Id)) { already++; continue; }
            forms.Add(SelfEvaluation.ForDepartment(departmentOrgs[target.OrgUnitId], year, target,
                funds.ByDepartment.GetValueOrDefault(target.OrgUnitId) ?? new EvaluationFunds(0, 0, 0), weights, nowUtc));
            createdDepartments++;
        }
        return (forms, new EvaluationsIssued(year, created, createdDepartments, already, withoutTargets, amountWithout));
    }
}
