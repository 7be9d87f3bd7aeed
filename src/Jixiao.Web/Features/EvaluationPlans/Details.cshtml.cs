using System.Globalization;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Evidence;
using Jixiao.Web.Features.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>
/// One 部门评价 or 财政重点评价: the subjects with the ledger and their self-evaluations; who evaluates (the engagement's stages, the
/// panel's scoring); the framework item by item with the scores and their notes; the evidence; the report by the national outline
/// (drafted from the figures, then edited); the findings; the conclusion to a total and a grade.
/// </summary>
[Authorize(Policy = Policies.BusinessStaff)]
public sealed class DetailsModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    /// <summary>Points and notes per item as typed, by the item's name.</summary>
    [BindProperty] public Dictionary<string, string?> Points { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Notes { get; set; } = [];
    [BindProperty] public string? FrameworkText { get; set; }
    [BindProperty] public Dictionary<string, string?> Sections { get; set; } = [];
    [BindProperty] public List<FindingRow> Findings { get; set; } = [];
    [BindProperty] public long? LinkId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>A finding as the form posts it (the amount in 万元).</summary>
    public sealed class FindingRow
    {
        public string? Problem { get; set; }
        public string? Cause { get; set; }
        public string? Suggestion { get; set; }
        public string? AmountWan { get; set; }
        public long? ProjectId { get; set; }
    }

    public PlanView View { get; private set; } = null!;
    public EvidenceList? Files { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await PlanQueries.ViewAsync(db, user, id, ct) is not { } view) return NotFound();
        View = view;
        Files = await EvidenceWork.ListAsync(db, user, EvidenceOwner.EvaluationPlan, id, ct);
        // What was saved, except in the form that was posted and refused (it shows what was typed).
        var posted = HttpMethods.IsPost(Request.Method) ? Request.Query["handler"].ToString() : "";
        if (posted != "Score")
        {
            Points = view.Items.ToDictionary(i => i.Name, i => i.Score is { } s ? Domain.Evaluations.Scores.Format(s) : null);
            Notes = view.Items.ToDictionary(i => i.Name, i => (string?)i.Note);
        }
        if (posted != "Framework") FrameworkText = view.FrameworkText;
        if (posted != "Report") Sections = view.Report.ToDictionary(s => s.Name, s => (string?)s.Text);
        if (posted != "Findings")
            Findings = [.. view.Findings.Select(f => new FindingRow
            {
                Problem = f.Problem, Cause = f.Cause, Suggestion = f.Suggestion, AmountWan = WanInput.Show(f.Amount), ProjectId = f.ProjectId,
            })];
        return Page();
    }

    /// <summary>Saves the scores typed (blank items keep what they had).</summary>
    public async Task<IActionResult> OnPostScoreAsync(long id, CancellationToken ct)
    {
        var given = new List<ItemScoreInput>();
        foreach (var (name, text) in Points.Where(p => !string.IsNullOrWhiteSpace(p.Value)))
        {
            if (!decimal.TryParse(text!.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
                throw new DomainException($"“{name}”的得分“{text}”应为数字，如 8.5。", name);
            given.Add(new ItemScoreInput(name, points, Notes.GetValueOrDefault(name)));
        }
        return await PlanWork.ScoreAsync(db, user, id, given, ct) is null ? NotFound() : Back(id, "scores");
    }

    public async Task<IActionResult> OnPostFrameworkAsync(long id, CancellationToken ct) =>
        await PlanWork.SetFrameworkAsync(db, user, id, new FrameworkInput(FrameworkText ?? ""), ct) is null ? NotFound() : Back(id, "scores");

    public async Task<IActionResult> OnPostLinkAsync(long id, CancellationToken ct)
    {
        var plan = await PlanQueries.ViewAsync(db, user, id, ct);
        if (plan is null) return NotFound();
        var input = plan.Evaluator == PlanEvaluator.Panel ? new PlanLinkInput(null, LinkId) : new PlanLinkInput(LinkId, null);
        return await PlanWork.LinkAsync(db, user, id, input, ct) is null ? NotFound() : Back(id, "evaluator");
    }

    public async Task<IActionResult> OnPostPanelAsync(long id, CancellationToken ct) =>
        await PlanWork.ApplyPanelAsync(db, user, id, ct) is null ? NotFound() : Back(id, "scores");

    /// <summary>Saves the sections as edited.</summary>
    public async Task<IActionResult> OnPostReportAsync(long id, CancellationToken ct) =>
        await PlanWork.WriteReportAsync(db, user, id, new PlanReportInput(Sections), ct) is null ? NotFound() : Back(id, "report");

    /// <summary>Writes the sections still blank from the scores, the ledger and the findings.</summary>
    public async Task<IActionResult> OnPostDraftAsync(long id, CancellationToken ct) =>
        await PlanWork.WriteReportAsync(db, user, id, new PlanReportInput(null, Draft: true), ct) is null ? NotFound() : Back(id, "report");

    public async Task<IActionResult> OnPostFindingsAsync(long id, CancellationToken ct)
    {
        var rows = Findings.Where(f => !(string.IsNullOrWhiteSpace(f.Problem) && string.IsNullOrWhiteSpace(f.Suggestion) && string.IsNullOrWhiteSpace(f.Cause)))
            .Select((f, i) => new FindingInput(f.Problem, f.Cause, f.Suggestion, WanInput.Yuan(f.AmountWan, $"第 {i + 1} 条问题的涉及金额"), f.ProjectId)).ToList();
        return await PlanWork.SetFindingsAsync(db, user, id, new PlanFindingsInput(rows), ct) is null ? NotFound() : Back(id, "findings");
    }

    public async Task<IActionResult> OnPostConcludeAsync(long id, CancellationToken ct) =>
        await PlanWork.ConcludeAsync(db, user, id, clock.GetUtcNow().UtcDateTime, ct) is null ? NotFound() : Back(id, "conclusion");

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct) =>
        await PlanWork.CancelAsync(db, user, id, new PlanCancelInput(Reason), ct) is null ? NotFound() : Back(id, "conclusion");

    private RedirectResult Back(long id, string part) => Redirect($"/EvaluationPlans/Details/{id}#{part}");
}
