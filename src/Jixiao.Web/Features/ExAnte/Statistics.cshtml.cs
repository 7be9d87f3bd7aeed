using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>事前评估统计 of a year (finance, each within its scope; by default the year whose budget is being prepared).</summary>
[Authorize(Policy = Policies.FinanceStaff)]
public sealed class StatisticsModel(JixiaoDbContext db, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public ExAnteStatistics Stats { get; private set; } = null!;
    public int CurrentYear => calendar.Year;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year + 1;
        Stats = await ExAnteStatisticsQuery.ForYearAsync(db, Year.Value, ct);
    }
}
