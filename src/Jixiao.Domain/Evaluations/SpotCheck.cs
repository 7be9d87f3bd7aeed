using Jixiao.Domain.Budget;

namespace Jixiao.Domain.Evaluations;

/// <summary>A self-evaluation finance may draw: its id and the amount the rules read (its 全年预算数).</summary>
public sealed record SampleCandidate(long EvaluationId, decimal Amount);

/// <summary>
/// The rules of a spot-check draw (抽查规则), recorded with the draw so it can be repeated.
/// <list type="bullet">
/// <item>Eligible: amount within [<paramref name="MinAmount"/>, <paramref name="MaxAmount"/>], both included, null = open.</item>
/// <item>Size: max(<paramref name="Count"/>, ⌈<paramref name="Ratio"/> × eligible⌉), capped at what can be drawn.</item>
/// <item><paramref name="MustInclude"/> (必抽清单) is always drawn, whatever its amount, and counts toward the size; the
/// rest is drawn at random from the other eligible self-evaluations.</item>
/// </list>
/// </summary>
/// <param name="Seed">the recorded seed: the same seed, rules and candidates give the same sample</param>
/// <param name="Ratio">a fraction, 0.2 for 20%</param>
public sealed record SampleRules(int Seed, decimal? MinAmount = null, decimal? MaxAmount = null, decimal? Ratio = null, int? Count = null,
    IReadOnlyList<long>? MustInclude = null);

public sealed record SampledItem(long EvaluationId, decimal Amount, bool MustInclude);

/// <summary>A draw: the must-include items, then the random ones, each group by id; with the sentence that explains it.</summary>
/// <param name="Algorithm">the generator and shuffle the draw used (<see cref="SpotCheck.Algorithm"/>)</param>
/// <param name="Size">how many the rules asked for (more than <see cref="Items"/> only when too few could be drawn)</param>
public sealed record SampleDraw(int Seed, string Algorithm, int EligibleCount, int Size, IReadOnlyList<SampledItem> Items, string Explanation);

/// <summary>The outcome of a re-review (复核) with the sentence that explains it.</summary>
public sealed record ReReviewResult(decimal Score, decimal Gap, bool Distorted, Grade Grade, string Explanation);

/// <summary>
/// 抽查复核 (DOMAIN.md §4.4): drawing a reproducible sample of self-evaluations, and combining a re-review.
/// <para>The draw relies on no library generator: candidates are ordered by id, then a Fisher–Yates shuffle driven by
/// SplitMix64 (Steele, Lea and Flood 2014) seeded with the recorded integer picks the random part, bounded by rejection
/// so every index is equally likely. The same seed, rules and candidates give the same sample on any machine and .NET
/// version; <see cref="Algorithm"/> is stored with the draw so a future change cannot silently alter an old one.</para>
/// </summary>
public static class SpotCheck
{
    public const string Algorithm = "SplitMix64/Fisher-Yates v1";

