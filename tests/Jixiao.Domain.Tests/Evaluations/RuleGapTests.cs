using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>
/// The rule gaps of issue 14, one table per gap: each row a realistic indicator as real self-evaluation tables write it,
/// with the reference score (null: not computed), the attainment and the sentence that explains it.
/// </summary>
public sealed class RuleGapTests
{
    private const int Year = 2024;

    private static RowReading Score(string name, string target, string unit, string actual, Comparison comparison = Comparison.Equal,
        IndicatorDirection? direction = null, string level1 = "产出指标", IReadOnlyList<string>? words = null) =>
        ReferenceScoring.Row(new IndicatorRow(name, level1, comparison, target, unit, direction, actual), 10m, Year,
            words ?? ReverseIndicators.NationalDefault);

    private static void AssertRow(RowReading reading, decimal? score, Attainment attainment, string explanation)
    {
        Assert.Equal((score, attainment), (reading.Score.Score, reading.Score.Attainment));
        Assert.Equal(explanation, reading.Score.Explanation);
    }

    // ------------------------------------------------------------ 1. reverse indicators written without an operator

    public static TheoryData<string, string, string, IndicatorDirection?, decimal, Attainment, string> Reverse => new()
    {
        // name, target, actual, the reviewer's direction, score, attainment, sentence
        { "在编人员控制率", "100%", "95", null, 10m, Attainment.Met,
            "按指标名称判定为反向指标（名称以“控制率”结尾），目标“100%”按“≤”理解；实际 95%，目标 ≤100%，未超出上限：得满分 10 分" },
        { "在编人员控制率", "100%", "100", null, 10m, Attainment.Met,
            "按指标名称判定为反向指标（名称以“控制率”结尾），目标“100%”按“≤”理解；实际 100%，目标 ≤100%，未超出上限：得满分 10 分" },
        { "食品安全投诉率", "5%", "7.5", null, 5m, Attainment.Missed,
            "按指标名称判定为反向指标（名称以“投诉率”结尾），目标“5%”按“≤”理解；实际 7.5%，目标 ≤5%，超出上限：(1 − (7.5 − 5) ÷ 5) × 10 = 5 分" },
        // exactly 2 × the target on a reverse indicator: 0
        { "安全事故发生率", "5%", "10", null, 0m, Attainment.Missed,
            "按指标名称判定为反向指标（名称以“发生率”结尾），目标“5%”按“≤”理解；实际 10%，目标 ≤5%，达到上限的 2 倍及以上：0 分" },
        { "结转结余率(%)", "2%", "3.99", null, 0.05m, Attainment.Missed,
            "按指标名称判定为反向指标（名称以“结转结余率”结尾），目标“2%”按“≤”理解；实际 3.99%，目标 ≤2%，超出上限：(1 − (3.99 − 2) ÷ 2) × 10 = 0.05 分" },
        // a name that only contains a word of the vocabulary is positive
        { "食品安全投诉举报处置率", "100%", "95", null, 9.5m, Attainment.Missed, "实际 95%，目标 ＝100%，未达到：95 ÷ 100 × 10 = 9.5 分" },
        // the reviewer's direction wins over the name, both ways
        { "在编人员控制率", "100%", "95", IndicatorDirection.Positive, 9.5m, Attainment.Missed, "实际 95%，目标 ＝100%，未达到：95 ÷ 100 × 10 = 9.5 分" },
        { "项目变更比例", "3%", "2", IndicatorDirection.Reverse, 10m, Attainment.Met,
            "经审核确认为反向指标，目标“3%”按“≤”理解；实际 2%，目标 ≤3%，未超出上限：得满分 10 分" },
    };

    [Theory, MemberData(nameof(Reverse))]
    public void Row_BareTargetOfReverseIndicator_IsAnUpperLimit(string name, string target, string actual, IndicatorDirection? direction,
        decimal score, Attainment attainment, string explanation)
    {
        AssertRow(Score(name, target, "%", actual, direction: direction), score, attainment, explanation);
    }

