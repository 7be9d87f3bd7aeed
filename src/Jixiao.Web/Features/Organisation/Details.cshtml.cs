using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Organisation;

public sealed class DetailsModel(JixiaoDbContext db, BusinessClock calendar, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public OrgDetailDto Detail { get; private set; } = null!;
    public List<OrgDto> AssignableDepartments { get; private set; } = [];
    public int FiscalYear => Year ?? calendar.Year;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var detail = await OrganisationQueries.DetailAsync(db, id, FiscalYear, ct);
        if (detail is null) return NotFound();
        Detail = detail;
        if (detail.Org is { Kind: OrgKind.Division, DivisionKind: DivisionKind.Business })
            AssignableDepartments = await OrganisationQueries.Project(db, db.OrgUnits.AsNoTracking()
                    .Where(o => o.RegionCode == detail.Org.RegionCode && o.Kind == OrgKind.Department
                                && !db.DivisionAssignments.Any(d => d.FiscalYear == FiscalYear && d.DepartmentId == o.Id)).OrderBy(o => o.Code))
                .ToListAsync(ct);
        return Page();
    }

    /// <summary>System admin: this division funds (and reviews) the department in the year.</summary>
    public async Task<IActionResult> OnPostAssignAsync(long id, long departmentId, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.For(Role.SystemAdmin))).Succeeded) return Forbid();
        if (await AssignDivision.AssignAsync(db, FiscalYear, id, departmentId, ct) is null) return NotFound();
        return RedirectToPage(new { id, Year });
    }

    public async Task<IActionResult> OnPostUnassignAsync(long id, long departmentId, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.For(Role.SystemAdmin))).Succeeded) return Forbid();
        if (!await AssignDivision.UnassignAsync(db, FiscalYear, id, departmentId, ct)) return NotFound();
        return RedirectToPage(new { id, Year });
    }
}
