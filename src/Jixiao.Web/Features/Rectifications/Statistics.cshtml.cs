using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>整改统计 of a source year (or all): by source and by department — raised, open, overdue, with finance, done, on time.</summary>
[Authorize(Policy = Policies.FinanceStaff)]
public sealed class StatisticsModel(JixiaoDbContext db, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public RectificationStatistics Stats { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Stats = await RectificationStatisticsQuery.ForYearAsync(db, Year, calendar.Today, ct);
}
