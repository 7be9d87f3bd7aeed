using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;

namespace Jixiao.Domain.Tests.Monitoring;

/// <summary>DOMAIN.md §4.3 warning lights at their boundaries, each with the sentence that explains it.</summary>
public sealed class WarningTests
{
    private static readonly WarningRules Rules = WarningRules.Defaults;
    private static readonly decimal July = TimeProgress.ForMonth(7); // 0.5833

    public static TheoryData<decimal, decimal, Light, string> ExecutionRatios => new()
    {
        // rate, time progress, light, the sentence
        { 0.182m, July, Light.Red, "执行率 18.2%，时间进度 58.3%，比值 31.2 < 60：红灯" },
        { 0.30m, 0.5m, Light.Yellow, "比值 60 在 60–80 之间：黄灯" },      // exactly 60 is yellow
        { 0.2995m, 0.5m, Light.Red, "比值 59.9 < 60：红灯" },
        { 0.40m, 0.5m, Light.Green, "比值 80 ≥ 80：绿灯" },                // exactly 80 is green
        { 0.3995m, 0.5m, Light.Yellow, "比值 79.9 在 60–80 之间：黄灯" },
        { 0.90m, 0.5m, Light.Green, "比值 180 ≥ 80：绿灯" },
        { 0m, 1m, Light.Red, "执行率 0%，时间进度 100%，比值 0 < 60：红灯" },
        // July (t = 0.5833): the light is decided on the ratio as shown, to one decimal
        { 0.35m, July, Light.Yellow, "执行率 35%，时间进度 58.3%，比值 60 在 60–80 之间：黄灯" },  // 60.003 shows 60
        { 0.349m, July, Light.Red, "比值 59.8 < 60：红灯" },
        { 0.4666m, July, Light.Green, "比值 80 ≥ 80：绿灯" },                                     // 79.993 shows 80
        { 0.4655m, July, Light.Yellow, "比值 79.8 在 60–80 之间：黄灯" },
    };

    [Theory, MemberData(nameof(ExecutionRatios))]
    public void Execution_RatioMode(decimal rate, decimal time, Light light, string sentence)
    {
        var result = Warnings.Execution(rate, time, Rules);
        Assert.Equal(light, result.Light);
        Assert.Contains(sentence, result.Explanation);
    }

    [Theory]
    [InlineData(0.50, 0.60, Light.Green, "落后 10 个百分点 ≤ 10：绿灯")]     // exactly 10 points is green
    [InlineData(0.499, 0.60, Light.Yellow, "落后 10.1 个百分点 在 10–20 之间：黄灯")]
    [InlineData(0.40, 0.60, Light.Yellow, "落后 20 个百分点 在 10–20 之间：黄灯")] // exactly 20 is yellow
    [InlineData(0.399, 0.60, Light.Red, "落后 20.1 个百分点 > 20：红灯")]
    [InlineData(0.70, 0.60, Light.Green, "落后 -10 个百分点 ≤ 10：绿灯")]
    public void Execution_GapMode(decimal rate, decimal time, Light light, string sentence)
    {
        var result = Warnings.Execution(rate, time, Rules with { ExecutionMode = ExecutionMode.Gap });
        Assert.Equal(light, result.Light);
        Assert.Contains(sentence, result.Explanation);
    }

    [Fact]
    public void Execution_UsesTheAdjustedBudget_OfAProjectRaisedMidYear()
    {
        // 年初 100 万, 追加 100 万 in May, 60 万 paid by July: 30% of the adjusted budget (60% of the initial one).
        var figures = Ledger.Compute(
            [
                new LedgerEntry(MovementKind.InitialApproval, 1_000_000m, new DateOnly(2026, 1, 15), "襄财预〔2026〕1号", ""),
                new LedgerEntry(MovementKind.Addition, 1_000_000m, new DateOnly(2026, 5, 10), "襄财预〔2026〕9号", ""),
            ],
            [new PaymentEntry(new DateOnly(2026, 6, 30), 600_000m, "ZF1")], new DateOnly(2026, 7, 31), 2026);
        Assert.Equal(0.3m, figures.ExecutionRate);
        var result = Warnings.Execution(figures.ExecutionRate, July, Rules);
        Assert.Equal(Light.Red, result.Light);
        Assert.Contains("执行率 30%，时间进度 58.3%，比值 51.4 < 60", result.Explanation);
    }

