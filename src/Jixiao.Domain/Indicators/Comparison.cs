namespace Jixiao.Domain.Indicators;

/// <summary>指标性质: how an indicator's actual value is judged against its target value.</summary>
public enum Comparison
{
    /// <summary>≥ (不低于)</summary>
    GreaterOrEqual = 1,
    /// <summary>＞ (高于)</summary>
    Greater = 2,
    /// <summary>＝ (等于, and "within" for ranges)</summary>
    Equal = 3,
    /// <summary>≤ (不高于)</summary>
    LessOrEqual = 4,
    /// <summary>＜ (低于)</summary>
    Less = 5,
    /// <summary>定性: judged against a written standard, not a number.</summary>
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
    /// <summary>The label shown in target forms; ＞ ＝ ＜ are full-width so that they line up with ≥ ≤.</summary>
    public static string Label(this Comparison comparison) => comparison switch
    {
        Comparison.GreaterOrEqual => "≥",
        Comparison.Greater => "＞",
        Comparison.Equal => "＝",
        Comparison.LessOrEqual => "≤",
        Comparison.Less => "＜",
        Comparison.Qualitative => "定性",
        _ => comparison.ToString(),
    };

    /// <summary>逆向指标: the smaller the actual value, the better (costs, complaint counts, processing days).</summary>
    public static bool IsReverse(this Comparison comparison) =>
        comparison is Comparison.LessOrEqual or Comparison.Less;
}
