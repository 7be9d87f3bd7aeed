using System.Globalization;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Interchange;

namespace Jixiao.Domain.Tests.Interchange;

public sealed class CellTextNormalizeTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("\u3000\u3000", "")]                        // ideographic spaces only
    [InlineData("\u3000襄垣县\u3000", "襄垣县")]
    [InlineData("\u00A0县教育局\u00A0", "县教育局")]          // NBSP from web copies
    [InlineData("县\u3000\u3000教育局", "县 教育局")]
    [InlineData("a \t\r\n b", "a b")]                       // line breaks inside a cell
    [InlineData("a\u00A0\u3000 b", "a b")]
    [InlineData("１２３４", "1234")]
    [InlineData("１，２３４．５６", "1,234.56")]
    [InlineData("ＡＢＣ－ｘｙｚ", "ABC-xyz")]
    [InlineData("（１）项目", "(1)项目")]
    [InlineData("！", "!")]                                 // U+FF01, first of the range
    [InlineData("～", "~")]                                 // U+FF5E, last of the range
    [InlineData("｟", "｟")]                                 // U+FF5F, just outside: kept
    [InlineData("≧735人次", "≧735人次")]                    // not full-width ASCII: kept for the value parser
    [InlineData("\u200B123\uFEFF", "123")]                 // zero-width space and BOM removed
    [InlineData("义务\u200D教育", "义务教育")]
    [InlineData("  2026年\u3000度  ", "2026年 度")]
    public void Normalize_MessyText_ReturnsHalfWidthTrimmedSingleSpaced(string? text, string expected)
    {
        Assert.Equal(expected, CellText.Normalize(text));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("\u3000学生资助（春季），按时发放：１２０人次\u3000", "学生资助（春季），按时发放：１２０人次")] // punctuation and width kept
    [InlineData("偏差原因：\r\n  工期顺延；\t已整改", "偏差原因： 工期顺延； 已整改")]
    [InlineData("义务\u200D教育\uFEFF", "义务教育")]
    [InlineData("\u00A0县教育局\u00A0", "县教育局")]
    public void Clean_FreeText_KeepsWhatWasWrittenTrimmedSingleSpaced(string? text, string expected)
    {
        Assert.Equal(expected, CellText.Clean(text));
    }

    [Fact]
    public void Normalize_EveryFullWidthAsciiCharacter_MapsToAscii()
    {
        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
            Assert.Equal(((char)(c - 0xFEE0)).ToString(), CellText.Normalize(c.ToString()));
    }

    [Theory]
    [InlineData(AmountUnit.Yuan, "元")]
    [InlineData(AmountUnit.TenThousandYuan, "万元")]
    public void Label_EachUnit_ReturnsChinese(AmountUnit unit, string label)
    {
        Assert.Equal(label, unit.Label());
    }
}

public sealed class CellTextAmountTests
{
    private const AmountUnit Yuan = AmountUnit.Yuan;
    private const AmountUnit Wan = AmountUnit.TenThousandYuan;

