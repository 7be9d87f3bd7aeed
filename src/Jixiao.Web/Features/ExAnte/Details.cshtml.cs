using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Evidence;
using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>
/// One 事前绩效评估: why the project needs it; the unit's report against the five dimensions with its materials; finance's
/// assessment (itself, a closed expert panel or an agency) to a score, a conclusion by the year's thresholds, reasons and a cap;
/// the revision when the conclusion asks for one; and whether the budget may now be approved. Amounts are typed in 万元.
/// </summary>
[Authorize(Policy = Policies.BusinessStaff)]
public sealed class DetailsModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    /// <summary>The unit's text per dimension.</summary>
    [BindProperty] public Dictionary<string, string?> Report { get; set; } = [];
    [BindProperty, Display(Name = "材料清单")] public List<string> Materials { get; set; } = [];
    [BindProperty, Display(Name = "申报金额")] public string? RequestedWan { get; set; }
    [BindProperty, Display(Name = "目标")] public string? OverallGoal { get; set; }
    [BindProperty] public string? AnnualGoal { get; set; }
    [BindProperty, Display(Name = "绩效指标")] public string? Indicators { get; set; }

    [BindProperty, Display(Name = "意见")] public string? ReturnReason { get; set; }
    [BindProperty, Display(Name = "评估方式")] public ExAnteRoute? Route { get; set; }
    [BindProperty, Display(Name = "评审组")] public long? PanelId { get; set; }
    [BindProperty, Display(Name = "委托")] public long? EngagementId { get; set; }
    /// <summary>Points per item of the form as typed (finance's own, or the agency's).</summary>
    [BindProperty] public Dictionary<string, string?> Points { get; set; } = [];
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty, Display(Name = "控制数")] public string? CapWan { get; set; }

    [BindProperty, Display(Name = "修改说明")] public string? Revision { get; set; }
    [BindProperty, Display(Name = "调整后金额")] public string? RevisedWan { get; set; }
    [BindProperty] public string? Opinion { get; set; }

    public ExAnteView View { get; private set; } = null!;
    public EvidenceList? Files { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await ExAnteQueries.ViewAsync(db, user, id, ct) is not { } view) return NotFound();
        View = view;
        Files = await EvidenceWork.ListAsync(db, user, EvidenceOwner.ExAnte, id, ct);
        if (HttpMethods.IsGet(Request.Method))
        {
            Report = view.Dimensions.ToDictionary(d => d, d => view.Report.GetValueOrDefault(d));
            Materials = [.. view.Materials];
            RequestedWan = WanInput.Show(view.RequestedAmount);
            (OverallGoal, AnnualGoal, Indicators) = (view.OverallGoal, view.AnnualGoal, view.Indicators);
            var closed = view.Panels.FirstOrDefault(p => p.Result is not null);
            (Route, PanelId) = closed is null ? (ExAnteRoute.Finance, (long?)null) : (ExAnteRoute.Panel, closed.Id);
            Points = view.Form.ToDictionary(i => i.Name, i => i.Given is { } g ? Scores.Format(g) : null);
            Revision = view.Revision;
            RevisedWan = WanInput.Show(view.RevisedAmount ?? view.Cap ?? view.RequestedAmount);
        }
        return Page();
    }

    /// <summary>The unit submits its report (every dimension, the materials ticked, the amount in 万元, the targets it proposes).</summary>
    public async Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct)
    {
        var input = new ExAnteApplicationInput(Report.ToDictionary(r => r.Key, r => r.Value ?? ""), Materials,
            WanInput.Yuan(RequestedWan, "申报金额") ?? 0, OverallGoal, AnnualGoal, Indicators);
        return await ExAnteWork.SubmitAsync(db, user, id, input, clock.GetUtcNow().UtcDateTime, ct) is null ? NotFound() : Back(id, "report");
    }

    /// <summary>Finance sends the report back for more, with the reason the unit reads.</summary>
    public async Task<IActionResult> OnPostReturnAsync(long id, CancellationToken ct) =>
        await ExAnteWork.ReturnAsync(db, user, id, new ExAnteOpinion(ReturnReason), ct) is null ? NotFound() : Back(id, "report");

    /// <summary>Finance concludes: the route and its source (a closed panel, an engagement), the points per item otherwise, reasons and the cap.</summary>
    public async Task<IActionResult> OnPostConcludeAsync(long id, CancellationToken ct)
    {
        if (Route is not { } route || !Enum.IsDefined(route))
            throw new DomainException("请选择评估方式：财政自行评估、专家评审或委托第三方机构。", "评估方式");
        var points = route == ExAnteRoute.Panel ? null : Given();
        var input = new ExAnteConclusionInput(route, route == ExAnteRoute.Panel ? PanelId : null, route == ExAnteRoute.Engagement ? EngagementId : null,
            points, Reasons, WanInput.Yuan(CapWan, "建议预算控制数"));
        return await ExAnteWork.ConcludeAsync(db, user, id, input, clock.GetUtcNow().UtcDateTime, ct) is null ? NotFound() : Back(id, "assessment");
    }

    /// <summary>The unit's revised application after 调整完善后予以支持: what changed and the amount in 万元 (not above the cap).</summary>
    public async Task<IActionResult> OnPostReviseAsync(long id, CancellationToken ct) =>
        await ExAnteWork.ReviseAsync(db, user, id, new ExAnteRevisionInput(Revision, WanInput.Yuan(RevisedWan, "调整后申报金额") ?? 0),
            clock.GetUtcNow().UtcDateTime, ct) is null ? NotFound() : Back(id, "revision");

    /// <summary>Finance accepts the revision (the budget may then be approved) or returns it with its opinion.</summary>
    public async Task<IActionResult> OnPostRevisionAsync(long id, bool accept, CancellationToken ct) =>
        await ExAnteWork.ActOnRevisionAsync(db, user, id, new ExAnteRevisionDecision(accept, Opinion), ct) is null ? NotFound() : Back(id, "revision");

    /// <summary>
    /// Where a refusal shows: in the form that was posted, when the page still shows it; above everything otherwise (on a GET, the
    /// empty box at the top).
    /// </summary>
    public bool ErrorsHere(string? handler)
    {
        var posted = HttpMethods.IsPost(Request.Method) ? Request.Query["handler"].ToString() : null;
        var shown = posted switch
        {
            "Submit" => View.CanSubmit,
            "Return" or "Conclude" => View.CanAssess,
            "Revise" => View.CanRevise,
            "Revision" => View.CanActOnRevision,
            _ => false,
        };
        return shown ? posted == handler : handler is null;
    }

    /// <summary>The indicators the unit proposed, as rows.</summary>
    public IReadOnlyList<TargetIndicatorInput> Proposed => ProposedTargets.Parse(View.Indicators);

    /// <summary>Whether the budget may be approved now, and if not, what is still missing.</summary>
    public string Gate => View.GateOpen
        ? "可以安排预算" + (View.Cap is { } cap
            ? $"：年初批复合计不超过建议预算控制数 {Money.Wan(cap)}（超过时{(View.CapMode == CapMode.Refuse ? "导入被拒绝" : "警示后允许")}）。"
            : "。")
        : (View.Conclusion == ExAnteConclusion.Reject ? "不能安排预算：" : "暂不能安排预算：") + View.GateReason;

    private Dictionary<string, decimal> Given()
    {
        var given = new Dictionary<string, decimal>();
        foreach (var (name, text) in Points.Where(p => !string.IsNullOrWhiteSpace(p.Value)))
        {
            if (!decimal.TryParse(text!.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
                throw new DomainException($"“{name}”的得分“{text}”应为数字，如 18.5。", name);
            given[name] = points;
        }
        return given;
    }

    private RedirectResult Back(long id, string part) => Redirect($"/ExAnte/Details/{id}#{part}");
}
