using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Domain.Budget;

namespace Jixiao.Domain.Interchange;

/// <summary>The unit a spreadsheet column states its amounts in.</summary>
public enum AmountUnit
{
    [Label("元")]
    Yuan = 1,
    [Label("万元")]
    TenThousandYuan = 2,
}

/// <summary>
/// Parsers for messy spreadsheet cells (imports from 预算管理一体化 and offline templates). Each either
/// succeeds or says precisely, in Chinese and naming the value, why it cannot read the cell — it never
/// guesses silently.
/// </summary>
public static partial class CellText
{
    /// <summary>Excel's largest date serial: 9999-12-31.</summary>
    public const int MaxExcelSerial = 2_958_465;

    internal const int EarliestYear = 1900;
    internal const int LatestYear = 2100;
    private const int ShownLength = 40;

    /// <summary>
    /// For codes, numbers, dates and labels: <see cref="Clean"/>, and full-width ASCII (U+FF01–U+FF5E) → half-width
    /// ("１２３，４５６．７８" → "123,456.78", "（１）" → "(1)"). Null gives "".
    /// </summary>
    public static string Normalize(string? text) => Collapse(text, foldWidth: true);

    /// <summary>
    /// For free text (names, reasons, summaries): as written — Chinese punctuation and full-width characters are kept —
    /// except that every whitespace character (ideographic space U+3000, NBSP, tab, line break …) becomes a space,
    /// zero-width characters (U+200B–U+200D, U+2060, BOM) are removed, and the text is trimmed with internal runs of
    /// whitespace collapsed to one space. Null gives "".
    /// </summary>
    public static string Clean(string? text) => Collapse(text, foldWidth: false);

