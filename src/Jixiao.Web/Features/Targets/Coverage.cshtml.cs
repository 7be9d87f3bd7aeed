using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Targets;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.FinanceStaff)]
public sealed class CoverageModel(JixiaoDbContext db, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public FundingSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public Coverage Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        Result = await TargetQueries.CoverageAsync(db, Year.Value, Source, PageNumber, 50, ct);
    }

    public string Link(FundingSource? source, int page = 1) => $"/Targets/Coverage?Year={Year}&Source={source}&PageNumber={page}";
}
