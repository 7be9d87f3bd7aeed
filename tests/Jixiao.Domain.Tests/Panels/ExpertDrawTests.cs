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
