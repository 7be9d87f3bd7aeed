using Jixiao.Domain.Evaluations;
using System.Globalization;

namespace Jixiao.Domain.Engagements;

/// <summary>One line of a scoring form: what is scored and its points.</summary>
public sealed record ScoringItem(string Name, decimal Points);

/// <summary>
/// A form scored item by item (the report-quality checklist of 第三方评价报告质量考核办法, a panel's review form): a region-year
/// configures its items; a scorer gives each item between 0 and its points. Written one item a line as <c>名称 分值</c>.
/// </summary>
public sealed record ScoringForm(IReadOnlyList<ScoringItem> Items)
{
    /// <summary>The report-quality checklist when a region-year has not set its own (100 points).</summary>
    public static readonly ScoringForm ReportQuality = new([
        new("格式规范", 10), new("内容完整", 25), new("证据充分", 25), new("结论客观", 20), new("建议可行", 20),
    ]);

    public decimal Total => Items.Sum(i => i.Points);

    /// <summary>Reads and checks a form written one item a line (<c>内容完整 25</c>).</summary>
    public static ScoringForm Parse(string? text, string field = "评分表")
    {
        var items = new List<ScoringItem>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var cut = lines[i].LastIndexOfAny([' ', '\t', '　']);
            if (cut <= 0 || !decimal.TryParse(lines[i][(cut + 1)..], NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
                throw new DomainException($"{field}第 {i + 1} 行“{lines[i]}”应写成“名称 分值”，如“内容完整 25”。", field);
            items.Add(new ScoringItem(lines[i][..cut].Trim(), points));
        }
        return Checked(items, field);
    }

    public static ScoringForm Checked(IReadOnlyList<ScoringItem> items, string field = "评分表")
    {
        if (items.Count is 0 or > 30) throw new DomainException($"{field}应有 1–30 个评分项。", field);
        foreach (var item in items)
        {
            if (item.Name.Length is 0 or > 40) throw new DomainException($"{field}的评分项名称应为 1–40 个字。", field);
            if (item.Points <= 0 || item.Points > 100 || decimal.Round(item.Points, 1) != item.Points)
                throw new DomainException($"{field}“{item.Name}”的分值应为 0–100 之间的数（最多一位小数）。", field);
        }
        if (items.GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException($"{field}的评分项“{twice.Key}”重复。", field);
        if (items.Sum(i => i.Points) != 100m)
            throw new DomainException($"{field}各项分值合计应为 100 分，现为 {Scores.Format(items.Sum(i => i.Points))} 分。", field);
        return new ScoringForm(items);
    }

    public string Write() => string.Join("\n", Items.Select(i => $"{i.Name} {Scores.Format(i.Points)}"));

    /// <summary>The points a scorer gave, item by item in the form's order, as they are kept (<c>名称 分值</c> lines).</summary>
    public string WritePoints(IReadOnlyDictionary<string, decimal> given) => string.Join("\n", Items.Select(i => $"{i.Name} {Scores.Format(given[i.Name])}"));

    /// <summary>Points kept by <see cref="WritePoints"/>, by item (a name may hold spaces: the points follow the last one).</summary>
    public static IReadOnlyDictionary<string, decimal> ReadPoints(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .ToDictionary(line => line[..line.LastIndexOf(' ')], line => decimal.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Number, CultureInfo.InvariantCulture));

    /// <summary>One scorer's total: every item scored, each between 0 and its points.</summary>
    public decimal Score(IReadOnlyDictionary<string, decimal> given)
    {
        foreach (var name in given.Keys.Where(k => Items.All(i => i.Name != k)))
            throw new DomainException($"评分表没有“{name}”这一项。", name);
        foreach (var item in Items)
        {
            if (!given.TryGetValue(item.Name, out var points)) throw new DomainException($"请为“{item.Name}”打分（0–{Scores.Format(item.Points)} 分）。", item.Name);
            if (points < 0 || points > item.Points || decimal.Round(points, 1) != points)
                throw new DomainException($"“{item.Name}”的得分 {Scores.Format(points)} 应在 0–{Scores.Format(item.Points)} 分之间（最多一位小数）。", item.Name);
        }
        return Items.Sum(i => given[i.Name]);
    }
}

/// <summary>
/// The result of several scorers (a panel, or finance with experts on a report): the mean of their totals, optionally without
/// the highest and the lowest total when at least five scored (评审惯例：去掉一个最高分和一个最低分). The explanation says which
/// totals were dropped, so the figure can be checked by hand.
/// </summary>
public static class ScoreMean
{
    public const int DropExtremesFrom = 5;

    public static (decimal Mean, string Explanation) Of(IReadOnlyList<decimal> totals, bool dropExtremes)
    {
        if (totals.Count == 0) throw new ConflictException("还没有人评分，不能计算结果。");
        var kept = totals.OrderBy(t => t).ToList();
        var note = $"{totals.Count} 人评分";
        if (dropExtremes && totals.Count >= DropExtremesFrom)
        {
            note += $"，去掉最高分 {Scores.Format(kept[^1])} 和最低分 {Scores.Format(kept[0])}";
            kept = kept[1..^1];
        }
        else if (dropExtremes)
            note += $"，不足 {DropExtremesFrom} 人，未去掉最高分和最低分";
        var mean = decimal.Round(kept.Average(), 2, MidpointRounding.AwayFromZero);
        return (mean, $"{note}：({string.Join(" + ", kept.Select(Scores.Format))}) ÷ {kept.Count} = {Scores.Format(mean)}");
    }
}
