using Jixiao.Domain.Indicators;

namespace Jixiao.Domain.Targets;

public enum ChangeKind
{
    [Label("新增")]
    Added = 1,
    [Label("删除")]
    Removed = 2,
    [Label("修改")]
    Changed = 3,
}

/// <summary>One difference between two versions: a goal, or an indicator (by 二级指标 and name).</summary>
public sealed record TargetChange(ChangeKind Kind, string What, string? Before, string? After);

/// <summary>What changed from one version of targets to the next.</summary>
public static class TargetDiff
{
    public static IReadOnlyList<TargetChange> Compare(PerformanceTarget older, PerformanceTarget newer)
    {
        var changes = new List<TargetChange>();
        if (older.OverallGoal != newer.OverallGoal)
            changes.Add(new(ChangeKind.Changed, "总体目标", older.OverallGoal, newer.OverallGoal));
        if (older.AnnualGoal != newer.AnnualGoal)
            changes.Add(new(ChangeKind.Changed, "年度目标", older.AnnualGoal, newer.AnnualGoal));
        var before = older.Indicators.ToDictionary(i => (i.Level2, i.Name));
        var after = newer.Indicators.ToDictionary(i => (i.Level2, i.Name));
        foreach (var (key, row) in before.Where(b => !after.ContainsKey(b.Key)))
            changes.Add(new(ChangeKind.Removed, $"{key.Level2} / {key.Name}", Describe(row), null));
        foreach (var (key, row) in after)
        {
            if (!before.TryGetValue(key, out var old))
                changes.Add(new(ChangeKind.Added, $"{key.Level2} / {key.Name}", null, Describe(row)));
            else if (Describe(old) != Describe(row))
                changes.Add(new(ChangeKind.Changed, $"{key.Level2} / {key.Name}", Describe(old), Describe(row)));
        }
        return changes;
    }

    private static string Describe(TargetIndicator i) =>
        $"{i.TargetValue}（{i.Display(null)}）"
        + $"；{i.Basis.Label()}{(i.Weight is { } w ? $"；权重 {w:0.##}" : "")}{(i.ScoringStandard.Length > 0 ? "；评分：" + i.ScoringStandard : "")}"
        + (i.Direction is { } d ? $"；方向：{d.Label()}" : "");
}
