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
        var division = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == id, ct);
        var department = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == departmentId, ct);
        if (division is null || department is null) return NotFound();
        if (await db.DivisionAssignments.AnyAsync(d => d.FiscalYear == FiscalYear && d.DepartmentId == departmentId, ct))
            throw new DomainException($"{FiscalYear} 年度“{department.Name}”已归口其他业务股室，请先在原股室移除。", "部门");
        db.DivisionAssignments.Add(DivisionAssignment.Create(FiscalYear, division, department));
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id, Year });
    }

    public async Task<IActionResult> OnPostUnassignAsync(long id, long departmentId, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.For(Role.SystemAdmin))).Succeeded) return Forbid();
        var link = await db.DivisionAssignments.SingleOrDefaultAsync(d => d.DivisionId == id && d.DepartmentId == departmentId && d.FiscalYear == FiscalYear, ct);
        if (link is null) return NotFound();
        db.DivisionAssignments.Remove(link);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id, Year });
    }
}
