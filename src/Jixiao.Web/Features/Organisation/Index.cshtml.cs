using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Organisation;

public sealed class IndexModel(JixiaoDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public OrgKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }

    public List<RegionDto> Regions { get; private set; } = [];
    public List<OrgDto> Orgs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new RegionDto(r.Code, r.Name, r.ParentCode, r.Level)).ToListAsync(ct);
        Orgs = await OrganisationQueries.ListAsync(db, Region, Kind, Keyword, ct);
    }
}
