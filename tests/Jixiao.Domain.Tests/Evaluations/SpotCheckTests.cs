using Jixiao.Domain.Evaluations;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>抽查复核 (DOMAIN.md §4.4): a reproducible draw by amount range, ratio, count and must-include list; the re-review formula and 失真.</summary>
public sealed class SpotCheckTests
{
    /// <summary>100 self-evaluations, number i with an amount of i × 10 万元.</summary>
    private static readonly IReadOnlyList<SampleCandidate> Hundred =
        [.. Enumerable.Range(1, 100).Select(i => new SampleCandidate(i, i * 100_000m))];

    private static long[] Ids(SampleDraw draw) => [.. draw.Items.Select(i => i.EvaluationId)];

    [Fact]
    public void Draw_RecordedSeed_GivesThisSampleOnEveryMachineAndVersion()
    {
        // Pinned: if this changes, old draws can no longer be repeated — bump SpotCheck.Algorithm instead.
        var draw = SpotCheck.Draw(Hundred, new SampleRules(20270120, Ratio: 0.1m));
        Assert.Equal("SplitMix64/Fisher-Yates v1", draw.Algorithm);
        Assert.Equal([3L, 11, 19, 28, 43, 54, 55, 67, 68, 91], Ids(draw));
    }

    [Fact]
    public void Draw_CandidatesInAnotherOrder_SameSample()
    {
        var rules = new SampleRules(7, Ratio: 0.2m, MustInclude: [50]);
        Assert.Equal(Ids(SpotCheck.Draw(Hundred, rules)), Ids(SpotCheck.Draw(Hundred.Reverse().ToList(), rules)));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(20270120, 20270121)]
    [InlineData(0, -1)]
    public void Draw_DifferentSeeds_DifferentSamples(int seed, int other) =>
        Assert.NotEqual(Ids(SpotCheck.Draw(Hundred, new SampleRules(seed, Ratio: 0.1m))), Ids(SpotCheck.Draw(Hundred, new SampleRules(other, Ratio: 0.1m))));

