using System.ComponentModel.DataAnnotations;
using Jixiao.Domain.Experts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Experts;

/// <summary>
/// One expert of the pool: fields, organisation, contact, the organisations and persons the expert stands aside for, and the
/// status with its reason. The performance division suspends, withdraws or reinstates (with a reason); the expert's own
/// account reads its record, the organisations it names by name.
/// </summary>
[Authorize(Policy = Policies.ExpertPool)]
public sealed class DetailsModel(JixiaoDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public ExpertStatus NewStatus { get; set; } = ExpertStatus.Suspended;
    [BindProperty, Display(Name = "意见")] public string? Reason { get; set; }

    public Expert Expert { get; private set; } = null!;
    public IReadOnlyDictionary<long, string> OrgNames { get; private set; } = new Dictionary<long, string>();
    public bool Keeps => User.IsInRole(Policies.For(Role.PerformanceDivision));

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await ExpertWork.FindAsync(db, id, ct) is not { } expert) return NotFound();
        Expert = expert;
        OrgNames = await ExpertWork.OrgNamesAsync(db, expert, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(long id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.For(Role.PerformanceDivision))).Succeeded) return Forbid();
        if (await ExpertWork.ChangeStatusAsync(db, id, new ExpertStatusChange(NewStatus, Reason), ct) is null) return NotFound();
        return Redirect($"/Experts/Details/{id}");
    }
}
