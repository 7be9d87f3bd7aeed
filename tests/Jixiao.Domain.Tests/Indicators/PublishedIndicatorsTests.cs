using System.Text;
using Jixiao.Domain.Indicators;

namespace Jixiao.Domain.Tests.Indicators;

/// <summary>The parser against 332 real indicators as published (src/Jixiao.Web/Data/Reference/published-indicators.csv).</summary>
public sealed class PublishedIndicatorsTests
{
    // What the parser reads today; a change that lowers either is a regression. The 37 rows it refuses are
    // 20 empty or "—", 5 "(blank)" placeholders, 5 OCR remarks, 1 truncated, 3 with two values in one cell,
    // "1 per village × 7", "各1次" and "1-6期培训结束后及时考核".
    private const int QuantitativeFloor = 251;
    private const int ParsedOrQualitativeFloor = 295;

    private static readonly IReadOnlyList<PublishedIndicator> Rows = PublishedIndicators.Load();

    private static ParseResult Parse(PublishedIndicator row) =>
        IndicatorValueParser.Parse(row.Value, row.Unit, row.Name, year: row.Year);

    private static IEnumerable<(PublishedIndicator Row, ParseResult Result)> Parsed() =>
        Rows.Select(row => (row, Parse(row))).Where(r => r.Item2.Success);

    [Fact]
    public void Load_PublishedIndicators_Has332Rows()
    {
        Assert.Equal(332, Rows.Count);
    }

    [Fact]
    public void Parse_EveryPublishedValue_ParsesOrGivesChineseReasonNamingIt()
    {
        var results = Rows.Select(row => (Row: row, Result: Parse(row))).ToList();
        var quantitative = results.Count(r => r.Result.Success && r.Result.Value.Comparison != Comparison.Qualitative);
        var qualitative = results.Count(r => r.Result.Success && r.Result.Value.Comparison == Comparison.Qualitative);
        var failed = results.Where(r => !r.Result.Success).ToList();

        var report = new StringBuilder()
            .AppendLine($"{Rows.Count} rows: {quantitative} quantitative, {qualitative} qualitative, {failed.Count} failed "
                + $"({(quantitative + qualitative) * 100.0 / Rows.Count:0.0}% parsed or qualitative)")
            .AppendLine()
            .AppendLine("Failed:");
        foreach (var (row, result) in failed)
            report.AppendLine($"  line {row.Line} [{row.Value}] unit [{row.Unit}] name [{row.Name}]: {result.Error}");
        report.AppendLine().AppendLine("Parsed:");
        foreach (var (row, result) in results.Where(r => r.Result.Success))
            report.AppendLine($"  line {row.Line} [{row.Value}] unit [{row.Unit}] → {result.Value!.Kind} {result.Value.Normalized}  {string.Join(" ", result.Notes)}");
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());

        foreach (var (row, result) in failed)
        {
            Chinese.AssertMessage(result.Error!);
            var quoted = string.IsNullOrWhiteSpace(row.Value) ? $"“{Shown(row.Name)}”" : $"“{Shown(row.Value)}”";
            Assert.True(result.Error!.Contains(quoted, StringComparison.Ordinal), $"line {row.Line}: the reason does not quote {quoted}: {result.Error}");
        }
        Assert.True(quantitative >= QuantitativeFloor,
            $"{quantitative} rows read as numbers, dates or ranges, fewer than the {QuantitativeFloor} before:\n{report}");
        Assert.True(quantitative + qualitative >= ParsedOrQualitativeFloor,
            $"{quantitative + qualitative} rows parsed, fewer than the {ParsedOrQualitativeFloor} parsed before:\n{report}");
    }

    [Fact]
    public void Parse_EveryParsedPublishedValue_NormalizedReadsBackTheSame()
    {
        foreach (var (row, first) in Parsed())
        {
            var again = IndicatorValueParser.Parse(first.Value!.Normalized, first.Value.Unit, comparison: first.Value.Comparison);

            Assert.True(again.Success, $"line {row.Line}: “{first.Value.Normalized}” does not parse again: {again.Error}");
            Assert.Equal(first.Value, again.Value);
            Assert.All(again.Notes, note => Assert.Contains(note, first.Notes));
        }
    }

    [Fact]
    public void Parse_EveryParsedPublishedValue_HasConsistentShape()
    {
        foreach (var (row, result) in Parsed())
        {
            var v = result.Value!;
            switch (v.Kind)
            {
                case ValueKind.Number or ValueKind.Percent:
                    Assert.NotNull(v.Number);
                    Assert.Null(v.UpperNumber);
                    Assert.Null(v.Date);
                    Assert.Equal(v.Kind == ValueKind.Percent, v.Unit == "%");
                    break;
                case ValueKind.NumberRange:
                    Assert.True(v.Number <= v.UpperNumber, $"line {row.Line}");
                    Assert.Equal(Comparison.Equal, v.Comparison);
                    break;
                case ValueKind.Date or ValueKind.DateRange:
                    Assert.True(v.Date <= v.EndDate, $"line {row.Line}");
                    Assert.Equal("", v.Unit);
                    Assert.Null(v.Number);
                    break;
                case ValueKind.Text:
                    Assert.Equal(Comparison.Qualitative, v.Comparison);
                    Assert.False(string.IsNullOrWhiteSpace(v.Text), $"line {row.Line}");
                    break;
            }
            Assert.Equal(v.Kind == ValueKind.Text, v.Comparison == Comparison.Qualitative);
        }
    }

    /// <summary>How messages quote a cell: whitespace collapsed, at most 40 characters.</summary>
    private static string Shown(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= 40 ? collapsed : collapsed[..40] + "…";
    }
}
