namespace Jixiao.Domain.Indicators;

/// <summary>指标性质: how an indicator's actual value is judged against its target value. Its labels are the signs target forms
/// show; ＞ ＝ ＜ are full-width so that they line up with ≥ ≤.</summary>
public enum Comparison
{
    /// <summary>≥ (不低于)</summary>
    [Label("≥")]
    GreaterOrEqual = 1,
    /// <summary>＞ (高于)</summary>
    [Label("＞")]
    Greater = 2,
    /// <summary>＝ (等于, and "within" for ranges)</summary>
    [Label("＝")]
    Equal = 3,
    /// <summary>≤ (不高于)</summary>
    [Label("≤")]
    LessOrEqual = 4,
    /// <summary>＜ (低于)</summary>
    [Label("＜")]
    Less = 5,
    /// <summary>定性: judged against a written standard, not a number.</summary>
    [Label("定性")]
    Qualitative = 6,
}

/// <summary>What a target value holds.</summary>
public enum ValueKind
{
    /// <summary>A number, with or without a unit (人次, 万元, 元/亩 …).</summary>
    Number = 1,
    /// <summary>A number whose unit is %.</summary>
    Percent = 2,
    /// <summary>A date, a month or a year.</summary>
    Date = 3,
    /// <summary>From one date (month, year) to another.</summary>
    DateRange = 4,
    /// <summary>From one number to another, unit shared (18 至 54 周岁).</summary>
    NumberRange = 5,
    /// <summary>A qualitative standard (达到, 良好, 有效 …).</summary>
    Text = 6,
}

public static class Comparisons
{
    /// <summary>逆向指标: the smaller the actual value, the better (costs, complaint counts, processing days).</summary>
    public static bool IsReverse(this Comparison comparison) =>
        comparison is Comparison.LessOrEqual or Comparison.Less;
}

/// <summary>方向: whether more or less of an indicator is better, as a reviewer confirmed it on the target form.</summary>
public enum IndicatorDirection
{
    /// <summary>正向: the higher the better (a bare target is reached from below).</summary>
    [Label("正向（越高越好）")]
    Positive = 1,
    /// <summary>反向: the lower the better (a bare target is a limit: 控制率, 投诉率, 事故发生率 …).</summary>
    [Label("反向（越低越好）")]
    Reverse = 2,
}

/// <summary>
/// 反向指标 written without an operator: rates of bad things and control ratios (在编人员控制率 = staff ÷ authorised
/// posts, 投诉率, 事故发生率 …) are "lower is better" even when the target is a bare "100%" or "5%". Read by the end of the
/// indicator's name against a vocabulary ([local] per region and year; <see cref="NationalDefault"/> otherwise), unless
/// the reviewer set the direction on the target form.
/// </summary>
public static class ReverseIndicators
{
    /// <summary>Name endings that mark a reverse indicator: a name that ends with one ("食品安全投诉率") is reverse, one that
    /// only contains it ("投诉举报处置率") is not.</summary>
    public static IReadOnlyList<string> NationalDefault { get; } =
    [
        "控制率", "投诉率", "发生率", "事故率", "差错率", "出错率", "误差率", "失误率", "超支率", "结转结余率", "结余率", "结转率",
        "预算调整率", "调整率", "空置率", "流失率", "辍学率", "发病率", "死亡率", "返工率", "返修率", "不合格率", "违规率",
        "逾期率", "损耗率", "漏检率", "误报率", "复发率", "闲置率", "变更率", "退货率", "投诉次数", "事故次数", "事故数",
        "发生数", "超标率", "上访率", "缺陷率",
    ];

    /// <summary>The vocabulary as a settings field writes it: one word per line or separated by "、", "，" or spaces; blank → the national default.</summary>
    public static IReadOnlyList<string> Read(string? written)
    {
        var words = (written ?? "").Split(['\n', '\r', '、', '，', ',', ' ', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (words.Any(w => w.Length > 20))
            throw new DomainException($"反向指标词“{words.First(w => w.Length > 20)}”超过 20 个字：每个词是指标名称的结尾，如“控制率”“投诉率”。", "反向指标词");
        return words.Count == 0 ? NationalDefault : words;
    }

    /// <summary>The vocabulary word <paramref name="name"/> ends with (brackets and spaces at the end ignored), or null.</summary>
    public static string? Match(string name, IReadOnlyList<string> vocabulary)
    {
        var trimmed = TrailingBrackets(name.Trim());
        return vocabulary.Where(w => trimmed.EndsWith(w, StringComparison.Ordinal)).MaxBy(w => w.Length);
    }

    private static string TrailingBrackets(string name)
    {
        while (name.Length > 0 && name[^1] is ')' or '）')
        {
            var open = name.LastIndexOfAny(['(', '（']);
            if (open <= 0) break;
            name = name[..open].TrimEnd();
        }
        return name;
    }
}

/// <summary>How a target is read when an actual is judged against it (reference scoring and monitoring lights alike).</summary>
public static class TargetReading
{
    /// <summary>
    /// The target as judged, with the sentence that says why when it is not read literally: a bare target (no comparison
    /// written in the value, "＝" by default or by the 指标性质) of a 反向指标 — by the reviewer's <paramref name="direction"/>,
    /// else by <paramref name="reverseWords"/> — is "≤"; a bare date ("2024年12月") is a deadline, on or before its last day.
    /// </summary>
    public static (IndicatorValue Goal, string Reading) AsScored(ParseResult target, string written, string name,
        IndicatorDirection? direction, IReadOnlyList<string> reverseWords)
    {
        var value = target.Value ?? throw new ArgumentException("The target does not parse.", nameof(target));
        if (target.ComparisonWritten || value.Comparison != Comparison.Equal)
            return (value, "");
        if (value.Kind == ValueKind.Date)
            return (AtMost(value),
                $"时效目标“{written}”未写比较符号，按“不晚于 {value.EndDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}”理解");
        if (value.Kind is not (ValueKind.Number or ValueKind.Percent) || value.Number is not > 0)
            return (value, "");
        var reverse = direction switch
        {
            IndicatorDirection.Reverse => "经审核确认为反向指标",
            IndicatorDirection.Positive => null,
            _ => ReverseIndicators.Match(name, reverseWords) is { } word ? $"按指标名称判定为反向指标（名称以“{word}”结尾）" : null,
        };
        return reverse is null ? (value, "") : (AtMost(value), $"{reverse}，目标“{written}”按“≤”理解");
    }

    /// <summary>"＝100%" read as "≤100%": the comparison and the canonical display both.</summary>
    private static IndicatorValue AtMost(IndicatorValue value) => value with
    {
        Comparison = Comparison.LessOrEqual,
        Normalized = Comparison.LessOrEqual.Label() + value.Normalized[value.Comparison.Label().Length..],
    };
}
