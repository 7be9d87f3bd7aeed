using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// One finding on what a unit wrote in its self-evaluation. <see cref="Row"/> is the indicator row (1-based),
/// <see cref="SelfEvaluation.ExecutionRow"/> (0) for the 预算执行率 row, or null for the form as a whole.
/// <see cref="Blocking"/> findings stop a submit; the others travel with the form to the reviewers.
/// </summary>
public sealed record EvaluationFinding(int? Row, FindingKind Kind, bool Blocking, string Message)
{
    public override string ToString() => Message;
}

/// <summary>
/// Checks a unit's own figures against the rules and the reference score (DOMAIN.md §4.4): blanks, sums, 分值 totals,
/// qualitative bands, met rows scored below full, missed rows without a reason, over-achievement without a reason,
/// the execution row against the ledger, and the unit's total against the reference total. Each message says what,
/// where and how to fix it. Findings come form first, then the execution row, then the indicator rows in order.
/// </summary>
public static class ConsistencyCheck
{
    /// <summary>How many rows a "far from the reference" finding names.</summary>
    private const int RowsNamed = 3;

    /// <summary>The form's reference figures must be current (<see cref="SelfEvaluation"/> computes them before calling this).</summary>
    public static IReadOnlyList<EvaluationFinding> Check(SelfEvaluation form, EvaluationWeights weights)
    {
        var findings = new List<EvaluationFinding>();
        void Add(int? row, FindingKind kind, string message) => findings.Add(new EvaluationFinding(row, kind, kind.IsBlocking(), message));

        if (form.GoalCompletion.Length == 0)
            Add(null, FindingKind.Blank, "年度总体目标完成情况为空：请对照年度目标写明全年实际完成情况");

        CheckExecution(form, weights, Add);
        foreach (var row in form.Rows.OrderBy(r => r.Row))
            CheckRow(row, weights, Add);
        CheckCosts(form, Add);

        var rows = form.Rows;
        if (form.ExecutionWeight is { } executionWeight && form.OwnWeightTotal() is { } ownTotal && ownTotal != weights.Total)
        {
            var normalised = ownTotal > 0 ? $"，折合 {S(weights.Total)} 分制为 {S(ReferenceScoring.Round(form.ReferenceTotal * weights.Total / ownTotal))} 分" : "";
            Add(null, FindingKind.WeightTotal,
                $"分值合计 {S(ownTotal)} 分（预算执行率 {S(executionWeight)} + 各指标 {S(ownTotal - executionWeight)}），应为 {S(weights.Total)} 分：参考分按表中分值计为 {S(form.ReferenceTotal)} 分（满分 {S(ownTotal)} 分）{normalised}；请调整各行分值");
        }
        // 总分 is blank only while a score is (each blank score is its own finding); a printed total is compared with the sum
        var sum = SelfEvaluation.SumOfScores(form.ExecutionScore, rows.Select(r => r.Score));
        if (form.Total is { } total && sum is { } rowSum && total != rowSum)
            Add(null, FindingKind.TotalMismatch,
                $"总分填的是 {S(total)} 分，但预算执行率得分与各指标得分之和为 {S(rowSum)} 分：请改为 {S(rowSum)} 分，或检查各行得分");
        // A reference total that misses unscored rows is not compared.
        if ((form.Total ?? sum) is { } stated && rows.All(r => r.ReferenceScore is not null) && Math.Abs(stated - form.ReferenceTotal) > weights.ReferenceGap)
            Add(null, FindingKind.FarFromReference, FarFromReference(form, stated, weights.ReferenceGap));

        return findings.OrderBy(f => f.Row ?? -1).ToList();
    }

