using Microsoft.Extensions.Caching.Memory;

namespace Jixiao.Web.Features.Portal;

/// <summary>
/// Keeps the portal's region-year lists (the page the public and crawlers hit), filed under the region-year's latest batch id, which is read
/// on every request (one indexed read). Published snapshots never change and batches are only ever added, so an entry is right exactly while
/// no later batch exists; every node sees a new batch at once, nothing here is the truth (as the project list's cache, ADR 0007). Bounded
/// by the number of lists; entries not read for ten minutes go.
/// </summary>
public sealed class PortalCache : IDisposable
{
    private const long MaxLists = 20_000;

    private readonly MemoryCache _lists = new(new MemoryCacheOptions { SizeLimit = MaxLists });

    private sealed record Key(string Region, int Year, PortalQuery Query, long Batch);

    /// <summary>The region-year's list for the query, or null when the region-year has published nothing.</summary>
    public async Task<PortalRegionYear?> RegionYearAsync(SystemDbContext db, string region, int year, PortalQuery q, CancellationToken ct)
    {
        var latest = await db.PublicationBatches.AsNoTracking().Where(b => b.RegionCode == region && b.FiscalYear == year).MaxAsync(b => (long?)b.Id, ct);
        if (latest is not { } batch) return null;
        var key = new Key(region, year, q, batch);
        if (_lists.TryGetValue(key, out PortalRegionYear? kept)) return kept;
        var view = await PortalQueries.RegionYearAsync(db, region, year, q, ct);
        if (view is not null) _lists.Set(key, view, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return view;
    }

    public void Dispose() => _lists.Dispose();
}
