using Jixiao.Domain.Evidence;
using Jixiao.Web.Features.Evidence;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.Printing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>One row of the 自评表 as posted.</summary>
public sealed class EvaluationRowForm
{
    public int Row { get; set; }
    public string? Actual { get; set; }
    public QualitativeOutcome? Outcome { get; set; }
    public decimal? Weight { get; set; }
    public decimal? Score { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// 项目支出绩效自评表: the unit fills it (findings and reference scores shown beside what it wrote) and submits;
/// reviewers pass or return it.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class FormModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, IOptions<FormLimits> limits) : PageModel
{
    public EvaluationView View { get; private set; } = null!;
    public PrintedForm<EvaluationView> Print { get; private set; } = null!;
    public IReadOnlyDictionary<long, string> ReviewerNames { get; private set; } = new Dictionary<long, string>();
    [TempData] public string? Done { get; set; }

    [BindProperty] public string? GoalCompletion { get; set; }
    [BindProperty] public decimal? ExecutionWeight { get; set; }
    [BindProperty] public decimal? ExecutionScore { get; set; }
    [BindProperty] public string? ExecutionWeightReason { get; set; }
    [BindProperty] public List<EvaluationRowForm> Rows { get; set; } = [];

    public EvidenceList Attachments { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var view = await EvaluationQueries.ViewAsync(db, user, id, ct);
        if (view is null) return NotFound();
        View = view;
        Print = await EvaluationPrint.PrintAsync(db, view, clock.GetUtcNow().UtcDateTime, ct);
        ReviewerNames = await Workflow.Reviewers.NamesAsync(db, view.Evaluation.Steps.Select(s => s.UserId), ct);
        Attachments = (await EvidenceWork.ListAsync(db, user, EvidenceOwner.SelfEvaluation, id, ct))!;
        if (Request.Method == HttpMethods.Get)
        {
            var e = view.Evaluation;
            (GoalCompletion, ExecutionWeight, ExecutionScore, ExecutionWeightReason) =
                (e.GoalCompletion, e.ExecutionWeight, e.ExecutionScore, e.ExecutionWeightReason);
            Rows = e.Rows.OrderBy(r => r.Row).Select(r => new EvaluationRowForm
            {
                Row = r.Row, Actual = r.Actual, Outcome = r.Outcome, Weight = r.Weight, Score = r.Score, Reason = r.Reason,
            }).ToList();
        }
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(long id, CancellationToken ct) => Fill(id, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct) => Fill(id, submit: true, ct);

    private async Task<IActionResult> Fill(long id, bool submit, CancellationToken ct)
    {
        if (BindingErrors.Explain(ModelState, nameof(Rows), FieldFixes))
            return await OnGetAsync(id, ct);
        return await Run(id, async now =>
        {
            var input = new EvaluationFill(GoalCompletion, ExecutionWeight, ExecutionScore,
                Rows.Select(r => new EvaluationRowInput(r.Row, r.Actual, r.Outcome, r.Weight, r.Score, r.Reason)).ToList(), ExecutionWeightReason).ToInput();
            var evaluation = await EvaluationWork.FillAsync(db, user, id, input, limits.Value, now, ct);
            if (evaluation is null) return null;
            if (!submit)
            {
                var blocking = evaluation.Findings.Count(f => f.Blocking);
                return blocking > 0 ? $"已保存。还有 {blocking} 个问题需要改正后才能提交（见上方检查结果）。" : "已保存，检查未发现阻止提交的问题。";
            }
            db.ChangeTracker.Clear();
            var submitted = await EvaluationWork.ActAsync(db, user, id, FormAction.Submit, null, now, ct);
            return submitted is null ? null : $"已提交，当前状态：{submitted.State.Label()}。";
        });
    }

    public Task<IActionResult> OnPostActAsync(long id, FormAction action, string? opinion, CancellationToken ct) =>
        Run(id, async now => await EvaluationWork.ActAsync(db, user, id, action, opinion, now, ct) is { } e
            ? $"已{action.Label()}，当前状态：{e.State.Label()}。"
            : null);

    private static readonly Dictionary<string, string> FieldFixes = new()
    {
        [nameof(ExecutionWeight)] = "预算执行率分值应为数字，如 10",
        [nameof(ExecutionScore)] = "预算执行率得分应为数字，如 9.5",
        [nameof(EvaluationRowForm.Weight)] = "分值应为数字，如 20",
        [nameof(EvaluationRowForm.Score)] = "得分应为数字（最多两位小数），如 18.5",
        [nameof(EvaluationRowForm.Outcome)] = "达成情况请从列表中选择",
    };

    private async Task<IActionResult> Run(long id, Func<DateTime, Task<string?>> action)
    {
        var done = await action(clock.GetUtcNow().UtcDateTime);
        if (done is null) return NotFound();
        Done = done;
        return Redirect($"/Evaluations/Form/{id}");
    }
}