    [Theory]
    // text                          column unit   元
    [InlineData("1,234.56",           Yuan,        "1234.56")]
    [InlineData("1，234.56",          Yuan,        "1234.56")]          // full-width comma
    [InlineData("１２３４",            Yuan,        "1234")]             // full-width digits
    [InlineData("１，２３４．５６",     Yuan,        "1234.56")]
    [InlineData(" 12.5 ",             Yuan,        "12.5")]
    [InlineData("\u00A01,234,567.89\u3000", Yuan,  "1234567.89")]
    [InlineData("-300",               Yuan,        "-300")]             // negatives allowed here; callers decide
    [InlineData("－300",              Yuan,        "-300")]             // full-width hyphen-minus
    [InlineData("\u2212300",          Yuan,        "-300")]             // MINUS SIGN
    [InlineData("+300",               Yuan,        "300")]
    [InlineData("0",                  Yuan,        "0")]
    [InlineData("0.00",               Yuan,        "0")]
    [InlineData("000123",             Yuan,        "123")]
    [InlineData("12.340",             Yuan,        "12.34")]            // trailing zero: still whole 分
    [InlineData("1234元",             Yuan,        "1234")]
    [InlineData("1,234.56 元",        Yuan,        "1234.56")]
    [InlineData("１２３４．５６元",     Yuan,        "1234.56")]
    [InlineData("1000000000000",      Yuan,        "1000000000000")]    // Money.Max
    [InlineData("-1,000,000,000,000.00", Yuan,     "-1000000000000")]
    [InlineData("12.5",               Wan,         "125000")]
    [InlineData("12.5万元",           Wan,         "125000")]
    [InlineData("12.5 万元",          Wan,         "125000")]
    [InlineData("12.5万",             Wan,         "125000")]
    [InlineData("12.345678",          Wan,         "123456.78")]        // 万元 with 6 decimals = whole 分
    [InlineData("12.345678万元",      Wan,         "123456.78")]
    [InlineData("12.3456780",         Wan,         "123456.78")]
    [InlineData("1,234.56",           Wan,         "12345600")]
    [InlineData("0.000001",           Wan,         "0.01")]
    [InlineData("-0.01",              Wan,         "-100")]
    [InlineData("１２．５万元",        Wan,         "125000")]
    [InlineData("100000000",          Wan,         "1000000000000")]    // Money.Max in 万元
    public void TryParseAmount_MessyValidCell_ReturnsYuan(string text, AmountUnit unit, string expected)
    {
        Assert.True(CellText.TryParseAmount(text, unit, out var yuan, out var error), error);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), yuan);
        Assert.Null(error);
        Assert.Equal(yuan, decimal.Round(yuan, 2));
    }

    [Theory]
    [InlineData(null, Yuan)]
    [InlineData("", Yuan)]
    [InlineData("   ", Wan)]
    [InlineData("\u3000", Yuan)]
    public void TryParseAmount_Empty_SaysEmpty(string? text, AmountUnit unit)
    {
        Assert.False(CellText.TryParseAmount(text, unit, out var yuan, out var error));

        Assert.Equal("金额为空。", error);
        Assert.Equal(0m, yuan);
    }

    [Theory]
    // text                        column unit   the reason names
    [InlineData("约五万",           Yuan,         "不是数字")]
    [InlineData("五万元",           Yuan,         "不是数字")]
    [InlineData("abc",             Yuan,         "不是数字")]
    [InlineData("-",               Yuan,         "不是数字")]        // placeholder dash
    [InlineData("—",               Yuan,         "不是数字")]
    [InlineData("*",               Yuan,         "不是数字")]
    [InlineData("¥1,234.56",       Yuan,         "不是数字")]
    [InlineData("(300)",           Yuan,         "不是数字")]
    [InlineData("12.5%",           Yuan,         "不是数字")]
    [InlineData("1 234",           Yuan,         "不是数字")]
    [InlineData(".5",              Yuan,         "不是数字")]
    [InlineData("12.",             Yuan,         "不是数字")]
    [InlineData("1.234.56",        Yuan,         "多个小数点")]
    [InlineData("1。234.56",       Yuan,         "不是数字")]        // ideographic full stop is not a decimal point
    [InlineData("1,2345",          Yuan,         "千分位")]
    [InlineData("12,34.5",         Yuan,         "千分位")]
    [InlineData(",123",            Yuan,         "千分位")]
    [InlineData("1.2E+07",         Yuan,         "科学计数法")]
    [InlineData("１．２Ｅ＋０７",    Yuan,         "科学计数法")]
    [InlineData("12.345",          Yuan,         "精确到分以下")]
    [InlineData("0.001",           Yuan,         "精确到分以下")]
    [InlineData("1.2345678",       Wan,          "精确到分以下")]
    [InlineData("1.2345678万元",    Wan,          "精确到分以下")]
    [InlineData("1000000000000.01", Yuan,        "超出范围")]
    [InlineData("10000000000000",  Yuan,         "超出范围")]
    [InlineData("99999999999999999999999999999999", Yuan, "超出范围")]
    [InlineData("100000000.01",    Wan,          "超出范围")]
    [InlineData("-100000001",      Wan,          "超出范围")]
    [InlineData("元",              Yuan,         "只有单位")]
    [InlineData("万元",            Wan,          "只有单位")]
    [InlineData("12.5万元",         Yuan,         "写的单位是万元，但本列金额单位是元")]
    [InlineData("12.5万",          Yuan,         "写的单位是万元，但本列金额单位是元")]
    [InlineData("1234元",          Wan,          "写的单位是元，但本列金额单位是万元")]
    public void TryParseAmount_InvalidCell_FailsWithChineseReasonNamingValue(string text, AmountUnit unit, string reason)
    {
        Assert.False(CellText.TryParseAmount(text, unit, out var yuan, out var error));

        Assert.NotNull(error);
        Chinese.AssertMessage(error);
        Assert.Contains($"“{text.Trim()}”", error);
        Assert.Contains(reason, error);
        Assert.Equal(0m, yuan);
    }

    [Fact]
    public void TryParseAmount_Words_SaysNotANumber()
    {
        CellText.TryParseAmount("约五万", AmountUnit.Yuan, out _, out var error);

        Assert.Equal("“约五万”不是数字。", error);
    }

    [Fact]
    public void TryParseAmount_TenThousandWithTooManyDecimals_ShowsConvertedYuan()
    {
        CellText.TryParseAmount("1.2345678万元", AmountUnit.TenThousandYuan, out _, out var error);

        Assert.Equal("“1.2345678万元”按万元换算为 12,345.678 元，精确到分以下，请核对小数位数。", error);
    }

    [Fact]
    public void TryParseAmount_FullWidthInvalid_NamesValueAsTyped()
    {
        CellText.TryParseAmount("１２．３４５", AmountUnit.Yuan, out _, out var error);

        Assert.Equal("“１２．３４５”精确到分以下，以元为单位最多保留两位小数。", error);
    }

    [Fact]
    public void TryParseAmount_VeryLongText_ShortensItInMessage()
    {
        var text = new string('多', 100);

        CellText.TryParseAmount(text, AmountUnit.Yuan, out _, out var error);

        Assert.NotNull(error);
        Assert.Contains(new string('多', 40) + "…”", error);
        Assert.True(error.Length < 80);
    }

    [Fact]
    public void TryParseAmount_EveryWholeFenUpToOneYuanInTenThousand_RoundTrips()
    {
        for (var fen = 0; fen <= 100; fen++)
        {
            var wan = (fen / 100m / 10_000m).ToString("0.######", CultureInfo.InvariantCulture);

            Assert.True(CellText.TryParseAmount(wan, AmountUnit.TenThousandYuan, out var yuan, out _), wan);
            Assert.Equal(fen / 100m, yuan);
        }
    }

    [Fact]
    public void TryParseAmount_Result_PassesMoneyValidation()
    {
        foreach (var text in new[] { "1,234.56", "12.345678万元", "-300", "1000000000000" })
        {
            var unit = text.EndsWith("万元", StringComparison.Ordinal) ? AmountUnit.TenThousandYuan : AmountUnit.Yuan;
            Assert.True(CellText.TryParseAmount(text, unit, out var yuan, out _));
            Money.EnsureValid(yuan, "金额");
        }
    }
}

