using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>部门评价覆盖: who falls short of the share and by how much, with the planned plans' latest due date (before the deadline).</summary>
[Authorize(Policy = Policies.BusinessStaff)]
public sealed class CoverageModel(JixiaoDbContext db, CurrentUser user, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public CoverageReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        Report = await PlanStatisticsQuery.CoverageAsync(db, user, Year.Value, ct);
    }
}
