using System.Globalization;
using Jixiao.Domain.Indicators;

namespace Jixiao.Domain.Tests.Indicators;

internal static class Expect
{
    public const Comparison Ge = Comparison.GreaterOrEqual;
    public const Comparison Gt = Comparison.Greater;
    public const Comparison Eq = Comparison.Equal;
    public const Comparison Le = Comparison.LessOrEqual;
    public const Comparison Lt = Comparison.Less;
    public const Comparison Qual = Comparison.Qualitative;

    public static IndicatorValue Parsed(string? value, string? unit = null, string? name = null, Comparison? comparison = null, int? year = null)
    {
        var result = IndicatorValueParser.Parse(value, unit, name, comparison, year);
        Assert.True(result.Success, $"“{value}” did not parse: {result.Error}");
        return result.Value;
    }

    public static decimal? Number(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);

    public static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The canonical display reads back as the same value, with no new notes.</summary>
    public static void ReadsBack(IndicatorValue value)
    {
        var again = IndicatorValueParser.Parse(value.Normalized, value.Unit, comparison: value.Comparison);
        Assert.True(again.Success, $"“{value.Normalized}” did not parse again: {again.Error}");
        Assert.Equal(value, again.Value);
    }
}

public sealed class IndicatorValueParserNumberTests
{
    [Theory]
    // value                  unit        comparison  kind               number    unit read     normalized
    [InlineData("≧735人次",    "人次",      Expect.Ge,  ValueKind.Number,  "735",    "人次",        "≥735 人次")]
    [InlineData("≥735人次",    null,       Expect.Ge,  ValueKind.Number,  "735",    "人次",        "≥735 人次")]
    [InlineData("═100%",       "%",        Expect.Eq,  ValueKind.Percent, "100",    "%",           "＝100%")]
    [InlineData("﹦1",          null,       Expect.Eq,  ValueKind.Number,  "1",      "",            "＝1")]
    [InlineData("﹦72890元",    "元",       Expect.Eq,  ValueKind.Number,  "72890",  "元",          "＝72890 元")]
    [InlineData(">=95%",       "%",        Expect.Ge,  ValueKind.Percent, "95",     "%",           "≥95%")]
    [InlineData("=>95%",       null,       Expect.Ge,  ValueKind.Percent, "95",     "%",           "≥95%")]
    [InlineData("＞＝95％",     null,       Expect.Ge,  ValueKind.Percent, "95",     "%",           "≥95%")]
    [InlineData("<=475元/亩",  "元/亩",     Expect.Le,  ValueKind.Number,  "475",    "元/亩",       "≤475 元/亩")]
    [InlineData("≤475 元 / 亩", null,      Expect.Le,  ValueKind.Number,  "475",    "元/亩",       "≤475 元/亩")]
    [InlineData("≦30天",       null,       Expect.Le,  ValueKind.Number,  "30",     "天",          "≤30 天")]
    [InlineData("＞92%",       "%",        Expect.Gt,  ValueKind.Percent, "92",     "%",           "＞92%")]
    [InlineData(">92%",        "%",        Expect.Gt,  ValueKind.Percent, "92",     "%",           "＞92%")]
    [InlineData("＜5%",        "%",        Expect.Lt,  ValueKind.Percent, "5",      "%",           "＜5%")]
    [InlineData("=8个",        "个",       Expect.Eq,  ValueKind.Number,  "8",      "个",          "＝8 个")]
    [InlineData("＝８个",       null,       Expect.Eq,  ValueKind.Number,  "8",      "个",          "＝8 个")]
    [InlineData("不少于12种",   "种",       Expect.Ge,  ValueKind.Number,  "12",     "种",          "≥12 种")]
    [InlineData("不低于90%",    null,       Expect.Ge,  ValueKind.Percent, "90",     "%",           "≥90%")]
    [InlineData("不小于3次",    null,       Expect.Ge,  ValueKind.Number,  "3",      "次",          "≥3 次")]
    [InlineData("至少2场",      null,       Expect.Ge,  ValueKind.Number,  "2",      "场",          "≥2 场")]
    [InlineData("大于等于1000人", null,     Expect.Ge,  ValueKind.Number,  "1000",   "人",          "≥1000 人")]
    [InlineData("达到目标值 95%", null,     Expect.Ge,  ValueKind.Percent, "95",     "%",           "≥95%")]
    [InlineData("达到预计值 2100", null,    Expect.Ge,  ValueKind.Number,  "2100",   "",            "≥2100")]
    [InlineData("不超过90万元", "万元",      Expect.Le,  ValueKind.Number,  "90",     "万元",        "≤90 万元")]
    [InlineData("不高于5%",     null,       Expect.Le,  ValueKind.Percent, "5",      "%",           "≤5%")]
    [InlineData("不大于3天",    null,       Expect.Le,  ValueKind.Number,  "3",      "天",          "≤3 天")]
    [InlineData("小于等于7工作日", null,     Expect.Le,  ValueKind.Number,  "7",      "工作日",      "≤7 工作日")]
    [InlineData("控制在100万元以内", null,  Expect.Le,  ValueKind.Number,  "100",    "万元",        "≤100 万元")]
    [InlineData("高于80%",      null,       Expect.Gt,  ValueKind.Percent, "80",     "%",           "＞80%")]
    [InlineData("超过500人",    null,       Expect.Gt,  ValueKind.Number,  "500",    "人",          "＞500 人")]
    [InlineData("多于3项",      null,       Expect.Gt,  ValueKind.Number,  "3",      "项",          "＞3 项")]
    [InlineData("低于2%",       null,       Expect.Lt,  ValueKind.Percent, "2",      "%",           "＜2%")]
    [InlineData("少于3起",      null,       Expect.Lt,  ValueKind.Number,  "3",      "起",          "＜3 起")]
    [InlineData("60%及以上",    "%",        Expect.Ge,  ValueKind.Percent, "60",     "%",           "≥60%")]
    [InlineData("95%以上",      "%",        Expect.Ge,  ValueKind.Percent, "95",     "%",           "≥95%")]   // 以上 includes 95
    [InlineData("达到目标值 95%以上", null,  Expect.Ge,  ValueKind.Percent, "95",     "%",           "≥95%")]
    [InlineData("12种以上",     null,       Expect.Ge,  ValueKind.Number,  "12",     "种",          "≥12 种")]
    [InlineData("5次及以下",    null,       Expect.Le,  ValueKind.Number,  "5",      "次",          "≤5 次")]
    [InlineData("3%以下",       null,       Expect.Le,  ValueKind.Percent, "3",      "%",           "≤3%")]
    [InlineData("7个工作日内",   null,       Expect.Le,  ValueKind.Number,  "7",      "个工作日",    "≤7 个工作日")]
    [InlineData("100万元以内",   null,       Expect.Le,  ValueKind.Number,  "100",    "万元",        "≤100 万元")]
    [InlineData("≥100百分比",   "%",        Expect.Ge,  ValueKind.Percent, "100",    "%",           "≥100%")]
    [InlineData("１００％",      null,       Expect.Eq,  ValueKind.Percent, "100",    "%",           "＝100%")]
    [InlineData("100.00%",      "%",        Expect.Eq,  ValueKind.Percent, "100",    "%",           "＝100%")]
    [InlineData("99.5%",        null,       Expect.Eq,  ValueKind.Percent, "99.5",   "%",           "＝99.5%")]
    [InlineData("12种",         null,       Expect.Eq,  ValueKind.Number,  "12",     "种",          "＝12 种")]
    [InlineData("10万元",       "万元",      Expect.Eq,  ValueKind.Number,  "10",     "万元",        "＝10 万元")]  // 万元 kept, not converted
    [InlineData("≥11.376万元",  "万元",      Expect.Ge,  ValueKind.Number,  "11.376", "万元",        "≥11.376 万元")]
    [InlineData("3000元/人",    "元/人",     Expect.Eq,  ValueKind.Number,  "3000",   "元/人",       "＝3000 元/人")]
    [InlineData("1,234人",      null,       Expect.Eq,  ValueKind.Number,  "1234",   "人",          "＝1234 人")]
    [InlineData("≥80M",         "M",        Expect.Ge,  ValueKind.Number,  "80",     "M",           "≥80 M")]
    [InlineData("2km",          "km",       Expect.Eq,  ValueKind.Number,  "2",      "km",          "＝2 km")]
    [InlineData("≥200m²",       null,       Expect.Ge,  ValueKind.Number,  "200",    "m²",          "≥200 m²")]
    [InlineData("≥1人/年",      "人/年",     Expect.Ge,  ValueKind.Number,  "1",      "人/年",       "≥1 人/年")]
    [InlineData("≥15年",        "年",       Expect.Ge,  ValueKind.Number,  "15",     "年",          "≥15 年")]   // a duration, not a date
    [InlineData("-5%",          null,       Expect.Eq,  ValueKind.Percent, "-5",     "%",           "＝-5%")]
    [InlineData("≤-5%",         null,       Expect.Le,  ValueKind.Percent, "-5",     "%",           "≤-5%")]
    [InlineData("95",           "%",        Expect.Eq,  ValueKind.Percent, "95",     "%",           "＝95%")]
    [InlineData("735",          "人次",      Expect.Eq,  ValueKind.Number,  "735",    "人次",        "＝735 人次")]
    [InlineData("14726",        null,       Expect.Eq,  ValueKind.Number,  "14726",  "",            "＝14726")]
    [InlineData("2023",         null,       Expect.Eq,  ValueKind.Number,  "2023",   "",            "＝2023")]   // a bare year-like number stays a number
    [InlineData("2023.5",       "吨",       Expect.Eq,  ValueKind.Number,  "2023.5", "吨",          "＝2023.5 吨")] // not May 2023 above a unit of 吨
    public void Parse_WrittenValue_ReadsComparisonNumberAndUnit(string value, string? unit, Comparison comparison, ValueKind kind,
        string number, string expectedUnit, string normalized)
    {
        var v = Expect.Parsed(value, unit);

        Assert.Equal(comparison, v.Comparison);
        Assert.Equal(kind, v.Kind);
        Assert.Equal(Expect.Number(number), v.Number);
        Assert.Null(v.UpperNumber);
        Assert.Null(v.Date);
        Assert.Equal(expectedUnit, v.Unit);
        Assert.Null(v.Text);
        Assert.Equal(normalized, v.Normalized);
        Expect.ReadsBack(v);
    }
}

