using System.Globalization;

namespace Jixiao.Domain;

/// <summary>
/// How a page shows a rate (执行率, 时间进度, 完成率, 覆盖率): a percentage with two decimals, as finance tables print
/// ("58.08%"), and "—" where there is none. The explanations of a score or a warning keep their own precision, since
/// they show the arithmetic.
/// </summary>
public static class Percent
{
    /// <summary>A fraction (0.5808) as "58.08%"; null as "—".</summary>
    public static string Of(decimal? fraction) =>
        Points(fraction) is { } points ? points.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary><paramref name="part"/> of <paramref name="whole"/> ("12 of 13" → "92.31%"); "—" when the whole is 0.</summary>
    public static string Of(decimal part, decimal whole) => Of(Share(part, whole));

    /// <summary>The same figure as a number of percentage points (58.08), for the API and the sheets: what the page shows.</summary>
    public static decimal? Points(decimal? fraction) => fraction is { } f ? decimal.Round(f * 100m, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary><paramref name="part"/> ÷ <paramref name="whole"/>, null when the whole is 0.</summary>
    public static decimal? Share(decimal part, decimal whole) => whole > 0 ? part / whole : null;
}