    [Fact]
    public void Execution_ZeroTimeProgress_IsGreenAndSaysWhy()
    {
        var result = Warnings.Execution(0m, 0m, Rules);
        Assert.Equal((Light.Green, "执行率 0%，时间进度为 0：绿灯"), (result.Light, result.Explanation));
    }

    [Fact]
    public void Execution_ZeroBudget_IsGreenAndSaysWhy() =>
        Assert.Equal((Light.Green, "全年预算数为 0，无需执行：绿灯"), (Warnings.Execution(null, July, Rules).Light, Warnings.Execution(null, July, Rules).Explanation));

    private static IndicatorValue Target(string value, string unit = "") => IndicatorValueParser.Parse(value, unit, year: 2026).ValueOrThrow();

    public static TheoryData<string, string, string, decimal, decimal, Light, string> Quantities => new()
    {
        // level2, target, unit, actual, t, light, sentence — r = actual ÷ (target × t) × 100
        { "数量指标", "≥1000人次", "人次", 300m, 0.5m, Light.Yellow, "= 60 在 60–80 之间：黄灯" },          // exactly 60 is yellow
        { "数量指标", "≥1000人次", "人次", 299m, 0.5m, Light.Red, "= 59.8 < 60：红灯" },
        { "数量指标", "≥1000人次", "人次", 400m, 0.5m, Light.Green, "= 80 在 80–120 之间：绿灯" },         // exactly 80 is green
        { "数量指标", "≥1000人次", "人次", 399m, 0.5m, Light.Yellow, "= 79.8 在 60–80 之间：黄灯" },
        { "数量指标", "≥1000人次", "人次", 600m, 0.5m, Light.Blue, "= 120 ≥ 120，目标可能定得偏低：蓝灯" }, // exactly 120 is blue
        { "数量指标", "≥1000人次", "人次", 599m, 0.5m, Light.Green, "= 119.8 在 80–120 之间：绿灯" },
        { "社会效益指标", "≥12个", "个", 2m, July, Light.Red, "完成比 2 ÷ (12 × 58.3%) × 100 = 28.6 < 60：红灯" },
        // July: the boundaries hold on the completion ratio as shown, to one decimal
        { "数量指标", "≥1000人次", "人次", 350m, July, Light.Yellow, "完成比 350 ÷ (1000 × 58.3%) × 100 = 60 在 60–80 之间：黄灯" },
        { "数量指标", "≥1000人次", "人次", 466.6m, July, Light.Green, "= 80 在 80–120 之间：绿灯" },
        { "数量指标", "≥1000人次", "人次", 700m, July, Light.Blue, "= 120 ≥ 120，目标可能定得偏低：蓝灯" },
        { "数量指标", "≥1000人次", "人次", 699m, July, Light.Green, "= 119.8 在 80–120 之间：绿灯" },
        { "数量指标", "＞1000人次", "人次", 300m, 0.5m, Light.Yellow, "= 60 在 60–80 之间：黄灯" },
    };

    [Theory, MemberData(nameof(Quantities))]
    public void PositiveQuantity_ComparesWithTheTimeProgress(string level2, string target, string unit, decimal actual, decimal t, Light light, string sentence)
    {
        var result = Warnings.Indicator(level2, Target(target, unit), new IndicatorActual(actual), t, Rules);
        Assert.Equal(light, result.Light);
        Assert.Contains(sentence, result.Explanation);
    }

    public static TheoryData<string, string, string, decimal, Light, string> MetOrNot => new()
    {
        // reverse indicators: within the limit green, else red (whatever the time progress)
        { "成本指标", "≤475元/亩", "元/亩", 475m, Light.Green, "实际 475 元/亩，目标 ≤475 元/亩，未超出上限：绿灯" },
        { "成本指标", "≤475元/亩", "元/亩", 475.01m, Light.Red, "超出上限：红灯" },
        { "社会效益指标", "＜3次", "次", 3m, Light.Red, "未低于上限：红灯" },
        { "社会效益指标", "＜3次", "次", 2m, Light.Green, "低于上限：绿灯" },
        { "生态效益指标", "不超过5%", "%", 4.5m, Light.Green, "实际 4.5%，目标 ≤5%，未超出上限：绿灯" },
        { "生态效益指标", "不超过5%", "%", 5.5m, Light.Red, "超出上限：红灯" },
        { "数量指标", "≤1000人次", "人次", 100m, Light.Green, "未超出上限：绿灯" },   // a reverse quantity is not scaled by the time progress
        // zero targets
        { "安全指标", "0次", "次", 0m, Light.Green, "已达到：绿灯" },
        { "安全指标", "≤0次", "次", 1m, Light.Red, "超出上限：红灯" },
        { "数量指标", "≥0个", "个", 0m, Light.Green, "目标为 0 或时间进度为 0，按是否达到判断" },
        { "数量指标", "≥0个", "个", 3m, Light.Green, "已达到" },
        { "数量指标", "＞0个", "个", 0m, Light.Red, "未达到：红灯" },
        { "安全指标", "0次", "次", 1m, Light.Red, "实际 1 次，目标 ＝0 次，未达到：红灯" },
        // 质量 / 时效 / 成本 and rates: met or not, not scaled by time
        { "质量指标", "≥95%", "%", 95m, Light.Green, "实际 95%，目标 ≥95%，已达到：绿灯" },
        { "质量指标", "≥95%", "%", 94.9m, Light.Red, "未达到：红灯" },
        { "服务对象满意度指标", "≥90%", "%", 60m, Light.Red, "未达到：红灯" },
        { "数量指标", "18—54周岁", "", 30m, Light.Green, "已达到：绿灯" },
    };

