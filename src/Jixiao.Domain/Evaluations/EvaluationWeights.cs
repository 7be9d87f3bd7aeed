using System.Collections.Concurrent;
using System.Globalization;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// The self-evaluation settings of a region and year ([local], DOMAIN.md §4.4 defaults).
/// <list type="bullet">
/// <item>分值: 预算执行率 <see cref="Execution"/> and one per 一级指标 — <see cref="Output"/>, <see cref="Benefit"/>,
/// <see cref="Satisfaction"/>, and <see cref="Cost"/> only where the region-year's frame makes 成本指标 a 一级指标
/// (0 by default) — adding up to <see cref="Total"/> (100 unless configured otherwise).</item>
/// <item><see cref="OverAchievementPercent"/>: completion at or above it (default 130%) needs a reason.</item>
/// <item><see cref="ReferenceGap"/>: a unit's total further than this from the reference total is flagged (default 5 分).</item>
/// <item><see cref="ReverseVocabulary"/>: the name endings that make a bare target a 反向指标 (控制率, 投诉率 …), as written in
/// the settings; blank is <see cref="ReverseIndicators.NationalDefault"/>.</item>
/// <item><see cref="DistortionGap"/>: a spot-checked self-evaluation whose self score differs from the re-review
/// score by more than this is 失真 (default 15 分).</item>
/// <item>复核得分 = <see cref="QualityWeight"/> × 自评质量分 + <see cref="IndicatorWeight"/> × 复核指标分 (default 0.4 / 0.6).</item>
/// </list>
/// </summary>
public sealed record EvaluationWeights(
    decimal Execution = 10m, decimal Output = 50m, decimal Benefit = 30m, decimal Satisfaction = 10m, decimal Cost = 0m,
    decimal Total = 100m,
    decimal OverAchievementPercent = 130m,
    decimal ReferenceGap = 5m,
    decimal DistortionGap = 15m,
    decimal QualityWeight = 0.4m, decimal IndicatorWeight = 0.6m,
    string ReverseVocabulary = "")
{
    public static EvaluationWeights Defaults { get; } = new();

    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Vocabularies = new();

    /// <summary>The reverse-indicator vocabulary read from <see cref="ReverseVocabulary"/> (read once per distinct text).</summary>
    public IReadOnlyList<string> ReverseWords => Vocabularies.GetOrAdd(ReverseVocabulary, ReverseIndicators.Read);

    /// <summary>指标分值合计: what the indicator rows share (<see cref="Total"/> − <see cref="Execution"/>).</summary>
    public decimal IndicatorPoints => Total - Execution;

    /// <summary>The 分值 of a 一级指标, or null when these settings have none for it (a custom frame's own 一级指标).</summary>
    public decimal? Level1(string level1) => level1 switch
    {
        IndicatorFrame.Output => Output,
        IndicatorFrame.Benefit => Benefit,
        IndicatorFrame.Satisfaction => Satisfaction,
        IndicatorFrame.Cost => Cost,
        _ => null,
    };

    /// <summary>Refuses settings that cannot score a form, with the fix.</summary>
    public EvaluationWeights Validated()
    {
        (string Name, decimal Value)[] parts =
            [("预算执行率", Execution), (IndicatorFrame.Output, Output), (IndicatorFrame.Benefit, Benefit), (IndicatorFrame.Satisfaction, Satisfaction), (IndicatorFrame.Cost, Cost)];
        foreach (var (name, value) in parts.Append(("总分", Total)))
        {
            if (value < 0)
                throw new DomainException($"{name}分值不能为负数，当前为 {N(value)}。", "分值");
            if (decimal.Round(value, 2) != value)
                throw new DomainException($"{name}分值 {N(value)} 超过两位小数。", "分值");
        }
        if (Total <= 0)
            throw new DomainException("总分应大于 0（全国默认 100）。", "分值");
        var sum = parts.Sum(p => p.Value);
        if (sum != Total)
            throw new DomainException(
                $"{string.Join(" + ", parts.Select(p => $"{p.Name} {N(p.Value)}"))} = {N(sum)}，应等于总分 {N(Total)}：请调整分值。", "分值");
        if (OverAchievementPercent <= 100m)
            throw new DomainException($"超额完成提示线应大于 100%，当前为 {N(OverAchievementPercent)}%（默认 130%）。", "超额完成提示线");
        if (ReferenceGap <= 0 || ReferenceGap > Total)
            throw new DomainException($"自评分与参考分的提示差距应在 0–{N(Total)} 分之间（不含 0），当前为 {N(ReferenceGap)}。", "参考分差距");
        if (DistortionGap <= 0 || DistortionGap > Total)
            throw new DomainException($"失真判定差距应在 0–{N(Total)} 分之间（不含 0），当前为 {N(DistortionGap)}。", "失真差距");
        ReverseIndicators.Read(ReverseVocabulary); // refuses an over-long word with its fix
        if (QualityWeight < 0 || IndicatorWeight < 0 || QualityWeight + IndicatorWeight != 1m)
            throw new DomainException(
                $"复核得分 = 自评质量分权重 {N(QualityWeight)} + 复核指标分权重 {N(IndicatorWeight)}，两者不能为负且合计应为 1（默认 0.4 和 0.6）。", "复核权重");
        return this;
    }

    private static string N(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
