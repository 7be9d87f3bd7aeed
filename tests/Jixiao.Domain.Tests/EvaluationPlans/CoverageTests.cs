using Jixiao.Domain.EvaluationPlans;

namespace Jixiao.Domain.Tests.EvaluationPlans;

/// <summary>部门评价覆盖 ([local] 30 %): the department evaluations' share of the target-managed amount.</summary>
public sealed class CoverageTests
{
    /// <summary>襄垣县教育局's target-managed projects: 600 万 + 400 万 + 200 万 = 1,200 万; 30 % is 360 万.</summary>
    private static readonly Dictionary<long, decimal> Managed = new() { [1] = 6_000_000m, [2] = 4_000_000m, [3] = 2_000_000m };

    public static TheoryData<long[], int, decimal, decimal, decimal, bool, string> Cases => new()
    {
        { [], 0, 0m, 0m, 3_600_000m, false, "覆盖 0.00 万元 ÷ 目标管理 1,200.00 万元 = 0.00%，要求 30.00%：还差 360.00 万元" },
        { [3], 1, 2_000_000m, 2_000_000m / 12_000_000m, 1_600_000m, false, "覆盖 200.00 万元 ÷ 目标管理 1,200.00 万元 = 16.67%，要求 30.00%：还差 160.00 万元" },
        // a project covered by two plans counts once; a project the department does not manage is ignored
        { [3, 3, 99], 1, 2_000_000m, 2_000_000m / 12_000_000m, 1_600_000m, false, "还差 160.00 万元" },
        { [2], 1, 4_000_000m, 4_000_000m / 12_000_000m, 0m, true, "覆盖 400.00 万元 ÷ 目标管理 1,200.00 万元 = 33.33%，要求 30.00%：已达到" },
        { [2, 3], 2, 6_000_000m, 0.5m, 0m, true, "= 50.00%，要求 30.00%：已达到" },
        { [1, 2, 3, 2], 3, 12_000_000m, 1m, 0m, true, "= 100.00%，要求 30.00%：已达到" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Coverage_CoveredOverManaged_ShortfallTo30Percent(long[] covered, int coveredProjects, decimal amount, decimal share, decimal shortfall,
        bool reached, string explanation)
    {
        var coverage = DepartmentCoverage.Of(106, "襄垣县教育局", Managed, covered, DepartmentCoverage.DefaultShare);
        Assert.Equal(3, coverage.Projects);
        Assert.Equal(12_000_000m, coverage.Managed);
        Assert.Equal(coveredProjects, coverage.CoveredProjects);
        Assert.Equal(amount, coverage.Covered);
        Assert.Equal(share, coverage.Share);
        Assert.Equal(shortfall, coverage.Shortfall);
        Assert.Equal(reached, coverage.Reached);
        Assert.Contains(explanation, coverage.Explanation);
    }

    [Fact]
    public void ExactlyTheRequiredShare_IsReached()
    {
        var coverage = DepartmentCoverage.Of(106, "襄垣县教育局", new Dictionary<long, decimal> { [1] = 3_600_000m, [2] = 8_400_000m }, [1], 0.3m);
        Assert.Equal(0m, coverage.Shortfall);
        Assert.True(coverage.Reached);

        var short1Fen = DepartmentCoverage.Of(106, "襄垣县教育局", new Dictionary<long, decimal> { [1] = 3_599_999.99m, [2] = 8_400_000.01m }, [1], 0.3m);
        Assert.Equal(0.01m, short1Fen.Shortfall);
        Assert.False(short1Fen.Reached);
    }

    [Fact]
    public void RequiredShareOfTheRegionYear_MovesTheShortfall()
    {
        var coverage = DepartmentCoverage.Of(106, "襄垣县教育局", Managed, [2], 0.5m);
        Assert.Equal(2_000_000m, coverage.Shortfall);
        Assert.Contains("要求 50.00%：还差 200.00 万元", coverage.Explanation);
        Assert.True(DepartmentCoverage.Of(106, "襄垣县教育局", Managed, [], 0m).Reached);
    }

    [Fact]
    public void ManagingNothing_IsReached_NoShare()
    {
        var coverage = DepartmentCoverage.Of(107, "襄垣县卫生健康局", new Dictionary<long, decimal>(), [5], 0.3m);
        Assert.True(coverage.Reached);
        Assert.Null(coverage.Share);
        Assert.Equal(0, coverage.CoveredProjects);
        Assert.Equal(0m, coverage.Shortfall);
        Assert.Equal("本年度没有纳入目标管理的项目", coverage.Explanation);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(30)] // a percentage where a fraction is meant
    public void RequiredShareOutside0To1_Refused(decimal required)
    {
        var error = Assert.Throws<DomainException>(() => DepartmentCoverage.Of(106, "襄垣县教育局", Managed, [1], required));
        Assert.Equal("覆盖比例", error.Field);
        Assert.Contains("部门评价覆盖比例应在 0–100% 之间", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void RequiredShareAtTheBounds_Accepted(decimal required) =>
        Assert.Equal(required, DepartmentCoverage.Of(106, "襄垣县教育局", Managed, [1], required).Required);
}
