using Jixiao.Domain.Evidence;
using Jixiao.Domain.Panels;
using Jixiao.Web.Features.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Panels;

/// <summary>
/// One 评审组: what it reviews, its form, materials and progress; the expert's own scoring form; finance's view of every expert's
/// scores with replacements; the result with its arithmetic once the last sitting expert has scored.
/// </summary>
[Authorize(Policy = Policies.PanelParties)]
public sealed class DetailsModel(JixiaoDbContext db, CurrentUser user, BusinessClock calendar, TimeProvider clock) : PageModel
{
    /// <summary>Points per item of the form, as the expert typed them (blank: not scored).</summary>
    [BindProperty] public Dictionary<string, decimal?> Given { get; set; } = [];
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "评审意见")] public string? Opinion { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public PanelView View { get; private set; } = null!;
    public EvidenceList? Materials { get; private set; }
    /// <summary>Finance's: the experts' draw record, printed from the page and downloadable as PDF.</summary>
    public PanelDrawRecord? DrawRecord { get; private set; }
    public bool Keeps => User.IsInRole(Policies.For(Role.PerformanceDivision));

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await PanelQueries.ViewAsync(db, user, id, calendar.Today, ct) is not { } view) return NotFound();
        View = view;
        if (HttpMethods.IsGet(Request.Method) && view.Mine is { } mine)
        {
            Given = mine.Scores.ToDictionary(s => s.Name, s => s.Given);
            Opinion = mine.Opinion;
        }
        Materials = await EvidenceWork.ListAsync(db, user, EvidenceOwner.PanelMaterial, id, ct);
        if (await PanelDrawPrint.FinanceAsync(db, user, id, ct) is { } panel)
            DrawRecord = PanelDrawPrint.Of(panel, clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostScoreAsync(long id, CancellationToken ct)
    {
        var given = Given.Where(g => g.Value is not null).ToDictionary(g => g.Key, g => g.Value!.Value);
        return await PanelWork.ScoreAsync(db, user, id, new PanelScores(given, Opinion), clock.GetUtcNow().UtcDateTime, ct) is null ? NotFound() : Back(id);
    }

    public async Task<IActionResult> OnPostReplaceAsync(long id, long expertId, CancellationToken ct) =>
        await PanelWork.ReplaceAsync(db, user, id, new PanelReplacement(expertId, Reason), ct) is null ? NotFound() : Back(id);

    private RedirectResult Back(long id) => Redirect($"/Panels/Details/{id}");
}
