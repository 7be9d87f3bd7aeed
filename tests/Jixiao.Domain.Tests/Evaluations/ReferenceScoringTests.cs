using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>DOMAIN.md §4.4 reference scoring at every boundary, each score with the sentence that explains it.</summary>
public sealed class ReferenceScoringTests
{
    private static IndicatorValue Target(string value, string unit, Comparison? comparison = null) =>
        IndicatorValueParser.Parse(value, unit, null, comparison, Evaluated.Year).ValueOrThrow();

    public static TheoryData<decimal, decimal, decimal, Attainment, string> Executions => new()
    {
        // A, B, score (of 10), attainment, the sentence
        { 1_000_000m, 1_000_000m, 10m, Attainment.Met, "全年预算数（A）1,000,000.00 元，全年执行数（B）1,000,000.00 元，执行率 B ÷ A = 100%：min(100%, 100%) × 10 = 10 分" },
        // B one 分 below A: the rate is shown cut, never as 100%; the score rounds to 10 (rounding is said with ≈)
        { 1_000_000m, 999_999.99m, 10m, Attainment.Missed, "执行率 B ÷ A = 99.9999%：min(99.9999%, 100%) × 10 ≈ 10 分" },
        { 1_000_000m, 999_000m, 9.99m, Attainment.Missed, "执行率 B ÷ A = 99.9%：min(99.9%, 100%) × 10 = 9.99 分" },
        { 1_000_000m, 999_500m, 10m, Attainment.Missed, "执行率 B ÷ A = 99.95%：min(99.95%, 100%) × 10 ≈ 10 分" },   // 9.995 rounds half up
        { 1_000_000m, 999_400m, 9.99m, Attainment.Missed, "min(99.94%, 100%) × 10 ≈ 9.99 分" },
        { 1_200_000m, 600_000m, 5m, Attainment.Missed, "执行率 B ÷ A = 50%：min(50%, 100%) × 10 = 5 分" },
        { 1_000_000m, 1_100_000m, 10m, Attainment.Met, "执行率 B ÷ A = 110%：min(110%, 100%) × 10 = 10 分" },
        { 3m, 1m, 3.33m, Attainment.Missed, "执行率 B ÷ A = 33.3333%：min(33.3333%, 100%) × 10 ≈ 3.33 分" },
        { 1_000_000m, 0m, 0m, Attainment.Missed, "执行率 B ÷ A = 0%：min(0%, 100%) × 10 = 0 分" },
        // A = 0: the rate is not computed
        { 0m, 0m, 10m, Attainment.Met, "全年预算数（A）0.00 元，全年执行数（B）0.00 元：无资金需要执行，执行率不计算，得满分 10 分" },
        { 0m, 5_000m, 0m, Attainment.Missed, "全年执行数（B）5,000.00 元：没有预算却有支出，执行率不计算，0 分" },
    };

    [Theory, MemberData(nameof(Executions))]
    public void Execution_BudgetAndSpending_ScoresMinOfRateAndOneTimesWeight(decimal a, decimal b, decimal score, Attainment attainment, string sentence)
    {
        var result = ReferenceScoring.Execution(a, b, 10m);
        Assert.Equal((10m, score, attainment), (result.Weight, result.Score, result.Attainment));
        Assert.Contains(sentence, result.Explanation);
    }

