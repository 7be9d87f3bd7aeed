using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;

namespace Jixiao.Web.Features.Monitoring;

public sealed record LightCounts(int Red, int Yellow, int Green, int Blue);

public sealed record RoundSummary(long Id, string Title, int Year, int Month, DateOnly CutOff, DateOnly Deadline, RoundState State,
    DateTime OpenedAtUtc, int Issued, int Filled, LightCounts Lights)
{
    /// <summary>填报完成率 in percentage points, as the page shows it: handed in (submitted or further) ÷ issued.</summary>
    public decimal Rate => Percent.Points(Percent.Share(Filled, Issued)) ?? 0m;
}

/// <summary>The rounds of a year with their counts; the big reads are files of their own (RoundStatistics, TaskList, TaskView).</summary>
public static partial class MonitoringQueries
{
    public static async Task<IReadOnlyList<RoundSummary>> RoundsAsync(JixiaoDbContext db, int year, CancellationToken ct)
    {
        var rounds = await db.MonitoringRounds.AsNoTracking().Where(r => r.FiscalYear == year).OrderByDescending(r => r.Month)
            .ThenByDescending(r => r.Id).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var counts = await db.MonitoringTasks.Where(t => ids.Contains(t.RoundId)).GroupBy(t => t.RoundId)
            .Select(g => new
            {
                RoundId = g.Key,
                Issued = g.Count(),
                Filled = g.Count(t => ReviewChains.Monitoring.HandedIn.Contains(t.State)),
                Red = g.Count(t => t.Light == Light.Red),
                Yellow = g.Count(t => t.Light == Light.Yellow),
                Green = g.Count(t => t.Light == Light.Green),
                Blue = g.Count(t => t.Light == Light.Blue),
            })
            .ToDictionaryAsync(x => x.RoundId, ct);
        return rounds.Select(r => counts.TryGetValue(r.Id, out var c)
                ? Summary(r, c.Issued, c.Filled, new LightCounts(c.Red, c.Yellow, c.Green, c.Blue))
                : Summary(r, 0, 0, new LightCounts(0, 0, 0, 0)))
            .ToList();
    }

    private static RoundSummary Summary(MonitoringRound r, int issued, int filled, LightCounts lights) =>
        new(r.Id, r.Title, r.FiscalYear, r.Month, r.CutOff, r.Deadline, r.State, r.OpenedAtUtc, issued, filled, lights);
}
