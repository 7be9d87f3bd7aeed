using Jixiao.Domain.Engagements;

namespace Jixiao.Domain.Tests.Engagements;

/// <summary>抽签确定第三方机构 (DOMAIN.md §4.5): who may be drawn, and an order anyone can recompute from the seed.</summary>
public sealed class AgencyLotteryTests
{
    private const string Seed = "20261204-7351";
    private static readonly IReadOnlyDictionary<long, string> Evaluated = new Dictionary<long, string> { [106] = "襄垣县教育局", [10602] = "襄垣县第一中学" };
    private static readonly IReadOnlySet<EngagementScope> Evaluations = new HashSet<EngagementScope> { EngagementScope.KeyEvaluation, EngagementScope.DepartmentEvaluation };

    internal static AgencyCandidate Agency(long id, bool active = true, IReadOnlySet<EngagementScope>? qualified = null, long[]? conflicts = null,
        int open = 0, decimal? rating = 85m) =>
        new(id, $"机构{id}", active, qualified ?? Evaluations, (conflicts ?? []).ToHashSet(), open, rating);

    public static TheoryData<string, AgencyCandidate, string[]> Cases => new()
    {
        { "在库、有资质、无冲突", Agency(1), [] },
        { "暂停", Agency(2, active: false), ["不在库（暂停或黑名单）"] },
        { "无资质", Agency(3, qualified: new HashSet<EngagementScope> { EngagementScope.ExAnte }), ["无“财政重点评价”资质"] },
        { "审计过被评价单位", Agency(4, conflicts: [10602, 999]), ["与被评价单位“襄垣县第一中学”有利益冲突"] },
        { "与部门和单位都有冲突", Agency(5, conflicts: [10602, 106]), ["与被评价单位“襄垣县教育局”有利益冲突", "与被评价单位“襄垣县第一中学”有利益冲突"] },
        { "在办已满", Agency(6, open: 3), ["在办委托 3 项，已达上限 3 项"] },
        { "在办未满", Agency(7, open: 2), [] },
        { "上年评级低", Agency(8, rating: 59.5m), ["上年度评级得分 59.5 分，低于 60 分"] },
        { "评级恰为门槛", Agency(9, rating: 60m), [] },
        { "新机构无评级", Agency(10, rating: null), [] },
        { "多项不符", Agency(11, active: false, open: 5), ["不在库（暂停或黑名单）", "在办委托 5 项，已达上限 3 项"] },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Assess_NamesEveryReasonAnAgencyCannotBeDrawn(string _, AgencyCandidate agency, string[] reasons)
    {
        var assessed = AgencyLottery.Assess(EngagementScope.KeyEvaluation, Evaluated, [agency], LotteryRules.Default).Single();
        Assert.Equal(reasons, assessed.Exclusions);
        Assert.Equal(reasons.Length == 0, assessed.Eligible);
    }

    [Fact]
    public void Order_IsTheAscendingSha256OfSeedAndId_AsSha256sumComputesIt()
    {
        // printf '%s' '20261204-7351|N' | sha256sum for N = 1..5: e052…, f7a1…, 4e9b…, ae6c…, 7e7d…
        Assert.Equal("82e0e6b8b93a7bf09a84fd9c963f73c0995597340b45ba1af4adecd10d4ef791", Draws.Number(Seed, "12"));
        var assessed = AgencyLottery.Assess(EngagementScope.KeyEvaluation, Evaluated, [.. Enumerable.Range(1, 5).Select(i => Agency(i))], LotteryRules.Default);
        Assert.Equal([3L, 5, 4, 1, 2], AgencyLottery.Order(Seed, assessed).Select(a => a.Id));
    }

    [Fact]
    public void Order_SameSeed_SameResultWhateverTheListOrder_OtherSeed_OtherOrder()
    {
        var agencies = Enumerable.Range(1, 8).Select(i => Agency(i)).ToList();
        var first = AgencyLottery.Order(Seed, AgencyLottery.Assess(EngagementScope.KeyEvaluation, Evaluated, agencies, LotteryRules.Default));
        agencies.Reverse();
        var again = AgencyLottery.Order(Seed, AgencyLottery.Assess(EngagementScope.KeyEvaluation, Evaluated, agencies, LotteryRules.Default));
        var other = AgencyLottery.Order("20261204-7352", AgencyLottery.Assess(EngagementScope.KeyEvaluation, Evaluated, agencies, LotteryRules.Default));
        Assert.Equal(first.Select(a => a.Id), again.Select(a => a.Id));
        Assert.NotEqual(first.Select(a => a.Id), other.Select(a => a.Id));
    }

    [Fact]
    public void Order_ExcludedAgenciesNeverInIt_NoneEligible_RefusedWithWhatToDo()
    {
        var assessed = AgencyLottery.Assess(EngagementScope.KeyEvaluation, Evaluated, [Agency(1), Agency(2, active: false), Agency(4, conflicts: [106])], LotteryRules.Default);
        Assert.Equal([1L], AgencyLottery.Order(Seed, assessed).Select(a => a.Id));
        var none = AgencyLottery.Assess(EngagementScope.KeyEvaluation, Evaluated, [Agency(2, active: false)], LotteryRules.Default);
        Assert.Contains("没有符合条件的第三方机构", Assert.Throws<ConflictException>(() => AgencyLottery.Order(Seed, none)).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("2026|1")]
    public void Order_SeedNotWrittenDown_Refused(string seed)
    {
        var assessed = AgencyLottery.Assess(EngagementScope.KeyEvaluation, Evaluated, [Agency(1)], LotteryRules.Default);
        Assert.Equal("种子", Assert.Throws<DomainException>(() => AgencyLottery.Order(seed, assessed)).Field);
    }

    [Fact]
    public void NewSeed_IsTheDateAndFourDigits() => Assert.Equal("20261204-0042", Draws.NewSeed(new DateOnly(2026, 12, 4), 42));
}
