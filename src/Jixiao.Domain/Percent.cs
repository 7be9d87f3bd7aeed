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
        fraction is { } f ? (f * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary><paramref name="part"/> of <paramref name="whole"/> ("12 of 13" → "92.31%"); "—" when the whole is 0.</summary>
    public static string Of(decimal part, decimal whole) => Of(whole > 0 ? part / whole : null);
}