    public static TheoryData<string, string, Comparison, decimal, decimal, decimal, Attainment, string> Quantities => new()
    {
        // target, unit, 指标性质, actual, weight, score, attainment, the sentence
        // positive ≥: met → full, else actual ÷ target × weight
        { "≥100人", "人", Comparison.GreaterOrEqual, 120m, 20m, 20m, Attainment.Met, "实际 120 人，目标 ≥100 人，已达到：得满分 20 分" },
        { "≥100人", "人", Comparison.GreaterOrEqual, 100m, 20m, 20m, Attainment.Met, "实际 100 人，目标 ≥100 人，已达到：得满分 20 分" },
        { "≥100人", "人", Comparison.GreaterOrEqual, 80m, 20m, 16m, Attainment.Missed, "实际 80 人，目标 ≥100 人，未达到：80 ÷ 100 × 20 = 16 分" },
        { "≥100人", "人", Comparison.GreaterOrEqual, 99.9m, 20m, 19.98m, Attainment.Missed, "未达到：99.9 ÷ 100 × 20 = 19.98 分" },
        { "≥100人", "人", Comparison.GreaterOrEqual, 0m, 20m, 0m, Attainment.Missed, "未达到：0 ÷ 100 × 20 = 0 分" },
        { "≥735人次", "人次", Comparison.GreaterOrEqual, 600m, 12.5m, 10.2m, Attainment.Missed, "实际 600 人次，目标 ≥735 人次，未达到：600 ÷ 735 × 12.5 ≈ 10.2 分" },
        // ＞ needs more than the target; at the target the formula still gives the full weight
        { "＞100", "人", Comparison.Greater, 100m, 20m, 20m, Attainment.Missed, "未达到（须高于目标值）：100 ÷ 100 × 20 = 20 分" },
        { "＞100", "人", Comparison.Greater, 101m, 20m, 20m, Attainment.Met, "已达到：得满分 20 分" },
        // ＝ is positive: reaching the number is met
        { "=12次", "次", Comparison.Equal, 12m, 6m, 6m, Attainment.Met, "实际 12 次，目标 ＝12 次，已达到：得满分 6 分" },
        { "=12次", "次", Comparison.Equal, 9m, 6m, 4.5m, Attainment.Missed, "未达到：9 ÷ 12 × 6 = 4.5 分" },
        // percentages are numbers of %
        { "≥98%", "%", Comparison.GreaterOrEqual, 97m, 10m, 9.9m, Attainment.Missed, "实际 97%，目标 ≥98%，未达到：97 ÷ 98 × 10 ≈ 9.9 分" },
        { "≥98%", "%", Comparison.GreaterOrEqual, 98m, 10m, 10m, Attainment.Met, "实际 98%，目标 ≥98%，已达到" },
        // reverse ≤: within → full; between target and 2 × target → (1 − (actual − target) ÷ target) × weight; from 2 × target → 0
        { "≤1000元/生", "元/生", Comparison.LessOrEqual, 900m, 10m, 10m, Attainment.Met, "实际 900 元/生，目标 ≤1000 元/生，未超出上限：得满分 10 分" },
        { "≤1000元/生", "元/生", Comparison.LessOrEqual, 1000m, 10m, 10m, Attainment.Met, "实际 1000 元/生，目标 ≤1000 元/生，未超出上限：得满分 10 分" },
        { "≤1000元/生", "元/生", Comparison.LessOrEqual, 1000.5m, 10m, 10m, Attainment.Missed, "超出上限：(1 − (1000.5 − 1000) ÷ 1000) × 10 ≈ 10 分" }, // 9.995 rounds half up
        { "≤1000元/生", "元/生", Comparison.LessOrEqual, 1001m, 10m, 9.99m, Attainment.Missed, "超出上限：(1 − (1001 − 1000) ÷ 1000) × 10 = 9.99 分" },
        { "≤1000元/生", "元/生", Comparison.LessOrEqual, 1200m, 10m, 8m, Attainment.Missed, "实际 1200 元/生，目标 ≤1000 元/生，超出上限：(1 − (1200 − 1000) ÷ 1000) × 10 = 8 分" },
        { "≤1000元/生", "元/生", Comparison.LessOrEqual, 1500m, 10m, 5m, Attainment.Missed, "(1 − (1500 − 1000) ÷ 1000) × 10 = 5 分" },
        { "≤1000元/生", "元/生", Comparison.LessOrEqual, 1999m, 10m, 0.01m, Attainment.Missed, "(1 − (1999 − 1000) ÷ 1000) × 10 = 0.01 分" },
        { "≤1000元/生", "元/生", Comparison.LessOrEqual, 2000m, 10m, 0m, Attainment.Missed, "实际 2000 元/生，目标 ≤1000 元/生，达到上限的 2 倍及以上：0 分" },
        { "≤1000元/生", "元/生", Comparison.LessOrEqual, 2500m, 10m, 0m, Attainment.Missed, "达到上限的 2 倍及以上：0 分" },
        // ＜ follows the same [local] default: full at the target itself
        { "＜1000", "元", Comparison.Less, 1000m, 10m, 10m, Attainment.Met, "未超出上限：得满分 10 分" },
        { "＜1000", "元", Comparison.Less, 1100m, 10m, 9m, Attainment.Missed, "(1 − (1100 − 1000) ÷ 1000) × 10 = 9 分" },
        // equal-to-zero targets (安全事故 ＝0): actual ≤ 0 full, else 0
        { "0次", "次", Comparison.Equal, 0m, 5m, 5m, Attainment.Met, "实际 0 次，目标 ＝0 次，目标为 0，按是否达到计分，已达到：得满分 5 分" },
        { "0次", "次", Comparison.Equal, 1m, 5m, 0m, Attainment.Missed, "实际 1 次，目标 ＝0 次，目标为 0，按是否达到计分，未达到：0 分" },
        { "≤0起", "起", Comparison.LessOrEqual, 0m, 5m, 5m, Attainment.Met, "目标 ≤0 起，目标为 0，按是否达到计分，已达到" },
        { "≤0起", "起", Comparison.LessOrEqual, 2m, 5m, 0m, Attainment.Missed, "未达到：0 分" },
        // ranges: inside full; below as positive on the lower bound; above as reverse on the upper bound
        { "18-54周岁", "周岁", Comparison.Equal, 18m, 10m, 10m, Attainment.Met, "实际 18 周岁，目标 18 至 54 周岁，在目标范围内：得满分 10 分" },
        { "18-54周岁", "周岁", Comparison.Equal, 54m, 10m, 10m, Attainment.Met, "在目标范围内" },
        { "18-54周岁", "周岁", Comparison.Equal, 9m, 10m, 5m, Attainment.Missed, "低于下限：9 ÷ 18 × 10 = 5 分" },
        { "18-54周岁", "周岁", Comparison.Equal, 81m, 10m, 5m, Attainment.Missed, "高于上限：(1 − (81 − 54) ÷ 54) × 10 = 5 分" },
        { "18-54周岁", "周岁", Comparison.Equal, 108m, 10m, 0m, Attainment.Missed, "达到上限的 2 倍及以上：0 分" },
    };

