using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;

namespace Jixiao.Domain.EvaluationPlans;

/// <summary>A subject's money as the ledger has it for the year (for the report's 基本情况).</summary>
/// <param name="Initial">年初预算数</param>
/// <param name="Adjusted">全年预算数, after every adjustment</param>
/// <param name="Executed">全年执行数</param>
/// <param name="SelfScore">the subject's self-evaluation total and grade, when there is one</param>
public sealed record SubjectFunds(string Name, string Unit, decimal Initial, decimal Adjusted, decimal Executed, decimal? SelfScore, Grade? SelfGrade);

/// <summary>
/// The report outline of 财预〔2020〕10号 附件: seven sections, the first six required. <see cref="Draft"/> writes a first version from
/// the plan, its scores and the ledger, which the evaluator then edits — never a blank page, never figures typed twice.
/// </summary>
public static class PlanReport
{
    public const string Basics = "基本情况";
    public const string Work = "绩效评价工作开展情况";
    public const string Conclusion = "综合评价情况及评价结论";
    public const string Analysis = "绩效评价指标分析";
    public const string Problems = "主要经验及做法、存在的问题及原因分析";
    public const string Suggestions = "有关建议";
    public const string Other = "其他";

    public static readonly IReadOnlyList<string> Sections = [Basics, Work, Conclusion, Analysis, Problems, Suggestions, Other];
    public static readonly IReadOnlyList<string> Required = [Basics, Work, Conclusion, Analysis, Problems, Suggestions];

    /// <summary>The sections a plan's figures can write; a section the evaluator already wrote is kept unless <paramref name="replace"/>.</summary>
    public static IReadOnlyDictionary<string, string?> Draft(EvaluationPlan plan, IReadOnlyList<SubjectFunds> funds, string evaluatorName, bool replace)
    {
        var written = plan.Sections;
        var adjusted = funds.Sum(f => f.Adjusted);
        var executed = funds.Sum(f => f.Executed);
        var draft = new Dictionary<string, string?>
        {
            [Basics] = string.Join("\n", funds.Select(f =>
                    $"{f.Name}（{f.Unit}）：{plan.FiscalYear} 年年初预算 {Money.Wan(f.Initial)}，全年预算 {Money.Wan(f.Adjusted)}，执行 {Money.Wan(f.Executed)}，执行率 {Percent.Of(f.Executed, f.Adjusted)}"
                    + (f.SelfScore is { } s ? $"；单位自评 {Scores.Format(s)} 分（{f.SelfGrade?.Label()}）。" : "；未完成单位自评。"))
                .Prepend($"本次{plan.Kind.Label()}“{plan.Title}”（{plan.Code}）评价对象为{plan.SubjectKind.Label()}，共 {plan.Subjects.Count} 个，涉及资金 {Money.Wan(plan.Amount)}"
                    + (funds.Count > 1 ? $"，全年预算合计 {Money.Wan(adjusted)}、执行 {Money.Wan(executed)}（{Percent.Of(executed, adjusted)}）。" : "。"))),
            [Work] = $"评价主体：{evaluatorName}（{plan.Evaluator.Label()}）。选取来源：{plan.Source.Label()}{(plan.SourceNote.Length > 0 ? "（" + plan.SourceNote + "）" : "")}。"
                     + $"评价期间 {plan.StartOn:yyyy年M月d日} 至 {plan.DueOn:yyyy年M月d日}。评价采用{Levels(plan)}的指标体系，共 {plan.Items.Count} 个三级指标，"
                     + "通过资料核查、现场勘查、问卷调查和座谈访谈等方式收集证据，逐项评分。",
            [Conclusion] = Conclusion_(plan),
            [Analysis] = string.Join("\n", plan.Items.OrderBy(i => i.Seq).GroupBy(i => i.Level1).Select(g =>
                $"{g.Key}指标（{Scores.Format(g.Sum(i => i.Points))} 分）得 {Scores.Format(g.Sum(i => i.Score ?? 0))} 分。"
                + string.Concat(g.Where(i => i.Score is { } s && s < i.Points).Select(i => $"“{i.Name}”扣 {Scores.Format(i.Points - i.Score!.Value)} 分：{i.Note}。")))),
            [Problems] = plan.Findings.Count == 0
                ? "评价未发现需要整改的问题。"
                : string.Join("\n", plan.Findings.OrderBy(f => f.Seq).Select(f => $"{f.Seq}. {f.Problem}" + (f.Cause.Length > 0 ? $"原因：{f.Cause}" : "")
                    + (f.Amount is { } a ? $"（涉及金额 {Money.Wan(a)}）" : ""))),
            [Suggestions] = plan.Findings.Count == 0
                ? "建议继续保持现有管理做法，巩固绩效成果。"
                : string.Join("\n", plan.Findings.OrderBy(f => f.Seq).Select(f => $"{f.Seq}. {f.Suggestion}")),
        };
        return replace ? draft : draft.Where(d => written.GetValueOrDefault(d.Key, "").Trim().Length == 0).ToDictionary(d => d.Key, d => d.Value);
    }

    /// <summary>The score table in words: each 一级's points and score, the total and the grade (or what is still to score).</summary>
    private static string Conclusion_(EvaluationPlan plan)
    {
        var table = string.Join("；", plan.Items.OrderBy(i => i.Seq).GroupBy(i => i.Level1).Select(g => $"{g.Key} {Scores.Format(g.Sum(i => i.Score ?? 0))}/{Scores.Format(g.Sum(i => i.Points))} 分"));
        if (!plan.FullyScored)
            return $"评分尚未完成（{plan.Items.Count(i => i.Score is not null)}/{plan.Items.Count} 个指标已评分）：{table}。";
        var total = plan.Items.Sum(i => i.Score!.Value);
        return $"综合评分 {Scores.Format(total)} 分，评价等级为“{ReferenceScoring.GradeOf(total, 100m).Label()}”。其中：{table}。";
    }

    private static string Levels(EvaluationPlan plan) => string.Join("、", plan.Framework.Levels.Select(l => $"{l.Level1}（{Scores.Format(l.Points)} 分）"));
}