    /// <summary>
    /// Cost indicators measured in money against the ledger's B: no cost above the year's whole spending; and when the form has
    /// one such indicator it is the project's cost (人员经费, 项目总成本), so more than 1 % away from B needs a second look.
    /// </summary>
    private static void CheckCosts(SelfEvaluation form, Action<int?, FindingKind, string> add)
    {
        var costs = form.Rows
            .Where(r => !r.IsQualitative && r.Actual.Length > 0 && (r.Level1.Contains("成本", StringComparison.Ordinal) || r.Level2.Contains("成本", StringComparison.Ordinal)))
            .Select(r => (Row: r, Yuan: Yuan(r, form.FiscalYear)))
            .Where(c => c.Yuan is not null)
            .OrderBy(c => c.Row.Row)
            .ToList();
        var executed = form.LedgerExecuted;
        foreach (var (row, yuan) in costs)
        {
            var where = $"第 {row.Row} 行“{row.Name}”";
            if (yuan > executed && yuan - executed > executed / 1000m)
                add(row.Row, FindingKind.CostContradictsLedger,
                    $"{where}的实际成本 {Money.FormatWan(yuan!.Value)} 万元，高于账面全年执行数（B）{Money.FormatWan(executed)} 万元：项目的实际成本不会超过它的全部支出，请核对实际完成值");
            else if (costs.Count == 1 && executed > 0 && Math.Abs(yuan!.Value - executed) > executed / 100m)
                add(row.Row, FindingKind.CostContradictsLedger,
                    $"{where}的实际成本 {Money.FormatWan(yuan.Value)} 万元，账面全年执行数（B）为 {Money.FormatWan(executed)} 万元，相差 {Money.FormatWan(Math.Abs(yuan.Value - executed))} 万元：表中唯一的成本指标通常就是项目的实际支出，请核对实际完成值，或在偏差原因中说明差额");
        }
    }

    /// <summary>A cost row's actual in 元, when it is written in 元 or 万元 (not a unit cost such as 元/人).</summary>
    private static decimal? Yuan(SelfEvaluationRow row, int year)
    {
        var read = IndicatorValueParser.Parse(row.Actual, row.Unit, null, Comparison.Equal, year);
        return read.Value is { Number: { } number, Unit: var unit } ? unit switch { "万元" => number * 10_000m, "元" => number, _ => null } : null;
    }

    private static void CheckExecution(SelfEvaluation form, EvaluationWeights weights, Action<int?, FindingKind, string> add)
    {
        const int row = SelfEvaluation.ExecutionRow;
        if (form.AdjustedBudget != form.LedgerAdjustedBudget)
        {
            var initial = form.AdjustedBudget == form.InitialBudget ? "（填成了年初预算数）" : "";
            add(row, FindingKind.ExecutionContradictsLedger,
                $"预算执行率行的全年预算数（A）填的是 {Money.Format(form.AdjustedBudget)} 元{initial}，账面调整后的全年预算数为 {Money.Format(form.LedgerAdjustedBudget)} 元：执行率按调整后的全年预算数计算，请改为 {Money.Format(form.LedgerAdjustedBudget)} 元");
        }
        if (form.Executed != form.LedgerExecuted)
            add(row, FindingKind.ExecutionContradictsLedger,
                $"预算执行率行的全年执行数（B）填的是 {Money.Format(form.Executed)} 元，账面支付合计为 {Money.Format(form.LedgerExecuted)} 元：请改为 {Money.Format(form.LedgerExecuted)} 元");
        if (form.ExecutionWeight is null)
            add(row, FindingKind.Blank, $"预算执行率行的分值为空：请填写分值（本地区为 {S(form.ReferenceExecutionWeight)} 分）");
        else if (form.ExecutionWeight != weights.Execution && form.ExecutionWeightReason.Length == 0)
            add(row, FindingKind.ExecutionWeightWithoutReason,
                $"预算执行率行的分值为 {S(form.ExecutionWeight.Value)} 分，本地区设置为 {S(weights.Execution)} 分：请填写调整理由，或改为 {S(weights.Execution)} 分");
        if (form.ExecutionScore is not { } score)
        {
            add(row, FindingKind.Blank, $"预算执行率行的得分为空：请填写得分（按账面应为 {S(form.ReferenceExecutionScore)} 分）");
            return;
        }
        var weight = form.ExecutionWeight ?? form.ReferenceExecutionWeight;
        if (score < 0 || score > weight)
            add(row, FindingKind.ScoreOutOfRange, $"预算执行率行得分 {S(score)} 分超出 0–{S(weight)} 分：请在分值范围内打分");
        else if (score != form.ReferenceExecutionScore)
            add(row, FindingKind.ExecutionContradictsLedger,
                $"预算执行率行得分 {S(score)} 分，按账面应为 {S(form.ReferenceExecutionScore)} 分（{form.ExecutionExplanation}）：请改为 {S(form.ReferenceExecutionScore)} 分");
    }

