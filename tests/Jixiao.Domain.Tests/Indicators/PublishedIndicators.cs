using System.Globalization;
using System.Text;
using Jixiao.Domain.Interchange;

namespace Jixiao.Domain.Tests.Indicators;

/// <summary>One row of shared/data/published-indicators.csv: a 三级 indicator as a local government printed it.</summary>
internal sealed record PublishedIndicator(int Line, string Sector, string Region, int? Year, string Level1, string Level2,
    string Name, string Value, string Unit);

internal static class PublishedIndicators
{
    private const string RelativePath = "shared/data/published-indicators.csv";

    /// <summary>
    /// The file lives beside the repository (&lt;repo&gt;/../shared), locally and in CI; found by walking up from the
    /// test assembly so that it does not depend on the working directory.
    /// </summary>
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException(
            $"{RelativePath} was not found in any directory above {AppContext.BaseDirectory}; it belongs beside the repository (<repo>/../shared).");
    }

    public static IReadOnlyList<PublishedIndicator> Load()
    {
        var records = Csv.Read(File.ReadAllText(Locate(), Encoding.UTF8));
        var header = records[0];
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new InvalidDataException($"no column {name}");
        int sector = Column("sector"), region = Column("region"), year = Column("year"), level1 = Column("level1"),
            level2 = Column("level2"), level3 = Column("level3"), value = Column("value_as_published"), unit = Column("unit");
        return [.. records.Skip(1).Select((r, i) => new PublishedIndicator(i + 2, r[sector], r[region],
            int.TryParse(r[year], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null,
            r[level1], r[level2], r[level3], r[value], r[unit]))];
    }
}