public sealed class IndicatorValueParserUnitTests
{
    [Theory]
    // value   unit column  name                                comparison  normalized       note
    [InlineData("735",  "",   "学生资助人数（人次）",                 Expect.Eq, "＝735 人次",     "单位“人次”取自指标名称中的“人次”。")]
    [InlineData("735",  null, "学生资助人数(人次)",                   Expect.Eq, "＝735 人次",     "单位“人次”取自指标名称中的“人次”。")]
    [InlineData("95",   null, "覆盖率≥95%",                         Expect.Ge, "≥95%",          "比较符号“≥”和单位“%”取自指标名称中的“≥95%”。")]
    [InlineData("22.8", null, "公猪舍(≥**平方米)",                   Expect.Ge, "≥22.8 平方米",   "比较符号“≥”和单位“平方米”取自指标名称中的“≥**平方米”。")]
    [InlineData("1",    null, "粉碎拌合机(11kw)(≥台)",               Expect.Ge, "≥1 台",         "比较符号“≥”和单位“台”取自指标名称中的“≥台”。")]
    [InlineData("29",   null, "受益建档立卡贫困人口数≥**人",            Expect.Ge, "≥29 人",        "比较符号“≥”和单位“人”取自指标名称中的“≥**人”。")]
    [InlineData("90",   null, "游客满意度( ≥**% )",                  Expect.Ge, "≥90%",          "比较符号“≥”和单位“%”取自指标名称中的“≥**%”。")]
    [InlineData("≥4个", null, "景点开发数量( ≥**个 )",                Expect.Ge, "≥4 个",         null)]
    [InlineData("100",  "%",  "覆盖率(人次)",                        Expect.Eq, "＝100%",        "单位栏“%”与指标名称中的单位“人次”不一致，按单位栏。")]
    public void Parse_UnitOrComparisonInName_UsesItAndSaysSo(string value, string? unit, string name, Comparison comparison,
        string normalized, string? note)
    {
        var result = IndicatorValueParser.Parse(value, unit, name);

        Assert.True(result.Success, result.Error);
        Assert.Equal(comparison, result.Value.Comparison);
        Assert.Equal(normalized, result.Value.Normalized);
        if (note is null)
            Assert.Empty(result.Notes);
        else
            Assert.Equal(note, result.Notes[0]);
    }

