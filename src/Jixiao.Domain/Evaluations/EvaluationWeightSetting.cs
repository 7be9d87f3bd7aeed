using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// The self-evaluation weights and thresholds a region uses in a year ([local] configuration, set by the performance
/// division). A region-year without a row uses the national defaults (执行率 10 / 产出 50 / 效益 30 / 满意度 10).
/// </summary>
public sealed class EvaluationWeightSetting : IRegionOwned
{
    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public decimal Execution { get; private set; }
    public decimal Output { get; private set; }
    public decimal Benefit { get; private set; }
    public decimal Satisfaction { get; private set; }
    public decimal Cost { get; private set; }
    public decimal Total { get; private set; }
    public decimal OverAchievementPercent { get; private set; }
    public decimal ReferenceGap { get; private set; }
    public decimal DistortionGap { get; private set; }
    public decimal QualityWeight { get; private set; }
    public decimal IndicatorWeight { get; private set; }
    /// <summary>反向指标 name endings as written on the settings page; blank: the national default.</summary>
    public string ReverseVocabulary { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }

    public EvaluationWeights Weights => new(Execution, Output, Benefit, Satisfaction, Cost, Total, OverAchievementPercent, ReferenceGap, DistortionGap,
        QualityWeight, IndicatorWeight, ReverseVocabulary);

    public static EvaluationWeightSetting Create(string regionCode, int fiscalYear) => new() { RegionCode = regionCode, FiscalYear = fiscalYear };

    /// <summary>Keeps the weights after checking them (refused with the fix otherwise).</summary>
    public void Set(EvaluationWeights weights, DateTime nowUtc)
    {
        var w = weights.Validated();
        (Execution, Output, Benefit, Satisfaction, Cost, Total) = (w.Execution, w.Output, w.Benefit, w.Satisfaction, w.Cost, w.Total);
        (OverAchievementPercent, ReferenceGap, DistortionGap, QualityWeight, IndicatorWeight) =
            (w.OverAchievementPercent, w.ReferenceGap, w.DistortionGap, w.QualityWeight, w.IndicatorWeight);
        ReverseVocabulary = w.ReverseVocabulary.Trim();
        UpdatedAtUtc = nowUtc;
    }
}
