using Jixiao.Domain.Engagements;
using Jixiao.Domain.Panels;

namespace Jixiao.Domain.Tests.Panels;

/// <summary>专家抽取 by field with quotas and avoidance, reproducible from the seed, with replacements (DOMAIN.md §4.5).</summary>
public sealed class ExpertDrawTests
{
    private const string Seed = "20261204-0815";
    private static readonly IReadOnlyDictionary<long, string> Evaluated = new Dictionary<long, string> { [106] = "襄垣县教育局" };
    private static readonly IReadOnlySet<string> Persons = new HashSet<string> { "李校长" };

    private static ExpertCandidate Expert(long id, string[] fields, bool active = true, long? org = null, long[]? avoidOrgs = null, string[]? avoidPersons = null) =>
        new(id, $"专家{id}", active, fields.ToHashSet(), org, org is null ? "山西大学" : "县内单位", (avoidOrgs ?? []).ToHashSet(), (avoidPersons ?? []).ToHashSet());

    private static readonly ExpertCandidate[] Pool =
    [
        Expert(1, ["教育"]), Expert(2, ["教育"]), Expert(3, ["教育", "财务"]), Expert(4, ["教育"], org: 106),
        Expert(5, ["教育"], avoidOrgs: [106]), Expert(6, ["教育"], avoidPersons: ["李校长"]), Expert(7, ["教育"], active: false),
        Expert(8, ["财务"]), Expert(9, ["财务"]), Expert(10, ["教育"]),
    ];

    [Fact]
    public void Avoided_NamesEachReason()
    {
        var avoided = ExpertDraw.Avoided(Pool, Evaluated, Persons).ToDictionary(a => a.Expert.Id, a => a.Reasons);
        Assert.Equal([4L, 5, 6, 7], avoided.Keys);
        Assert.Equal(["与被评对象同单位（襄垣县教育局）"], avoided[4]);
        Assert.Equal(["申报回避单位“襄垣县教育局”"], avoided[5]);
        Assert.Equal(["申报回避人员“李校长”"], avoided[6]);
        Assert.Equal(["不在库（暂停或退出）"], avoided[7]);
    }

    [Fact]
    public void Draw_FillsEachQuotaFromItsFieldsOrder_NeverTheAvoided_NoExpertTwice()
    {
        var drawn = ExpertDraw.Draw(Seed, [new PanelQuota("教育", 2), new PanelQuota("财务", 1)], Pool, Evaluated, Persons);
        Assert.Equal(["教育", "教育", "财务"], drawn.Select(d => d.Field));
        Assert.All(drawn, d => Assert.DoesNotContain(d.Expert.Id, new long[] { 4, 5, 6, 7 }));
        Assert.Equal(3, drawn.Select(d => d.Expert.Id).Distinct().Count());
        var educationOrder = ExpertDraw.Order(Seed, "教育", Pool, ExpertDraw.Avoided(Pool, Evaluated, Persons)).Select(e => e.Id).ToList();
        Assert.Equal(educationOrder.Take(2), drawn.Take(2).Select(d => d.Expert.Id));
        // the same seed draws the same panel, whatever order the pool is read in
        Assert.Equal(drawn.Select(d => d.Expert.Id),
            ExpertDraw.Draw(Seed, [new PanelQuota("教育", 2), new PanelQuota("财务", 1)], [.. Pool.Reverse()], Evaluated, Persons).Select(d => d.Expert.Id));
    }

    [Fact]
    public void Draw_NotEnoughEligible_SaysHowManyAndWhy()
    {
        var error = Assert.Throws<ConflictException>(() => ExpertDraw.Draw(Seed, [new PanelQuota("财务", 4)], Pool, Evaluated, Persons));
        Assert.Contains("“财务”领域需要 4 名专家，符合条件的只有 3 名", error.Message);
    }

    [Fact]
    public void Replacement_IsTheNextOfTheFieldNotUsedYet()
    {
        var drawn = ExpertDraw.Draw(Seed, [new PanelQuota("教育", 3)], Pool, Evaluated, Persons);
        var used = drawn.Select(d => d.Expert.Id).ToList();
        var next = ExpertDraw.Replacement(Seed, "教育", Pool, Evaluated, Persons, used);
        var order = ExpertDraw.Order(Seed, "教育", Pool, ExpertDraw.Avoided(Pool, Evaluated, Persons)).Select(e => e.Id).ToList();
        Assert.Equal(order[3], next.Expert.Id);
        Assert.Equal(4, next.Rank);
        Assert.Contains("已没有可递补的专家", Assert.Throws<ConflictException>(() =>
            ExpertDraw.Replacement(Seed, "教育", Pool, Evaluated, Persons, order)).Message);
    }

    [Theory]
    [InlineData(new[] { "教育" }, new[] { 2 }, "3–15 人")]
    [InlineData(new[] { "教育", "教育" }, new[] { 2, 1 }, "重复")]
    [InlineData(new[] { "教育" }, new[] { 0 }, "至少 1 名")]
    public void Quotas_Checked(string[] fields, int[] counts, string message) =>
        Assert.Contains(message, Assert.Throws<DomainException>(() => ExpertDraw.CheckQuotas([.. fields.Zip(counts, (f, c) => new PanelQuota(f, c))])).Message);
}

