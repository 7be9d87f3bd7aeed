using System.Globalization;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Monitoring;

/// <summary>预警灯. Blue: well ahead of the time progress — the target was probably set too low.</summary>
public enum Light
{
    [Label("绿灯")]
    Green = 1,
    [Label("蓝灯")]
    Blue = 2,
    [Label("黄灯")]
    Yellow = 3,
    [Label("红灯")]
    Red = 4,
}

/// <summary>How the budget-execution light is decided.</summary>
public enum ExecutionMode
{
    /// <summary>比值: 执行率 ÷ 时间进度 × 100 against the thresholds.</summary>
    [Label("比值")]
    Ratio = 1,
    /// <summary>差距: 时间进度 − 执行率, in percentage points, against the thresholds.</summary>
    [Label("差距")]
    Gap = 2,
}

/// <summary>What a unit reports for a qualitative indicator.</summary>
public enum QualitativeOutcome
{
    [Label("达成")]
    Achieved = 1,
    [Label("部分达成")]
    PartlyAchieved = 2,
    [Label("未达成")]
    NotAchieved = 3,
}

/// <summary>A light with the sentence that explains it (shown beside every light).</summary>
public sealed record LightResult(Light Light, string Explanation);

/// <summary>
/// The warning thresholds of a region and year ([local], DOMAIN.md §4.3 defaults). Ratio mode: below
/// <see cref="RatioRed"/> red, below <see cref="RatioYellow"/> yellow, else green. Gap mode: a gap above
/// <see cref="GapRed"/> points red, above <see cref="GapYellow"/> yellow. Quantitative indicators: completion
/// below <see cref="IndicatorRed"/> red, below <see cref="IndicatorYellow"/> yellow, from
/// <see cref="IndicatorBlue"/> blue.
/// </summary>
public sealed record WarningRules(
    ExecutionMode ExecutionMode = ExecutionMode.Ratio,
    decimal RatioRed = 60m, decimal RatioYellow = 80m,
    decimal GapYellow = 10m, decimal GapRed = 20m,
    decimal IndicatorRed = 60m, decimal IndicatorYellow = 80m, decimal IndicatorBlue = 120m)
{
    public static WarningRules Defaults { get; } = new();

    /// <summary>Refuses thresholds out of order, with the fix.</summary>
    public WarningRules Validated()
    {
        if (RatioRed <= 0 || RatioRed >= RatioYellow)
            throw new DomainException($"执行比值阈值应满足 0 < 红灯线 < 黄灯线，当前为 {RatioRed} 和 {RatioYellow}。", "预警阈值");
        if (GapYellow <= 0 || GapYellow >= GapRed)
            throw new DomainException($"执行差距阈值应满足 0 < 黄灯线 < 红灯线（百分点），当前为 {GapYellow} 和 {GapRed}。", "预警阈值");
        if (IndicatorRed <= 0 || IndicatorRed >= IndicatorYellow || IndicatorYellow >= IndicatorBlue)
            throw new DomainException($"指标完成比阈值应满足 0 < 红灯线 < 黄灯线 < 蓝灯线，当前为 {IndicatorRed}、{IndicatorYellow}、{IndicatorBlue}。", "预警阈值");
        return this;
    }
}

/// <summary>What was reported for one indicator by the cut-off.</summary>
public sealed record IndicatorActual(decimal? Number = null, DateOnly? Date = null, QualitativeOutcome? Outcome = null);

/// <summary>
/// The warning lights of in-year monitoring (DOMAIN.md §4.3), each decided on the figure its sentence shows
/// (ratios to one decimal), so the light and its explanation always agree.
/// </summary>
public static class Warnings
{
    /// <summary>The project light: the worst of its parts (red, then yellow, then blue, then green).</summary>
    public static Light Worst(IEnumerable<Light> lights) => lights.DefaultIfEmpty(Light.Green).Max();

    /// <param name="executionRate">执行率 on the adjusted budget (null when the budget is 0)</param>
    /// <param name="timeProgress">时间进度 t (e.g. July 0.5833)</param>
    public static LightResult Execution(decimal? executionRate, decimal timeProgress, WarningRules rules)
    {
        if (executionRate is not { } rate)
            return new(Light.Green, "全年预算数为 0，无需执行：绿灯");
        var ratePct = Percent(rate);
        var timePct = Percent(timeProgress);
        if (timeProgress <= 0)
            return new(Light.Green, $"执行率 {ratePct}%，时间进度为 0：绿灯");
        if (rules.ExecutionMode == ExecutionMode.Gap)
        {
            var gap = decimal.Round((timeProgress - rate) * 100m, 1, MidpointRounding.AwayFromZero);
            var light = gap > rules.GapRed ? Light.Red : gap > rules.GapYellow ? Light.Yellow : Light.Green;
            var against = light switch
            {
                Light.Red => $"> {N(rules.GapRed)}",
                Light.Yellow => $"在 {N(rules.GapYellow)}–{N(rules.GapRed)} 之间",
                _ => $"≤ {N(rules.GapYellow)}",
            };
            return new(light, $"执行率 {ratePct}%，时间进度 {timePct}%，落后 {N(gap)} 个百分点 {against}：{light.Label()}");
        }
        var ratio = decimal.Round(rate / timeProgress * 100m, 1, MidpointRounding.AwayFromZero);
        var result = ratio < rules.RatioRed ? Light.Red : ratio < rules.RatioYellow ? Light.Yellow : Light.Green;
        var band = result switch
        {
            Light.Red => $"< {N(rules.RatioRed)}",
            Light.Yellow => $"在 {N(rules.RatioRed)}–{N(rules.RatioYellow)} 之间",
            _ => $"≥ {N(rules.RatioYellow)}",
        };
        return new(result, $"执行率 {ratePct}%，时间进度 {timePct}%，比值 {N(ratio)} {band}：{result.Label()}");
    }