    [Theory]
    [InlineData("足额保障率(参保率)")]           // a bracket that is not a unit
    [InlineData("≥360天服务读者")]             // a comparison that is part of the wording
    [InlineData("项目(工程)验收合格数")]
    public void Parse_NameWithoutUnit_TakesNothingFromIt(string name)
    {
        var v = Expect.Parsed("12", null, name);

        Assert.Equal("", v.Unit);
        Assert.Equal(Comparison.Equal, v.Comparison);
    }
}

public sealed class IndicatorValueParserDateTests
{
    [Theory]
    // value                 year   comparison  first day      last day       normalized
    [InlineData("2023年12月",         null,  Expect.Le, "2023-12-01", "2023-12-31", "≤2023-12")]
    [InlineData("2023.12",           null,  Expect.Le, "2023-12-01", "2023-12-31", "≤2023-12")]
    [InlineData("2023-07",           null,  Expect.Le, "2023-07-01", "2023-07-31", "≤2023-07")]
    [InlineData("2023年12月31日",     null,  Expect.Le, "2023-12-31", "2023-12-31", "≤2023-12-31")]
    [InlineData("2023.12.31",        null,  Expect.Le, "2023-12-31", "2023-12-31", "≤2023-12-31")]
    [InlineData("2023/12/31",        null,  Expect.Le, "2023-12-31", "2023-12-31", "≤2023-12-31")]
    [InlineData("２０２３年１２月",     null,  Expect.Le, "2023-12-01", "2023-12-31", "≤2023-12")]
    [InlineData("2023年12月31日前",   null,  Expect.Le, "2023-12-31", "2023-12-31", "≤2023-12-31")]
    [InlineData("2023年12月底前",     null,  Expect.Le, "2023-12-31", "2023-12-31", "≤2023-12-31")]
    [InlineData("2023年12月底前完成", null,  Expect.Le, "2023-12-31", "2023-12-31", "≤2023-12-31")]
    [InlineData("2021年12月完成",     null,  Expect.Le, "2021-12-01", "2021-12-31", "≤2021-12")]
    [InlineData("2024年6月以前",      null,  Expect.Le, "2024-06-01", "2024-06-30", "≤2024-06")]
    [InlineData("≤2023-12-31",       null,  Expect.Le, "2023-12-31", "2023-12-31", "≤2023-12-31")]
    [InlineData("<=2023年12月",       null,  Expect.Le, "2023-12-01", "2023-12-31", "≤2023-12")]
    [InlineData("截至2023年12月31日", null,  Expect.Le, "2023-12-31", "2023-12-31", "≤2023-12-31")]
    [InlineData("2023年底前",         null,  Expect.Le, "2023-12-31", "2023-12-31", "≤2023-12-31")]
    [InlineData("2023年内",           null,  Expect.Le, "2023-01-01", "2023-12-31", "≤2023年")]
    [InlineData("2023年度",           null,  Expect.Le, "2023-01-01", "2023-12-31", "≤2023年")]
    [InlineData("12月底前",           2024,  Expect.Le, "2024-12-31", "2024-12-31", "≤2024-12-31")]
    [InlineData("6月30日前",          2024,  Expect.Le, "2024-06-30", "2024-06-30", "≤2024-06-30")]
    public void Parse_Date_ReadsPeriodAndComparison(string value, int? year, Comparison comparison, string first, string last, string normalized)
    {
        var v = Expect.Parsed(value, "年月", year: year);

        Assert.Equal(ValueKind.Date, v.Kind);
        Assert.Equal(comparison, v.Comparison);
        Assert.Equal(Expect.Date(first), v.Date);
        Assert.Equal(Expect.Date(last), v.EndDate);
        Assert.Equal("", v.Unit);
        Assert.Null(v.Number);
        Assert.Equal(normalized, v.Normalized);
        Expect.ReadsBack(v);
    }

