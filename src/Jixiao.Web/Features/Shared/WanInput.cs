using System.Globalization;
using Jixiao.Domain.Interchange;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// An amount a form asks for in 万元, the unit finance works in ("1,200", "1200万"; "12000000元" when the user writes 元), read as
/// 元 for the use case — with the import's checks, so a mistyped amount is refused in words and never rounded silently.
/// </summary>
public static class WanInput
{
    /// <returns>the amount in 元; null when left blank</returns>
    public static decimal? Yuan(string? text, string field)
    {
        var s = CellText.Normalize(text);
        if (s.Length == 0) return null;
        var unit = s.EndsWith('元') && !s.EndsWith("万元", StringComparison.Ordinal) ? AmountUnit.Yuan : AmountUnit.TenThousandYuan;
        return CellText.TryParseAmount(s, unit, out var yuan, out var error) ? yuan : throw new DomainException($"{field}：{error}", field);
    }

    /// <summary>An amount in 元 as the 万元 input shows it (no thousands separator, no trailing zeros).</summary>
    public static string Show(decimal? yuan) => yuan is { } y ? (y / 10_000m).ToString("0.######", CultureInfo.InvariantCulture) : "";
}
