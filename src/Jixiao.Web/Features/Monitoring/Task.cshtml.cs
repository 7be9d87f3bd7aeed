using Jixiao.Domain.Evidence;
using Jixiao.Web.Features.Evidence;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.Printing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>One row of the return form as posted.</summary>
public sealed class RowForm
{
    public int Row { get; set; }
    public string? Actual { get; set; }
    public QualitativeOutcome? Outcome { get; set; }
    public string? Expected { get; set; }
    public DeviationCause? Cause { get; set; }
    public Likelihood? Likelihood { get; set; }
    public string? Measures { get; set; }
}

/// <summary>
/// One monitoring return: the unit fills and submits it, reviewers pass or return it, the performance division
/// flags it for key monitoring and records corrective actions that flow into the ledger.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class TaskModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, IOptions<FormLimits> limits) : PageModel
{
    public TaskView View { get; private set; } = null!;
    public PrintedForm<TaskView> Print { get; private set; } = null!;
    public IReadOnlyDictionary<long, string> ReviewerNames { get; private set; } = new Dictionary<long, string>();
    [TempData] public string? Done { get; set; }

    /// <summary>全年预计执行数 in 万元 as finance tables print it.</summary>
    [BindProperty] public decimal? ExpectedWan { get; set; }
    [BindProperty] public DeviationCause? ExecutionCause { get; set; }
    [BindProperty] public string? ExecutionMeasures { get; set; }
    [BindProperty] public List<RowForm> Rows { get; set; } = [];

    public EvidenceList Attachments { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var view = await MonitoringQueries.TaskAsync(db, user, id, ct);
        if (view is null) return NotFound();
        View = view;
        Print = await TaskPrint.PrintAsync(db, view, clock.GetUtcNow().UtcDateTime, ct);
        ReviewerNames = await Workflow.Reviewers.NamesAsync(db, view.Steps.Select(s => s.UserId), ct);
        Attachments = (await EvidenceWork.ListAsync(db, user, EvidenceOwner.MonitoringTask, id, ct))!;
        if (Request.Method == HttpMethods.Get)
        {
            ExpectedWan = view.ExpectedExecution is { } e ? e / 10_000m : null;
            ExecutionCause = view.ExecutionCause;
            ExecutionMeasures = view.ExecutionMeasures;
            Rows = view.Rows.Select(r => new RowForm
            {
                Row = r.Row, Actual = r.Actual, Outcome = r.Outcome, Expected = r.Expected, Cause = r.Cause, Likelihood = r.Likelihood, Measures = r.Measures,
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
        var input = new ReturnInput(Yuan(ExpectedWan), ExecutionCause, ExecutionMeasures,
            Rows.Select(r => new ReturnRowInput(r.Row, r.Actual, r.Outcome, r.Expected, r.Cause, r.Likelihood, r.Measures)).ToList());
        return await Run(id, async now =>
        {
            if (submit)
                return await ReturnWork.FillAndSubmitAsync(db, user, id, input, limits.Value, now, ct) is { } submitted
                    ? $"已提交，当前状态：{submitted.State.Label()}。" : null;
            return await ReturnWork.FillAsync(db, user, id, input, limits.Value, now, ct) is { } task ? $"已保存，项目预警：{task.Light.Label()}。" : null;
        });
    }

    public Task<IActionResult> OnPostActAsync(long id, FormAction action, string? opinion, CancellationToken ct) =>
        Run(id, async now => await ReturnWork.ActAsync(db, user, id, action, opinion, now, ct) is { } task
            ? $"已{action.Label()}，当前状态：{task.State.Label()}。"
            : null);

    public Task<IActionResult> OnPostKeyAsync(long id, bool isKey, CancellationToken ct) =>
        Run(id, async now => await ReturnWork.MarkKeyAsync(db, user, id, isKey, now, ct) is null ? null : isKey ? "已列为财政重点监控。" : "已取消重点监控。");

    /// <summary>The corrective action as posted, kept in the confirmation step's hidden fields.</summary>
    public sealed record CorrectionForm(CorrectiveKind Kind, decimal? AmountWan, DateOnly? Date, string? DocumentNo, string? Reason, string? CounterpartCode);

    /// <summary>调减, 调剂, 收回 shown for confirmation before the ledger is written.</summary>
    public CorrectionPreview? Preview { get; private set; }
    public CorrectionForm? Posted { get; private set; }

    /// <summary>
    /// 记录整改措施. The amount is typed in 万元; the receiving project of a 调剂 by its code. An action that writes the
    /// ledger is first shown with its amount and project for confirmation; only the confirmation's post carries it out.
    /// </summary>
    public async Task<IActionResult> OnPostCorrectAsync(long id, CorrectiveKind kind, decimal? amountWan, DateOnly? date, string? documentNo, string? reason,
        string? counterpartCode, bool confirmed, CancellationToken ct)
    {
        var moves = kind is CorrectiveKind.Reduction or CorrectiveKind.Reallocation or CorrectiveKind.Recovery;
        if (moves && !confirmed)
        {
            var preview = await ReturnWork.PreviewCorrectionAsync(db, user, id, await RequestAsync(id, kind, amountWan, date, documentNo, reason, counterpartCode, false, ct),
                clock.GetUtcNow().UtcDateTime, ct);
            if (preview is null) return NotFound();
            (Preview, Posted) = (preview, new CorrectionForm(kind, amountWan, date, documentNo, reason, counterpartCode));
            return await OnGetAsync(id, ct);
        }
        return await Run(id, async now =>
        {
            var action = await ReturnWork.CorrectAsync(db, user, id, await RequestAsync(id, kind, amountWan, date, documentNo, reason, counterpartCode, confirmed, ct),
                now, ct);
            return action is null ? null
                : action.Kind == CorrectiveKind.TargetAdjustment ? $"已要求调整目标：生成第 {action.TargetVersion} 版草稿，退回单位修改（文号 {action.DocumentNo}）。"
                : action.MovesMoney ? $"已记录{action.Kind.Label()} {Money.FormatWan(action.Amount)} 万元，文号 {action.DocumentNo}，已记入项目指标账。"
                : $"已记录{action.Kind.Label()}，文号 {action.DocumentNo}。";
        });
    }

    private async Task<CorrectionRequest> RequestAsync(long id, CorrectiveKind kind, decimal? amountWan, DateOnly? date, string? documentNo, string? reason,
        string? counterpartCode, bool confirmed, CancellationToken ct) =>
        new(kind, Yuan(amountWan), date, documentNo, reason, await ReturnWork.CounterpartAsync(db, id, counterpartCode, ct), confirmed);

    /// <summary>An amount typed in 万元, in 元 to the 分.</summary>
    private static decimal? Yuan(decimal? wan) => wan is { } w ? decimal.Round(w * 10_000m, 2) : null;

    private static readonly Dictionary<string, string> FieldFixes = new()
    {
        [nameof(ExpectedWan)] = "全年预计执行数应为数字（万元），如 48 或 48.5",
        [nameof(ExecutionCause)] = "执行偏差原因请从列表中选择",
        [nameof(RowForm.Outcome)] = "达成情况请从列表中选择",
        [nameof(RowForm.Cause)] = "偏差原因请从列表中选择",
        [nameof(RowForm.Likelihood)] = "完成目标可能性请从列表中选择",
    };

    private async Task<IActionResult> Run(long id, Func<DateTime, Task<string?>> action)
    {
        var done = await action(clock.GetUtcNow().UtcDateTime);
        if (done is null) return NotFound();
        Done = done;
        return Redirect($"/Monitoring/Task/{id}");
    }
}
