using Jixiao.Domain.Evaluations;
namespace Jixiao.Domain.Engagements;

public enum RatingGrade
{
    [Label("优秀")] Excellent = 1,
    [Label("良好")] Good = 2,
    [Label("合格")] Pass = 3,
    [Label("不合格")] Fail = 4,
}

/// <summary>A region-year's weights of the yearly rating (configuration): report quality and timeliness, summing to 1.</summary>
public sealed record RatingWeights(decimal Quality = 0.8m, decimal Timeliness = 0.2m)
{
    public static readonly RatingWeights Default = new();

    public RatingWeights Checked() => Quality < 0 || Timeliness < 0 || Quality + Timeliness != 1m
        ? throw new DomainException("评级权重：报告质量与按时完成的权重应为非负数，合计为 1（如 0.8 与 0.2）。", "评级权重")
        : this;
}

/// <summary>An agency's computed rating for a year with its reasoning (stored on the register as its yearly rating).</summary>
public sealed record RatingResult(decimal Score, RatingGrade Grade, string Explanation);

/// <summary>
/// 第三方机构年度评级: the mean quality score of its final reports scored in the year, and the share of its stages confirmed
/// by their due date, weighted (default 80 / 20). No scored report, no rating (the lottery then treats it as unrated).
/// </summary>
public static class AgencyRatings
{
    /// <param name="reportScores">the quality score (0–100) of each final report scored in the year</param>
    /// <param name="stagesDue">stages confirmed in the year</param>
    /// <param name="stagesOnTime">of those, confirmed by their due date</param>
    public static RatingResult? For(IReadOnlyList<decimal> reportScores, int stagesDue, int stagesOnTime, RatingWeights weights)
    {
        if (reportScores.Count == 0) return null;
        weights.Checked();
        var quality = decimal.Round(reportScores.Average(), 2, MidpointRounding.AwayFromZero);
        var timeliness = stagesDue == 0 ? 100m : decimal.Round(100m * stagesOnTime / stagesDue, 2, MidpointRounding.AwayFromZero);
        var score = decimal.Round(quality * weights.Quality + timeliness * weights.Timeliness, 2, MidpointRounding.AwayFromZero);
        var grade = score switch { >= 90 => RatingGrade.Excellent, >= 80 => RatingGrade.Good, >= 60 => RatingGrade.Pass, _ => RatingGrade.Fail };
        var explanation = $"报告质量 {Scores.Format(quality)} 分（{reportScores.Count} 份报告的平均分）× {Scores.Format(weights.Quality)} + "
            + $"按时完成 {Scores.Format(timeliness)} 分（{stagesOnTime}/{stagesDue} 个阶段按期确认）× {Scores.Format(weights.Timeliness)} = {Scores.Format(score)} 分，{grade.Label()}";
        return new RatingResult(score, grade, explanation);
    }
}

/// <summary>The stages of 分阶段成果报告制 a region-year uses (configuration), one name a line.</summary>
public static class StagePlan
{
    public static readonly IReadOnlyList<string> Default = ["评价方案", "现场核查", "报告初稿", "报告终稿"];

    public static IReadOnlyList<string> Parse(string? text)
    {
        var names = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length is < 1 or > 10) throw new DomainException("成果阶段应有 1–10 个，每行一个名称。", "成果阶段");
        if (names.FirstOrDefault(n => n.Length > 20) is { } tooLong) throw new DomainException($"阶段名称“{tooLong}”超过 20 个字。", "成果阶段");
        if (names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice) throw new DomainException($"阶段“{twice.Key}”重复。", "成果阶段");
        return names;
    }
}
