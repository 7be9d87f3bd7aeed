using System.Text.RegularExpressions;

namespace Jixiao.Domain.Indicators;

/// <summary>
/// The units vocabulary: how units are recognised in indicator values, unit columns and indicator names, and what the
/// target form's unit check accepts. A unit is short and made of known units: 人次, 万元, 元/亩, 台（套）, 人·次, 万元/公里,
/// m³, ㎡. A phrase after a number ("1-2期未按时培训") is not a unit.
/// </summary>
public static partial class IndicatorUnits
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "%", "‰", "个百分点", "百分点",
        "人", "人次", "人天", "人日", "名", "位", "户", "户次", "家", "家次", "村", "所", "班", "班次", "组", "队", "支",
        "个", "个次", "次", "起", "件", "项", "种", "种次", "例", "份", "篇", "册", "本", "部", "幅", "字", "门", "节", "课",
        "套", "台", "辆", "艘", "架", "架次", "车次", "只", "头", "羽", "尾", "株", "棵", "床", "张", "间", "盏", "块", "眼", "口",
        "处", "座", "栋", "条", "宗", "期", "期次", "批", "批次", "场", "场次", "轮", "届", "级", "分", "课时", "学时", "标段",
        "箱", "袋", "瓶", "盒", "根", "对", "片", "枚", "章",
        "亩", "公顷", "平方米", "平方公里", "平方千米", "立方米", "㎡", "m2", "m3", "m²", "m³", "㎥",
        "米", "延米", "厘米", "毫米", "千米", "公里", "km", "m", "cm", "mm",
        "吨", "公斤", "千克", "斤", "kg", "t", "千瓦", "千瓦时", "kW", "kWh", "度", "兆瓦", "MB", "GB", "TB",
        "元", "生", "天", "日", "工作日", "个工作日", "个月", "小时", "分钟", "秒", "周", "月", "季度", "年", "岁", "周岁", "℃",
    };

    /// <summary>What a unit column may say above a date target.</summary>
    private static readonly HashSet<string> DateLabels = ["年月", "年月日", "日期", "时间", "完成时间", "时限", "年", "月", "日", "年度"];

    private const int LongestUnit = 10;

    /// <summary>Spaces removed, brackets half-width, 百分比 / 百分率 written as %: "台（套）" → "台(套)".</summary>
    public static string Canonical(string unit)
    {
        var compact = string.Concat(unit.Where(c => !char.IsWhiteSpace(c))).Replace('（', '(').Replace('）', ')').Replace('／', '/');
        return compact is "百分比" or "百分率" ? "%" : compact;
    }

    /// <summary>Short, no digits, only letters and unit signs, % only on its own: 人次, 元/亩, 台(套), km, m³, %.</summary>
    public static bool IsUnitLike(string unit) =>
        unit.Length is > 0 and <= LongestUnit
        && UnitCharacters().IsMatch(unit)
        && unit[0] is not ('/' or '(' or '·') && unit[^1] is not ('/' or '·')
        && (unit == "%" || !unit.Contains('%'));

    /// <summary>
    /// A unit of the vocabulary: known units joined by "/" (元/亩, 万元/公里) or "·" (人·次), each optionally with 万 / 亿 /
    /// 千 / 百 in front (万元, 万亩) and optionally with a known unit in brackets after it (台(套)); 万 and 亿 alone count too
    /// ("250万"). Written as <see cref="Canonical"/> gives it.
    /// </summary>
    public static bool IsKnown(string unit) =>
        unit.Length is > 0 and <= LongestUnit && unit.Split('/', '·').All(IsKnownPart);

    /// <summary>The unit check of the target form and of values: a unit column or a unit after a number is one of the vocabulary.</summary>
    public static bool IsUnit(string written) => IsKnown(Canonical(written));

    private static bool IsKnownPart(string part)
    {
        if (part.Length == 0)
            return false;
        if (BracketedPart().Match(part) is { Success: true } m)
            return IsKnownPart(m.Groups["u"].Value) && IsKnownPart(m.Groups["b"].Value);
        return part is "万" or "亿" || Known.Contains(part)
            || (part.Length > 1 && part[0] is '万' or '亿' or '千' or '百' && Known.Contains(part[1..]));
    }

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

    [GeneratedRegex(@"^(?:[\p{L}%‰°℃²³·/()㎡㎥]|(?<=[mM])[23])+$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitCharacters();

    [GeneratedRegex(@"^(?<u>[^()]+)\((?<b>[^()]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex BracketedPart();
}
