using System.Text.RegularExpressions;

namespace Jixiao.Domain.Indicators;

/// <summary>How units are recognised in indicator values, unit columns and indicator names.</summary>
internal static partial class IndicatorUnits
{
    /// <summary>Units that target tables use. Only needed where a unit must be told apart from words
    /// (in an indicator name, "(人次)" is a unit and "(参保率)" is not); after a number any short word is a unit.</summary>
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "%", "‰", "个百分点", "百分点",
        "人", "人次", "名", "户", "户次", "家", "村", "所", "班",
        "个", "次", "起", "件", "项", "种", "种次", "例", "份", "篇", "册", "本", "部", "幅", "字",
        "套", "台", "辆", "只", "头", "羽", "株", "棵", "床", "张", "间", "盏", "块", "眼", "口",
        "处", "座", "栋", "条", "宗", "期", "批", "批次", "场", "场次", "级", "分", "课时", "学时",
        "亩", "公顷", "平方米", "平方公里", "立方米", "㎡", "m2", "m3", "m²", "m³",
        "米", "厘米", "毫米", "千米", "公里", "km", "m",
        "吨", "公斤", "千克", "斤", "kg", "千瓦", "kW", "度", "GB", "TB",
        "元", "天", "日", "工作日", "小时", "分钟", "周", "月", "年", "岁", "周岁",
    };

    /// <summary>What a unit column may say above a date target.</summary>
    private static readonly HashSet<string> DateLabels = ["年月", "年月日", "日期", "时间", "完成时间", "时限", "年", "月", "日", "年度"];

    private const int LongestUnit = 8;

    /// <summary>Spaces removed, 百分比 / 百分率 written as %.</summary>
    public static string Canonical(string unit)
    {
        var compact = string.Concat(unit.Where(c => !char.IsWhiteSpace(c)));
        return compact is "百分比" or "百分率" ? "%" : compact;
    }

    /// <summary>Short, no digits, only letters and unit signs, % only on its own: 人次, 元/亩, km, m³, %.</summary>
    public static bool IsUnitLike(string unit) =>
        unit.Length is > 0 and <= LongestUnit
        && UnitCharacters().IsMatch(unit)
        && unit[0] != '/' && unit[^1] != '/'
        && (unit == "%" || !unit.Contains('%'));

    /// <summary>A known unit, or known units joined by "/" (元/亩), each optionally with 万 / 亿 / 千 in front (万元, 万亩).</summary>
    public static bool IsKnown(string unit) =>
        unit.Length > 0 && unit.Split('/').All(part => Known.Contains(part)
            || (part.Length > 1 && part[0] is '万' or '亿' or '千' && Known.Contains(part[1..])));

    public static bool IsDateLabel(string unit) => DateLabels.Contains(unit);

    /// <summary>The longest known unit that <paramref name="text"/> ends with, or "".</summary>
    public static string KnownSuffix(string text)
    {
        var best = "";
        foreach (var unit in Known)
        {
            if (unit.Length > best.Length && text.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
                best = text[^unit.Length..];
        }
        if (best.Length > 0 && text.Length > best.Length && text[^(best.Length + 1)] is '万' or '亿' or '千')
            best = text[^(best.Length + 1)..];
        return best;
    }

    [GeneratedRegex(@"^(?:[\p{L}%‰°℃²³·/]|(?<=[mM])[23])+$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitCharacters();
}
