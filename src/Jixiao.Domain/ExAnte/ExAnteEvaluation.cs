using Jixiao.Domain.Budget;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Panels;

namespace Jixiao.Domain.ExAnte;

/// <summary>The unit's 事前评估报告: a text per dimension, the materials it provides, the amount it asks for and the targets it proposes.</summary>
public sealed record ExAnteApplication(IReadOnlyDictionary<string, string> Report, IReadOnlyList<string> Materials, decimal RequestedAmount,
    string OverallGoal, string AnnualGoal, string Indicators);

/// <summary>Finance's score: the total, the points per item (<see cref="ScoringForm.WritePoints"/>) and how it was reached.</summary>
public sealed record ExAnteScore(decimal Total, string Points, string Explanation)
{
    /// <summary>A score given item by item on the form (finance's own, or an agency's as its report gives them), with its sum in words.</summary>
    /// <param name="by">who scored, as the explanation begins ("财政自行评估")</param>
    public static ExAnteScore Of(ScoringForm form, IReadOnlyDictionary<string, decimal> given, string by)
    {
        var total = form.Score(given);
        return new(total, form.WritePoints(given), $"{by}：{string.Join(" + ", form.Items.Select(i => $"{i.Name} {Scores.Format(given[i.Name])}"))} = {Scores.Format(total)} 分");
    }

    /// <summary>A closed panel's result, with the sitting experts' mean points per item (what its total is made of).</summary>
    public static ExAnteScore Of(Panel panel)
    {
        if (panel.Result is not { } result) throw new ConflictException($"评审组“{panel.Title}”尚未出结果。");
        var scored = panel.Members.Where(m => m.Sitting && m.Total is not null).Select(m => m.Given).ToList();
        var form = panel.ScoringForm;
        var means = form.Items.ToDictionary(i => i.Name, i => decimal.Round(scored.Average(g => g[i.Name]), 1, MidpointRounding.AwayFromZero));
        return new(result, form.WritePoints(means), $"专家评审组“{panel.Title}”{panel.ResultExplanation}");
    }
}

/// <summary>
/// 事前绩效评估 of one project of the library ("先评估后入库", DOMAIN.md §4.1): raised by the screening rules (or by finance by
/// hand), answered by the unit's own assessment against the five dimensions, then assessed by finance — itself, through an
/// expert panel or an agency — to a score, a conclusion by the region-year's thresholds, reasons and a suggested budget cap.
/// 调整完善后予以支持 opens the gate only once finance accepts the revised application. <see cref="GateOpen"/> is what the budget
/// ledger asks before an initial approval or an addition.
/// </summary>
public sealed class ExAnteEvaluation : IOrgOwned
{
    private ExAnteEvaluation() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public long ProjectId { get; private set; }
    /// <summary>The project's unit (the scope filter follows it).</summary>
    public long OrgUnitId { get; private set; }
    public long? DepartmentId { get; private set; }
    public ExAnteVariant Variant { get; private set; }
    /// <summary>Why it is needed: the rules that held ("；"-joined), or finance's reason for adding it by hand.</summary>
    public string Trigger { get; private set; } = "";
    public bool AddedByHand { get; private set; }
    public ExAnteState State { get; private set; }
    public decimal RequestedAmount { get; private set; }

    /// <summary>The unit's report, a dimension a block (<see cref="ReportText"/>).</summary>
    public string Report { get; private set; } = "";
    /// <summary>The standard materials the unit says it provides, one a line.</summary>
    public string Materials { get; private set; } = "";
    public string OverallGoal { get; private set; } = "";
    public string AnnualGoal { get; private set; } = "";
    /// <summary>Proposed indicators, one a line (<see cref="ProposedTargets"/>), carried into the target form when it starts.</summary>
    public string Indicators { get; private set; } = "";
    public string SubmittedBy { get; private set; } = "";
    public DateTime? SubmittedAtUtc { get; private set; }
    /// <summary>Finance's reason when it sent the application back for more.</summary>
    public string ReturnReason { get; private set; } = "";

