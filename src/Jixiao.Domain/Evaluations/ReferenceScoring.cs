using System.Globalization;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Interchange;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Evaluations;

/// <summary>What was done by the year's end for one indicator, as the reference scoring reads it.</summary>
/// <param name="Number">实际完成值 of a quantitative indicator (a % indicator: the number of %, 97 for 97%)</param>
/// <param name="Date">the completion date of a 时效 indicator</param>
/// <param name="Outcome">the grade the unit chose for a qualitative indicator</param>
/// <param name="UnitScore">the unit's own score of a qualitative indicator: the reference keeps it when it is inside the band</param>
/// <param name="UnitWeight">the 分值 the unit scored against, when it differs from the reference weight</param>
/// <param name="StartDate">the first day of a completion period written as a range ("2021.3.1-11.30"); <paramref name="Date"/> is its last</param>
public sealed record EvaluationActual(decimal? Number = null, DateOnly? Date = null, QualitativeOutcome? Outcome = null,
    decimal? UnitScore = null, decimal? UnitWeight = null, DateOnly? StartDate = null);

/// <summary>One indicator row as the reference scoring reads it: the approved target and what the unit wrote.</summary>
/// <param name="Direction">the direction the reviewer set on the target form, or null (read from the name)</param>
public sealed record IndicatorRow(string Name, string Level1, Comparison Comparison, string TargetValue, string Unit,
    IndicatorDirection? Direction, string Actual, QualitativeOutcome? Outcome = null, decimal? UnitScore = null, decimal? UnitWeight = null);

/// <summary>
/// The reference score of a row with what the consistency check needs to say about it: why the target or the actual
/// cannot be read (then <see cref="RowScore.Score"/> is null: no reference score), and a note on an actual written as a
/// threshold ("≥98%").
/// </summary>
public sealed record RowReading(RowScore Score, string TargetProblem = "", string ActualProblem = "", string ActualNote = "");

/// <summary>The reference score of one row with the Chinese sentence that explains it.</summary>
/// <param name="Weight">the row's 分值</param>
/// <param name="Score">rounded as <see cref="ReferenceScoring.Round"/> says; null when it cannot be computed (the target or
/// the actual cannot be read): never a silent 0</param>
/// <param name="Completion">actual ÷ target of a positive quantitative indicator (1.3 = 130%), for the over-achievement check</param>
public sealed record RowScore(decimal Weight, decimal? Score, Attainment Attainment, decimal? Completion, string Explanation);

/// <summary>A row's reference 分值 and how it was obtained ("产出指标 50 分由 3 个指标平分").</summary>
public sealed record RowWeight(decimal Weight, string Basis);

/// <summary>
/// The score band of a qualitative grade as fractions of the row's 分值: 达成 [80%, 100%], 部分达成 [60%, 80%),
/// 未达成 [0, 60%).
/// </summary>
public sealed record QualitativeBand(decimal Lower, decimal Upper, bool UpperIncluded)
{
    public static QualitativeBand Of(QualitativeOutcome outcome) => outcome switch
    {
        QualitativeOutcome.Achieved => new(0.8m, 1m, true),
        QualitativeOutcome.PartlyAchieved => new(0.6m, 0.8m, false),
        _ => new(0m, 0.6m, false),
    };

    public bool Contains(decimal score, decimal weight) =>
        weight == 0 ? score == 0 : score >= Lower * weight && (UpperIncluded ? score <= Upper * weight : score < Upper * weight);

    /// <summary>The lowest score in whole 分 hundredths inside the band.</summary>
    public decimal LowestScore(decimal weight) => Math.Ceiling(Lower * weight * 100m) / 100m;

    /// <summary>The highest score in hundredths inside the band (0.01 below an excluded upper edge), never below <see cref="LowestScore"/>.</summary>
    public decimal HighestScore(decimal weight) => Math.Max(LowestScore(weight), UpperIncluded
        ? Math.Floor(Upper * weight * 100m) / 100m
        : (Math.Ceiling(Upper * weight * 100m) - 1m) / 100m);

    /// <summary>"[6, 8)" for a 分值 of 10.</summary>
    public string Display(decimal weight) =>
        $"[{ReferenceScoring.N(Lower * weight)}, {ReferenceScoring.N(Upper * weight)}{(UpperIncluded ? "]" : ")")}";
}