    [Theory, MemberData(nameof(Quantities))]
    public void Indicator_Quantity_ScoresByComparison(string target, string unit, Comparison comparison, decimal actual, decimal weight,
        decimal score, Attainment attainment, string sentence)
    {
        var result = ReferenceScoring.Indicator(Target(target, unit, comparison), new EvaluationActual(Number: actual), weight);
        Assert.Equal((weight, score, attainment), (result.Weight, result.Score, result.Attainment));
        Assert.Contains(sentence, result.Explanation);
    }

    [Theory]
    [InlineData(130, 1.3)]        // the over-achievement threshold itself
    [InlineData(129.99, 1.2999)]
    [InlineData(80, 0.8)]
    public void Indicator_PositiveQuantity_CompletionIsActualOverTarget(decimal actual, decimal completion) =>
        Assert.Equal(completion, ReferenceScoring.Indicator(Target("≥100人", "人", Comparison.GreaterOrEqual), new EvaluationActual(Number: actual), 20m).Completion);

    [Theory]
    [InlineData("≤1000元/生", "元/生", Comparison.LessOrEqual)]
    [InlineData("18-54周岁", "周岁", Comparison.Equal)]
    [InlineData("0次", "次", Comparison.Equal)]
    public void Indicator_ReverseRangeOrZeroTarget_HasNoCompletion(string target, string unit, Comparison comparison) =>
        Assert.Null(ReferenceScoring.Indicator(Target(target, unit, comparison), new EvaluationActual(Number: 5000m), 10m).Completion);

