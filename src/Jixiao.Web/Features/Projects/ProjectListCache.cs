using Microsoft.Extensions.Caching.Memory;

namespace Jixiao.Web.Features.Projects;

/// <summary>
/// Keeps, per scope, filter, sort and as-of date, the project list's whole sorted id list with its count and
/// totals, filed under the region-years' <see cref="ProjectListVersion"/> counters read on every request. Paging
/// through a list then reads one counter row and the page's 50 rows instead of joining and sorting the county's
/// thousands of projects twice. Nothing here is the truth: an entry is only found while the counters it was
/// computed at are still the database's, so every instance sees a change at once (ADR 0007). Bounded by the ids
/// it holds; entries not read for ten minutes go.
/// </summary>
public sealed class ProjectListCache : IDisposable
{
    /// <summary>The most ids kept at once (8 bytes each, ~32 MB).</summary>
    private const long MaxIds = 4_000_000;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxIds });

    /// <summary>
    /// The sorted ids of a list with its totals, and whether the figures are the kept <see cref="ProjectTotals"/>
    /// (no ledger row after the as-of date) or summed as of the date.
    /// </summary>
    internal sealed record Sorted(IReadOnlyList<long> Ids, decimal Adjusted, decimal Executed, bool FromTotals);

    private sealed record Key(string Scope, ProjectFilter Filter, DateOnly AsOf, int Regions, long Versions);

    /// <summary>
    /// The list's sorted ids from the cache, or computed by <paramref name="sort"/> and kept. Lists of one project
    /// or one parent, and lists without a year, are not kept (they are small or rare): null.
    /// </summary>
    internal async Task<Sorted?> GetAsync(JixiaoDbContext db, ProjectFilter f, DateOnly asOf, Func<Task<Sorted>> sort, CancellationToken ct)
    {
        if (f.Year is not { } year || f.ProjectId is not null || f.ParentId is not null) return null;
        var versions = db.ProjectListVersions.AsNoTracking().Where(v => v.FiscalYear == year);
        if (!string.IsNullOrWhiteSpace(f.Region)) versions = versions.Where(v => v.RegionCode == f.Region);
        var counters = await versions.Select(v => v.Version).ToListAsync(ct);
        var key = new Key(ScopeFilters.KeyOf(db), f with { Page = 1, PageSize = 0 }, asOf, counters.Count, counters.Sum());
        if (_entries.TryGetValue(key, out Sorted? kept)) return kept;
        var sorted = await sort();
        _entries.Set(key, sorted, new MemoryCacheEntryOptions { Size = sorted.Ids.Count + 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return sorted;
    }

    public void Dispose() => _entries.Dispose();
}
