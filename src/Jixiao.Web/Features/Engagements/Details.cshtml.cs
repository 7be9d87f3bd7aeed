using Jixiao.Domain.Engagements;
using Jixiao.Domain.Evidence;
using Jixiao.Web.Features.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Engagements;

/// <summary>
/// One 委托: before the draw, who may be drawn and why not, and the draw; after it, the draw record (finance's), the stages with
/// their deliverables, whose move it is, and the forms of the user's party (the agency submits, the unit and finance confirm or
/// object); the performance division sets the agency aside or cancels.
/// </summary>
[Authorize(Policy = Policies.EngagementParties)]
public sealed class DetailsModel(JixiaoDbContext db, CurrentUser user, BusinessClock calendar, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Seed { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? StageNote { get; set; }
    [BindProperty] public List<ReportItemScore> Report { get; set; } = [];

    public EngagementView View { get; private set; } = null!;
    public IReadOnlyList<EligibilityRow> Eligibility { get; private set; } = [];
    public IReadOnlyDictionary<long, EvidenceList> Deliverables { get; private set; } = new Dictionary<long, EvidenceList>();
    /// <summary>The checklist of the engagement's region-year (shown to the performance division once the engagement is completed).</summary>
    public ScoringForm? ReportForm { get; private set; }
    public DrawRecord? DrawRecord { get; private set; }
    public bool Keeps => User.IsInRole(Policies.For(Role.PerformanceDivision));

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await EngagementQueries.ViewAsync(db, user, id, calendar.Today, ct) is not { } view) return NotFound();
        View = view;
        if (Keeps && view.State == EngagementState.Preparing)
            Eligibility = await EngagementWork.EligibilityAsync(db, id, calendar.Today, ct) ?? [];
        var files = new Dictionary<long, EvidenceList>();
        foreach (var stage in view.Stages.Where(s => s.State != StageState.Locked))
            if (await EvidenceWork.ListAsync(db, user, EvidenceOwner.Deliverable, stage.Id, ct) is { } list)
                files[stage.Id] = list;
        Deliverables = files;
        if (Keeps && view.State == EngagementState.Completed)
            ReportForm = (await EngagementWork.SettingAsync(db, view.RegionCode, view.FiscalYear, ct))?.ReportQuality ?? ScoringForm.ReportQuality;
        if (await DrawRecordPrint.DrawnAsync(db, user, id, ct) is { } drawn)
            DrawRecord = DrawRecordPrint.Of(drawn, clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostDrawAsync(long id, CancellationToken ct) =>
        await EngagementWork.DrawAsync(db, user, id, Seed, calendar.Today, clock.GetUtcNow().UtcDateTime, ct) is null ? NotFound() : Back(id);

    public async Task<IActionResult> OnPostSetAsideAsync(long id, CancellationToken ct) =>
        await EngagementWork.SetAsideAsync(db, user, id, Reason, clock.GetUtcNow().UtcDateTime, ct) is null ? NotFound() : Back(id);

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct) =>
        await EngagementWork.CancelAsync(db, user, id, Reason, ct) is null ? NotFound() : Back(id);

    public async Task<IActionResult> OnPostStageAsync(long id, long stageId, StageAction action, CancellationToken ct) =>
        await EngagementWork.ActOnStageAsync(db, user, stageId, action, StageNote, clock.GetUtcNow().UtcDateTime, ct) is { } e && e.Id == id
            ? Redirect($"/Engagements/Details/{id}#stage-{stageId}")
            : NotFound();

    public async Task<IActionResult> OnPostScoreAsync(long id, CancellationToken ct)
    {
        if (BindingErrors.Explain(ModelState, nameof(Report), new Dictionary<string, string> { [nameof(ReportItemScore.Points)] = "得分应为数字，如 18.5" }))
            return await OnGetAsync(id, ct);
        return await EngagementWork.ScoreReportAsync(db, user, id, Report, clock.GetUtcNow().UtcDateTime, ct) is null
            ? NotFound()
            : Redirect($"/Engagements/Details/{id}#report-score");
    }

    /// <summary>The points shown in the score form: as posted when it came back with an error, else the stored ones.</summary>
    public string PointsShown(int row, string item) =>
        Request.HasFormContentType && Request.Form.TryGetValue($"Report[{row}].Points", out var typed) ? typed.ToString()
        : View.Report?.Items.FirstOrDefault(i => i.Item == item)?.Points.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private RedirectResult Back(long id) => Redirect($"/Engagements/Details/{id}");

    /// <summary>What the user's party may do on the stage now (the domain refuses the rest with its reason).</summary>
    public IReadOnlyList<StageAction> ActionsOn(StageView stage) => View.Party switch
    {
        StageParty.Agency when stage.State is StageState.Open or StageState.Objected => [StageAction.Submit],
        StageParty.Unit or StageParty.Finance when stage.Awaiting.Contains(View.Party.Value) => [StageAction.Confirm, StageAction.Object],
        _ => [],
    };
}
