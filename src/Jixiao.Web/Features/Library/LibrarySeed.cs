using Jixiao.Web.Features.Audit;
using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Interchange;
using Jixiao.Web.Features.Imports;

namespace Jixiao.Web.Features.Library;

/// <summary>
/// Fills an empty indicator library from the 332 published indicators shipped with the app
/// (Data/Reference/published-indicators.csv): one entry per sector, 二级指标 and name,
/// keeping the region and year it was published in, its value as an example and the comparison the value
/// parser reads from it (left open where it cannot).
/// </summary>
public static partial class LibrarySeed
{
    /// <summary>The seed as <see cref="SchemaMigrator"/> runs it.</summary>
    public sealed class Reference : IReferenceSeed
    {
        public string Name => "the indicator library (published indicators)";

        public Task<int> EnsureAsync(SystemDbContext db, DateTime nowUtc, CancellationToken cancellationToken) =>
            LibrarySeed.EnsureAsync(db, nowUtc, cancellationToken);
    }

    /// <summary>Seeds an empty library; a library seeded before has the examples of its published entries cleaned (issue 13).</summary>
    public static async Task<int> EnsureAsync(SystemDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.Library.AnyAsync(ct))
        {
            var published = await db.Library.Where(e => e.OriginProjectId == null && e.ProposedBy == "").ToListAsync(ct);
            foreach (var entry in published)
                entry.CleanExample(CleanExample(entry.ExampleValue), CleanUnit(entry.Unit));
            await db.SaveChangesAsync(ct);
            return 0;
        }
        var entries = Read(nowUtc);
        await db.InsertAuditedAsync(entries, ct);
        return entries.Count;
    }

    public static List<IndicatorLibraryEntry> Read(DateTime nowUtc)
    {
        var assembly = typeof(LibrarySeed).Assembly;
        using var stream = assembly.GetManifestResourceStream($"{assembly.GetName().Name}.Data.Reference.published-indicators.csv")
            ?? throw new InvalidOperationException("published-indicators.csv is not embedded.");
        using var content = new MemoryStream();
        stream.CopyTo(content);
        // The reader of uploaded tables: cells come trimmed, spaces tidied (CellText.Clean).
        var rows = SpreadsheetReader.Read(content.ToArray(), "published-indicators.csv", new UploadLimits());
        var header = rows[0].Cells.ToList();
        int Column(string name) => header.IndexOf(name) is >= 0 and var i ? i : throw new InvalidDataException($"published-indicators.csv 缺少列 {name}");
        int sector = Column("sector"), region = Column("region"), year = Column("year"), level1 = Column("level1"),
            level2 = Column("level2"), level3 = Column("level3"), value = Column("value_as_published"), unit = Column("unit");
        return rows.Skip(1)
            .Where(r => r[level3].Length > 0)
            .Select(r =>
            {
                var librarySector = Sectors.FromPublished(r[sector]);
                var y = int.TryParse(r[year], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
                var example = CleanExample(r[value]);
                var unitColumn = CleanUnit(r[unit]);
                var reading = IndicatorValueParser.Parse(example, unitColumn, r[level3], null, y == 0 ? null : y);
                return IndicatorLibraryEntry.Published(librarySector == Sectors.Common ? LibraryKind.Common : LibraryKind.Sector,
                    librarySector, r[level1], r[level2], r[level3], reading.Value?.Comparison,
                    example, (reading.Value?.Unit ?? unitColumn).Trim(), r[region], y, nowUtc);
            })
            .DistinctBy(e => (e.Sector, e.Level2, e.Name))
            .ToList();
    }

    /// <summary>
    /// A published value as users may see it as an example: the transcribers' notes of the source tables go. A value they
    /// marked uncertain ("2280次 (OCR; possibly ≥280次)", "> (truncated)", "(blank) 公里", "1 per village × 7") is dropped
    /// rather than guessed; a trailing "/" is cut ("部门整体 /"); "≥100百分比" is written "≥100%".
    /// </summary>
    public static string CleanExample(string written)
    {
        var text = CellText.Clean(written);
        if (Transcription().IsMatch(text) || LatinWords().Matches(text).Any(m => !IndicatorUnits.IsUnit(m.Value)))
            return "";
        text = PercentWord().Replace(text, "${n}%").Trim().TrimEnd('/', '／').Trim();
        return text;
    }

    /// <summary>A unit column that is not a unit of the vocabulary ("次 (OCR; possibly ≥280次)", "TB / 100%覆盖") is left blank.</summary>
    public static string CleanUnit(string written)
    {
        var unit = CellText.Clean(written);
        return unit.Length == 0 || IndicatorUnits.IsUnit(unit) ? unit : "";
    }

    [GeneratedRegex(@"OCR|truncated|unreadable|uncertain|possibly|probably|blank|\?\?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Transcription();

    [GeneratedRegex(@"[A-Za-z]{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex LatinWords();

    [GeneratedRegex(@"(?<n>[0-9](?:[0-9.]*))\s*百分[比率]", RegexOptions.CultureInvariant)]
    private static partial Regex PercentWord();
}