    [Fact]
    public void Row_OperatorWrittenInTheValue_IsNotReadByTheName()
    {
        AssertRow(Score("在编人员控制率", "≥95%", "%", "90", Comparison.GreaterOrEqual), 9.47m, Attainment.Missed,
            "实际 90%，目标 ≥95%，未达到：90 ÷ 95 × 10 ≈ 9.47 分");
    }

    [Fact]
    public void Row_RegionVocabulary_ReplacesTheNationalDefault()
    {
        IReadOnlyList<string> local = ReverseIndicators.Read("闲置率、空置率");

        AssertRow(Score("设备闲置率", "10%", "%", "8", words: local), 10m, Attainment.Met,
            "按指标名称判定为反向指标（名称以“闲置率”结尾），目标“10%”按“≤”理解；实际 8%，目标 ≤10%，未超出上限：得满分 10 分");
        AssertRow(Score("在编人员控制率", "100%", "%", "95", words: local), 9.5m, Attainment.Missed,
            "实际 95%，目标 ＝100%，未达到：95 ÷ 100 × 10 = 9.5 分");
        Assert.Same(ReverseIndicators.NationalDefault, ReverseIndicators.Read(" "));
        Assert.Equal("反向指标词“" + new string('率', 21) + "”超过 20 个字：每个词是指标名称的结尾，如“控制率”“投诉率”。",
            Assert.Throws<DomainException>(() => ReverseIndicators.Read(new string('率', 21))).Message);
    }

    // ------------------------------------------------------------ 2. a bare deadline is on or before; date-range actuals

    public static TheoryData<string, string, decimal, Attainment, string> Deadlines => new()
    {
        // target, actual, score, attainment, sentence
        { "2024年12月", "2024-10-15", 10m, Attainment.Met,
            "时效目标“2024年12月”未写比较符号，按“不晚于 2024-12-31”理解；实际 2024-10-15，目标 ≤2024-12，已达到：得满分 10 分" },
        // the last day of the month is in time, the next day is not
        { "2024年12月", "2024-12-31", 10m, Attainment.Met,
            "时效目标“2024年12月”未写比较符号，按“不晚于 2024-12-31”理解；实际 2024-12-31，目标 ≤2024-12，已达到：得满分 10 分" },
        { "2024年12月", "2025-01-01", 0m, Attainment.Missed,
            "时效目标“2024年12月”未写比较符号，按“不晚于 2024-12-31”理解；实际 2025-01-01，目标 ≤2024-12，未达到：0 分" },
        { "12月底前", "2024-12-31", 10m, Attainment.Met, "实际 2024-12-31，目标 ≤2024-12-31，已达到：得满分 10 分" },
        // a completion period is compared by its end
        { "2024年12月", "2024.3.1-11.30", 10m, Attainment.Met,
            "时效目标“2024年12月”未写比较符号，按“不晚于 2024-12-31”理解；实际 2024-03-01 至 2024-11-30，目标 ≤2024-12，按完成期间的结束日，已达到：得满分 10 分" },
        { "2024年6月30日前", "2024年3月至7月", 0m, Attainment.Missed,
            "实际 2024-03-01 至 2024-07-31，目标 ≤2024-06-30，按完成期间的结束日，未达到：0 分" },
        // against a range target, by containment: a range whose end is one day late is not inside
        { "2024.03-2024.11", "2024.3.1-11.30", 10m, Attainment.Met,
            "实际 2024-03-01 至 2024-11-30，目标 2024-03 至 2024-11，按是否在目标期间内，已达到：得满分 10 分" },
        { "2024.03-2024.11", "2024.3.1-12.1", 0m, Attainment.Missed,
            "实际 2024-03-01 至 2024-12-01，目标 2024-03 至 2024-11，按是否在目标期间内，未达到：0 分" },
        // an explicit ＝ keeps "within the month"
        { "＝2024年12月", "2024-10-15", 0m, Attainment.Missed, "实际 2024-10-15，目标 ＝2024-12，未达到：0 分" },
    };