    [Theory]
    [InlineData("≤2026年9月", Comparison.LessOrEqual, "2026-09-30", 10, Attainment.Met, "实际 2026-09-30，目标 ≤2026-09，已达到：得满分 10 分")]
    [InlineData("≤2026年9月", Comparison.LessOrEqual, "2026-10-01", 0, Attainment.Missed, "实际 2026-10-01，目标 ≤2026-09，未达到：0 分")]
    [InlineData("2026年12月", Comparison.Equal, "2026-12-15", 10, Attainment.Met, "已达到")]
    [InlineData("2026年12月", Comparison.Equal, "2027-01-02", 0, Attainment.Missed, "未达到：0 分")]
    [InlineData("≥2026年3月", Comparison.GreaterOrEqual, "2026-02-28", 0, Attainment.Missed, "未达到：0 分")]
    public void Indicator_Date_MetScoresFullElseZero(string target, Comparison comparison, string actual, decimal score, Attainment attainment, string sentence)
    {
        var value = Target(target, "", comparison);
        Assert.True(ReferenceScoring.TryReadActual(actual, value, "", Evaluated.Year, out var read, out _));
        var result = ReferenceScoring.Indicator(value, read, 10m);
        Assert.Equal((score, attainment), (result.Score, result.Attainment));
        Assert.Contains(sentence, result.Explanation);
    }

    public static TheoryData<QualitativeOutcome, decimal?, decimal, string> Bands => new()
    {
        // grade, the unit's score (of 10), reference, the sentence
        { QualitativeOutcome.Achieved, 10m, 10m, "自评“达成”，该等级得分区间 [8, 10] 分；自评 10 分在区间内：参考 10 分" },
        { QualitativeOutcome.Achieved, 8m, 8m, "自评 8 分在区间内：参考 8 分" },                                     // 80% edge is 达成
        { QualitativeOutcome.Achieved, 7.99m, 8m, "自评 7.99 分低于区间，参考取区间下限 8 分" },
        { QualitativeOutcome.Achieved, null, 8m, "未自评打分，参考取区间下限 8 分" },
        { QualitativeOutcome.PartlyAchieved, 8m, 7.99m, "区间 [6, 8) 分；自评 8 分高于区间，参考取区间内最接近的 7.99 分" }, // 80% is not 部分达成
        { QualitativeOutcome.PartlyAchieved, 7.99m, 7.99m, "自评 7.99 分在区间内" },
        { QualitativeOutcome.PartlyAchieved, 6m, 6m, "自评 6 分在区间内：参考 6 分" },                               // 60% edge is 部分达成
        { QualitativeOutcome.PartlyAchieved, 5.99m, 6m, "自评 5.99 分低于区间，参考取区间下限 6 分" },
        { QualitativeOutcome.NotAchieved, 6m, 5.99m, "区间 [0, 6) 分；自评 6 分高于区间，参考取区间内最接近的 5.99 分" },
        { QualitativeOutcome.NotAchieved, 5.99m, 5.99m, "在区间内" },
        { QualitativeOutcome.NotAchieved, 0m, 0m, "自评 0 分在区间内：参考 0 分" },
    };

    [Theory, MemberData(nameof(Bands))]
    public void Indicator_Qualitative_KeepsTheUnitsScoreInsideTheBandElseTheNearestEdge(QualitativeOutcome outcome, decimal? unitScore,
        decimal reference, string sentence)
    {
        var result = ReferenceScoring.Indicator(Target("有效控制", "", Comparison.Qualitative), new EvaluationActual(Outcome: outcome, UnitScore: unitScore), 10m);
        Assert.Equal(reference, result.Score);
        Assert.Equal(outcome == QualitativeOutcome.Achieved ? Attainment.Met : Attainment.Missed, result.Attainment);
        Assert.Contains("定性目标“有效控制”", result.Explanation);
        Assert.Contains(sentence, result.Explanation);
    }

    [Theory]
    [InlineData(QualitativeOutcome.PartlyAchieved, 16.67, 10.01, 13.33)] // 60% = 10.002 and 80% = 13.336: edges inside the band in hundredths
    [InlineData(QualitativeOutcome.Achieved, 16.67, 13.34, 16.67)]
    [InlineData(QualitativeOutcome.NotAchieved, 16.67, 0, 10)]
    [InlineData(QualitativeOutcome.NotAchieved, 0, 0, 0)]
    public void QualitativeBand_WeightNotInHundredths_EdgesStayInsideTheBand(QualitativeOutcome outcome, decimal weight, decimal lowest, decimal highest)
    {
        var band = QualitativeBand.Of(outcome);
        Assert.Equal((lowest, highest), (band.LowestScore(weight), band.HighestScore(weight)));
        Assert.True(band.Contains(lowest, weight));
        Assert.True(band.Contains(highest, weight));
    }

