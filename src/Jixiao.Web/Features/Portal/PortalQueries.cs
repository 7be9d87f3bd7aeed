using Jixiao.Domain.Disclosure;
using Jixiao.Web.Features.Disclosure;

namespace Jixiao.Web.Features.Portal;

public sealed record PortalRegion(string Code, string Name, IReadOnlyList<int> Years);

public sealed record PortalBatch(long Id, string RegionCode, string RegionName, int FiscalYear, PublicationKind Kind, string Title, int Items, DateOnly PublishedOn);

public sealed record PortalDepartment(string Code, string Name, int Items);

/// <summary>A published item as lists show it (its latest public version).</summary>
public sealed record PortalItem(long Id, PublicationKind Kind, int Version, string Code, string Title, string Department, string Unit, string Category,
    decimal Amount, string Summary, DateOnly PublishedOn);

/// <param name="Department">主管部门编码</param>
/// <param name="Category">项目类别（人员类、运转类、特定目标类）</param>
public sealed record PortalQuery(string? Q = null, string? Department = null, PublicationKind? Kind = null, string? Category = null, int? Page = null);

public sealed record PortalRegionYear(string RegionCode, string RegionName, int Year, IReadOnlyList<PortalBatch> Batches, IReadOnlyList<PortalDepartment> Departments,
    IReadOnlyList<string> Categories, IReadOnlyList<PortalItem> Items, int Total, int Page, int PageSize);

/// <summary>One published version with its content, the other versions of the same item (earlier ones stay readable) and its batch.</summary>
public sealed record PortalItemView(long Id, string RegionCode, string RegionName, int FiscalYear, PublicationKind Kind, int Version, string Code, string Title,
    string Department, string Unit, string Category, decimal Amount, string Summary, DateOnly PublishedOn, PortalBatch Batch, PublicContent Content,
    IReadOnlyList<PortalItem> Versions);

/// <summary>
/// What the public portal reads: the published snapshots and their batches, and the names of the regions — nothing else. It reads through
/// the system context (a visitor has no scope), so it is by construction that no form, opinion, finding or file of the back office can
/// reach a portal page or download: none of them is ever read here.
/// </summary>
public static class PortalQueries
{
    public const int PageSize = 50;

