using Jixiao.Domain.Evidence;
using Jixiao.Web.Features.Evidence;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Library;
using Jixiao.Web.Features.Printing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Targets;

/// <summary>One version of targets: content, findings, the stamped chain, versions with their differences, and the actions the user may take.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class DetailsModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public TargetView View { get; private set; } = null!;
    public PrintedForm<TargetView> Print { get; private set; } = null!;
    public IReadOnlyDictionary<long, string> ReviewerNames { get; private set; } = new Dictionary<long, string>();
    [TempData] public string? Done { get; set; }

    public EvidenceList Attachments { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var view = await TargetQueries.ViewAsync(db, user, id, ct);
        if (view is null) return NotFound();
        View = view;
        Print = await TargetPrint.PrintAsync(db, view, clock.GetUtcNow().UtcDateTime, ct);
        ReviewerNames = await Workflow.Reviewers.NamesAsync(db, view.Target.Steps.Select(s => s.UserId), ct);
        Attachments = (await EvidenceWork.ListAsync(db, user, EvidenceOwner.Target, id, ct))!;
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(long id, ReviewAction action, ReviewGrade? grade, string? opinion, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (action == ReviewAction.Adjust)
        {
            var draft = await TargetWork.AdjustAsync(db, user, id, opinion, now, ct);
            return draft is null ? NotFound() : Redirect($"/Targets/Edit/{draft.Id}");
        }
        var target = await TargetWork.ActAsync(db, user, id, action, grade, opinion, now, ct);
        if (target is null) return NotFound();
        Done = $"已{action.Label()}，当前状态：{target.State.Label()}。";
        return Redirect($"/Targets/Details/{id}");
    }

    /// <summary>纳入指标库: proposes one row of approved targets for the library.</summary>
    public async Task<IActionResult> OnPostProposeAsync(long id, int row, string sector, CancellationToken ct)
    {
        var entry = await LibraryQueries.ProposeAsync(db, user, new Proposal(id, row, sector), clock.GetUtcNow().UtcDateTime, ct);
        if (entry is null) return NotFound();
        Done = $"已申请将“{entry.Name}”纳入指标库，待绩效股审核。";
        return Redirect($"/Targets/Details/{id}");
    }
}