    [Theory]
    [InlineData(QualitativeOutcome.Achieved, 8, true)]
    [InlineData(QualitativeOutcome.Achieved, 7.99, false)]
    [InlineData(QualitativeOutcome.Achieved, 10, true)]
    [InlineData(QualitativeOutcome.Achieved, 10.01, false)]
    [InlineData(QualitativeOutcome.PartlyAchieved, 8, false)]
    [InlineData(QualitativeOutcome.PartlyAchieved, 7.99, true)]
    [InlineData(QualitativeOutcome.PartlyAchieved, 6, true)]
    [InlineData(QualitativeOutcome.PartlyAchieved, 5.99, false)]
    [InlineData(QualitativeOutcome.NotAchieved, 6, false)]
    [InlineData(QualitativeOutcome.NotAchieved, 5.99, true)]
    [InlineData(QualitativeOutcome.NotAchieved, 0, true)]
    public void QualitativeBand_Contains_EdgesOfEachGrade(QualitativeOutcome outcome, decimal score, bool inside) =>
        Assert.Equal(inside, QualitativeBand.Of(outcome).Contains(score, 10m));

    [Fact]
    public void Indicator_QualitativeScoredAgainstAnotherWeight_IsScaledToTheReferenceWeight()
    {
        var result = ReferenceScoring.Indicator(Target("有效控制", "", Comparison.Qualitative),
            new EvaluationActual(Outcome: QualitativeOutcome.Achieved, UnitScore: 18m, UnitWeight: 20m), 10m);
        Assert.Equal(9m, result.Score);
        Assert.Contains("自评 18 分（按自评分值 20 折算为 9 分）在区间内：参考 9 分", result.Explanation);
    }

    [Theory]
    [InlineData("≥100人", "人", Comparison.GreaterOrEqual, "未填写实际完成值：参考 0 分")]
    [InlineData("≤2026年9月", "", Comparison.LessOrEqual, "未填写实际完成日期：参考 0 分")]
    [InlineData("有效控制", "", Comparison.Qualitative, "定性目标“有效控制”，未选择达成情况：参考 0 分")]
    public void Indicator_Blank_ScoresZeroAndIsUnknown(string target, string unit, Comparison comparison, string sentence)
    {
        var result = ReferenceScoring.Indicator(Target(target, unit, comparison), new EvaluationActual(), 10m);
        Assert.Equal((0m, Attainment.Unknown, sentence), (result.Score, result.Attainment, result.Explanation));
    }

    [Theory]
    [InlineData("≥98%", "%", "97", true, "")]
    [InlineData("≥98%", "%", "97%", true, "")]
    [InlineData("≥735人次", "人次", "760人次", true, "")]
    [InlineData("≥735人次", "人次", "约七百", false, "实际完成值“约七百”不是一个数：请只填数值，如 735（单位可省略）")]
    [InlineData("≥735人次", "人次", "2026-06-30", false, "实际完成值“2026-06-30”不是一个数：请只填数值，如 735（单位可省略）")]
    [InlineData("≤2026年9月", "", "2026年9月30日", true, "")]
    [InlineData("≤2026年9月", "", "按时完成", false, "实际完成值“按时完成”不是日期：请填写实际完成日期，如 2026-06-30，或完成期间，如 2026.3.1-11.30")]
    public void TryReadActual_WrittenValue_NumberOrDateElseSaysWhatToWrite(string target, string unit, string written, bool ok, string error)
    {
        Assert.Equal(ok, ReferenceScoring.TryReadActual(written, Target(target, unit), unit, Evaluated.Year, out _, out var message));
        Assert.Equal(error, message);
    }