    [Theory]
    // value                      year   first day      last day       normalized
    [InlineData("2023.07-2024.01",          null, "2023-07-01", "2024-01-31", "2023-07 至 2024-01")]
    [InlineData("2023年7月至2024年1月",       null, "2023-07-01", "2024-01-31", "2023-07 至 2024-01")]
    [InlineData("2023年7月-12月",            null, "2023-07-01", "2023-12-31", "2023-07 至 2023-12")]
    [InlineData("2021.1.1-12.31",           null, "2021-01-01", "2021-12-31", "2021-01-01 至 2021-12-31")]
    [InlineData("2023-07-01至2023-12-31",    null, "2023-07-01", "2023-12-31", "2023-07-01 至 2023-12-31")]
    [InlineData("2023-07-01-2023-12-31",    null, "2023-07-01", "2023-12-31", "2023-07-01 至 2023-12-31")]
    [InlineData("2023年1月1日～12月31日",     null, "2023-01-01", "2023-12-31", "2023-01-01 至 2023-12-31")]
    [InlineData("2023.7——2023.9",           null, "2023-07-01", "2023-09-30", "2023-07 至 2023-09")]
    [InlineData("7月至9月",                  2024, "2024-07-01", "2024-09-30", "2024-07 至 2024-09")]
    public void Parse_DateRange_ReadsFirstAndLastDay(string value, int? year, string first, string last, string normalized)
    {
        var v = Expect.Parsed(value, year: year);

        Assert.Equal(ValueKind.DateRange, v.Kind);
        Assert.Equal(Comparison.Equal, v.Comparison);
        Assert.Equal(Expect.Date(first), v.Date);
        Assert.Equal(Expect.Date(last), v.EndDate);
        Assert.Equal(normalized, v.Normalized);
        Expect.ReadsBack(v);
    }
}