    /// <summary>
    /// One indicator's light. Qualitative: 达成 green, 部分达成 yellow, 未达成 red. Reverse (≤ ＜): within the limit green,
    /// else red. 质量/时效/成本 indicators, rates (%), equalities, ranges and dates: met green, else red. Other
    /// positive quantities (≥ ＞) accumulate over the year: r = actual ÷ (target × t) × 100 against the thresholds.
    /// </summary>
    public static LightResult Indicator(string level2, IndicatorValue target, IndicatorActual actual, decimal timeProgress, WarningRules rules)
    {
        if (target.Comparison == Comparison.Qualitative)
        {
            return actual.Outcome switch
            {
                QualitativeOutcome.Achieved => new(Light.Green, $"定性目标“{target.Text}”：达成：绿灯"),
                QualitativeOutcome.PartlyAchieved => new(Light.Yellow, $"定性目标“{target.Text}”：部分达成：黄灯"),
                QualitativeOutcome.NotAchieved => new(Light.Red, $"定性目标“{target.Text}”：未达成：红灯"),
                _ => throw new DomainException($"定性指标（目标“{target.Text}”）请选择达成、部分达成或未达成。", "完成情况"),
            };
        }
        if (target.Kind is ValueKind.Date or ValueKind.DateRange)
        {
            var date = actual.Date ?? throw new DomainException($"时间类指标（目标 {target.Normalized}）请填写实际完成日期。", "实际完成值");
            var met = target.Comparison switch
            {
                Comparison.LessOrEqual => date <= target.EndDate,
                Comparison.Less => date < target.Date,
                Comparison.GreaterOrEqual => date >= target.Date,
                Comparison.Greater => date > target.EndDate,
                _ => date >= target.Date && date <= target.EndDate,
            };
            return Met(met, $"实际 {date:yyyy-MM-dd}，目标 {target.Normalized}");
        }
        var value = actual.Number ?? throw new DomainException($"定量指标（目标 {target.Normalized}）请填写实际完成值。", "实际完成值");
        var number = target.Number!.Value;
        var unit = target.Kind == ValueKind.Percent ? "%" : target.Unit.Length > 0 ? " " + target.Unit : "";
        var shown = $"实际 {N(value)}{unit}，目标 {target.Normalized}";
        switch (target.Comparison)
        {
            case Comparison.LessOrEqual:
                return Met(value <= number, shown, "未超出上限", "超出上限");
            case Comparison.Less:
                return Met(value < number, shown, "低于上限", "未低于上限");
            case Comparison.Equal:
                return Met(target.Kind == ValueKind.NumberRange ? value >= number && value <= target.UpperNumber : value == number, shown);
        }
        var once = level2 is "质量指标" or "时效指标" || IndicatorFrame.IsCost("", level2) || target.Kind == ValueKind.Percent;
        if (once)
            return Met(target.Comparison == Comparison.Greater ? value > number : value >= number, shown);
        if (number == 0m || timeProgress <= 0m)
            return Met(target.Comparison == Comparison.Greater ? value > number : value >= number, shown + "（目标为 0 或时间进度为 0，按是否达到判断）");
        var r = decimal.Round(value / (number * timeProgress) * 100m, 1, MidpointRounding.AwayFromZero);
        var light = r < rules.IndicatorRed ? Light.Red : r < rules.IndicatorYellow ? Light.Yellow : r < rules.IndicatorBlue ? Light.Green : Light.Blue;
        var band = light switch
        {
            Light.Red => $"< {N(rules.IndicatorRed)}",
            Light.Yellow => $"在 {N(rules.IndicatorRed)}–{N(rules.IndicatorYellow)} 之间",
            Light.Green => $"在 {N(rules.IndicatorYellow)}–{N(rules.IndicatorBlue)} 之间",
            _ => $"≥ {N(rules.IndicatorBlue)}，目标可能定得偏低",
        };
        return new(light, $"{shown}，时间进度 {Percent(timeProgress)}%，完成比 {N(value)} ÷ ({N(number)} × {Percent(timeProgress)}%) × 100 = {N(r)} {band}：{light.Label()}");
    }

    private static LightResult Met(bool met, string shown, string yes = "已达到", string no = "未达到") =>
        met ? new(Light.Green, $"{shown}，{yes}：绿灯") : new(Light.Red, $"{shown}，{no}：红灯");

    private static string Percent(decimal fraction) => N(decimal.Round(fraction * 100m, 1, MidpointRounding.AwayFromZero));

    private static string N(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