    [Theory, MemberData(nameof(Deadlines))]
    public void Row_DateTarget_BareIsADeadlineAndRangesAreRead(string target, string actual, decimal score, Attainment attainment, string explanation)
    {
        AssertRow(Score("项目完成时间", target, "", actual), score, attainment, explanation);
    }

    // ------------------------------------------------------------ 3. several values in one cell

    public static TheoryData<string, string, string, decimal?, Attainment, string> SeveralValues => new()
    {
        // target, unit column, actual, score, attainment, sentence
        { "10TB / 100%覆盖", "", "12TB / 100%", 10m, Attainment.Met,
            "年度指标值分 2 项计分：第 1 项：实际 12 TB，目标 ＝10 TB，已达到：得满分 10 分；第 2 项：实际 100%，目标 ＝100%，已达到：得满分 10 分；各项均已达到：得满分 10 分" },
        { "10TB / 100%覆盖", "", "8TB / 100%", 8m, Attainment.Missed,
            "年度指标值分 2 项计分：第 1 项：实际 8 TB，目标 ＝10 TB，未达到：8 ÷ 10 × 10 = 8 分；第 2 项：实际 100%，目标 ＝100%，已达到：得满分 10 分；未全部达到，取最低一项：8 分" },
        { "≥3次，每次≥50人", "", "4次，每次60人", 10m, Attainment.Met,
            "年度指标值分 2 项计分：第 1 项：实际 4 次，目标 ≥3 次，已达到：得满分 10 分；第 2 项（每次）：实际 60 人，目标 ≥50 人，已达到：得满分 10 分；各项均已达到：得满分 10 分" },
        { "全年无休 / ≥350天", "", "365", 10m, Attainment.Met,
            "年度指标值分 2 项计分：第 1 项：实际 365 天，目标 ≥350 天，已达到：得满分 10 分；“全年无休”为文字说明，不单独计分；各项均已达到：得满分 10 分" },
    };

    [Theory, MemberData(nameof(SeveralValues))]
    public void Row_SeveralValuesInOneCell_ScoresEachPart(string target, string unit, string actual, decimal? score, Attainment attainment, string explanation)
    {
        AssertRow(Score("数据存储与覆盖", target, unit, actual), score, attainment, explanation);
    }

    [Fact]
    public void Row_PartsThatCannotBePairedWithTheActual_AreFlaggedNotScored()
    {
        var reading = Score("数据存储与覆盖", "10TB / 100%覆盖", "", "12");

        AssertRow(reading, null, Attainment.Unknown,
            "实际完成值“12”无法与年度指标值的 2 项（“10TB”、“100%覆盖”）逐项对应：请按目标的顺序逐项填写，用“ / ”分隔：参考分未计算");
        Assert.Equal("实际完成值“12”无法与年度指标值的 2 项（“10TB”、“100%覆盖”）逐项对应：请按目标的顺序逐项填写，用“ / ”分隔", reading.ActualProblem);
    }

    // ------------------------------------------------------------ 4. an unreadable target: no reference score, never a silent 0

    public static TheoryData<string, string, string> UnreadableTargets => new()
    {
        // target, level1, why
        { "—", "产出指标", "“—”是占位符，不是目标值：请填写具体目标值。" },
        { "", "效益指标", "指标“图书借阅人次”的指标值为空：请填写目标值。" },
        { "较上年有所提高", "产出指标", "“较上年有所提高”是定性描述，但指标性质是“＝”：请填写数值目标，或选择定性指标并写明评价标准。" },
    };

    [Theory, MemberData(nameof(UnreadableTargets))]
    public void Row_UnreadableTarget_HasNoScoreAndSaysWhy(string target, string level1, string why)
    {
        var reading = Score("图书借阅人次", target, "人次", "1200", level1: level1);

        AssertRow(reading, null, Attainment.Unknown, $"年度指标值“{target}”无法识别：参考分未计算");
        Assert.Equal(why, reading.TargetProblem);
    }