    public ExAnteRoute? Route { get; private set; }
    public long? PanelId { get; private set; }
    public long? EngagementId { get; private set; }
    /// <summary>The scoring form used (<see cref="ScoringForm.Write"/>) and the points per item.</summary>
    public string Form { get; private set; } = "";
    public string Points { get; private set; } = "";
    public decimal? Score { get; private set; }
    public string ScoreExplanation { get; private set; } = "";
    public ExAnteConclusion? Conclusion { get; private set; }
    public string Reasons { get; private set; } = "";
    /// <summary>建议预算控制数 (元); an initial approval above it is refused or warned (<see cref="ExAnteRules.CapMode"/>).</summary>
    public decimal? Cap { get; private set; }
    public string ConcludedBy { get; private set; } = "";
    public DateTime? ConcludedAtUtc { get; private set; }

    public string Revision { get; private set; } = "";
    public decimal? RevisedAmount { get; private set; }
    public DateTime? RevisedAtUtc { get; private set; }
    public string RevisionOpinion { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    /// <summary>Raised by every change (the concurrency token).</summary>
    public int Version { get; private set; }

    /// <summary>The library's status: 待评估 until the unit's report is in, 评估中 until the conclusion, then the conclusion.</summary>
    public ExAnteStatus Status => StatusOf(State, Conclusion);

    /// <summary>The library's status of a state and conclusion (also for a query's rows, which hold only those two).</summary>
    public static ExAnteStatus StatusOf(ExAnteState state, ExAnteConclusion? conclusion) => state switch
    {
        ExAnteState.Pending => ExAnteStatus.Pending,
        ExAnteState.Assessing => ExAnteStatus.Assessing,
        _ => conclusion switch
        {
            ExAnteConclusion.Support => ExAnteStatus.Supported,
            ExAnteConclusion.SupportAfterRevision => ExAnteStatus.SupportedAfterRevision,
            _ => ExAnteStatus.Rejected,
        },
    };

    /// <summary>The budget may be approved: supported, or supported after revision and the revision accepted.</summary>
    public bool GateOpen => Conclusion == ExAnteConclusion.Support
                            || (Conclusion == ExAnteConclusion.SupportAfterRevision && State == ExAnteState.RevisionAccepted);

    public IReadOnlyDictionary<string, string> ReportByDimension => ReportText.Read(Report);

    public IReadOnlyList<string> MaterialList => Materials.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Raised by the screening: the rules that held, said in words.</summary>
    public static ExAnteEvaluation Screened(Project project, IReadOnlyList<string> triggers, DateTime nowUtc)
    {
        if (triggers.Count == 0) throw new DomainException($"项目“{project.Name}”不符合任何事前评估规则。", "规则");
        return New(project, ExAnteScreening.VariantOf(project), string.Join("；", triggers), false, nowUtc);
    }

    /// <summary>Finance adds any project by hand, with its reason.</summary>
    public static ExAnteEvaluation ByHand(Project project, ExAnteVariant variant, string? reason, DateTime nowUtc) =>
        New(project, variant, "财政指定：" + Domain.Reasons.Require(reason, "指定项目开展事前评估"), true, nowUtc);

    private static ExAnteEvaluation New(Project project, ExAnteVariant variant, string trigger, bool byHand, DateTime nowUtc)
    {
        if (project.IsPool) throw new DomainException($"“{project.Name}”是待分资金项目，分配到具体项目后再评估。", "项目");
        if (!Enum.IsDefined(variant)) throw new DomainException("评估对象应为“项目”或“政策”。", "评估对象");
        return new()
        {
            RegionCode = project.RegionCode, FiscalYear = project.FiscalYear, ProjectId = project.Id, OrgUnitId = project.OrgUnitId,
            DepartmentId = project.DepartmentId, Variant = variant, Trigger = trigger, AddedByHand = byHand, State = ExAnteState.Pending,
            RequestedAmount = project.RequestedAmount, CreatedAtUtc = nowUtc,
        };
    }

    /// <summary>The unit submits its own assessment: every dimension written, the materials it provides, at least one file attached.</summary>
    public void Submit(ExAnteApplication application, ExAnteRules rules, int files, string by, DateTime nowUtc)
    {
        if (State != ExAnteState.Pending)
            throw new ConflictException($"事前评估当前为“{State.Label()}”，只有待单位申报时可以提交评估报告。");
        var dimensions = ExAnteRules.Dimensions(Variant);
        foreach (var name in application.Report.Keys.Where(k => !dimensions.Contains(k)))
            throw new DomainException($"“{name}”不是{Variant.Label()}事前评估的维度（{string.Join("、", dimensions)}）。", name);
        var report = new Dictionary<string, string>();
        foreach (var d in dimensions)
        {
            var text = (application.Report.GetValueOrDefault(d) ?? "").Trim();
            if (text.Length < 10) throw new DomainException($"请按“{d}”写明本单位的评估（至少 10 个字）。", d);
            if (text.Length > 4000) throw new DomainException($"“{d}”不超过 4000 字。", d);
            report[d] = text;
        }
        var standard = rules.Materials(Variant);
        if (application.Materials.FirstOrDefault(m => !standard.Contains(m)) is { } unknown)
            throw new DomainException($"“{unknown}”不在本年度的{Variant.Label()}材料清单中（{string.Join("、", standard)}）。", "材料清单");
        if (files == 0) throw new DomainException("请先上传申报材料（项目申报书、实施方案等）作为附件，再提交评估报告。", "附件");
        Money.EnsurePositive(application.RequestedAmount, "申报金额");
        if ((application.OverallGoal ?? "").Trim().Length > 2000 || (application.AnnualGoal ?? "").Trim().Length > 2000)
            throw new DomainException("总体目标和年度目标各不超过 2000 字。", "目标");
        ProposedTargets.Parse(application.Indicators);
        (Report, Materials, RequestedAmount) = (ReportText.Write(report, dimensions), string.Join("\n", standard.Where(application.Materials.Contains)), application.RequestedAmount);
        (OverallGoal, AnnualGoal, Indicators) = ((application.OverallGoal ?? "").Trim(), (application.AnnualGoal ?? "").Trim(), (application.Indicators ?? "").Trim());
        (SubmittedBy, SubmittedAtUtc, ReturnReason, State) = (by, nowUtc, "", ExAnteState.Assessing);
        Version++;
    }

    /// <summary>Finance sends the application back for more (the reason shows to the unit).</summary>
    public void ReturnApplication(string? reason)
    {
        if (State != ExAnteState.Assessing)
            throw new ConflictException($"事前评估当前为“{State.Label()}”，只有财政评估中可以退回单位补充。");
        ReturnReason = Domain.Reasons.Require(reason, "退回补充");
        State = ExAnteState.Pending;
        Version++;
    }

    /// <summary>
    /// Finance concludes from a score (its own, the panel's or the agency's): the conclusion follows the thresholds; reasons are
    /// required; a cap, when given, is above 0 and not above the amount asked for; 不予支持 has none.
    /// </summary>
    public void Conclude(ExAnteRoute route, long? panelId, long? engagementId, ScoringForm form, ExAnteScore score, ExAnteRules rules,
        string? reasons, decimal? cap, string by, DateTime nowUtc)
    {
        if (State != ExAnteState.Assessing)
            throw new ConflictException(State == ExAnteState.Pending
                ? "单位尚未提交事前评估报告，不能出具评估结论。"
                : $"事前评估已出结论（{Conclusion?.Label()}），不能再次出具。");
        if (!Enum.IsDefined(route)) throw new DomainException("请选择评估方式：财政自行评估、专家评审或委托第三方机构。", "评估方式");
        if ((route == ExAnteRoute.Panel) != (panelId is not null))
            throw new DomainException(route == ExAnteRoute.Panel ? "专家评审方式请选择已出结果的事前评估评审组。" : "只有专家评审方式关联评审组。", "评审组");
        if ((route == ExAnteRoute.Engagement) != (engagementId is not null))
            throw new DomainException(route == ExAnteRoute.Engagement ? "委托第三方方式请选择事前评估委托。" : "只有委托第三方方式关联委托。", "委托");
        var conclusion = rules.ConclusionOf(score.Total);
        var why = Domain.Reasons.Require(reasons, "评估结论");
        if (cap is { } amount)
        {
            if (conclusion == ExAnteConclusion.Reject)
                throw new DomainException($"得分 {Scores.Format(score.Total)} 分，结论为不予支持，不应有建议预算控制数。", "控制数");
            Money.EnsurePositive(amount, "建议预算控制数");
            if (amount > RequestedAmount)
                throw new DomainException($"建议预算控制数 {Money.Wan(amount)}超过申报金额 {Money.Wan(RequestedAmount)}。", "控制数");
        }
        (Route, PanelId, EngagementId, Form, Points, Score) = (route, panelId, engagementId, form.Write(), score.Points, score.Total);
        ScoreExplanation = $"{score.Explanation}；{rules.Thresholds}，结论为“{conclusion.Label()}”";
        (Conclusion, Reasons, Cap, ConcludedBy, ConcludedAtUtc, State) = (conclusion, why, cap, by, nowUtc, ExAnteState.Concluded);
        Version++;
    }

    /// <summary>调整完善后予以支持: the unit sends its revised application (what changed, and the amount it now asks for).</summary>
    public void SubmitRevision(string? revision, decimal revisedAmount, string by, DateTime nowUtc)
    {
        if (Conclusion != ExAnteConclusion.SupportAfterRevision || State != ExAnteState.Concluded)
            throw new ConflictException(Conclusion == ExAnteConclusion.SupportAfterRevision
                ? $"修改稿当前为“{State.Label()}”，不能再次提交。"
                : "只有结论为“调整完善后予以支持”的事前评估需要提交修改稿。");
        var text = (revision ?? "").Trim();
        if (text.Length is < 10 or > 4000) throw new DomainException("请写明按评估意见调整完善了什么（10–4000 字）。", "修改说明");
        Money.EnsurePositive(revisedAmount, "调整后申报金额");
        if (Cap is { } cap && revisedAmount > cap)
            throw new DomainException($"调整后申报金额 {Money.Wan(revisedAmount)}超过建议预算控制数 {Money.Wan(cap)}，请按控制数调整。", "调整后金额");
        (Revision, RevisedAmount, RevisedAtUtc, SubmittedBy, RevisionOpinion, State) = (text, revisedAmount, nowUtc, by, "", ExAnteState.RevisionSubmitted);
        Version++;
    }

    /// <summary>Finance accepts the revision (the gate opens) or returns it with its reason.</summary>
    public void ActOnRevision(bool accept, string? opinion)
    {
        if (State != ExAnteState.RevisionSubmitted)
            throw new ConflictException($"修改稿当前为“{State.Label()}”，没有待确认的修改稿。");
        if (accept)
        {
            RevisionOpinion = (opinion ?? "").Trim() is { Length: > 0 } text ? Clean(text) : "同意";
            State = ExAnteState.RevisionAccepted;
        }
        else
        {
            RevisionOpinion = Domain.Reasons.Require(opinion, "退回修改稿");
            State = ExAnteState.Concluded;
        }
        Version++;
    }

    private static string Clean(string text) => text.Length <= 1000 ? text : throw new DomainException("意见不超过 1000 字。", "意见");
}

/// <summary>A report written a dimension a block: <c>【立项必要性】</c> on its own line, then the text.</summary>
public static class ReportText
{
    public static string Write(IReadOnlyDictionary<string, string> report, IReadOnlyList<string> order) =>
        string.Join("\n", order.Where(report.ContainsKey).Select(d => $"【{d}】\n{report[d]}"));

    public static IReadOnlyDictionary<string, string> Read(string text)
    {
        var result = new Dictionary<string, string>();
        string? current = null;
        var lines = new List<string>();
        foreach (var line in (text ?? "").Split('\n'))
        {
            if (line.StartsWith('【') && line.EndsWith('】'))
            {
                if (current is not null) result[current] = string.Join("\n", lines);
                (current, lines) = (line[1..^1], []);
            }
            else lines.Add(line);
        }
        if (current is not null) result[current] = string.Join("\n", lines);
        return result;
    }
}