/// <summary>
/// The reference score of a self-evaluation (DOMAIN.md §4.4), row by row, each with the sentence that explains it.
/// <para><b>Rounding.</b> Every row score (the execution row included) is computed exactly and then rounded once to
/// two decimals, half away from zero (四舍五入); the explanation shows "≈" where that rounding changed the value. The
/// total is the sum of the rounded row scores, so it always equals what the rows show, and the grade is read from
/// that total. Reference weights are whole hundredths too (see <see cref="Weights"/>).</para>
/// </summary>
public static class ReferenceScoring
{
    /// <summary>Two decimals, half away from zero (四舍五入).</summary>
    public static decimal Round(decimal score) => decimal.Round(score, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// 预算执行率 row: <c>min(B ÷ A, 1) × weight</c> with A the adjusted 全年预算数 (not 年初预算数). When A is 0 the rate
    /// is not computed: nothing to spend and nothing spent scores full; spending without a budget scores 0.
    /// </summary>
    public static RowScore Execution(decimal adjustedBudget, decimal executed, decimal weight)
    {
        var figures = $"全年预算数（A）{Money.Format(adjustedBudget)} 元，全年执行数（B）{Money.Format(executed)} 元";
        if (adjustedBudget <= 0)
            return executed <= 0
                ? new(weight, weight, Attainment.Met, null, $"{figures}：无资金需要执行，执行率不计算，得满分 {Scores.Format(weight)} 分")
                : new(weight, 0m, Attainment.Missed, null, $"{figures}：没有预算却有支出，执行率不计算，0 分");
        var rate = executed / adjustedBudget;
        var exact = Math.Min(rate, 1m) * weight;
        return new(weight, Round(exact), rate >= 1m ? Attainment.Met : Attainment.Missed, null,
            $"{figures}，执行率 B ÷ A = {Percent(rate)}：min({Percent(rate)}, 100%) × {Scores.Format(weight)} {Rounded(exact)} 分");
    }

    /// <summary>
    /// One indicator row against its target value (parsed by <see cref="IndicatorValueParser"/>):
    /// <list type="bullet">
    /// <item>positive (≥ ＞ ＝): met → full, else actual ÷ target × weight (＝ counts as positive: reaching the number is met);</item>
    /// <item>reverse (≤ ＜): actual ≤ target → full; target &lt; actual &lt; 2·target → (1 − (actual − target) ÷ target) × weight;
    /// ≥ 2·target → 0 ([local] default, ＜ too is full at the target itself);</item>
    /// <item>a target of 0 (安全事故 ＝0) or below: met by the comparison → full, else 0;</item>
    /// <item>a range: inside → full; below → actual ÷ lower × weight; above → the reverse rule on the upper bound;</item>
    /// <item>dates (时效): met → full, else 0;</item>
    /// <item>qualitative: the band of the grade the unit chose; the unit's score when inside it, else the band's nearest
    /// edge (the lower edge when the unit gave none), and the sentence says which.</item>
    /// </list>
    /// A blank actual scores 0 with <see cref="Attainment.Unknown"/>.
    /// </summary>
    public static RowScore Indicator(IndicatorValue target, EvaluationActual actual, decimal weight)
    {
        if (target.Comparison == Comparison.Qualitative)
            return Qualitative(target, actual, weight);
        if (target.Kind is ValueKind.Date or ValueKind.DateRange)
            return Dated(target, actual, weight);
        if (actual.Number is not { } value)
            return Unknown(weight, "未填写实际完成值");
        var unit = target.Kind == ValueKind.Percent ? "%" : target.Unit.Length > 0 ? " " + target.Unit : "";
        var shown = $"实际 {N(value)}{unit}，目标 {target.Normalized}";
        if (target.Kind == ValueKind.NumberRange)
            return Range(target.Number!.Value, target.UpperNumber!.Value, value, weight, shown);
        var goal = target.Number!.Value;
        if (goal <= 0)
        {
            var met = target.Comparison switch
            {
                Comparison.GreaterOrEqual => value >= goal,
                Comparison.Greater => value > goal,
                Comparison.Less => value < goal,
                _ => value <= goal,
            };
            return MetOrNothing(met, weight, $"{shown}，目标{(goal == 0 ? "为 0" : "不大于 0")}，按是否达到计分");
        }
        return target.Comparison.IsReverse() ? Reverse(goal, value, weight, shown) : Positive(target.Comparison, goal, value, weight, shown);
    }

    /// <summary>
    /// One row of a self-evaluation, read as DOMAIN.md §4.4 and issue 14 say:
    /// <list type="bullet">
    /// <item>a target that cannot be read (blank, "—", a sentence) gets no reference score and its problem, never a silent 0;
    /// a "—" or blank target of a 决策 / 管理 table's criterion row (一级指标 outside 产出 / 效益 / 满意度 / 成本) is qualitative;</item>
    /// <item>several values in one cell ("10TB / 100%覆盖") are scored part by part: met when every part is, else the lowest part's score;</item>
    /// <item>a bare target of a 反向指标 ("100%" of a 控制率, by <paramref name="reverseWords"/> or the reviewer's direction) is "≤";</item>
    /// <item>a bare date target ("2024年12月") is a deadline: on or before its last day;</item>
    /// <item>an actual that is not a value (无, /, —, 好坏, 第X份) has no score; one written as a threshold (≥98%) is noted and its number used.</item>
    /// </list>
    /// </summary>
    public static RowReading Row(IndicatorRow row, decimal weight, int year, IReadOnlyList<string> reverseWords)
    {
        if (IsCriterion(row.Level1, row.TargetValue))
            return new(Qualitative(Criterion, Actual(row), weight));
        var target = IndicatorValueParser.Parse(row.TargetValue, row.Unit, row.Name, row.Comparison, year);
        if (!target.Success)
        {
            if (IndicatorValueParser.Parts(row.TargetValue, row.Unit, row.Name, row.Comparison, year) is { } parts && parts.All(p => p.Result.Success))
                return InParts(row, parts, weight, year, reverseWords);
            return new(new RowScore(weight, null, Attainment.Unknown, null, $"年度指标值“{row.TargetValue}”无法识别：参考分未计算"), TargetProblem: target.Error);
        }
        if (target.Value.Comparison == Comparison.Qualitative)
            return new(Qualitative(target.Value, Actual(row), weight));
        var (goal, reading) = TargetReading.AsScored(target, row.TargetValue, row.Name, row.Direction, reverseWords);
        if (row.Actual.Length == 0)
            return new(Prefixed(reading, Indicator(goal, new EvaluationActual(), weight)));
        if (!TryReadActual(row.Actual, goal, row.Unit, year, out var actual, out var error, out var note))
            return new(new RowScore(weight, null, Attainment.Unknown, null, $"{error}：参考分未计算"), ActualProblem: error);
        return new(Prefixed(reading, Indicator(goal, actual, weight)), ActualNote: note);
    }

    /// <summary>A criterion row of a 决策 / 管理 table: target "—" or blank, 一级指标 outside the national 产出 / 效益 / 满意度 / 成本.</summary>
    public static bool IsCriterion(string level1, string targetValue) =>
        level1 is not (IndicatorFrame.Output or IndicatorFrame.Benefit or IndicatorFrame.Satisfaction or IndicatorFrame.Cost)
        && targetValue.Trim() is "" or "—" or "——" or "-" or "--" or "/" or "／";

    private static readonly IndicatorValue Criterion =
        new(Comparison.Qualitative, ValueKind.Text, null, null, null, null, "", "评价要点（目标值为“—”）", "评价要点");

    private static EvaluationActual Actual(IndicatorRow row) => new(Outcome: row.Outcome, UnitScore: row.UnitScore, UnitWeight: row.UnitWeight);

    private static RowScore Prefixed(string reading, RowScore score) =>
        reading.Length == 0 ? score : score with { Explanation = $"{reading}；{score.Explanation}" };

    /// <summary>Several values in the target cell: each part against its own actual; met when all are, else the lowest part.</summary>
    private static RowReading InParts(IndicatorRow row, IReadOnlyList<ValuePart> parts, decimal weight, int year, IReadOnlyList<string> reverseWords)
    {
        var scored = parts.Where(p => p.Result.Value!.Comparison != Comparison.Qualitative).ToList();
        var texts = parts.Except(scored).Select(p => $"“{p.Written}”为文字说明，不单独计分").ToList();
        var listed = string.Join("、", parts.Select(p => $"“{p.Written}”"));
        if (scored.Count == 0)
            return new(new RowScore(weight, null, Attainment.Unknown, null, $"年度指标值“{row.TargetValue}”各项都是文字：参考分未计算"),
                TargetProblem: $"“{row.TargetValue}”的各项（{listed}）都是文字，没有可计分的目标值");
        if (row.Actual.Length == 0)
            return new(new RowScore(weight, 0m, Attainment.Unknown, null, "未填写实际完成值：参考 0 分"));
        var actualParts = IndicatorValueParser.Parts(row.Actual, null, null, Comparison.Equal, year)?.Select(p => p.Written[p.Qualifier.Length..]).ToList()
            ?? [row.Actual];
        List<(ValuePart Target, string Actual)> pairs;
        if (actualParts.Count == parts.Count)
            pairs = [.. parts.Zip(actualParts).Where(p => scored.Contains(p.First))];
        else if (actualParts.Count == 1 && scored.Count == 1)
            pairs = [(scored[0], actualParts[0])];
        else
        {
            var problem = $"实际完成值“{row.Actual}”无法与年度指标值的 {parts.Count} 项（{listed}）逐项对应：请按目标的顺序逐项填写，用“ / ”分隔";
            return new(new RowScore(weight, null, Attainment.Unknown, null, $"{problem}：参考分未计算"), ActualProblem: problem);
        }
        var results = new List<(string Written, RowScore Score)>();
        var notes = new List<string>();
        foreach (var (part, written) in pairs)
        {
            var (goal, reading) = TargetReading.AsScored(part.Result, part.Written, row.Name, row.Direction, reverseWords);
            if (!TryReadActual(written, goal, row.Unit, year, out var actual, out var error, out var note))
            {
                var problem = $"第 {parts.ToList().IndexOf(part) + 1} 项（目标“{part.Written}”）的{error}";
                return new(new RowScore(weight, null, Attainment.Unknown, null, $"{problem}：参考分未计算"), ActualProblem: problem);
            }
            if (note.Length > 0) notes.Add(note);
            results.Add((part.Written, Prefixed(reading, Indicator(goal, actual, weight))));
        }
        var lowest = results.MinBy(r => r.Score.Score)!.Score;
        var met = results.All(r => r.Score.Attainment == Attainment.Met);
        var each = string.Join("；", results.Select((r, i) => $"第 {i + 1} 项{(pairs[i].Target.Qualifier.Length > 0 ? $"（{pairs[i].Target.Qualifier}）" : "")}：{r.Score.Explanation}"));
        var text = string.Join("；", texts.Prepend(each));
        var verdict = met ? $"各项均已达到：得满分 {Scores.Format(weight)} 分" : $"未全部达到，取最低一项：{Scores.Format(lowest.Score ?? 0m)} 分";
        return new(new RowScore(weight, met ? weight : lowest.Score, met ? Attainment.Met : Attainment.Missed, null,
            $"年度指标值分 {parts.Count} 项计分：{text}；{verdict}"), ActualNote: string.Join("；", notes));
    }

    /// <summary>
    /// The reference 分值 of each indicator row, in whole hundredths adding up exactly to the indicator points
    /// (<see cref="EvaluationWeights.IndicatorPoints"/>, 90 by default):
    /// <list type="bullet">
    /// <item>when every row of the approved targets has its own weight, those weights are scaled to the indicator points
    /// (target forms weigh indicators out of 100; 20 becomes 20 × 90 ÷ 100 = 18);</item>
    /// <item>otherwise each 一级指标's configured 分值 is split evenly among its rows (产出 50 over 3 rows: 16.67, 16.67, 16.66);
    /// a 一级指标 without a configured 分值 scores 0 and its rows say so.</item>
    /// </list>
    /// Hundredths left over by a split go one each to the rows with the largest remainders, earlier rows first.
    /// </summary>
    public static IReadOnlyList<RowWeight> Weights(IReadOnlyList<(string Level1, decimal? TargetWeight)> rows, EvaluationWeights weights)
    {
        var points = weights.IndicatorPoints;
        if (rows.Count > 0 && rows.All(r => r.TargetWeight > 0))
        {
            var own = rows.Select(r => r.TargetWeight!.Value).ToList();
            var sum = own.Sum();
            return Split(points, own).Select((w, i) => new RowWeight(w, sum == points
                    ? $"目标设定的权重 {Scores.Format(own[i])}"
                    : $"目标权重 {Scores.Format(own[i])} 按指标分值合计 {Scores.Format(points)} 折算：{Scores.Format(own[i])} × {Scores.Format(points)} ÷ {Scores.Format(sum)} {(own[i] * points / sum == w ? "=" : "≈")} {Scores.Format(w)}"))
                .ToList();
        }
        var result = new RowWeight[rows.Count];
        // A form whose 预算执行率 carries other points than the settings (20 instead of 10) leaves the indicators other
        // points: each 一级指标's 分值 is scaled to them.
        var configured = weights.Output + weights.Benefit + weights.Satisfaction + weights.Cost;
        foreach (var group in rows.Select((r, i) => (r.Level1, Index: i)).GroupBy(r => r.Level1))
        {
            var indexes = group.Select(r => r.Index).ToList();
            var setting = weights.Level1(group.Key) ?? 0m;
            var level1 = configured > 0 && configured != points ? Round(setting * points / configured) : setting;
            var split = Split(level1, indexes.Select(_ => 1m).ToList());
            var scaled = level1 == setting ? $"{group.Key} {Scores.Format(level1)} 分"
                : $"{group.Key} {Scores.Format(setting)} 分按指标分值合计 {Scores.Format(points)} 分折算为 {Scores.Format(level1)} 分";
            var basis = level1 == 0 ? $"本地区未给一级指标“{group.Key}”配置分值，该行不计分"
                : indexes.Count == 1 ? scaled
                : $"{scaled}{(level1 == setting ? "" : "，")}由 {indexes.Count} 个指标平分";
            for (var k = 0; k < indexes.Count; k++)
                result[indexes[k]] = new RowWeight(split[k], basis);
        }
        return result;
    }

    /// <summary>
    /// Reads 实际完成值 as written for a quantitative or date target: a number (the unit may be left out) or a
    /// completion date. The error names the value and says what to write.
    /// </summary>
    public static bool TryReadActual(string? written, IndicatorValue target, string unit, int year, out EvaluationActual actual, out string error) =>
        TryReadActual(written, target, unit, year, out actual, out error, out _);

    /// <summary>
    /// As above, and: a completion period ("2021.3.1-11.30", "2022年3月至10月") is read as a range (compared by its end, or
    /// by containment against a range target); 无, /, —, 好坏, 第X份 are not values; an actual written as a threshold ("≥98%",
    /// "92.5%及以上") is read as its number with <paramref name="note"/> saying that an actual is what was done; "5万" against
    /// a unit without 万 is 50,000.
    /// </summary>
    public static bool TryReadActual(string? written, IndicatorValue target, string unit, int year, out EvaluationActual actual, out string error,
        out string note)
    {
        var isDate = target.Kind is ValueKind.Date or ValueKind.DateRange;
        note = "";
        actual = new EvaluationActual();
        if (written?.Trim() is "无" or "没有" or "零")
        {
            error = $"实际完成值“{written}”不是实际数：请填写实际完成的{(isDate ? "日期" : "数值（未完成请填 0）")}";
            return false;
        }
        var read = IndicatorValueParser.Parse(written, unit, null, Comparison.Equal, year);
        if (read.Success && (isDate ? read.Value.Kind is ValueKind.Date or ValueKind.DateRange : read.Value.Kind is ValueKind.Number or ValueKind.Percent))
        {
            var value = read.Value;
            if (read.ComparisonWritten && value.Comparison != Comparison.Equal)
                note = $"实际完成值“{written}”写成了目标的形式（“{value.Comparison.Label()}”）：实际完成值应填写实际数，参考分按 {(isDate ? Iso(value.EndDate!.Value) : N(value.Number!.Value))} 计算";
            if (isDate)
                actual = new EvaluationActual(Date: value.EndDate ?? value.Date, StartDate: value.Kind == ValueKind.DateRange ? value.Date : null);
            else
            {
                var number = value.Number!.Value;
                if (value.Unit is ['万', ..] && !target.Unit.StartsWith('万'))
                    number *= value.Unit == "万" || value.Unit[1..] == target.Unit ? 10_000m : 1m;
                actual = new EvaluationActual(Number: number);
            }
            error = "";
            return true;
        }
        error = isDate
            ? $"实际完成值“{written}”不是日期：请填写实际完成日期，如 {year}-06-30，或完成期间，如 {year}.3.1-11.30"
            : $"实际完成值“{written}”不是一个数：请只填数值，如 735（单位可省略）";
        return false;
    }

    /// <summary>≥ 90 % of <paramref name="maxScore"/> 优, ≥ 80 % 良, ≥ 60 % 中, else 差 (of 100: 90 / 80 / 60).</summary>
    public static Grade GradeOf(decimal total, decimal maxScore)
    {
        if (maxScore <= 0) throw new ArgumentOutOfRangeException(nameof(maxScore));
        return total * 100m >= 90m * maxScore ? Grade.Excellent
            : total * 100m >= 80m * maxScore ? Grade.Good
            : total * 100m >= 60m * maxScore ? Grade.Fair
            : Grade.Poor;
    }

    private static RowScore Positive(Comparison comparison, decimal goal, decimal value, decimal weight, string shown)
    {
        var completion = value / goal;
        if (comparison == Comparison.Greater ? value > goal : value >= goal)
            return new(weight, weight, Attainment.Met, completion, $"{shown}，已达到：得满分 {Scores.Format(weight)} 分");
        var exact = Math.Max(value, 0m) / goal * weight;
        var missed = value == goal ? "未达到（须高于目标值）" : "未达到";
        return new(weight, Round(exact), Attainment.Missed, completion, $"{shown}，{missed}：{N(value)} ÷ {N(goal)} × {Scores.Format(weight)} {Rounded(exact)} 分");
    }

    private static RowScore Reverse(decimal limit, decimal value, decimal weight, string shown)
    {
        if (value <= limit)
            return new(weight, weight, Attainment.Met, null, $"{shown}，未超出上限：得满分 {Scores.Format(weight)} 分");
        if (value >= 2m * limit)
            return new(weight, 0m, Attainment.Missed, null, $"{shown}，达到上限的 2 倍及以上：0 分");
        var exact = (1m - (value - limit) / limit) * weight;
        return new(weight, Round(exact), Attainment.Missed, null,
            $"{shown}，超出上限：(1 − ({N(value)} − {N(limit)}) ÷ {N(limit)}) × {Scores.Format(weight)} {Rounded(exact)} 分");
    }

    private static RowScore Range(decimal lower, decimal upper, decimal value, decimal weight, string shown)
    {
        if (value >= lower && value <= upper)
            return new(weight, weight, Attainment.Met, null, $"{shown}，在目标范围内：得满分 {Scores.Format(weight)} 分");
        if (value < lower)
        {
            var exact = Math.Max(value, 0m) / lower * weight;
            return new(weight, Round(exact), Attainment.Missed, null, $"{shown}，低于下限：{N(value)} ÷ {N(lower)} × {Scores.Format(weight)} {Rounded(exact)} 分");
        }
        if (upper <= 0 || value >= 2m * upper)
            return new(weight, 0m, Attainment.Missed, null, $"{shown}，达到上限的 2 倍及以上：0 分");
        var over = (1m - (value - upper) / upper) * weight;
        return new(weight, Round(over), Attainment.Missed, null,
            $"{shown}，高于上限：(1 − ({N(value)} − {N(upper)}) ÷ {N(upper)}) × {Scores.Format(weight)} {Rounded(over)} 分");
    }

    private static RowScore Dated(IndicatorValue target, EvaluationActual actual, decimal weight)
    {
        if (actual.Date is not { } date)
            return Unknown(weight, "未填写实际完成日期");
        if (actual.StartDate is { } start)
        {
            var done = $"实际 {Iso(start)} 至 {Iso(date)}，目标 {target.Normalized}";
            return target.Kind == ValueKind.DateRange
                ? MetOrNothing(start >= target.Date && date <= target.EndDate, weight, $"{done}，按是否在目标期间内")
                : MetOrNothing(Met(target, date), weight, $"{done}，按完成期间的结束日");
        }
        return MetOrNothing(Met(target, date), weight, $"实际 {Iso(date)}，目标 {target.Normalized}");
    }

    internal static bool Met(IndicatorValue target, DateOnly date) => target.Comparison switch
    {
        Comparison.LessOrEqual => date <= target.EndDate,
        Comparison.Less => date < target.Date,
        Comparison.GreaterOrEqual => date >= target.Date,
        Comparison.Greater => date > target.EndDate,
        _ => date >= target.Date && date <= target.EndDate,
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RowScore Qualitative(IndicatorValue target, EvaluationActual actual, decimal weight)
    {
        var standard = $"定性目标“{target.Text}”";
        if (actual.Outcome is not { } outcome)
            return Unknown(weight, $"{standard}，未选择达成情况");
        var band = QualitativeBand.Of(outcome);
        var attainment = outcome == QualitativeOutcome.Achieved ? Attainment.Met : Attainment.Missed;
        var head = $"{standard}，自评“{outcome.Label()}”，该等级得分区间 {band.Display(weight)} 分";
        var low = band.LowestScore(weight);
        var high = band.HighestScore(weight);
        if (actual.UnitScore is not { } given)
            return new(weight, low, attainment, null, $"{head}；未自评打分，参考取区间下限 {Scores.Format(low)} 分");
        var proposed = given;
        var scaled = "";
        if (actual.UnitWeight is { } unitWeight && unitWeight > 0 && unitWeight != weight)
        {
            proposed = Round(given / unitWeight * weight);
            scaled = $"（按自评分值 {Scores.Format(unitWeight)} 折算为 {Scores.Format(proposed)} 分）";
        }
        if (proposed < low)
            return new(weight, low, attainment, null, $"{head}；自评 {Scores.Format(given)} 分{scaled}低于区间，参考取区间下限 {Scores.Format(low)} 分");
        if (proposed > high)
            return new(weight, high, attainment, null, $"{head}；自评 {Scores.Format(given)} 分{scaled}高于区间，参考取区间内最接近的 {Scores.Format(high)} 分");
        return new(weight, proposed, attainment, null, $"{head}；自评 {Scores.Format(given)} 分{scaled}在区间内：参考 {Scores.Format(proposed)} 分");
    }

    private static RowScore MetOrNothing(bool met, decimal weight, string shown) => met
        ? new(weight, weight, Attainment.Met, null, $"{shown}，已达到：得满分 {Scores.Format(weight)} 分")
        : new(weight, 0m, Attainment.Missed, null, $"{shown}，未达到：0 分");

    private static RowScore Unknown(decimal weight, string why) => new(weight, 0m, Attainment.Unknown, null, $"{why}：参考 0 分");

    /// <summary>Splits whole hundredths of <paramref name="amount"/> in proportion to <paramref name="shares"/> (largest remainder).</summary>
    private static decimal[] Split(decimal amount, IReadOnlyList<decimal> shares)
    {
        var cents = decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);
        var total = shares.Sum();
        var exact = shares.Select(s => total == 0 ? 0m : cents * s / total).ToArray();
        var parts = exact.Select(Math.Floor).ToArray();
        var left = (int)(cents - parts.Sum());
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => exact[i] - parts[i]).ThenBy(i => i).Take(left))
            parts[i] += 1m;
        return parts.Select(p => p / 100m).ToArray();
    }

    /// <summary>"= 16" when the exact value is its rounding, "≈ 16.67" when rounding changed it.</summary>
    internal static string Rounded(decimal exact) => Round(exact) == exact ? $"= {Scores.Format(exact)}" : $"≈ {Scores.Format(Round(exact))}";

    /// <summary>B ÷ A as a percentage cut (not rounded) to 4 decimals, so a rate below 100% never shows as 100%.</summary>
    private static string Percent(decimal rate) => N(Math.Truncate(rate * 1_000_000m) / 10_000m) + "%";


    internal static string N(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
