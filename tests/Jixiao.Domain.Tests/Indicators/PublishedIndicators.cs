using System.Globalization;
using System.Text;
using Jixiao.Tests.Shared;

namespace Jixiao.Domain.Tests.Indicators;

/// <summary>One row of Data/Reference/published-indicators.csv: a 三级 indicator as a local government printed it.</summary>
internal sealed record PublishedIndicator(int Line, string Sector, string Region, int? Year, string Level1, string Level2,
    string Name, string Value, string Unit);

internal static class PublishedIndicators
{
    /// <summary>
    /// src/Jixiao.Web/Data/Reference/published-indicators.csv (the copy the indicator library is seeded from), linked
    /// into the test project and copied beside the test assembly, so the tests read nothing outside the repository.
    /// </summary>
    public static string Locate() => Path.Combine(AppContext.BaseDirectory, "Data", "published-indicators.csv");

    public static IReadOnlyList<PublishedIndicator> Load()
    {
        var records = CsvRecords.Read(File.ReadAllText(Locate(), Encoding.UTF8));
        var header = records[0];
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new InvalidDataException($"no column {name}");
        int sector = Column("sector"), region = Column("region"), year = Column("year"), level1 = Column("level1"),
            level2 = Column("level2"), level3 = Column("level3"), value = Column("value_as_published"), unit = Column("unit");
        return [.. records.Skip(1).Select((r, i) => new PublishedIndicator(i + 2, r[sector], r[region],
            int.TryParse(r[year], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null,
            r[level1], r[level2], r[level3], r[value], r[unit]))];
    }
}