public sealed class CellTextDateTests
{
    [Theory]
    // text                        date
    [InlineData("2026-03-01",       "2026-03-01")]
    [InlineData("2026-3-1",         "2026-03-01")]
    [InlineData("2026/3/1",         "2026-03-01")]
    [InlineData("2026/03/01",       "2026-03-01")]
    [InlineData("2026.3.1",         "2026-03-01")]
    [InlineData("2026.03.01",       "2026-03-01")]
    [InlineData("2026年3月1日",      "2026-03-01")]
    [InlineData("2026年03月01日",    "2026-03-01")]
    [InlineData("2026 年 3 月 1 日", "2026-03-01")]
    [InlineData("2026年3月1号",      "2026-03-01")]
    [InlineData("2026年3月1",        "2026-03-01")]
    [InlineData("20260301",         "2026-03-01")]
    [InlineData("2026-03-01 00:00:00", "2026-03-01")]          // datetime export: time ignored
    [InlineData("2026/3/1 0:00",    "2026-03-01")]
    [InlineData("2026-03-01 14:30", "2026-03-01")]
    [InlineData("2026-03-01T08:30:00", "2026-03-01")]
    [InlineData("2026-03-01 23:59:59.997", "2026-03-01")]
    [InlineData("2026年3月1日 10:00", "2026-03-01")]
    [InlineData("２０２６－０３－０１", "2026-03-01")]             // full-width digits and hyphens
    [InlineData("２０２６年３月１日",   "2026-03-01")]
    [InlineData("２０２６／３／１",    "2026-03-01")]
    [InlineData("\u30002026-12-31\u00A0", "2026-12-31")]
    [InlineData("2024-02-29",       "2024-02-29")]              // leap day
    [InlineData("2000-02-29",       "2000-02-29")]
    [InlineData("46082",            "2026-03-01")]              // Excel serial as text
    [InlineData("46082.75",         "2026-03-01")]              // with a time of day
    [InlineData("４６０８２",         "2026-03-01")]
    [InlineData("45658",            "2025-01-01")]
    [InlineData("45351",            "2024-02-29")]
    [InlineData("1",                "1900-01-01")]
    [InlineData("59",               "1900-02-28")]
    [InlineData("61",               "1900-03-01")]              // after Excel's fictitious 1900-02-29
    [InlineData("100",              "1900-04-09")]
    [InlineData("2958465",          "9999-12-31")]
    public void TryParseDate_MessyValidCell_ReturnsDate(string text, string expected)
    {
        Assert.True(CellText.TryParseDate(text, out var date, out var error), error);

        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), date);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u3000 ")]
    public void TryParseDate_Empty_SaysEmpty(string? text)
    {
        Assert.False(CellText.TryParseDate(text, out var date, out var error));

        Assert.Equal("日期为空。", error);
        Assert.Equal(default, date);
    }

    [Theory]
    // text                         the reason names
    [InlineData("2026-02-30",        "2026 年 2 月只有 28 天")]
    [InlineData("2024-02-30",        "2024 年 2 月只有 29 天")]
    [InlineData("2026-02-29",        "2026 年 2 月只有 28 天")]
    [InlineData("1900-02-29",        "1900 年 2 月只有 28 天")]
    [InlineData("2026-04-31",        "2026 年 4 月只有 30 天")]
    [InlineData("2026年2月30日",      "2026 年 2 月只有 28 天")]
    [InlineData("20260230",          "2026 年 2 月只有 28 天")]
    [InlineData("2026-03-00",        "2026 年 3 月只有 31 天")]
    [InlineData("2026-13-01",        "月份 13 应在 1–12 之间")]
    [InlineData("2026-00-10",        "月份 0 应在 1–12 之间")]
    [InlineData("20261301",          "月份 13 应在 1–12 之间")]
    [InlineData("0999-01-01",        "年份 999 超出范围")]
    [InlineData("2026-03-01 25:00",  "时间部分无效")]
    [InlineData("2026-03-01 12:60",  "时间部分无效")]
    [InlineData("2026",              "像是年份")]
    [InlineData("２０２６",           "像是年份")]
    [InlineData("202603",            "像是年月")]
    [InlineData("2026年3月",          "缺少日")]
    [InlineData("2026年03月",         "缺少日")]
    [InlineData("2026-03",           "缺少日")]
    [InlineData("2026.7",            "缺少日")]
    [InlineData("26-3-1",            "年份不是 4 位")]
    [InlineData("26/03/01",          "年份不是 4 位")]
    [InlineData("3/1/2026",          "无法确定日月顺序")]
    [InlineData("01.03.2026",        "无法确定日月顺序")]
    [InlineData("60",                "1900-02-29")]              // Excel's fictitious day
    [InlineData("0",                 "超出范围")]
    [InlineData("2958466",           "超出范围")]
    [InlineData("9999999",           "超出范围")]
    [InlineData("明年三月",           "不是可识别的日期")]
    [InlineData("2026-03/01",        "不是可识别的日期")]
    [InlineData("2026-03-01至2026-12-31", "不是可识别的日期")]
    [InlineData("2026.07-2027.01",   "不是可识别的日期")]
    [InlineData("-46082",            "不是可识别的日期")]
    [InlineData("二〇二六年三月一日",   "不是可识别的日期")]
    [InlineData("TBD",               "不是可识别的日期")]
    public void TryParseDate_InvalidCell_FailsWithChineseReasonNamingValue(string text, string reason)
    {
        Assert.False(CellText.TryParseDate(text, out var date, out var error));

        Assert.NotNull(error);
        Chinese.AssertMessage(error);
        Assert.Contains($"“{text}”", error);
        Assert.Contains(reason, error);
        Assert.Equal(default, date);
    }

    [Fact]
    public void TryParseDate_ImpossibleDay_SaysExactly()
    {
        CellText.TryParseDate("2026-02-30", out _, out var error);

        Assert.Equal("“2026-02-30”不是有效日期：2026 年 2 月只有 28 天。", error);
    }

    [Theory]
    // Excel serial   date
    [InlineData(46082.0,       "2026-03-01")]
    [InlineData(46082.999,     "2026-03-01")]               // fractional part is the time: ignored
    [InlineData(45292.0,       "2024-01-01")]
    [InlineData(45657.0,       "2024-12-31")]
    [InlineData(1.0,           "1900-01-01")]
    [InlineData(1.5,           "1900-01-01")]
    [InlineData(59.0,          "1900-02-28")]
    [InlineData(61.0,          "1900-03-01")]
    [InlineData(2958465.0,     "9999-12-31")]
    [InlineData(2958465.9,     "9999-12-31")]
    public void TryParseDate_ExcelSerial_ReturnsDateIn1900System(double serial, string expected)
    {
        Assert.True(CellText.TryParseDate(serial, out var date, out var error), error);

        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), date);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(0.0,                      "超出范围")]
    [InlineData(0.5,                      "超出范围")]       // a time without a date
    [InlineData(-1.0,                     "超出范围")]
    [InlineData(2958466.0,                "超出范围")]
    [InlineData(60.0,                     "1900-02-29")]
    [InlineData(60.25,                    "1900-02-29")]
    [InlineData(double.NaN,               "不是有效的 Excel 日期序号")]
    [InlineData(double.PositiveInfinity,  "不是有效的 Excel 日期序号")]
    [InlineData(double.NegativeInfinity,  "不是有效的 Excel 日期序号")]
    public void TryParseDate_BadExcelSerial_FailsWithChineseReason(double serial, string reason)
    {
        Assert.False(CellText.TryParseDate(serial, out var date, out var error));

        Assert.NotNull(error);
        Chinese.AssertMessage(error);
        Assert.Contains(reason, error);
        Assert.Equal(default, date);
    }

    [Fact]
    public void TryParseDate_SerialsFrom61_AgreeWithOleAutomationDates()
    {
        // From 1900-03-01 on, Excel's 1900 system and OLE Automation dates (base 1899-12-30) agree.
        for (var serial = 61; serial <= MaxCheckedSerial; serial += 97)
        {
            Assert.True(CellText.TryParseDate(serial, out var fromNumber, out _));
            Assert.True(CellText.TryParseDate(serial.ToString(CultureInfo.InvariantCulture), out var fromText, out _)
                        || serial.ToString(CultureInfo.InvariantCulture).Length is 4 or 6);
            Assert.Equal(DateOnly.FromDateTime(DateTime.FromOADate(serial)), fromNumber);
            if (serial.ToString(CultureInfo.InvariantCulture).Length is not (4 or 6))
                Assert.Equal(fromNumber, fromText);
        }
    }

    private const int MaxCheckedSerial = CellText.MaxExcelSerial;

    [Fact]
    public void TryParseDate_ConsecutiveSerials_GiveConsecutiveDatesExceptExcels1900Feb29()
    {
        for (var serial = 1; serial < 200; serial++)
        {
            if (serial is 59 or 60)
                continue;
            Assert.True(CellText.TryParseDate(serial, out var today, out _));
            Assert.True(CellText.TryParseDate(serial + 1.0, out var tomorrow, out _));
            Assert.Equal(today.AddDays(1), tomorrow);
        }
        Assert.True(CellText.TryParseDate(59.0, out var feb28, out _));
        Assert.True(CellText.TryParseDate(61.0, out var mar1, out _));
        Assert.Equal(feb28.AddDays(1), mar1);
    }
}

