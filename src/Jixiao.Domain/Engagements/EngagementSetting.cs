using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Engagements;

/// <summary>
/// The third-party rules a region uses in a year ([local] configuration, set by the performance division, DOMAIN.md §4.5): the
/// stages of 分阶段成果报告制, the report-quality checklist, the weights of the yearly rating and the lottery's limits. A
/// region-year without a row uses the defaults (<see cref="StagePlan.Default"/>, <see cref="ScoringForm.ReportQuality"/>,
/// <see cref="RatingWeights.Default"/>, <see cref="LotteryRules.Default"/>).
/// </summary>
public sealed class EngagementSetting : IRegionOwned
{
    private EngagementSetting() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    /// <summary>Stage names, one a line.</summary>
    public string Stages { get; private set; } = "";
    /// <summary>The report-quality checklist (<see cref="ScoringForm.Write"/>).</summary>
    public string ReportForm { get; private set; } = "";
    public decimal QualityWeight { get; private set; }
    public decimal TimelinessWeight { get; private set; }
    public int MaxOpenEngagements { get; private set; }
    public decimal MinRating { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public IReadOnlyList<string> StagePlan => Engagements.StagePlan.Parse(Stages);
    public ScoringForm ReportQuality => ScoringForm.Parse(ReportForm, "报告质量考核表");
    public RatingWeights RatingWeights => new(QualityWeight, TimelinessWeight);
    public LotteryRules LotteryRules => new(MaxOpenEngagements, MinRating);

    public static EngagementSetting Create(string regionCode, int fiscalYear) => new() { RegionCode = regionCode, FiscalYear = fiscalYear };

    /// <summary>Keeps the rules after checking each (refused with the fix otherwise).</summary>
    public void Set(string? stages, string? reportForm, RatingWeights weights, LotteryRules rules, DateTime nowUtc)
    {
        var plan = Engagements.StagePlan.Parse(stages);
        var form = ScoringForm.Parse(reportForm, "报告质量考核表");
        weights.Checked();
        if (rules.MaxOpenEngagements is < 1 or > 50)
            throw new DomainException($"同时在办委托上限应为 1–50 个（现为 {rules.MaxOpenEngagements}）。", "在办上限");
        if (rules.MinRating is < 0 or > 100)
            throw new DomainException($"入选所需的上年评级分应为 0–100 分（现为 {Scores.Format(rules.MinRating)}）。", "最低评级");
        (Stages, ReportForm) = (string.Join("\n", plan), form.Write());
        (QualityWeight, TimelinessWeight, MaxOpenEngagements, MinRating) = (weights.Quality, weights.Timeliness, rules.MaxOpenEngagements, rules.MinRating);
        UpdatedAtUtc = nowUtc;
    }
}
