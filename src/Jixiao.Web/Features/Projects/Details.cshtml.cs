using System.Text.Json;
using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Projects;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Access.Policies.BusinessStaff)]
public sealed class DetailsModel(JixiaoDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }
    public ProjectDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var detail = await ProjectLedger.LoadAsync(db, id, AsOf, clock.GetUtcNow().UtcDateTime, ct);
        if (detail is null) return NotFound();
        Detail = detail;
        return Page();
    }

    public string ChartSeries => JsonSerializer.Serialize(Detail.Months.Select(m => new
    {
        month = m.Month,
        time = decimal.Round(m.TimeProgress * 100, 1),
        rate = m.ExecutionRate is { } r ? decimal.Round(r * 100, 1) : (decimal?)null,
    }));
}
