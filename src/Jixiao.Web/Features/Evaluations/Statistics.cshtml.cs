using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>自评统计: coverage, grades, findings by kind, per department.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.FinanceStaff)]
public sealed class StatisticsModel(JixiaoDbContext db, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public EvaluationStatistics Stats { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        Stats = await EvaluationStatisticsQuery.ForYearAsync(db, Year.Value, ct);
    }
}