    private static void CheckRow(SelfEvaluationRow r, EvaluationWeights weights, Action<int?, FindingKind, string> add)
    {
        var where = $"第 {r.Row} 行“{r.Name}”";
        if (!r.IsFilled)
            add(r.Row, FindingKind.Blank, r.IsQualitative
                ? $"{where}未选择达成情况：请选择达成、部分达成或未达成"
                : $"{where}的实际完成值为空：请填写全年实际完成值（目标 {r.TargetValue}）");
        else if (r.ActualProblem.Length > 0)
            add(r.Row, FindingKind.UnreadableActual, $"{where}的{r.ActualProblem}：参考分未计算");
        if (r.TargetProblem.Length > 0)
            add(r.Row, FindingKind.UnreadableTarget, $"第 {r.Row} 行年度指标值“{r.TargetValue}”无法识别：参考分未计算（{r.TargetProblem}）");
        if (r.ActualNote.Length > 0)
            add(r.Row, FindingKind.ThresholdActual, $"{where}的{r.ActualNote}");
        if (r.Weight is null)
            add(r.Row, FindingKind.Blank, $"{where}的分值为空：请填写分值（参考 {S(r.ReferenceWeight)} 分，{r.WeightBasis}）");
        if (r.Score is null)
            add(r.Row, FindingKind.Blank, r.Attainment == Attainment.Unknown || r.ReferenceScore is null
                ? $"{where}的得分为空：请填写自评得分"
                : $"{where}的得分为空：请填写自评得分（参考 {S(r.ReferenceScore.Value)} 分）");

        if (r.Score is { } score)
        {
            var weight = r.Weight ?? r.ReferenceWeight;
            if (score < 0 || score > weight)
                add(r.Row, FindingKind.ScoreOutOfRange, $"{where}得分 {S(score)} 分超出 0–{S(weight)} 分：请在分值范围内打分");
            else if (r.IsQualitative && r.Outcome is { } outcome && !QualitativeBand.Of(outcome).Contains(score, weight))
                add(r.Row, FindingKind.OutsideBand,
                    $"{where}自评“{outcome.Label()}”，得分应在 {QualitativeBand.Of(outcome).Display(weight)} 分之间，填的是 {S(score)} 分：请在区间内打分，或改选达成情况");
            else if (!r.IsQualitative && r.Attainment == Attainment.Met && !QualitativeBand.Of(QualitativeOutcome.Achieved).Contains(score, weight))
                add(r.Row, FindingKind.OutsideBand,
                    $"{where}已达到目标，得分应在达成区间 {QualitativeBand.Of(QualitativeOutcome.Achieved).Display(weight)} 分之间（按评分规则为满分 {S(weight)} 分），自评 {S(score)} 分低于区间：请改为 {S(weight)} 分，或在区间内打分");
            else if (!r.IsQualitative && r.Attainment == Attainment.Met && score < weight)
                add(r.Row, FindingKind.MetBelowFull,
                    $"{where}已达到目标，按评分规则应得满分 {S(weight)} 分，自评 {S(score)} 分：如非有意扣分，请改为 {S(weight)} 分");
        }

        if (r.Reason.Length > 0)
            return;
        if (r.Attainment == Attainment.Missed)
            add(r.Row, FindingKind.MissingReason, $"{where}未达到目标（{r.Explanation}）：请填写偏差原因分析及改进措施");
        else if (r.Completion is { } completion && completion * 100m >= weights.OverAchievementPercent)
            add(r.Row, FindingKind.OverAchievement,
                $"{where}完成目标的 {N(decimal.Round(completion * 100m, 1, MidpointRounding.AwayFromZero))}%，达到超额完成提示线 {N(weights.OverAchievementPercent)}%，目标可能定得偏低：请在偏差原因分析中简要说明原因");
    }

    private static string FarFromReference(SelfEvaluation form, decimal stated, decimal gap)
    {
        var differences = form.Rows
            .Where(r => r.Score is not null)
            .Select(r => (Where: $"第 {r.Row} 行“{r.Name}”", Unit: r.Score!.Value, Reference: r.ReferenceScore!.Value))
            .Prepend((Where: "预算执行率", Unit: form.ExecutionScore ?? form.ReferenceExecutionScore, Reference: form.ReferenceExecutionScore))
            .Where(d => d.Unit != d.Reference)
            .OrderByDescending(d => Math.Abs(d.Unit - d.Reference))
            .Take(RowsNamed)
            .Select(d => $"{d.Where}（自评 {S(d.Unit)}，参考 {S(d.Reference)}）")
            .ToList();
        var rows = differences.Count > 0 ? $"；相差最多的是{string.Join("、", differences)}" : "";
        return $"自评总分 {S(stated)} 分与参考分 {S(form.ReferenceTotal)} 分相差 {S(Math.Abs(stated - form.ReferenceTotal))} 分，超过 {S(gap)} 分{rows}：请对照各行的参考分说明核对评分";
    }

    private static string S(decimal score) => Scores.Format(score);

    private static string N(decimal value) => ReferenceScoring.N(value);
}
