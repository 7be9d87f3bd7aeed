using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>评价统计 of the evaluation year: by kind, subject, budget (四本预算), evaluator and agency — the figures the bureau reports.</summary>
[Authorize(Policy = Policies.FinanceStaff)]
public sealed class StatisticsModel(JixiaoDbContext db, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public PlanStatistics Stats { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        Stats = await PlanStatisticsQuery.ForYearAsync(db, Year.Value, ct);
    }
}
