namespace Jixiao.Domain.Rectifications;

/// <summary>What the tally needs of one item.</summary>
public sealed record RectificationFacts(RectificationSource Source, RectificationState State, DateOnly Deadline, DateOnly? HandedInOn, decimal Amount);

/// <summary>
/// One line of the rectification statistics (DOMAIN.md §5: open / done / overdue). <see cref="Raised"/> leaves out withdrawn items;
/// <see cref="Open"/> counts every item not yet done (the overdue among them), <see cref="Verifying"/> those with finance.
/// </summary>
/// <param name="Source">null: the total line</param>
public sealed record RectificationCount(RectificationSource? Source, int Raised, int Open, int Overdue, int Verifying, int Done, int OnTime,
    int Late, int Cancelled, decimal Amount)
{
    /// <summary>整改完成率: done of raised.</summary>
    public decimal? DoneShare => Percent.Share(Done, Raised);

    /// <summary>按期完成率: done on time of done.</summary>
    public decimal? OnTimeShare => Percent.Share(OnTime, Done);
}

public static class RectificationTally
{
    /// <summary>A line per source that has items (in the sources' order), then the total; overdue as of <paramref name="today"/>.</summary>
    public static IReadOnlyList<RectificationCount> Of(IEnumerable<RectificationFacts> items, DateOnly today)
    {
        var all = items.ToList();
        var lines = Enum.GetValues<RectificationSource>()
            .Select(source => Count(source, all.Where(i => i.Source == source).ToList(), today))
            .Where(line => line.Raised + line.Cancelled > 0)
            .ToList();
        lines.Add(Count(null, all, today));
        return lines;
    }

    private static RectificationCount Count(RectificationSource? source, List<RectificationFacts> items, DateOnly today)
    {
        var live = items.Where(i => i.State != RectificationState.Cancelled).ToList();
        var done = live.Where(i => i.State == RectificationState.Done).ToList();
        var onTime = done.Count(i => i.HandedInOn is { } d && d <= i.Deadline);
        return new RectificationCount(source, live.Count, live.Count - done.Count,
            live.Count(i => IsOverdue(i, today)), live.Count(i => i.State == RectificationState.Verifying), done.Count, onTime, done.Count - onTime,
            items.Count - live.Count, live.Sum(i => i.Amount));
    }

    /// <summary>The item's own rule (<see cref="Rectification.IsOverdue"/>) on its facts.</summary>
    public static bool IsOverdue(RectificationFacts item, DateOnly today) =>
        item.State is RectificationState.Pending or RectificationState.InProgress or RectificationState.Submitted && today > item.Deadline;
}
