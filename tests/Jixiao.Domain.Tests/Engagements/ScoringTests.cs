using Jixiao.Domain.Engagements;

namespace Jixiao.Domain.Tests.Engagements;

/// <summary>第三方评价报告质量考核: the checklist, the mean of several scorers, and the agency's yearly rating with its reasoning.</summary>
public sealed class ScoringTests
{
    private static Dictionary<string, decimal> Given(decimal format, decimal content, decimal evidence, decimal conclusion, decimal advice) => new()
    {
        ["格式规范"] = format, ["内容完整"] = content, ["证据充分"] = evidence, ["结论客观"] = conclusion, ["建议可行"] = advice,
    };

    [Fact]
    public void ReportQuality_Default_IsFiveItemsOf100Points_AndReadsBackFromItsText()
    {
        Assert.Equal(100m, ScoringForm.ReportQuality.Total);
        Assert.Equal(ScoringForm.ReportQuality.Items, ScoringForm.Parse(ScoringForm.ReportQuality.Write()).Items);
    }

    [Fact]
    public void Score_SumsTheItems() => Assert.Equal(86.5m, ScoringForm.ReportQuality.Score(Given(9, 22.5m, 20, 18, 17)));

    [Theory]
    [InlineData(11, 20, "格式规范")]   // above its 10 points
    [InlineData(-1, 20, "格式规范")]
    [InlineData(9, 20.25, "内容完整")] // more than one decimal
    public void Score_OutOfRange_NamesTheItem(decimal format, decimal content, string field) =>
        Assert.Equal(field, Assert.Throws<DomainException>(() => ScoringForm.ReportQuality.Score(Given(format, content, 20, 18, 17))).Field);

    [Fact]
    public void Score_MissingItem_AsksForIt()
    {
        var given = Given(9, 22, 20, 18, 17);
        given.Remove("证据充分");
        Assert.Contains("请为“证据充分”打分", Assert.Throws<DomainException>(() => ScoringForm.ReportQuality.Score(given)).Message);
    }

    [Theory]
    [InlineData("格式规范 10\n内容完整 25", "合计应为 100 分，现为 35 分")]
    [InlineData("格式规范 十分", "第 1 行")]
    [InlineData("格式规范 50\n格式规范 50", "重复")]
    [InlineData("", "1–30 个评分项")]
    public void Parse_BadForm_SaysWhatIsWrong(string text, string message) =>
        Assert.Contains(message, Assert.Throws<DomainException>(() => ScoringForm.Parse(text)).Message);

    public static TheoryData<decimal[], bool, decimal, string> Means => new()
    {
        { [80, 90], false, 85m, "2 人评分：(80 + 90) ÷ 2 = 85" },
        { [80, 90, 70], true, 80m, "3 人评分，不足 5 人，未去掉最高分和最低分：(70 + 80 + 90) ÷ 3 = 80" },
        { [60, 85, 88, 90, 99], true, 87.67m, "5 人评分，去掉最高分 99 和最低分 60：(85 + 88 + 90) ÷ 3 = 87.67" },
        { [60, 85, 88, 90, 99], false, 84.4m, "5 人评分：(60 + 85 + 88 + 90 + 99) ÷ 5 = 84.4" },
    };

    [Theory, MemberData(nameof(Means))]
    public void ScoreMean_ShowsWhatItDroppedAndTheArithmetic(decimal[] totals, bool drop, decimal mean, string explanation)
    {
        var result = ScoreMean.Of(totals, drop);
        Assert.Equal(mean, result.Mean);
        Assert.Equal(explanation, result.Explanation);
    }

    public static TheoryData<decimal[], int, int, decimal, RatingGrade> Ratings => new()
    {
        // quality 90 × 0.8 + timeliness 100 × 0.2
        { [88, 92], 8, 8, 92m, RatingGrade.Excellent },
        // 85 × 0.8 + 75 (6/8) × 0.2 = 68 + 15
        { [85], 8, 6, 83m, RatingGrade.Good },
        // 70 × 0.8 + 50 × 0.2 = 56 + 10
        { [70], 4, 2, 66m, RatingGrade.Pass },
        // 55 × 0.8 + 50 × 0.2 = 44 + 10
        { [50, 60], 2, 1, 54m, RatingGrade.Fail },
    };

    [Theory, MemberData(nameof(Ratings))]
    public void AgencyRating_WeighsQualityAndTimeliness(decimal[] reports, int due, int onTime, decimal score, RatingGrade grade)
    {
        var rating = AgencyRatings.For(reports, due, onTime, RatingWeights.Default)!;
        Assert.Equal(score, rating.Score);
        Assert.Equal(grade, rating.Grade);
        Assert.Contains($"= {Domain.Evaluations.Scores.Format(score)} 分，{grade.Label()}", rating.Explanation);
    }

    [Fact]
    public void AgencyRating_NoScoredReport_NoRating_BadWeights_Refused()
    {
        Assert.Null(AgencyRatings.For([], 3, 3, RatingWeights.Default));
        Assert.Equal("评级权重", Assert.Throws<DomainException>(() => AgencyRatings.For([80], 1, 1, new RatingWeights(0.7m, 0.2m))).Field);
    }

    [Fact]
    public void StagePlan_Default_AndBadPlansRefused()
    {
        Assert.Equal(["评价方案", "现场核查", "报告初稿", "报告终稿"], StagePlan.Default);
        Assert.Equal(["方案", "终稿"], StagePlan.Parse(" 方案 \n\n终稿"));
        Assert.Contains("重复", Assert.Throws<DomainException>(() => StagePlan.Parse("方案\n方案")).Message);
    }

    [Fact]
    public void PointsGiven_KeptAndReadBack_ItemByItem_ANameMayHoldSpaces()
    {
        var form = ScoringForm.Parse("Format and style 10\n内容完整 40\n证据充分 50");
        var given = new Dictionary<string, decimal> { ["内容完整"] = 36.5m, ["Format and style"] = 9, ["证据充分"] = 41 };
        var kept = form.WritePoints(given);
        Assert.Equal("Format and style 9\n内容完整 36.5\n证据充分 41", kept);   // in the form's order
        Assert.Equal(given.OrderBy(g => g.Key), ScoringForm.ReadPoints(kept).OrderBy(g => g.Key));
        Assert.Empty(ScoringForm.ReadPoints(""));
    }

    [Theory]
    [InlineData("education", "education")]
    [InlineData("教育", "education")]
    [InlineData("共性（通用）", "general")]
    [InlineData("财务", null)]
    public void Sector_ByCodeOrChineseName(string written, string? code) => Assert.Equal(code, Jixiao.Domain.Indicators.Sectors.CodeOf(written));
}
