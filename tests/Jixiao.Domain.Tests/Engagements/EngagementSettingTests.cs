using Jixiao.Domain.Access;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Engagements;

/// <summary>第三方委托设置 of a region-year, and 报告质量考核 of a completed engagement's final report (DOMAIN.md §4.5).</summary>
public sealed class EngagementSettingTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);
    private const string Form = "格式规范 10\n内容完整 25\n证据充分 25\n结论客观 20\n建议可行 20";

    [Fact]
    public void Set_KeepsTheRulesAsWritten_AndTheyReadBackAsDomainRules()
    {
        var setting = EngagementSetting.Create("140423", 2027);
        setting.Set(" 方案 \n\n现场核查\n终稿", "格式 20\n内容　80", new RatingWeights(0.7m, 0.3m), new LotteryRules(2, 75m), Now);
        Assert.Equal(["方案", "现场核查", "终稿"], setting.StagePlan);
        Assert.Equal("格式 20\n内容 80", setting.ReportForm);
        Assert.Equal([new ScoringItem("格式", 20), new ScoringItem("内容", 80)], setting.ReportQuality.Items);
        Assert.Equal((new RatingWeights(0.7m, 0.3m), new LotteryRules(2, 75m), Now), (setting.RatingWeights, setting.LotteryRules, setting.UpdatedAtUtc));
    }

    public static TheoryData<string, string, decimal, decimal, int, decimal, string, string> Refused => new()
    {
        { "", Form, 0.8m, 0.2m, 3, 60m, "成果阶段", "成果阶段应有 1–10 个" },
        { "方案\n方案", Form, 0.8m, 0.2m, 3, 60m, "成果阶段", "阶段“方案”重复" },
        { "方案", "格式 10\n内容 80", 0.8m, 0.2m, 3, 60m, "报告质量考核表", "合计应为 100 分，现为 90 分" },
        { "方案", "格式十分", 0.8m, 0.2m, 3, 60m, "报告质量考核表", "第 1 行“格式十分”应写成“名称 分值”" },
        { "方案", Form, 0.7m, 0.2m, 3, 60m, "评级权重", "合计为 1" },
        { "方案", Form, 0.8m, 0.2m, 0, 60m, "在办上限", "应为 1–50 个（现为 0）" },
        { "方案", Form, 0.8m, 0.2m, 3, 101m, "最低评级", "应为 0–100 分（现为 101）" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void Set_RefusesWhatDoesNotHold_NamingTheFieldAndTheFix_AndKeepsNothing(string stages, string form, decimal quality, decimal timeliness, int maxOpen,
        decimal minRating, string field, string message)
    {
        var setting = EngagementSetting.Create("140423", 2027);
        var refused = Assert.ThrowsAny<DomainException>(() => setting.Set(stages, form, new RatingWeights(quality, timeliness), new LotteryRules(maxOpen, minRating), Now));
        Assert.Equal(field, refused.Field);
        Assert.Contains(message, refused.Message);
        Assert.Equal(("", 0, default(DateTime)), (setting.Stages, setting.MaxOpenEngagements, setting.UpdatedAtUtc));
    }

    private static Engagement Completed()
    {
        var engagement = EngagementTests.Drawn("方案", "终稿");
        var (agency, unit, finance) = (new ReviewActor(31, "agency", Role.Agency), new ReviewActor(12, "edu", Role.DepartmentReviewer),
            new ReviewActor(4, "perf", Role.PerformanceDivision));
        foreach (var stage in new[] { 1, 2 })
        {
            engagement.Submit(stage, files: 1, null, agency, Now);
            engagement.Confirm(stage, StageParty.Unit, unit, Now);
            engagement.Confirm(stage, StageParty.Finance, finance, Now);
        }
        return engagement;
    }

    private static readonly Dictionary<string, decimal> Given = new() { ["格式规范"] = 9, ["内容完整"] = 20, ["证据充分"] = 21.5m, ["结论客观"] = 16, ["建议可行"] = 14 };

    [Fact]
    public void ScoreReport_RefusedUntilTheFinalReportIsConfirmed()
    {
        var engagement = EngagementTests.Drawn();
        Assert.Contains("委托完成后才能考核报告质量",
            Assert.Throws<ConflictException>(() => engagement.ScoreReport(ScoringForm.ReportQuality, Given, null, "perf", Now)).Message);
        Assert.Null(engagement.ReportScore);
    }

    [Fact]
    public void ScoreReport_KeepsEveryItem_TheScoreAndHowItWasReached_OrNothingWhenOneItemIsWrong()
    {
        var engagement = Completed();
        var wrong = new Dictionary<string, decimal>(Given) { ["建议可行"] = 21 };
        Assert.Equal("建议可行", Assert.Throws<DomainException>(() => engagement.ScoreReport(ScoringForm.ReportQuality, wrong, null, "perf", Now)).Field);
        Assert.Equal((null, ""), (engagement.ReportScore, engagement.ReportScores));

        Assert.Equal(80.5m, engagement.ScoreReport(ScoringForm.ReportQuality, Given, null, "perf", Now));
        Assert.Equal("格式规范 9\n内容完整 20\n证据充分 21.5\n结论客观 16\n建议可行 14", engagement.ReportScores);
        Assert.Equal("财政评分 80.5 分（格式规范 9/10、内容完整 20/25、证据充分 21.5/25、结论客观 16/20、建议可行 14/20） = 80.5 分", engagement.ReportScoreExplanation);
        Assert.Equal(("perf", Now), (engagement.ReportScoredBy, engagement.ReportScoredAtUtc));

        Assert.Equal(85.25m, engagement.ScoreReport(ScoringForm.ReportQuality, Given, 90m, "perf", Now));
        Assert.EndsWith("与专家评审组结果 90 分的平均 = 85.25 分", engagement.ReportScoreExplanation);
    }
}