    [Fact]
    public void Draw_MustIncludeList_IsAlwaysDrawnWhateverTheSeedOrAmount()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            // 3 lies below the amount range and is drawn all the same
            var draw = SpotCheck.Draw(Hundred, new SampleRules(seed, MinAmount: 1_000_000m, Ratio: 0.05m, MustInclude: [77, 3, 77]));
            Assert.Equal([(3L, true), (77L, true)], draw.Items.Take(2).Select(i => (i.EvaluationId, i.MustInclude)));
            Assert.Equal(5, draw.Items.Count); // ⌈5% × 91⌉ = 5, the two must-include among them
            Assert.Single(draw.Items, i => i.EvaluationId == 77);
            Assert.All(draw.Items.Skip(2), i => Assert.False(i.MustInclude));
        }
    }

    [Theory]
    [InlineData(0.1, null, 100, 10)]
    [InlineData(0.15, null, 100, 15)]
    [InlineData(0.101, null, 100, 11)]   // rounded up: at least the ratio
    [InlineData(1.0, null, 100, 100)]
    [InlineData(0.2, 30, 100, 30)]       // ratio and count: the larger
    [InlineData(0.5, 30, 100, 50)]
    [InlineData(null, 12, 100, 12)]
    [InlineData(0.15, null, 7, 2)]       // ⌈1.05⌉
    [InlineData(null, 12, 7, 7)]         // no more than there are
    public void Draw_RatioAndCount_SampleSizeRespected(double? ratio, int? count, int candidates, int size)
    {
        var draw = SpotCheck.Draw(Hundred.Take(candidates).ToList(), new SampleRules(42, Ratio: (decimal?)ratio, Count: count));
        Assert.Equal(size, draw.Items.Count);
        Assert.Equal(candidates, draw.EligibleCount);
        Assert.Equal(size, draw.Items.Select(i => i.EvaluationId).Distinct().Count());
    }

    [Theory]
    [InlineData(2_000_000.0, 5_000_000.0, 31)]    // 20 … 50, both bounds included
    [InlineData(2_000_000.0, null, 81)]
    [InlineData(null, 500_000.0, 5)]
    public void Draw_AmountRange_OnlyCandidatesInsideItAreDrawnAtRandom(double? min, double? max, int eligible)
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var draw = SpotCheck.Draw(Hundred, new SampleRules(seed, (decimal?)min, (decimal?)max, Ratio: 0.5m));
            Assert.Equal(eligible, draw.EligibleCount);
            Assert.All(draw.Items, i => Assert.InRange(i.Amount, (decimal?)min ?? 0m, (decimal?)max ?? decimal.MaxValue));
        }
    }

    [Fact]
    public void Draw_EveryCandidate_IsEquallyLikely()
    {
        var counts = new int[4];
        var four = Hundred.Take(4).ToList();
        for (var seed = 0; seed < 8000; seed++)
            counts[SpotCheck.Draw(four, new SampleRules(seed, Count: 1)).Items[0].EvaluationId - 1]++;
        Assert.All(counts, c => Assert.InRange(c, 1800, 2200));
    }

    [Fact]
    public void Draw_Explanation_SaysRulesSizeAndSeed()
    {
        var draw = SpotCheck.Draw(Hundred, new SampleRules(20270120, 2_000_000m, 5_000_000m, 0.2m, 5, [3]));
        Assert.Equal("金额在 200.00–500.00 万元之间的自评 31 个；按比例 20% 为 7 个、按数量为 5 个，取大者应抽 7 个；必抽 1 个，随机抽取 6 个（随机种子 20270120），共 7 个",
            draw.Explanation);
        Assert.Equal((20270120, 7), (draw.Seed, draw.Size));
    }

    [Fact]
    public void Draw_TooFewToDraw_SaysSo()
    {
        var draw = SpotCheck.Draw(Hundred.Take(3).ToList(), new SampleRules(1, Count: 5));
        Assert.Equal(3, draw.Items.Count);
        Assert.EndsWith("按数量为 5 个，应抽 5 个；必抽 0 个，随机抽取 3 个（随机种子 1）；可抽的自评不足，实际 3 个", draw.Explanation);
    }

    public static TheoryData<SampleRules, string> RefusedRules => new()
    {
        { new SampleRules(1), "请至少设定抽查比例、抽查数量或必抽清单中的一项。" },
        { new SampleRules(1, Ratio: 0m), "抽查比例应大于 0 且不超过 100%，当前为 0%。" },
        { new SampleRules(1, Ratio: 1.2m), "抽查比例应大于 0 且不超过 100%，当前为 120%。" },
        { new SampleRules(1, Count: 0), "抽查数量应至少为 1，当前为 0。" },
        { new SampleRules(1, 5_000_000m, 2_000_000m, Count: 3), "金额下限 500.00 万元高于上限 200.00 万元。" },
        { new SampleRules(1, -1m, Count: 3), "金额下限不能为负数。" },
        { new SampleRules(1, Count: 3, MustInclude: [5, 101, 102]), "必抽清单中有 2 个自评（编号 101、102）不在本次可抽查的自评中：请检查年度和区划。" },
    };

    [Theory, MemberData(nameof(RefusedRules))]
    public void Draw_BrokenRules_AreRefusedWithTheFix(SampleRules rules, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => SpotCheck.Draw(Hundred, rules)).Message);

    [Fact]
    public void Draw_SameCandidateTwice_IsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => SpotCheck.Draw([new(1, 1m), new(1, 2m)], new SampleRules(1, Count: 1)));

    [Theory]
    [InlineData(92, 85, 70, 76, 16, true, "复核得分 = 0.4 × 自评质量分 85 + 0.6 × 复核指标分 70 = 76 分（中）；自评 92 分，相差 16 分，超过 15 分：自评失真")]
    [InlineData(91, 85, 70, 76, 15, false, "自评 91 分，相差 15 分，未超过 15 分：不属于失真")]   // exactly the gap is not 失真
    [InlineData(91.01, 85, 70, 76, 15.01, true, "相差 15.01 分，超过 15 分：自评失真")]
    [InlineData(60, 85, 70, 76, 16, true, "自评 60 分，相差 16 分")]                          // either direction
    [InlineData(80, 85.55, 70.03, 76.24, 3.76, false, "0.4 × 自评质量分 85.55 + 0.6 × 复核指标分 70.03 ≈ 76.24 分")]
    [InlineData(95, 100, 90, 94, 1, false, "= 94 分（优）")]
    public void ReReview_DefaultFormula_ScoreGapAndDistortion(decimal self, decimal quality, decimal indicator, decimal score, decimal gap, bool distorted, string sentence)
    {
        var result = SpotCheck.ReReview(self, quality, indicator, EvaluationWeights.Defaults);
        Assert.Equal((score, gap, distorted), (result.Score, result.Gap, result.Distorted));
        Assert.Contains(sentence, result.Explanation);
    }

    [Fact]
    public void ReReview_ConfiguredFormulaAndGap_AreUsed()
    {
        var result = SpotCheck.ReReview(90m, 80m, 60m, new EvaluationWeights(QualityWeight: 0.5m, IndicatorWeight: 0.5m, DistortionGap: 25m));
        Assert.Equal((70m, 20m, false, Grade.Fair), (result.Score, result.Gap, result.Distorted, result.Grade));
    }

    [Theory]
    [InlineData(101, 80, 80, "自评得分 101 应在 0–100 分之间。")]
    [InlineData(90, -1, 80, "自评质量分 -1 应在 0–100 分之间。")]
    [InlineData(90, 80, 80.001, "复核指标分 80.001 超过两位小数，请保留两位小数。")]
    public void ReReview_ScoresOutOfRange_AreRefused(decimal self, decimal quality, decimal indicator, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => SpotCheck.ReReview(self, quality, indicator, EvaluationWeights.Defaults)).Message);
}
