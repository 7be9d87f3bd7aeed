using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// 抽查复核: one recorded draw of self-evaluations (rules, seed, algorithm — so anyone can repeat it) and the
/// re-review of each drawn form.
/// </summary>
public sealed class SpotCheckDraw : IRegionOwned
{
    private SpotCheckDraw() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public int Seed { get; private set; }
    public string Algorithm { get; private set; } = "";
    public decimal? MinAmount { get; private set; }
    public decimal? MaxAmount { get; private set; }
    public decimal? Ratio { get; private set; }
    public int? Count { get; private set; }
    /// <summary>必抽清单: self-evaluation ids, comma-separated.</summary>
    public string MustInclude { get; private set; } = "";
    public int EligibleCount { get; private set; }
    public int Size { get; private set; }
    public string Explanation { get; private set; } = "";
    public string DrawnBy { get; private set; } = "";
    public DateTime DrawnAtUtc { get; private set; }
    public List<SpotCheckItem> Items { get; private set; } = [];

    public SampleRules Rules => new(Seed, MinAmount, MaxAmount, Ratio, Count,
        MustInclude.Length == 0 ? [] : MustInclude.Split(',').Select(long.Parse).ToList());

    public static SpotCheckDraw Record(string regionCode, int fiscalYear, SampleRules rules, IReadOnlyList<SampleCandidate> candidates, string drawnBy,
        DateTime nowUtc)
    {
        var draw = SpotCheck.Draw(candidates, rules);
        return new SpotCheckDraw
        {
            RegionCode = regionCode, FiscalYear = fiscalYear, Seed = draw.Seed, Algorithm = draw.Algorithm, MinAmount = rules.MinAmount,
            MaxAmount = rules.MaxAmount, Ratio = rules.Ratio, Count = rules.Count, MustInclude = string.Join(",", rules.MustInclude ?? []),
            EligibleCount = draw.EligibleCount, Size = draw.Size, Explanation = draw.Explanation, DrawnBy = drawnBy, DrawnAtUtc = nowUtc,
            Items = draw.Items.Select(i => SpotCheckItem.Drawn(i)).ToList(),
        };
    }

    /// <summary>复核 one drawn self-evaluation: 自评质量分 and 复核指标分 combined by the region-year's weights, 失真 flagged.</summary>
    public SpotCheckItem ReReview(long evaluationId, decimal selfScore, decimal qualityScore, decimal indicatorScore, EvaluationWeights weights,
        string reviewer, DateTime nowUtc)
    {
        var item = Items.SingleOrDefault(i => i.EvaluationId == evaluationId)
                   ?? throw new DomainException("该自评表不在本次抽查样本中。", "自评表");
        item.Record(SpotCheck.ReReview(selfScore, qualityScore, indicatorScore, weights), qualityScore, indicatorScore, reviewer, nowUtc);
        return item;
    }
}

public sealed class SpotCheckItem
{
    private SpotCheckItem() { }

    public long EvaluationId { get; private set; }
    public decimal Amount { get; private set; }
    public bool MustInclude { get; private set; }
    public decimal? QualityScore { get; private set; }
    public decimal? IndicatorScore { get; private set; }
    public decimal? ReviewScore { get; private set; }
    public decimal? Gap { get; private set; }
    public bool Distorted { get; private set; }
    public string ReviewExplanation { get; private set; } = "";
    public string ReviewedBy { get; private set; } = "";
    public DateTime? ReviewedAtUtc { get; private set; }

    internal static SpotCheckItem Drawn(SampledItem item) => new() { EvaluationId = item.EvaluationId, Amount = item.Amount, MustInclude = item.MustInclude };

    internal void Record(ReReviewResult result, decimal quality, decimal indicator, string reviewer, DateTime nowUtc)
    {
        (QualityScore, IndicatorScore, ReviewScore, Gap, Distorted) = (quality, indicator, result.Score, result.Gap, result.Distorted);
        ReviewExplanation = result.Explanation;
        ReviewedBy = reviewer;
        ReviewedAtUtc = nowUtc;
    }
}
