using Jixiao.Domain.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Library;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level2 { get; set; }
    [BindProperty(SupportsGet = true)] public LibraryKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool Proposals { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public LibraryPage Result { get; private set; } = null!;
    public bool Decides => user.Scope.Has(Role.PerformanceDivision);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await LibraryQueries.SearchAsync(db, Q, Sector, null, Level2, Kind,
            Proposals && Decides ? LibraryEntryStatus.Proposed : LibraryEntryStatus.Active, PageNumber, 50, ct);

    public async Task<IActionResult> OnPostDecideAsync(long id, bool accept, string? note, CancellationToken ct)
    {
        if (!Decides) return Forbid();
        if (await LibraryQueries.DecideAsync(db, user, id, new Decision(accept, note), ct) is null) return NotFound();
        return Redirect("/Library?Proposals=true");
    }

    public string Link(int page) =>
        QueryString.Create(new Dictionary<string, string?> { ["Q"] = Q, ["Sector"] = Sector, ["Level2"] = Level2, ["Kind"] = Kind?.ToString(),
            ["Proposals"] = Proposals ? "true" : null, ["PageNumber"] = page.ToString() }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
}
