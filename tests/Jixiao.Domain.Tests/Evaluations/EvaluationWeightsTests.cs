using Jixiao.Domain.Evaluations;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>The [local] self-evaluation settings of a region and year: national defaults, and what is refused.</summary>
public sealed class EvaluationWeightsTests
{
    [Fact]
    public void Defaults_AreTheNationalWeightsAndLocalThresholds()
    {
        var d = EvaluationWeights.Defaults.Validated();
        Assert.Equal((10m, 50m, 30m, 10m, 0m, 100m), (d.Execution, d.Output, d.Benefit, d.Satisfaction, d.Cost, d.Total));
        Assert.Equal((130m, 5m, 15m, 0.4m, 0.6m), (d.OverAchievementPercent, d.ReferenceGap, d.DistortionGap, d.QualityWeight, d.IndicatorWeight));
        Assert.Equal(90m, d.IndicatorPoints);
        Assert.Equal((50m, 30m, 10m, 0m, (decimal?)null), (d.Level1("产出指标"), d.Level1("效益指标"), d.Level1("满意度指标"), d.Level1("成本指标"), d.Level1("管理指标")));
    }

    [Fact]
    public void Validated_ConfiguredTotalOtherThan100_IsAccepted()
    {
        var weights = new EvaluationWeights(Execution: 10m, Output: 60m, Benefit: 30m, Satisfaction: 10m, Total: 110m).Validated();
        Assert.Equal(100m, weights.IndicatorPoints);
    }

    public static TheoryData<EvaluationWeights, string> Refused => new()
    {
        { new EvaluationWeights(Output: 60m), "预算执行率 10 + 产出指标 60 + 效益指标 30 + 满意度指标 10 + 成本指标 0 = 110，应等于总分 100：请调整分值" },
        { new EvaluationWeights(Execution: -10m, Output: 70m), "预算执行率分值不能为负数，当前为 -10" },
        { new EvaluationWeights(Output: 49.995m, Benefit: 30.005m), "产出指标分值 49.995 超过两位小数" },
        { new EvaluationWeights(0m, 0m, 0m, 0m, 0m, 0m), "总分应大于 0" },
        { new EvaluationWeights(OverAchievementPercent: 100m), "超额完成提示线应大于 100%，当前为 100%" },
        { new EvaluationWeights(ReferenceGap: 0m), "自评分与参考分的提示差距应在 0–100 分之间（不含 0），当前为 0" },
        { new EvaluationWeights(DistortionGap: 101m), "失真判定差距应在 0–100 分之间（不含 0），当前为 101" },
        { new EvaluationWeights(QualityWeight: 0.5m), "复核得分 = 自评质量分权重 0.5 + 复核指标分权重 0.6，两者不能为负且合计应为 1" },
        { new EvaluationWeights(QualityWeight: -0.4m, IndicatorWeight: 1.4m), "两者不能为负" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void Validated_BrokenSettings_AreRefusedWithTheFix(EvaluationWeights weights, string message)
    {
        var error = Assert.Throws<DomainException>(() => weights.Validated());
        Assert.Contains(message, error.Message);
    }
}