public sealed class CellTextYearTests
{
    [Theory]
    [InlineData("2026", 2026)]
    [InlineData("2026年", 2026)]
    [InlineData("2026 年", 2026)]
    [InlineData("2026年度", 2026)]
    [InlineData("２０２６", 2026)]
    [InlineData("２０２６年", 2026)]
    [InlineData(" 2026\u3000", 2026)]
    [InlineData("\u00A02015年度", 2015)]
    [InlineData("1900", 1900)]
    [InlineData("2100", 2100)]
    public void TryParseYear_MessyValidCell_ReturnsYear(string text, int expected)
    {
        Assert.True(CellText.TryParseYear(text, out var year, out var error), error);

        Assert.Equal(expected, year);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u3000")]
    public void TryParseYear_Empty_SaysEmpty(string? text)
    {
        Assert.False(CellText.TryParseYear(text, out var year, out var error));

        Assert.Equal("年度为空。", error);
        Assert.Equal(0, year);
    }

    [Theory]
    [InlineData("26",          "不是 4 位年份")]
    [InlineData("26年",        "不是 4 位年份")]
    [InlineData("20266",       "不是 4 位年份")]
    [InlineData("1899",        "超出范围")]
    [InlineData("2101",        "超出范围")]
    [InlineData("0000",        "超出范围")]
    [InlineData("二〇二六",     "不是年份")]
    [InlineData("2026-01",     "不是年份")]
    [InlineData("2026年3月",    "不是年份")]
    [InlineData("FY2026",      "不是年份")]
    [InlineData("2026.0",      "不是年份")]
    [InlineData("-2026",       "不是年份")]
    [InlineData("2025-2026",   "不是年份")]
    public void TryParseYear_InvalidCell_FailsWithChineseReasonNamingValue(string text, string reason)
    {
        Assert.False(CellText.TryParseYear(text, out var year, out var error));

        Assert.NotNull(error);
        Chinese.AssertMessage(error);
        Assert.Contains($"“{text}”", error);
        Assert.Contains(reason, error);
        Assert.Equal(0, year);
    }
}