    public static async Task<IReadOnlyList<PortalRegion>> RegionsAsync(SystemDbContext db, CancellationToken ct)
    {
        var years = await db.PublicationBatches.AsNoTracking().Select(b => new { b.RegionCode, b.FiscalYear }).Distinct().ToListAsync(ct);
        var codes = years.Select(y => y.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return [.. years.GroupBy(y => y.RegionCode).OrderBy(g => g.Key)
            .Select(g => new PortalRegion(g.Key, names.GetValueOrDefault(g.Key, g.Key), [.. g.Select(y => y.FiscalYear).OrderDescending()]))];
    }

    /// <summary>The latest public version of every item (an adjusted target's new version replaces the earlier one in lists).</summary>
    private static IQueryable<PublishedItem> Current(SystemDbContext db) =>
        db.PublishedItems.AsNoTracking().Where(i => !db.PublishedItems.Any(j =>
            j.RegionCode == i.RegionCode && j.FiscalYear == i.FiscalYear && j.Kind == i.Kind && j.SourceKey == i.SourceKey && j.Version > i.Version));

    public static async Task<PortalRegionYear?> RegionYearAsync(SystemDbContext db, string region, int year, PortalQuery q, CancellationToken ct)
    {
        var name = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => r.Name).FirstOrDefaultAsync(ct);
        var batches = await BatchesAsync(db, db.PublicationBatches.Where(b => b.RegionCode == region && b.FiscalYear == year), ct);
        if (name is null || batches.Count == 0) return null;
        var current = Current(db).Where(i => i.RegionCode == region && i.FiscalYear == year);
        var departments = await current.GroupBy(i => new { i.DepartmentCode, i.Department }).Select(g => new { g.Key.DepartmentCode, g.Key.Department, Count = g.Count() })
            .OrderBy(d => d.DepartmentCode).ToListAsync(ct);
        var categories = await current.Where(i => i.Category != "").Select(i => i.Category).Distinct().OrderBy(c => c).ToListAsync(ct);
        if (q.Kind is { } kind) current = current.Where(i => i.Kind == kind);
        if (!string.IsNullOrWhiteSpace(q.Department)) current = current.Where(i => i.DepartmentCode == q.Department);
        if (!string.IsNullOrWhiteSpace(q.Category)) current = current.Where(i => i.Category == q.Category);
        foreach (var word in (q.Q ?? "").Split(' ', '　').Where(w => w.Length > 0).Take(5))
            current = current.Where(i => i.Code.Contains(word) || i.Title.Contains(word) || i.Department.Contains(word) || i.Unit.Contains(word));
        var total = await current.CountAsync(ct);
        var page = Math.Clamp(q.Page ?? 1, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await Items(current.OrderBy(i => i.Kind).ThenBy(i => i.DepartmentCode).ThenBy(i => i.Code).Skip((page - 1) * PageSize).Take(PageSize))
            .ToListAsync(ct);
        return new PortalRegionYear(region, name, year, batches, [.. departments.Select(d => new PortalDepartment(d.DepartmentCode, d.Department, d.Count))],
            categories, items, total, page, PageSize);
    }

    public static async Task<PortalItemView?> ItemAsync(SystemDbContext db, long id, CancellationToken ct)
    {
        var item = await db.PublishedItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return null;
        var batch = (await BatchesAsync(db, db.PublicationBatches.Where(b => b.Id == item.BatchId), ct)).Single();
        var versions = await Items(db.PublishedItems.AsNoTracking().Where(i => i.RegionCode == item.RegionCode && i.FiscalYear == item.FiscalYear
            && i.Kind == item.Kind && i.SourceKey == item.SourceKey).OrderByDescending(i => i.Version)).ToListAsync(ct);
        return new PortalItemView(item.Id, item.RegionCode, batch.RegionName, item.FiscalYear, item.Kind, item.Version, item.Code, item.Title, item.Department,
            item.Unit, item.Category, item.Amount, item.Summary, item.PublishedOn, batch, PublicContent.FromJson(item.Content), versions);
    }

    public static async Task<PortalBatch?> BatchAsync(SystemDbContext db, long id, CancellationToken ct) =>
        (await BatchesAsync(db, db.PublicationBatches.Where(b => b.Id == id), ct)).SingleOrDefault();

    /// <summary>A batch's items as it published them, in department and code order.</summary>
    public static Task<List<PublishedItem>> BatchItemsAsync(SystemDbContext db, long batchId, CancellationToken ct) =>
        db.PublishedItems.AsNoTracking().Where(i => i.BatchId == batchId).OrderBy(i => i.DepartmentCode).ThenBy(i => i.Code).ToListAsync(ct);

    private static IQueryable<PortalItem> Items(IQueryable<PublishedItem> items) =>
        items.Select(i => new PortalItem(i.Id, i.Kind, i.Version, i.Code, i.Title, i.Department, i.Unit, i.Category, i.Amount, i.Summary, i.PublishedOn));

    private static async Task<List<PortalBatch>> BatchesAsync(SystemDbContext db, IQueryable<PublicationBatch> batches, CancellationToken ct)
    {
        var list = await batches.AsNoTracking().OrderByDescending(b => b.PublishedOn).ThenByDescending(b => b.Id).ToListAsync(ct);
        var codes = list.Select(b => b.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return [.. list.Select(b => new PortalBatch(b.Id, b.RegionCode, names.GetValueOrDefault(b.RegionCode, b.RegionCode), b.FiscalYear, b.Kind, b.Title, b.Items,
            b.PublishedOn))];
    }
}