public sealed class IndicatorValueParserRangeTests
{
    [Theory]
    // value          unit     lower  upper  unit read  normalized
    [InlineData("18—54周岁",   null,  "18",  "54",  "周岁",   "18 至 54 周岁")]
    [InlineData("18-54周岁",   null,  "18",  "54",  "周岁",   "18 至 54 周岁")]
    [InlineData("3-5个",       null,  "3",   "5",   "个",     "3 至 5 个")]
    [InlineData("3个-5个",     null,  "3",   "5",   "个",     "3 至 5 个")]
    [InlineData("3~5个",       null,  "3",   "5",   "个",     "3 至 5 个")]
    [InlineData("3～5个",      null,  "3",   "5",   "个",     "3 至 5 个")]
    [InlineData("3至5个",      null,  "3",   "5",   "个",     "3 至 5 个")]
    [InlineData("3到5个",      null,  "3",   "5",   "个",     "3 至 5 个")]
    [InlineData("90%-95%",     null,  "90",  "95",  "%",      "90% 至 95%")]
    [InlineData("90-95",       "%",   "90",  "95",  "%",      "90% 至 95%")]
    [InlineData("1.5–2.5万元", null,  "1.5", "2.5", "万元",   "1.5 至 2.5 万元")]
    [InlineData("3-5",         null,  "3",   "5",   "",       "3 至 5")]
    public void Parse_NumberRange_ReadsBothEnds(string value, string? unit, string lower, string upper, string expectedUnit, string normalized)
    {
        var v = Expect.Parsed(value, unit);

        Assert.Equal(ValueKind.NumberRange, v.Kind);
        Assert.Equal(Comparison.Equal, v.Comparison);
        Assert.Equal(Expect.Number(lower), v.Number);
        Assert.Equal(Expect.Number(upper), v.UpperNumber);
        Assert.Equal(expectedUnit, v.Unit);
        Assert.Equal(normalized, v.Normalized);
        Expect.ReadsBack(v);
    }
}

public sealed class IndicatorValueParserQualitativeTests
{
    [Theory]
    [InlineData("达到")]
    [InlineData("达成")]
    [InlineData("良好")]
    [InlineData("有效")]
    [InlineData("提升")]
    [InlineData("明显改善")]
    [InlineData("是")]
    [InlineData("否")]
    [InlineData("无")]
    [InlineData("效果明显")]
    [InlineData("较上年有所提高")]
    [InlineData("不低于上年")]               // a comparison word without a number: still a description
    [InlineData("控制在预算内")]
    [InlineData("达到预期效果")]
    [InlineData("已完成")]
    [InlineData("十分满意")]                 // 十 here is not a number
    [InlineData("一般")]
    [InlineData("WIFI全覆盖")]
    public void Parse_QualitativeWords_QualitativeWithText(string value)
    {
        var result = IndicatorValueParser.Parse(value);

        Assert.True(result.Success, result.Error);
        Assert.Equal(Comparison.Qualitative, result.Value.Comparison);
        Assert.Equal(ValueKind.Text, result.Value.Kind);
        Assert.Equal(value, result.Value.Text);
        Assert.Equal(value, result.Value.Normalized);
        Assert.Equal("", result.Value.Unit);
        Assert.Null(result.Value.Number);
        Assert.Empty(result.Notes);
        Expect.ReadsBack(result.Value);
    }

    [Theory]
    [InlineData("定性 好坏", "好坏")]
    [InlineData("定性：优良中低差", "优良中低差")]
    public void Parse_QualitativePrefix_KeepsTheStandard(string value, string text)
    {
        var v = Expect.Parsed(value);

        Assert.Equal(Comparison.Qualitative, v.Comparison);
        Assert.Equal(text, v.Text);
    }

    [Fact]
    public void Parse_QualitativeStatedAndWordsWithUnitColumn_Qualitative()
    {
        var v = Expect.Parsed("有效", "次", comparison: Comparison.Qualitative);

        Assert.Equal("有效", v.Text);
    }
}

