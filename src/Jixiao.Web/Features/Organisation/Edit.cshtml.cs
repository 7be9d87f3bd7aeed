using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Organisation;

[Authorize(Policy = nameof(Role.SystemAdmin))]
public sealed class EditModel(JixiaoDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public string RegionCode { get; set; } = "";
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public OrgKind Kind { get; set; } = OrgKind.Unit;
    [BindProperty] public DivisionKind? DivisionKind { get; set; }
    [BindProperty] public long? ParentId { get; set; }
    [BindProperty] public bool IsActive { get; set; } = true;

    public List<RegionDto> Regions { get; private set; } = [];
    public List<OrgDto> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
            if (org is null) return NotFound();
            if (HttpMethods.IsGet(Request.Method))
                (RegionCode, Code, Name, Kind, DivisionKind, ParentId, IsActive) =
                    (org.RegionCode, org.Code, org.Name, org.Kind, org.DivisionKind, org.ParentId, org.IsActive);
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await SaveOrg.UpdateAsync(db, id, Code, Name, IsActive, ct) is null) return NotFound();
            return Redirect($"/Organisation/Details/{id}");
        }
        var created = await SaveOrg.CreateAsync(db, new SaveOrg.Command(RegionCode, Code, Name, Kind,
            Kind == OrgKind.Division ? DivisionKind : null, ParentId, IsActive), ct);
        return Redirect($"/Organisation/Details/{created!.Id}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Regions = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Code)
            .Select(r => new RegionDto(r.Code, r.Name, r.ParentCode, r.Level)).ToListAsync(ct);
        Parents = await OrganisationQueries.Project(db, db.OrgUnits.AsNoTracking()
                .Where(o => o.Kind == OrgKind.FinanceBureau || o.Kind == OrgKind.Department)
                .OrderBy(o => o.RegionCode).ThenBy(o => o.Code)).ToListAsync(ct);
    }
}
