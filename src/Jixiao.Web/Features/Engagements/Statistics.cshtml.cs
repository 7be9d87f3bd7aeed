using Jixiao.Web.Features.Agencies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Engagements;

/// <summary>
/// 委托统计 of a year (finance, each within its scope): totals, by scope and by agency with its stored rating; for the performance
/// division also the agencies' yearly rating as computed, which it stores on the register.
/// </summary>
[Authorize(Policy = Policies.FinanceStaff)]
public sealed class StatisticsModel(JixiaoDbContext db, CurrentUser user, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [TempData] public string? Done { get; set; }
    public EngagementStatistics Stats { get; private set; } = null!;
    public IReadOnlyList<AgencyYearRating> Ratings { get; private set; } = [];
    public bool Rates => user.Scope.Has(Role.PerformanceDivision);
    public int CurrentYear => calendar.Year;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        Stats = await EngagementStatisticsQuery.ForYearAsync(db, Year.Value, calendar.Today, ct);
        // Computed from every engagement of the region: the performance division's, who rate (a business division reads fewer).
        if (Rates) Ratings = await AgencyWork.RatingsAsync(db, user.RegionCode ?? "", Year.Value, ct);
    }

    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        var rated = await AgencyWork.RateAsync(db, user, Year.Value, ct);
        Done = $"已评定 {Year} 年度 {rated.Count(r => r.Score is not null)} 家机构的评级并记入机构库；低于 {Year + 1} 年度最低评级分的机构不参加 {Year + 1} 年度抽签。";
        return Redirect($"/Engagements/Statistics?Year={Year}#ratings");
    }
}
