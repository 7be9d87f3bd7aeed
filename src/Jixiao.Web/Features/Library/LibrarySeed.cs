using System.Globalization;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Interchange;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Library;

/// <summary>
/// Fills an empty indicator library from the 332 published indicators shipped with the app
/// (Data/Reference/published-indicators.csv): one entry per sector, 二级指标 and name,
/// keeping the region and year it was published in, its value as an example and the comparison the value
/// parser reads from it (left open where it cannot).
/// </summary>
public static class LibrarySeed
{
    public static async Task<int> EnsureAsync(SystemDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.Library.AnyAsync(ct)) return 0;
        var entries = Read(nowUtc);
        await db.InsertAuditedAsync(entries, ct);
        return entries.Count;
    }

    public static List<IndicatorLibraryEntry> Read(DateTime nowUtc)
    {
        var assembly = typeof(LibrarySeed).Assembly;
        using var stream = assembly.GetManifestResourceStream($"{assembly.GetName().Name}.Data.Reference.published-indicators.csv")
            ?? throw new InvalidOperationException("published-indicators.csv is not embedded.");
        using var reader = new StreamReader(stream);
        var records = Csv.Read(reader.ReadToEnd());
        var header = records[0];
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new InvalidDataException($"published-indicators.csv 缺少列 {name}");
        int sector = Column("sector"), region = Column("region"), year = Column("year"), level1 = Column("level1"),
            level2 = Column("level2"), level3 = Column("level3"), value = Column("value_as_published"), unit = Column("unit");
        return records.Skip(1)
            .Where(r => r.Length == header.Length && r[level3].Trim().Length > 0)
            .Select(r =>
            {
                var librarySector = Sectors.FromPublished(r[sector].Trim());
                var y = int.TryParse(r[year], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
                var reading = IndicatorValueParser.Parse(r[value], r[unit], r[level3], null, y == 0 ? null : y);
                return IndicatorLibraryEntry.Published(librarySector == Sectors.Common ? LibraryKind.Common : LibraryKind.Sector,
                    librarySector, r[level1].Trim(), r[level2].Trim(), r[level3].Trim(), reading.Value?.Comparison,
                    r[value].Trim(), (reading.Value?.Unit ?? r[unit]).Trim(), r[region].Trim(), y, nowUtc);
            })
            .DistinctBy(e => (e.Sector, e.Level2, e.Name))
            .ToList();
    }
}