/// <summary>Every reading that is not literal says so in a note; a literal one has none.</summary>
public sealed class IndicatorValueParserNoteTests
{
    [Theory]
    // value              unit        name                    comparison   year  normalized            note
    [InlineData("95%",              "%",        null,                   null,        null, "＝95%",              "指标值没有写比较符号，按“＝”理解。")]
    [InlineData("≤90万元",          "万元",      null,                   Expect.Ge,   null, "≤90 万元",           "指标值写的是“≤”，与指标性质“≥”不一致，按指标值。")]
    [InlineData("≥95%",             "%",        null,                   Expect.Qual, null, "≥95%",              "指标性质是定性，但“≥95%”是定量的值，按定量理解。")]
    [InlineData("约100人",           null,       null,                   null,        null, "＝100 人",           "“约”表示大约，按“＝”理解。")]
    [InlineData("100人左右",         null,       null,                   null,        null, "＝100 人",           "“左右”表示大约，按“＝”理解。")]
    [InlineData("≥230个",           "人",       null,                   null,        null, "≥230 个",            "指标值中的单位“个”与单位栏“人”不一致，按指标值中的“个”。")]
    [InlineData("18—54周岁",         "—54周岁",  null,                   null,        null, "18 至 54 周岁",       "单位栏“—54周岁”不是单位，已忽略。")]
    [InlineData("1",                "%",        null,                   null,        null, "＝100%",             "“1”没有写 %，而单位是 %：“1”按 100% 理解。")]
    [InlineData("﹦1",               "%",        null,                   null,        null, "＝100%",             "“﹦1”没有写 %，而单位是 %：“1”按 100% 理解。")]
    [InlineData("1",                null,       "覆盖率(%)",             null,        null, "＝100%",             "“1”没有写 %，而单位是 %：“1”按 100% 理解。")]
    [InlineData("0.95",             "%",        null,                   null,        null, "＝0.95%",            "“0.95”小于 1，单位是 %，按 0.95% 理解：如指 95% 请写“95%”。")]
    [InlineData("1",                null,       "各类书籍审稿率",          null,        null, "＝1",                "指标“各类书籍审稿率”是比率，但“1”没有写 %：如指 100% 请写“100%”。")]
    [InlineData("250万",            "万",       null,                   null,        null, "＝250 万",           "指标值没有写比较符号，按“＝”理解。")]
    [InlineData("90",               null,       "覆盖率≥95%",            null,        null, "≥90%",              "指标名称中写有“≥95%”，与指标值“90”不一致。")]
    [InlineData("12月底前",          null,       null,                   null,        2024, "≤2024-12-31",        "“12月底前”没有写年份，按 2024 年理解。")]
    [InlineData("2023.07-2024.01",  "-2024.01", null,                   null,        null, "2023-07 至 2024-01", "单位栏“-2024.01”对日期没有意义，已忽略。")]
    [InlineData("3-5个",            null,       null,                   Expect.Ge,   null, "3 至 5 个",           "“3-5个”是范围，按“在范围内”理解，未使用“≥”。")]
    [InlineData("符合GB50300标准",    null,       null,                   null,        null, "符合GB50300标准",     "“符合GB50300标准”含有数字，但不是“数值+单位”的形式，按定性描述理解：如是定量目标，请只填数值和单位。")]
    [InlineData("无",               "起",       null,                   null,        null, "＝0 起",             "“无”按 0 起 理解。")]
    [InlineData("无",               null,       "安全事故发生数(起)",      null,        null, "＝0 起",             "“无”按 0 起 理解。")]
    [InlineData("零",               "次",       null,                   null,        null, "＝0 次",             "“零”按 0 次 理解。")]
    [InlineData("无",               "%",        null,                   null,        null, "＝0%",               "“无”按 0% 理解。")]
    [InlineData("无",               null,       null,                   Expect.Le,   null, "≤0",                "“无”按 0 理解。")]
    public void Parse_NotLiteralReading_SaysSoInANote(string value, string? unit, string? name, Comparison? comparison, int? year,
        string normalized, string note)
    {
        var result = IndicatorValueParser.Parse(value, unit, name, comparison, year);

        Assert.True(result.Success, result.Error);
        Assert.Equal(normalized, result.Value.Normalized);
        Assert.Contains(note, result.Notes);
    }