    [Fact]
    public void Row_CriterionRowOfADecisionTable_IsQualitative()
    {
        var reading = ReferenceScoring.Row(new IndicatorRow("立项依据充分性", "决策", Comparison.Equal, "—", "", null, "",
            QualitativeOutcome.Achieved, UnitScore: 9m, UnitWeight: 10m), 10m, Year, ReverseIndicators.NationalDefault);

        AssertRow(reading, 9m, Attainment.Met, "定性目标“评价要点（目标值为“—”）”，自评“达成”，该等级得分区间 [8, 10] 分；自评 9 分在区间内：参考 9 分");
        Assert.True(ReferenceScoring.IsCriterion("过程", "/"));
        Assert.False(ReferenceScoring.IsCriterion("产出指标", "—"));
    }

    // ------------------------------------------------------------ 5. non-values and thresholds as actuals

    public static TheoryData<string> NonValues => new() { "无", "/", "—", "好坏", "第3份" };

    [Theory, MemberData(nameof(NonValues))]
    public void Row_ActualThatIsNotAValue_HasNoScore(string actual)
    {
        var reading = Score("培训人次", "≥100人次", "人次", actual, Comparison.GreaterOrEqual);

        Assert.Null(reading.Score.Score);
        Assert.Equal(Attainment.Unknown, reading.Score.Attainment);
        Assert.StartsWith($"实际完成值“{actual}”不是", reading.ActualProblem);
        Assert.Equal($"{reading.ActualProblem}：参考分未计算", reading.Score.Explanation);
    }

    public static TheoryData<string, string, string, decimal, string> Thresholds => new()
    {
        // target, unit, actual, score, note
        { "≥95%", "%", "≥98%", 10m, "实际完成值“≥98%”写成了目标的形式（“≥”）：实际完成值应填写实际数，参考分按 98 计算" },
        { "≥95%", "%", "92.5%及以上", 9.74m, "实际完成值“92.5%及以上”写成了目标的形式（“≥”）：实际完成值应填写实际数，参考分按 92.5 计算" },
        { "≥200米", "米", "≥150米", 7.5m, "实际完成值“≥150米”写成了目标的形式（“≥”）：实际完成值应填写实际数，参考分按 150 计算" },
        // the unit in the number is fine: 5万 of 元 is 50,000, 250万 of 万元 is 250
        { "≥40000元", "元", "5万", 10m, "" },
        { "≥200万元", "万元", "250万", 10m, "" },
    };

    [Theory, MemberData(nameof(Thresholds))]
    public void Row_ActualWrittenAsThreshold_UsesItsNumberAndSaysSo(string target, string unit, string actual, decimal score, string note)
    {
        var reading = Score("完成量", target, unit, actual, Comparison.GreaterOrEqual);

        Assert.Equal(score, reading.Score.Score);
        Assert.Equal(note, reading.ActualNote);
    }

    [Fact]
    public void Parse_PhraseAfterNumber_IsTextNotAUnit()
    {
        var result = IndicatorValueParser.Parse("1-2期未按时培训");

        Assert.True(result.Success);
        Assert.Equal(Comparison.Qualitative, result.Value.Comparison);
        Assert.Equal(["“1-2期未按时培训”是数字开头的文字，不是“数值+单位”（“期未按时培训”不是计量单位），按定性描述理解：如是定量目标，请只填数值和单位。"], result.Notes);
        Assert.False(IndicatorValueParser.Parse("1-2期未按时培训", comparison: Comparison.Equal).Success);
    }

    [Theory]
    [InlineData("≥98%")]
    [InlineData("92.5%及以上")]
    public void Parse_ThresholdAsTarget_IsAComparisonWrittenInTheValue(string value)
    {
        var result = IndicatorValueParser.Parse(value);

        Assert.True(result.ComparisonWritten);
        Assert.Equal(Comparison.GreaterOrEqual, result.Value!.Comparison);
        Assert.Empty(result.Notes);
    }
}
