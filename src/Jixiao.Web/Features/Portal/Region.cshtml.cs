using Jixiao.Domain.Disclosure;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Features.Portal;

/// <summary>A region-year: its batches with downloads, its departments, and every published item, searchable by project, department and sector.</summary>
public sealed class RegionModel(SystemDbContext db, PortalCache cache) : PortalPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public PublicationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public const int MaxSearch = 100;

    public PortalRegionYear View { get; private set; } = null!;
    public bool Clipped { get; private set; }

    public async Task<IActionResult> OnGetAsync(string region, int year, CancellationToken ct)
    {
        if (year is < Domain.Organisation.FiscalYears.Earliest or > Domain.Organisation.FiscalYears.Latest) return NotFound();
        // a search longer than anything a name holds is cut, and the page says so, rather than refused
        if (Q?.Trim() is { Length: > MaxSearch } q) (Q, Clipped) = (q[..MaxSearch], true);
        if (await cache.RegionYearAsync(db, region, year, new PortalQuery(Q, Department, Kind, Category, PageNumber), ct) is not { } view) return NotFound();
        View = view;
        return Page();
    }

    public string Filter(int? page = null) =>
        $"/portal/{View.RegionCode}/{View.Year}?Q={Uri.EscapeDataString(Q ?? "")}" + (Department is { } d ? $"&Department={Uri.EscapeDataString(d)}" : "")
        + (Kind is { } k ? $"&Kind={k}" : "") + (Category is { } c ? $"&Category={Uri.EscapeDataString(c)}" : "") + (page is { } p ? $"&p={p}" : "");
}