    [Theory, MemberData(nameof(MetOrNot))]
    public void ReverseQualityAndZeroTargets_AreMetOrNot(string level2, string target, string unit, decimal actual, Light light, string sentence)
    {
        var result = Warnings.Indicator(level2, Target(target, unit), new IndicatorActual(actual), July, Rules);
        Assert.Equal(light, result.Light);
        Assert.Contains(sentence, result.Explanation);
    }

    [Theory]
    [InlineData("≤2026年9月", "2026-09-30", Light.Green)]
    [InlineData("≤2026年9月", "2026-10-01", Light.Red)]
    [InlineData("2026.07-2026.12", "2026-08-15", Light.Green)]
    public void Dates_AreMetOrNot(string target, string actual, Light light) =>
        Assert.Equal(light, Warnings.Indicator("时效指标", Target(target), new IndicatorActual(Date: DateOnly.Parse(actual)), July, Rules).Light);

    [Theory]
    [InlineData(QualitativeOutcome.Achieved, Light.Green, "达成：绿灯")]
    [InlineData(QualitativeOutcome.PartlyAchieved, Light.Yellow, "部分达成：黄灯")]
    [InlineData(QualitativeOutcome.NotAchieved, Light.Red, "未达成：红灯")]
    public void Qualitative_FollowsTheReportedOutcome(QualitativeOutcome outcome, Light light, string sentence)
    {
        var result = Warnings.Indicator("社会效益指标", Target("有效控制"), new IndicatorActual(Outcome: outcome), July, Rules);
        Assert.Equal(light, result.Light);
        Assert.Contains("定性目标“有效控制”", result.Explanation);
        Assert.EndsWith(sentence, result.Explanation);
    }

    [Fact]
    public void MissingActuals_AreRefusedWithWhatToFill()
    {
        Assert.Contains("实际完成值", Assert.Throws<DomainException>(() => Warnings.Indicator("数量指标", Target("≥5个"), new IndicatorActual(), July, Rules)).Message);
        Assert.Contains("达成", Assert.Throws<DomainException>(() => Warnings.Indicator("社会效益指标", Target("明显改善"), new IndicatorActual(), July, Rules)).Message);
    }

    [Fact]
    public void ProjectLight_IsTheWorstOfItsParts()
    {
        Assert.Equal(Light.Red, Warnings.Worst([Light.Green, Light.Blue, Light.Red, Light.Yellow]));
        Assert.Equal(Light.Yellow, Warnings.Worst([Light.Blue, Light.Yellow, Light.Green]));
        Assert.Equal(Light.Blue, Warnings.Worst([Light.Green, Light.Blue]));
        Assert.Equal(Light.Green, Warnings.Worst([]));
    }

    [Fact]
    public void Rules_AreConfigurable_AndRefusedOutOfOrder()
    {
        var strict = (Rules with { RatioRed = 70m, RatioYellow = 90m }).Validated();
        Assert.Equal(Light.Yellow, Warnings.Execution(0.40m, 0.5m, strict).Light);
        Assert.Contains("红灯线 < 黄灯线", Assert.Throws<DomainException>(() => (Rules with { RatioRed = 80m, RatioYellow = 60m }).Validated()).Message);
        Assert.Contains("蓝灯线", Assert.Throws<DomainException>(() => (Rules with { IndicatorBlue = 70m }).Validated()).Message);
        Assert.Same(WarningRules.Defaults, WarningRules.Defaults.Validated());
    }
}