/// <summary>A panel scores on its form; its result waits for every sitting expert and shows its arithmetic.</summary>
public sealed class PanelTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ScoringForm Form = ScoringForm.Parse("目标明确 40\n指标合理 40\n依据充分 20");
    private static readonly IReadOnlyDictionary<long, string> Evaluated = new Dictionary<long, string> { [106] = "襄垣县教育局" };

    private static ExpertCandidate Expert(long id, string field) =>
        new(id, $"专家{id}", true, new HashSet<string> { field }, null, "山西大学", new HashSet<long>(), new HashSet<string>());

    private static readonly ExpertCandidate[] Pool = [Expert(1, "教育"), Expert(2, "教育"), Expert(3, "教育"), Expert(4, "财务"), Expert(5, "财务")];

    private static readonly DateOnly Today = new(2026, 12, 4);

    private static Panel Drawn() => Panel.Draw("140423", 2026, PanelPurpose.TargetReview, "2027年教育项目目标评审", null,
        [EngagementSubject.Of(SubjectKind.Department, null, 106, "襄垣县教育局")], "20261204-0815", [new PanelQuota("教育", 2), new PanelQuota("财务", 1)],
        Form, dropExtremes: false, Today, Today.AddDays(10), Pool, Evaluated, new HashSet<string> { "王校长" }, "张绩效", Now);

    private static Dictionary<string, decimal> Given(decimal a, decimal b, decimal c) => new() { ["目标明确"] = a, ["指标合理"] = b, ["依据充分"] = c };

    [Fact]
    public void Score_ResultWhenEverySittingExpertScored()
    {
        var panel = Drawn();
        var ids = panel.Members.Select(m => m.ExpertId).ToList();
        panel.Score(ids[0], Given(36, 32, 18), "目标清晰", Now);
        panel.Score(ids[1], Given(30, 30, 15), null, Now);
        Assert.Null(panel.Result);
        panel.Score(ids[2], Given(38, 36, 19), null, Now);
        Assert.Equal(PanelState.Closed, panel.State);
        Assert.Equal(84.67m, panel.Result); // (86 + 75 + 93) ÷ 3
        Assert.Equal("3 人评分：(75 + 86 + 93) ÷ 3 = 84.67", panel.ResultExplanation); // totals listed from low to high
        Assert.Equal("目标明确 36\n指标合理 32\n依据充分 18", panel.Members[0].Scores);
    }

    [Fact]
    public void Replace_NextOfTheField_TheReplacedNeitherScoresNorCounts()
    {
        var panel = Drawn();
        var finance = panel.Members.Single(m => m.Field == "财务");
        var added = panel.Replace(finance.ExpertId, "本人出差，无法参加评审", Pool, Evaluated);
        Assert.Equal("财务", added.Field);
        Assert.NotEqual(finance.ExpertId, added.ExpertId);
        Assert.Equal("本人出差，无法参加评审", finance.ReplacedReason);
        Assert.Throws<ForbiddenException>(() => panel.Score(finance.ExpertId, Given(30, 30, 15), null, Now));
        Assert.Equal(3, panel.Members.Count(m => m.Sitting));
    }

    [Fact]
    public void Draw_KeepsWhatReplacementsAvoid_AndRefusesADueDateInThePast()
    {
        var panel = Drawn();
        Assert.Equal(new HashSet<string> { "王校长" }, panel.PersonSet);
        Assert.Equal(new HashSet<long> { 106 }, panel.EvaluatedOrgIds);
        Assert.False(panel.IsOverdue(Today.AddDays(10)));
        Assert.True(panel.IsOverdue(Today.AddDays(11)));
        Assert.Equal("截止日期", Assert.Throws<DomainException>(() => Panel.Draw("140423", 2026, PanelPurpose.TargetReview, "评审", null,
            [EngagementSubject.Of(SubjectKind.Department, null, 106, "襄垣县教育局")], "20261204-0815", [new PanelQuota("教育", 3)], Form, false,
            Today, Today.AddDays(-1), Pool, Evaluated, new HashSet<string>(), "张绩效", Now)).Field);
        Assert.Equal("评审对象", Assert.Throws<DomainException>(() => Panel.Draw("140423", 2026, PanelPurpose.TargetReview, "评审", null, [],
            "20261204-0815", [new PanelQuota("教育", 3)], Form, false, Today, Today, Pool, Evaluated, new HashSet<string>(), "张绩效", Now)).Field);
    }

    [Fact]
    public void Replace_NotASittingExpert_RefusedNamingTheExpert()
    {
        var panel = Drawn();
        Assert.Equal("专家", Assert.Throws<DomainException>(() => panel.Replace(99, "本人请假无法参加", Pool, Evaluated)).Field);
        var sitting = panel.Members[0];
        panel.Replace(sitting.ExpertId, "本人请假无法参加", Pool, Evaluated);
        Assert.Contains("不是评审组", Assert.Throws<DomainException>(() => panel.Replace(sitting.ExpertId, "再次更换该专家", Pool, Evaluated)).Message);
    }

    [Fact]
    public void Score_NotAMember_OrAfterTheResult_Refused()
    {
        var panel = Drawn();
        Assert.Contains("不是本评审组的专家", Assert.Throws<ForbiddenException>(() => panel.Score(99, Given(30, 30, 15), null, Now)).Message);
        foreach (var id in panel.Members.Select(m => m.ExpertId).ToList()) panel.Score(id, Given(30, 30, 15), null, Now);
        Assert.Contains("已出结果", Assert.Throws<ConflictException>(() => panel.Score(panel.Members[0].ExpertId, Given(30, 30, 15), null, Now)).Message);
    }
}