    public static SampleDraw Draw(IReadOnlyList<SampleCandidate> candidates, SampleRules rules)
    {
        Validate(rules);
        if (candidates.GroupBy(c => c.EvaluationId).Any(g => g.Count() > 1))
            throw new ArgumentException("A self-evaluation is among the candidates more than once.", nameof(candidates));
        var byId = candidates.ToDictionary(c => c.EvaluationId);
        var must = (rules.MustInclude ?? []).Distinct().Order().ToList();
        var missing = must.Where(id => !byId.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            throw new DomainException($"必抽清单中有 {missing.Count} 个自评（编号 {string.Join("、", missing)}）不在本次可抽查的自评中：请检查年度和区划。", "必抽清单");

        var eligible = candidates
            .Where(c => (rules.MinAmount is not { } min || c.Amount >= min) && (rules.MaxAmount is not { } max || c.Amount <= max))
            .OrderBy(c => c.EvaluationId)
            .ToList();
        var byRatio = rules.Ratio is { } ratio ? (int)Math.Ceiling(ratio * eligible.Count) : 0;
        var size = Math.Max(rules.Count ?? 0, byRatio);
        var pool = eligible.Where(c => !must.Contains(c.EvaluationId)).ToList();
        var drawn = Math.Clamp(size - must.Count, 0, pool.Count);
        var random = new SplitMix64(rules.Seed);
        for (var i = 0; i < drawn; i++)
        {
            var j = i + random.Below(pool.Count - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        var items = must.Select(id => new SampledItem(id, byId[id].Amount, true))
            .Concat(pool.Take(drawn).OrderBy(c => c.EvaluationId).Select(c => new SampledItem(c.EvaluationId, c.Amount, false)))
            .ToList();
        return new SampleDraw(rules.Seed, Algorithm, eligible.Count, size, items, Explain(rules, eligible.Count, byRatio, size, must.Count, drawn, items.Count));
    }

    /// <summary>
    /// 复核得分 = <see cref="EvaluationWeights.QualityWeight"/> × 自评质量分 + <see cref="EvaluationWeights.IndicatorWeight"/> × 复核指标分,
    /// rounded like every score (<see cref="ReferenceScoring.Round"/>); 失真 when |自评得分 − 复核得分| is more than
    /// <see cref="EvaluationWeights.DistortionGap"/> (a gap of exactly the threshold is not 失真).
    /// </summary>
    /// <param name="selfScore">the unit's own 总分</param>
    public static ReReviewResult ReReview(decimal selfScore, decimal qualityScore, decimal indicatorScore, EvaluationWeights weights)
    {
        weights.Validated();
        foreach (var (value, field) in new[] { (selfScore, "自评得分"), (qualityScore, "自评质量分"), (indicatorScore, "复核指标分") })
        {
            if (value < 0 || value > weights.Total)
                throw new DomainException($"{field} {S(value)} 应在 0–{S(weights.Total)} 分之间。", field);
            SelfEvaluation.Hundredths(value, field);
        }
        var exact = weights.QualityWeight * qualityScore + weights.IndicatorWeight * indicatorScore;
        var score = ReferenceScoring.Round(exact);
        var gap = Math.Abs(selfScore - score);
        var distorted = gap > weights.DistortionGap;
        var grade = ReferenceScoring.GradeOf(score, weights.Total);
        var verdict = distorted ? $"超过 {S(weights.DistortionGap)} 分：自评失真" : $"未超过 {S(weights.DistortionGap)} 分：不属于失真";
        return new ReReviewResult(score, gap, distorted, grade,
            $"复核得分 = {N(weights.QualityWeight)} × 自评质量分 {S(qualityScore)} + {N(weights.IndicatorWeight)} × 复核指标分 {S(indicatorScore)} "
            + $"{ReferenceScoring.Rounded(exact)} 分（{grade.Label()}）；自评 {S(selfScore)} 分，相差 {S(gap)} 分，{verdict}");
    }

    private static void Validate(SampleRules rules)
    {
        if (rules.Ratio is { } ratio && ratio is <= 0 or > 1)
            throw new DomainException($"抽查比例应大于 0 且不超过 100%，当前为 {N(ratio * 100m)}%。", "抽查比例");
        if (rules.Count is < 1)
            throw new DomainException($"抽查数量应至少为 1，当前为 {rules.Count}。", "抽查数量");
        if (rules.Ratio is null && rules.Count is null && (rules.MustInclude ?? []).Count == 0)
            throw new DomainException("请至少设定抽查比例、抽查数量或必抽清单中的一项。", "抽查规则");
        foreach (var (amount, field) in new[] { (rules.MinAmount, "金额下限"), (rules.MaxAmount, "金额上限") })
        {
            if (amount is not { } value) continue;
            Money.EnsureValid(value, field);
            if (value < 0) throw new DomainException($"{field}不能为负数。", field);
        }
        if (rules.MinAmount > rules.MaxAmount)
            throw new DomainException($"金额下限 {Money.FormatWan(rules.MinAmount!.Value)} 万元高于上限 {Money.FormatWan(rules.MaxAmount!.Value)} 万元。", "金额下限");
    }

    private static string Explain(SampleRules rules, int eligible, int byRatio, int size, int must, int drawn, int total)
    {
        var range = (rules.MinAmount, rules.MaxAmount) switch
        {
            ({ } min, { } max) => $"金额在 {Money.FormatWan(min)}–{Money.FormatWan(max)} 万元之间的",
            ({ } min, null) => $"金额不低于 {Money.FormatWan(min)} 万元的",
            (null, { } max) => $"金额不高于 {Money.FormatWan(max)} 万元的",
            _ => "",
        };
        var by = new List<string>();
        if (rules.Ratio is { } ratio) by.Add($"按比例 {N(ratio * 100m)}% 为 {byRatio} 个");
        if (rules.Count is { } count) by.Add($"按数量为 {count} 个");
        var sizing = by.Count switch
        {
            0 => "只抽必抽清单",
            1 => $"{by[0]}，应抽 {size} 个",
            _ => $"{string.Join("、", by)}，取大者应抽 {size} 个",
        };
        var shortfall = total < size ? $"；可抽的自评不足，实际 {total} 个" : $"，共 {total} 个";
        return $"{range}自评 {eligible} 个；{sizing}；必抽 {must} 个，随机抽取 {drawn} 个（随机种子 {rules.Seed}）{shortfall}";
    }

    private static string S(decimal score) => Scores.Format(score);

    private static string N(decimal value) => ReferenceScoring.N(value);

    /// <summary>SplitMix64: a 64-bit state advanced by the golden-ratio increment and mixed; <see cref="Below"/> rejects the biased tail.</summary>
    private sealed class SplitMix64(int seed)
    {
        private ulong state = unchecked((ulong)(long)seed);

        private ulong Next()
        {
            unchecked
            {
                state += 0x9E3779B97F4A7C15UL;
                var z = state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        /// <summary>Uniform in [0, <paramref name="bound"/>).</summary>
        public int Below(int bound)
        {
            var n = (ulong)bound;
            var limit = ulong.MaxValue - ulong.MaxValue % n;
            ulong value;
            do value = Next();
            while (value >= limit);
            return (int)(value % n);
        }
    }
}