    [Theory]
    // value              unit    name              comparison  normalized
    [InlineData("≧735人次",          "人次",  "学生受资助人数",   null,       "≥735 人次")]
    [InlineData("≥100百分比",        "%",    null,             null,       "≥100%")]      // 百分比 is %
    [InlineData("≤1%",              "%",    null,             null,       "≤1%")]        // a written 1% stays 1%
    [InlineData("=1",               "个",   null,             null,       "＝1 个")]      // 1 without % stays 1
    [InlineData("95%",              "%",    null,             Expect.Ge,  "≥95%")]       // the 指标性质 supplies the comparison
    [InlineData("95%",              "%",    null,             Expect.Le,  "≤95%")]
    [InlineData("≥95%",             "%",    "覆盖率≥95%",      null,       "≥95%")]
    [InlineData("2023年12月31日前",   "年月",  null,             null,       "≤2023-12-31")]
    [InlineData("0次",              "次",   null,             null,       "＝0 次")]      // a zero is ＝ whatever else it could be
    [InlineData("0起",              "起",   null,             null,       "＝0 起")]
    [InlineData("0",                null,   null,             null,       "＝0")]
    [InlineData("0%",               null,   null,             null,       "＝0%")]
    [InlineData("3-5个",            "个",   null,             null,       "3 至 5 个")]
    public void Parse_LiteralReading_NoNotes(string value, string? unit, string? name, Comparison? comparison, string normalized)
    {
        var result = IndicatorValueParser.Parse(value, unit, name, comparison);

        Assert.True(result.Success, result.Error);
        Assert.Equal(normalized, result.Value.Normalized);
        Assert.Empty(result.Notes);
    }
}

public sealed class IndicatorValueParserFailureTests
{
    [Theory]
    // value                      unit   name / comparison                the reason names
    [InlineData("*",                    null,  null,                          "是占位符")]
    [InlineData("**",                   null,  null,                          "是占位符")]
    [InlineData("_",                    null,  null,                          "是占位符")]
    [InlineData("-",                    null,  null,                          "是占位符")]
    [InlineData("—",                    null,  null,                          "是占位符")]
    [InlineData("/",                    null,  null,                          "是占位符")]
    [InlineData("XX",                   null,  null,                          "是占位符")]
    [InlineData("xx",                   null,  null,                          "是占位符")]
    [InlineData("待定",                  null,  null,                          "是占位符")]
    [InlineData("XX人",                 null,  null,                          "中的“XX”是占位符")]
    [InlineData("≥**%",                 null,  null,                          "中的“**”是占位符")]
    [InlineData("(blank) 公里",          null,  null,                          "中的“(blank)”是占位符")]
    [InlineData("≧ (blank) %",          null,  null,                          "中的“(blank)”是占位符")]
    [InlineData("人次",                  null,  null,                          "只有单位“人次”")]
    [InlineData("%",                    null,  null,                          "只有单位“%”")]
    [InlineData("≥",                    null,  null,                          "只有比较符号“≥”")]
    [InlineData("> (truncated)",        null,  null,                          "只有比较符号“＞”")]
    [InlineData("定性",                  null,  null,                          "没有写评价标准")]
    [InlineData("12月底前",              null,  null,                          "没有写年份")]
    [InlineData("6月30日",               null,  null,                          "没有写年份")]
    [InlineData("7月至9月",              null,  null,                          "没有写年份")]
    [InlineData("2023年13月",            null,  null,                          "月份 13 无效")]
    [InlineData("2023年2月30日",         null,  null,                          "2023 年 2 月只有 28 天")]
    [InlineData("1850年12月",            null,  null,                          "年份 1850 超出范围")]
    [InlineData("2024.01-2023.07",      null,  null,                          "早于开始")]
    [InlineData("2023年11月-2月",        null,  null,                          "早于开始")]
    [InlineData("≤2023.07-2024.01",     null,  null,                          "是日期范围，不能再加“≤”")]
    [InlineData("5-3个",                 null,  null,                          "下限 5 大于上限 3")]
    [InlineData("3个-5人",               null,  null,                          "单位“个”和“人”不同")]
    [InlineData("≥3-5个",                null,  null,                          "是范围，不能再加“≥”")]
    [InlineData("≤95%以上",              null,  null,                          "比较方向矛盾")]
    [InlineData("不少于5次以下",          null,  null,                          "比较方向矛盾")]
    [InlineData("25TB / 100%覆盖",       null,  null,                          "含有多个值（用“/”分隔）")]
    [InlineData("全天候可用 / ≥360天",    null,  null,                          "含有多个值（用“/”分隔）")]
    [InlineData("0 / 0.00%",            null,  null,                          "含有多个值（用“/”分隔）")]
    [InlineData("95%、98%",             null,  null,                          "含有多个值（用“、”分隔）")]
    [InlineData("各1次",                 null,  null,                          "几项各自的目标")]
    [InlineData("26次 (OCR; uncertain)", "次",  null,                          "在“26次”后面还有“(OCR; uncertain)”")]
    [InlineData("26次（待核实）",          null,  null,                          "在“26次”后面还有“(待核实)”")]
    [InlineData("1 per village × 7",    null,  null,                          "在“1”后面还有“per village × 7”")]
    [InlineData("1.2.3",                null,  null,                          "不是有效数字")]
    [InlineData("到0次 (OCR)",           "次",  null,                          "不是数值，但单位栏是“次”")]
    [InlineData("有所提高",               "%",   null,                          "不是数值，但单位栏是“%”")]
    [InlineData("按期完成",               "年月", null,                          "请填写日期")]
    [InlineData("有效",                  null,  "面积(≥**平方米)",              "指标名称中写有“≥**平方米”")]
    [InlineData("百分之百",               null,  null,                          "用汉字写数字")]
    [InlineData("三次",                  null,  null,                          "用汉字写数字")]
    [InlineData("abc",                  null,  null,                          "不是可识别的目标值")]
    public void Parse_Unreadable_FailsWithChineseReasonNamingValue(string value, string? unit, string? name, string reason)
    {
        var result = IndicatorValueParser.Parse(value, unit, name);

        Assert.False(result.Success);
        Assert.Null(result.Value);
        Assert.Empty(result.Notes);
        Chinese.AssertMessage(result.Error);
        Assert.Contains($"“{value}”", result.Error);
        Assert.Contains(reason, result.Error);
    }

