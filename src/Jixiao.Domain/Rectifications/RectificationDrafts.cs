using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Monitoring;

namespace Jixiao.Domain.Rectifications;

/// <summary>The problem a source found, written for the item (finance may rewrite it), and what the source itself suggests.</summary>
/// <param name="Suggestion">the source's own requirement (an evaluation's 改进建议), used when finance gives none; "" when none</param>
public sealed record RectificationDraft(string Problem, string Suggestion, decimal Amount);

/// <summary>An indicator of a self-evaluation that was not met, as the draft names it.</summary>
public sealed record MissedIndicator(string Name, string TargetValue, string Actual, string Reason);

/// <summary>
/// The problem text of each source (DOMAIN.md §4.6), from what the source recorded — never typed twice. Each is clipped to the item's
/// limit with "…" so a long source never refuses the item.
/// </summary>
public static class RectificationDrafts
{
    public static RectificationDraft FromMonitoring(Light light, string lightReason, decimal budget, decimal executed) =>
        new(Clip($"绩效运行监控{light.Label()}：{Sentence(lightReason, "项目预警")}（截至监控时点全年预算数 {Money.Wan(budget)}，执行数 {Money.Wan(executed)}）。"),
            "", 0m);

    /// <summary>An approved self-evaluation: its score and grade and the indicators it did not meet, with the unit's own reasons.</summary>
    public static RectificationDraft FromSelfEvaluation(decimal? total, Grade grade, IReadOnlyList<MissedIndicator> missed)
    {
        var score = total is { } t ? $"自评得分 {Scores.Format(t)} 分（{grade.Label()}）" : $"自评等级{grade.Label()}";
        if (missed.Count == 0) return new(Clip($"{score}，绩效目标完成不理想。"), "", 0m);
        var rows = string.Join("；", missed.Select(m =>
            $"{m.Name}（目标 {Or(m.TargetValue)}，实际 {Or(m.Actual)}{(string.IsNullOrWhiteSpace(m.Reason) ? "，未说明原因" : $"，原因：{m.Reason.Trim()}")}）"));
        return new(Clip($"{score}，{missed.Count} 项指标未达到：{rows}。"), "", 0m);
    }

    public static RectificationDraft FromSpotCheck(decimal? selfScore, decimal? reviewScore, decimal? gap, string explanation) =>
        new(Clip($"抽查复核认定自评结果失真：自评 {Or(selfScore)} 分，复核 {Or(reviewScore)} 分，相差 {Or(gap)} 分。{Sentence(explanation, "")}"),
            "重新核实自评数据和佐证材料，说明失真原因，完善自评工作机制。", 0m);

    /// <summary>A finding of a department or key evaluation: its problem and cause; its suggestion is the requirement.</summary>
    public static RectificationDraft FromEvaluationFinding(string problem, string cause, string suggestion, decimal amount) =>
        new(Clip($"{problem.Trim()}{(string.IsNullOrWhiteSpace(cause) ? "" : $"（原因：{cause.Trim()}）")}"), Clip(suggestion.Trim()), amount);

    public static RectificationDraft FromExAnte(ExAnteConclusion conclusion, string reasons, decimal requested) =>
        new(Clip($"事前绩效评估结论“{conclusion.Label()}”：{Sentence(reasons, "")}（申请金额 {Money.Wan(requested)}）"),
            conclusion == ExAnteConclusion.Reject ? "按评估意见重新论证项目必要性和可行性，未经论证通过不得申请入库。" : "按评估意见修改完善项目方案和绩效目标后重新报送。", 0m);

    /// <summary>The text cut to <paramref name="limit"/> characters, ending "…" when cut.</summary>
    public static string Clip(string text, int limit = Rectification.TextLimit) =>
        text.Length <= limit ? text : text[..(limit - 1)] + "…";

    private static string Sentence(string text, string fallback)
    {
        var t = (text ?? "").Trim();
        return t.Length == 0 ? fallback : t;
    }

    private static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? "未填" : value.Trim();

    private static string Or(decimal? value) => value is { } v ? Scores.Format(v) : "—";
}
