using System.ComponentModel.DataAnnotations;
using Jixiao.Domain.Agencies;
using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Agencies;

/// <summary>
/// One agency of the register: details, qualifications, status with its period, conflicts of interest and yearly ratings.
/// The performance division changes the status and puts conflicts on record (declared by the agency in its 利益冲突声明, or
/// known to finance); the agency's own account reads its record, the organisations of its conflicts by name.
/// </summary>
[Authorize(Policy = Policies.AgencyRegister)]
public sealed class DetailsModel(JixiaoDbContext db, BusinessClock calendar, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public AgencyStatus NewStatus { get; set; } = AgencyStatus.Suspended;
    [BindProperty, Display(Name = "意见")] public string? Reason { get; set; }
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }

    [BindProperty, Display(Name = "冲突单位")] public long? ConflictOrgId { get; set; }
    [BindProperty] public ConflictSource ConflictSource { get; set; } = ConflictSource.Declared;
    [BindProperty] public DateOnly? ConflictFrom { get; set; }
    [BindProperty] public DateOnly? ConflictTo { get; set; }
    [BindProperty, Display(Name = "冲突说明")] public string? ConflictNote { get; set; }

    public Agency Agency { get; private set; } = null!;
    public IReadOnlyDictionary<long, string> OrgNames { get; private set; } = new Dictionary<long, string>();
    public List<(long Id, string Name)> Orgs { get; private set; } = [];
    public bool Keeps => User.IsInRole(Policies.For(Role.PerformanceDivision));
    public DateOnly Today => calendar.Today;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await AgencyWork.FindAsync(db, id, ct) is not { } agency) return NotFound();
        Agency = agency;
        OrgNames = await AgencyWork.ConflictOrgNamesAsync(db, agency, ct);
        if (Keeps)
            Orgs = (await db.OrgUnits.AsNoTracking().Where(o => o.RegionCode == agency.RegionCode && (o.Kind == OrgKind.Department || o.Kind == OrgKind.Unit))
                    .OrderBy(o => o.Code).Select(o => new { o.Id, o.Code, o.Name }).ToListAsync(ct))
                .Select(o => (o.Id, $"{o.Code} {o.Name}")).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(long id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.For(Role.PerformanceDivision))).Succeeded) return Forbid();
        if (await AgencyWork.ChangeStatusAsync(db, id, new AgencyStatusChange(NewStatus, Reason, From, To), calendar.Today, ct) is null) return NotFound();
        return Redirect($"/Agencies/Details/{id}");
    }

    public async Task<IActionResult> OnPostConflictAsync(long id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.For(Role.PerformanceDivision))).Succeeded) return Forbid();
        if (ConflictOrgId is not { } org)
            throw new DomainException("请选择与本机构存在利益冲突的单位或部门。", "冲突单位");
        var input = new ConflictInput(org, ConflictSource, ConflictFrom ?? calendar.Today, ConflictTo, ConflictNote);
        if (await AgencyWork.AddConflictAsync(db, id, input, ct) is null) return NotFound();
        return Redirect($"/Agencies/Details/{id}");
    }

    public async Task<IActionResult> OnPostRemoveConflictAsync(long id, long conflictId, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.For(Role.PerformanceDivision))).Succeeded) return Forbid();
        if (await AgencyWork.RemoveConflictAsync(db, id, conflictId, ct) is null) return NotFound();
        return Redirect($"/Agencies/Details/{id}");
    }
}
