using Jixiao.Domain.Evidence;
using Jixiao.Domain.Rectifications;
using Jixiao.Web.Features.Evidence;
using Jixiao.Web.Features.Shared;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>
/// One rectification item: the problem, requirement, deadline and source; the responsible side's reply with its evidence; the department's
/// review and finance's verification; every step with who, when and why; finance's extension and withdrawal.
/// </summary>
[Authorize(Policy = Policies.BusinessStaff)]
public sealed class DetailsModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty, Display(Name = "整改措施及成效")] public string? Measures { get; set; }
    [BindProperty, Display(Name = "意见")] public string? Opinion { get; set; }
    [BindProperty, Display(Name = "整改期限")] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public RectificationView View { get; private set; } = null!;
    public EvidenceList? Files { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await RectificationQueries.ViewAsync(db, user, id, calendar.Today, ct) is not { } view) return NotFound();
        View = view;
        Files = await EvidenceWork.ListAsync(db, user, EvidenceOwner.Rectification, id, ct);
        var posted = HttpMethods.IsPost(Request.Method) ? Request.Query["handler"].ToString() : "";
        if (posted != "Reply") Measures = view.Measures;
        return Page();
    }

    /// <summary>Saves the reply; with <paramref name="submit"/> also hands it on.</summary>
    public async Task<IActionResult> OnPostReplyAsync(long id, bool submit, CancellationToken ct) =>
        await RectificationWork.ReplyAsync(db, user, id, new ReplyRequest(Measures, submit), Now, ct) is null ? NotFound() : Back(id);

    public async Task<IActionResult> OnPostActAsync(long id, RectificationAction action, CancellationToken ct) =>
        await RectificationWork.ActAsync(db, user, id, new ActRequest(action, Opinion), Now, ct) is null ? NotFound() : Back(id);

    public async Task<IActionResult> OnPostExtendAsync(long id, CancellationToken ct)
    {
        if (BindingErrors.Explain(ModelState, "", new Dictionary<string, string> { [nameof(Deadline)] = "新的整改期限应为日期，如 2027-03-31" }))
            return await OnGetAsync(id, ct);
        return await RectificationWork.ExtendAsync(db, user, id, new ExtendRequest(Deadline, Reason), Now, ct) is null ? NotFound() : Back(id);
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct) =>
        await RectificationWork.CancelAsync(db, user, id, new CancelRequest(Reason), Now, ct) is null ? NotFound() : Back(id);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private RedirectResult Back(long id) => Redirect($"/Rectifications/Details/{id}");
}