    [Theory]
    [InlineData(100, Grade.Excellent)]
    [InlineData(90, Grade.Excellent)]
    [InlineData(89.99, Grade.Good)]
    [InlineData(80, Grade.Good)]
    [InlineData(79.99, Grade.Fair)]
    [InlineData(60, Grade.Fair)]
    [InlineData(59.99, Grade.Poor)]
    [InlineData(0, Grade.Poor)]
    public void GradeOf_TotalOutOf100_GradeEdges90And80And60(decimal total, Grade grade) =>
        Assert.Equal(grade, ReferenceScoring.GradeOf(total, 100m));

    [Theory]
    [InlineData(99, Grade.Excellent)]   // 90% of 110
    [InlineData(98.99, Grade.Good)]
    [InlineData(66, Grade.Fair)]        // 60% of 110
    [InlineData(65.99, Grade.Poor)]
    public void GradeOf_ConfiguredTotal_GradesByShareOfTheTotal(decimal total, Grade grade) =>
        Assert.Equal(grade, ReferenceScoring.GradeOf(total, 110m));

    [Theory]
    [InlineData(16.665, 16.67)]
    [InlineData(16.664, 16.66)]
    [InlineData(9.995, 10)]
    [InlineData(-0.005, -0.01)]
    public void Round_HalfAwayFromZero_TwoDecimals(decimal exact, decimal rounded) =>
        Assert.Equal(rounded, ReferenceScoring.Round(exact));

    public static TheoryData<string[], decimal?[], decimal[], string> WeightSplits => new()
    {
        // 一级指标 of each row, target weights, reference 分值, basis of the first row
        { ["产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "满意度指标"], [null, null, null, null, null, null],
            [16.67m, 16.67m, 16.66m, 15m, 15m, 10m], "产出指标 50 分由 3 个指标平分" },
        { ["产出指标", "效益指标", "满意度指标"], [null, null, null], [50m, 30m, 10m], "产出指标 50 分" },
        // target weights out of 100 are scaled to the 90 indicator points
        { ["产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "满意度指标"], [20m, 20m, 10m, 10m, 30m, 10m],
            [18m, 18m, 9m, 9m, 27m, 9m], "目标权重 20 按指标分值合计 90 折算：20 × 90 ÷ 100 = 18" },
        { ["产出指标", "效益指标", "满意度指标"], [33.33m, 33.33m, 33.34m], [30m, 30m, 30m], "目标权重 33.33 按指标分值合计 90 折算：33.33 × 90 ÷ 100 ≈ 30" },
        // target weights already out of 90 are taken as they are
        { ["产出指标", "效益指标", "满意度指标"], [50m, 30m, 10m], [50m, 30m, 10m], "目标设定的权重 50" },
        // only some rows weighted: the 一级指标 split
        { ["产出指标", "产出指标", "效益指标", "满意度指标"], [40m, null, 30m, 10m], [25m, 25m, 30m, 10m], "产出指标 50 分由 2 个指标平分" },
        // a 一级指标 with no 分值 in the settings
        { ["成本指标", "产出指标", "效益指标", "满意度指标"], [null, null, null, null], [0m, 50m, 30m, 10m], "本地区未给一级指标“成本指标”配置分值，该行不计分" },
    };

    [Theory, MemberData(nameof(WeightSplits))]
    public void Weights_TargetWeightsOrLevel1Split_AddUpInHundredths(string[] level1s, decimal?[] targetWeights, decimal[] expected, string basis)
    {
        var weights = ReferenceScoring.Weights(level1s.Zip(targetWeights).ToList(), EvaluationWeights.Defaults);
        Assert.Equal(expected, weights.Select(w => w.Weight));
        Assert.Equal(basis, weights[0].Basis);
    }

    [Fact]
    public void Weights_CostAsLevel1WithConfiguredPoints_SplitsItsPoints()
    {
        var settings = new EvaluationWeights(Output: 40m, Cost: 10m).Validated();
        var weights = ReferenceScoring.Weights([("成本指标", null), ("成本指标", null), ("产出指标", null), ("效益指标", null), ("满意度指标", null)], settings);
        Assert.Equal([5m, 5m, 40m, 30m, 10m], weights.Select(w => w.Weight));
    }
}