    private static string Collapse(string? text, bool foldWidth)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var original in text)
        {
            var c = original;
            if (foldWidth && c is >= '\uFF01' and <= '\uFF5E')
                c = (char)(c - 0xFEE0);
            else if (c is >= '\u200B' and <= '\u200D' or '\u2060' or '\uFEFF')
                continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }
            result.Append(c);
        }
        return result.ToString();
    }

    // ---------------------------------------------------------------- amounts

    /// <summary>
    /// Reads an amount written in <paramref name="unit"/> and returns it in 元 with whole 分. Accepts
    /// thousands separators (half- or full-width comma), full-width digits, a sign, and a trailing
    /// 元 / 万元 / 万 that must agree with <paramref name="unit"/>. Negative amounts are allowed here; the
    /// caller decides whether they make sense.
    /// </summary>
    public static bool TryParseAmount(string? text, AmountUnit unit, out decimal yuan, out string? error)
    {
        yuan = 0m;
        error = null;
        var shown = Shown(text);
        var s = Normalize(text);
        if (s.Length == 0)
            return Fail("金额为空。", out error);

        AmountUnit? written = null;
        if (s.EndsWith("万元", StringComparison.Ordinal))
            (written, s) = (AmountUnit.TenThousandYuan, s[..^2].TrimEnd());
        else if (s.EndsWith('万'))
            (written, s) = (AmountUnit.TenThousandYuan, s[..^1].TrimEnd());
        else if (s.EndsWith('元'))
            (written, s) = (AmountUnit.Yuan, s[..^1].TrimEnd());
        if (s.Length == 0)
            return Fail($"“{shown}”只有单位，没有金额。", out error);

        s = s.Replace('\u2212', '-'); // − MINUS SIGN, as some exports print negatives
        if (ScientificNumber().IsMatch(s))
            return Fail($"“{shown}”是科学计数法，可能已丢失精度，请把单元格设为数值格式后重新导出。", out error);
        if (s.Count(c => c == '.') > 1)
            return Fail($"“{shown}”有多个小数点，不是有效金额。", out error);
        if (!PlainNumber().IsMatch(s))
        {
            return LooseNumber().IsMatch(s)
                ? Fail($"“{shown}”的千分位逗号位置不对，不是有效金额。", out error)
                : Fail($"“{shown}”不是数字。", out error);
        }

        // The number is read before the unit is judged: "约五万" is not a number, whatever its unit.
        if (written is { } w && w != unit)
            return Fail($"“{shown}”写的单位是{w.Label()}，但本列金额单位是{unit.Label()}，请统一单位后再导入。", out error);

        // Checked on the text, so that no digit is lost to rounding before the check.
        var number = s.Replace(",", "");
        var dot = number.IndexOf('.');
        var integerDigits = (dot < 0 ? number : number[..dot]).TrimStart('+', '-').TrimStart('0').Length;
        var fractionDigits = dot < 0 ? 0 : number[(dot + 1)..].TrimEnd('0').Length;
        var maxIntegerDigits = unit == AmountUnit.Yuan ? 13 : 9;
        if (integerDigits > maxIntegerDigits)
            return Fail($"“{shown}”超出范围，金额绝对值不能超过 {Money.Format(Money.Max)} 元。", out error);
        var value = decimal.Parse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (unit == AmountUnit.Yuan && fractionDigits > 2)
            return Fail($"“{shown}”精确到分以下，以元为单位最多保留两位小数。", out error);
        if (unit == AmountUnit.TenThousandYuan)
        {
            value *= 10_000m;
            if (fractionDigits > 6)
                return Fail($"“{shown}”按万元换算为 {value.ToString("#,##0.##########", CultureInfo.InvariantCulture)} 元，精确到分以下，请核对小数位数。", out error);
        }
        if (Math.Abs(value) > Money.Max)
            return Fail($"“{shown}”超出范围，金额绝对值不能超过 {Money.Format(Money.Max)} 元。", out error);

        yuan = decimal.Round(value, 2);
        return true;
    }

    // ---------------------------------------------------------------- dates

    /// <summary>
    /// Reads a date cell given as text: 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301, any of these
    /// followed by a time (ignored), full-width digits, or an Excel serial number as text (46082).
    /// A bare 4-digit year (2026) or 6-digit year-month (202603) is refused rather than read as a serial.
    /// </summary>
    public static bool TryParseDate(string? text, out DateOnly date, out string? error)
    {
        date = default;
        error = null;
        var shown = Shown(text);
        var s = Normalize(text);
        if (s.Length == 0)
            return Fail("日期为空。", out error);

        var time = TimeSuffix().Match(s);
        if (time.Success)
        {
            int hour = Int(time, "h"), minute = Int(time, "m"), second = time.Groups["s"].Success ? Int(time, "s") : 0;
            if (hour > 23 || minute > 59 || second > 59)
                return Fail($"“{shown}”的时间部分无效。", out error);
            s = time.Groups["d"].Value;
        }

        Match m;
        if ((m = DashedDate().Match(s)).Success || (m = ChineseDate().Match(s)).Success || (m = CompactDate().Match(s)).Success)
            return TryBuild(shown, Int(m, "y"), Int(m, "mo"), Int(m, "d"), out date, out error);

        // before serials: "2026.7" is July 2026, not serial 2026 and seven tenths of a day
        if (YearMonth().IsMatch(s))
            return Fail($"“{shown}”只有年月，缺少日，请填写年月日（如 2026-03-01）。", out error);
        if ((m = Serial().Match(s)).Success)
        {
            var digits = m.Groups["n"].Value;
            if (digits.Length == 4 && Int(m, "n") is >= EarliestYear and <= LatestYear)
                return Fail($"“{shown}”像是年份，不是完整日期，请填写年月日（如 {digits}-03-01）。", out error);
            if (digits.Length == 6 && int.Parse(digits[..4], CultureInfo.InvariantCulture) is >= EarliestYear and <= LatestYear
                && int.Parse(digits[4..], CultureInfo.InvariantCulture) is >= 1 and <= 12)
                return Fail($"“{shown}”像是年月（{digits[..4]} 年 {int.Parse(digits[4..], CultureInfo.InvariantCulture)} 月），缺少日，请填写年月日。", out error);
            return TryFromSerial(long.Parse(digits, CultureInfo.InvariantCulture), shown, out date, out error);
        }

        if (TwoDigitYear().IsMatch(s))
            return Fail($"“{shown}”的年份不是 4 位，请按 2026-03-01 的格式填写。", out error);
        if (YearLast().IsMatch(s))
            return Fail($"“{shown}”年份写在最后，无法确定日月顺序，请按 2026-03-01 的格式填写。", out error);
        return Fail($"“{shown}”不是可识别的日期，请按 2026-03-01 或 2026年3月1日 的格式填写。", out error);
    }

    /// <summary>
    /// Reads a numeric date cell: an Excel serial in the 1900 date system (1 = 1900-01-01, with Excel's
    /// fictitious 1900-02-29 as 60, so from 61 on the date is 1899-12-30 + serial days). The fractional
    /// part is the time of day and is ignored. Serials 1..2958465 (1900-01-01..9999-12-31) are accepted.
    /// </summary>
    public static bool TryParseDate(double excelSerial, out DateOnly date, out string? error)
    {
        date = default;
        error = null;
        if (double.IsNaN(excelSerial) || double.IsInfinity(excelSerial))
            return Fail("单元格数值不是有效的 Excel 日期序号。", out error);
        var whole = Math.Floor(excelSerial);
        var shown = excelSerial.ToString(CultureInfo.InvariantCulture);
        if (whole is < 1 or > MaxExcelSerial)
            return Fail($"Excel 日期序号 {shown} 超出范围，应在 1–{MaxExcelSerial} 之间。", out error);
        return TryFromSerial((long)whole, shown, out date, out error);
    }

    private static bool TryFromSerial(long serial, string shown, out DateOnly date, out string? error)
    {
        date = default;
        error = null;
        if (serial is < 1 or > MaxExcelSerial)
            return Fail($"“{shown}”作为 Excel 日期序号超出范围，应在 1–{MaxExcelSerial} 之间。", out error);
        if (serial == 60)
            return Fail($"“{shown}”是 Excel 日期序号 60，对应并不存在的 1900-02-29（Excel 的 1900 年闰年错误）。", out error);
        date = serial < 60
            ? new DateOnly(1899, 12, 31).AddDays((int)serial)
            : new DateOnly(1899, 12, 30).AddDays((int)serial);
        return true;
    }

    private static bool TryBuild(string shown, int year, int month, int day, out DateOnly date, out string? error)
    {
        date = default;
        error = null;
        if (year < EarliestYear)
            return Fail($"“{shown}”的年份 {year} 超出范围，应不早于 {EarliestYear} 年。", out error);
        if (month is < 1 or > 12)
            return Fail($"“{shown}”不是有效日期：月份 {month} 应在 1–12 之间。", out error);
        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
            return Fail($"“{shown}”不是有效日期：{year} 年 {month} 月只有 {days} 天。", out error);
        date = new DateOnly(year, month, day);
        return true;
    }

    // ---------------------------------------------------------------- years

    /// <summary>Reads a year cell: 2026, 2026年, 2026年度, with full-width digits; 1900–2100.</summary>
    public static bool TryParseYear(string? text, out int year, out string? error)
    {
        year = 0;
        error = null;
        var shown = Shown(text);
        var s = Normalize(text);
        if (s.Length == 0)
            return Fail("年度为空。", out error);
        var m = YearText().Match(s);
        if (!m.Success)
            return Fail($"“{shown}”不是年份，请填写 4 位年份（如 2026）。", out error);
        var digits = m.Groups["y"].Value;
        if (digits.Length != 4)
            return Fail($"“{shown}”不是 4 位年份，请填写 4 位年份（如 2026）。", out error);
        var value = int.Parse(digits, CultureInfo.InvariantCulture);
        if (value is < EarliestYear or > LatestYear)
            return Fail($"“{shown}”超出范围，年份应在 {EarliestYear}–{LatestYear} 之间。", out error);
        year = value;
        return true;
    }

    // ---------------------------------------------------------------- helpers

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>The cell as the user typed it (width kept, whitespace collapsed), shortened for messages.</summary>
    internal static string Shown(string? text)
    {
        var collapsed = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= ShownLength ? collapsed : collapsed[..ShownLength] + "…";
    }

    [GeneratedRegex(@"^[+-]?([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^[+-]?[0-9,]*[0-9][0-9,]*(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LooseNumber();

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ScientificNumber();

    [GeneratedRegex(@"^(?<d>.+?)(?:\s+|T)(?<h>[0-9]{1,2}):(?<m>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.[0-9]+)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeSuffix();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<sep>[-/.])(?<mo>[0-9]{1,2})\k<sep>(?<d>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DashedDate();

    [GeneratedRegex(@"^(?<y>[0-9]{4}) ?年 ?(?<mo>[0-9]{1,2}) ?月 ?(?<d>[0-9]{1,2}) ?[日号]?$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<mo>[0-9]{2})(?<d>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"^(?<n>[0-9]{1,7})(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Serial();

    [GeneratedRegex(@"^(19[0-9]{2}|20[0-9]{2}|2100)( ?年 ?[0-9]{1,2} ?月?|[-/.][0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonth();

    [GeneratedRegex(@"^[0-9]{2}(?<sep>[-/.])[0-9]{1,2}\k<sep>[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwoDigitYear();

    [GeneratedRegex(@"^[0-9]{1,2}(?<sep>[-/.])[0-9]{1,2}\k<sep>[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex YearLast();

    [GeneratedRegex(@"^(?<y>[0-9]+) ?(年度|年)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearText();
}