    [Theory]
    [InlineData("较上年有所提高", "", null, Expect.Ge,
        "“较上年有所提高”是定性描述，但指标性质是“≥”：请填写数值目标，或选择定性指标并写明评价标准。")]
    [InlineData("XX", "", null, null,
        "“XX”是占位符，不是目标值：请填写具体目标值。")]
    [InlineData("12月底前", "", null, null,
        "“12月底前”没有写年份，无法确定是哪一年：请写成“2024年12月31日前”这样带年份的日期。")]
    [InlineData("", "", "年度资金支付完成率100%", null,
        "指标“年度资金支付完成率100%”的指标值为空（名称中写有“100%”，如是目标值请填入指标值）：请填写目标值。")]
    [InlineData("ＸＸ人", "", null, null,
        "“ＸＸ人”中的“XX”是占位符，没有数值：请填写具体目标值。")]               // quoted as typed
    public void Parse_Unreadable_ExactMessage(string value, string unit, string? name, Comparison? comparison, string message)
    {
        Assert.Equal(message, IndicatorValueParser.Parse(value, unit, name, comparison).Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u3000 ")]
    public void Parse_Empty_SaysEmptyNamingIndicator(string? value)
    {
        Assert.Equal("指标“工程质量合格”的指标值为空：请填写目标值。", IndicatorValueParser.Parse(value, null, "工程质量合格").Error);
        Assert.Equal("指标值为空：请填写目标值。", IndicatorValueParser.Parse(value).Error);
    }

    [Fact]
    public void ValueOrThrow_Unreadable_ThrowsDomainExceptionWithReasonAndField()
    {
        var ex = Assert.Throws<DomainException>(() => IndicatorValueParser.Parse("XX").ValueOrThrow("targetValue"));

        Assert.Equal("“XX”是占位符，不是目标值：请填写具体目标值。", ex.Message);
        Assert.Equal("targetValue", ex.Field);
    }

    [Fact]
    public void ValueOrThrow_Readable_ReturnsValue()
    {
        Assert.Equal("≥95%", IndicatorValueParser.Parse("≥95%").ValueOrThrow().Normalized);
    }
}

public sealed class ComparisonTests
{
    [Theory]
    [InlineData(Comparison.GreaterOrEqual, "≥", false)]
    [InlineData(Comparison.Greater, "＞", false)]
    [InlineData(Comparison.Equal, "＝", false)]
    [InlineData(Comparison.LessOrEqual, "≤", true)]
    [InlineData(Comparison.Less, "＜", true)]
    [InlineData(Comparison.Qualitative, "定性", false)]
    public void LabelAndIsReverse_EachComparison_MatchTargetForms(Comparison comparison, string label, bool reverse)
    {
        Assert.Equal(label, comparison.Label());
        Assert.Equal(reverse, comparison.IsReverse());
    }
}
