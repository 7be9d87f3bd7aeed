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

    /// <summary>The unit columns that are not units: values spilled into the column by the transcription, and a date label.</summary>
    private static readonly HashSet<string> NotUnits =
        ["TB / 100%覆盖", "—54周岁", ".1-12.31", "-6期培训结束后及时考核", "-2024.01", "次 (OCR; possibly ≥280次)", "/ 0.00%", "per village × 7", "年月", "年"];

    [Fact]
    public void Units_EveryPublishedUnit_IsInTheUnitsVocabulary()
    {
        var columns = Rows.Select(r => r.Unit.Trim()).Where(u => u.Length > 0 && !NotUnits.Contains(u)).Distinct().ToList();
        var inValues = Parsed().Select(r => r.Result.Value!.Unit).Where(u => u.Length > 0).Distinct().ToList();

        Assert.True(columns.Count > 30, $"only {columns.Count} units");
        Assert.All(columns.Concat(inValues), unit => Assert.True(IndicatorUnits.IsUnit(unit), $"“{unit}” is not in the units vocabulary"));
        Assert.All(NotUnits.Where(u => u is not ("年" or "年月")), text => Assert.False(IndicatorUnits.IsUnit(text), $"“{text}” is taken for a unit"));
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

    /// <summary>
    /// docs/indicator-values.md is this report: what the parser makes of every published indicator, counted by reading,
    /// every refusal with its reason, every cell read in parts, every reading that is not literal with its notes. The test
    /// fails when the report in the repository is not what the parser says today; <c>JIXIAO_WRITE_DOCS=1</c> rewrites it.
    /// </summary>
    [Fact]
    public void Report_PublishedIndicators_IsWhatDocsIndicatorValuesSays()
    {
        var results = Rows.Select(row => (Row: row, Result: Parse(row))).ToList();
        var parts = results.Where(r => !r.Result.Success)
            .Select(r => (r.Row, Parts: IndicatorValueParser.Parts(r.Row.Value, r.Row.Unit, r.Row.Name, year: r.Row.Year)))
            .Where(r => r.Parts is { } p && p.All(x => x.Result.Success)).ToList();
        var refused = results.Where(r => !r.Result.Success && parts.All(p => p.Row != r.Row)).ToList();
        // A silent guess: a number read with a comparison nobody wrote (not in the value, the 指标性质 or the name) and no note.
        var silent = results.Where(r => r.Result is { Success: true, ComparisonWritten: false, Notes.Count: 0 }
            && r.Result.Value!.Kind is ValueKind.Number or ValueKind.Percent && r.Result.Value.Number != 0).ToList();
        Assert.Empty(silent);

        string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
        var md = new StringBuilder()
            .AppendLine("# 指标值读法报告 — the published indicators as the value parser reads them")
            .AppendLine()
            .AppendLine($"Produced by `PublishedIndicatorsTests.Report_PublishedIndicators_IsWhatDocsIndicatorValuesSays` over the {Rows.Count} "
                + "indicators of `src/Jixiao.Web/Data/Reference/published-indicators.csv` (the values as local governments published them, "
                + "with their unit column, name and year; no 指标性质). The test fails when this file is not what the parser says; "
                + "`JIXIAO_WRITE_DOCS=1 dotnet test tests/Jixiao.Domain.Tests --filter Report_PublishedIndicators` rewrites it.")
            .AppendLine()
            .AppendLine("## Counts by reading")
            .AppendLine()
            .AppendLine("| Reading | Indicators | of which with notes (not read literally) |")
            .AppendLine("|---|---:|---:|");
        foreach (var group in results.Where(r => r.Result.Success).GroupBy(r => r.Result.Value!.Kind).OrderBy(g => g.Key))
            md.AppendLine($"| {KindName(group.Key)} | {group.Count()} | {group.Count(r => r.Result.Notes.Count > 0)} |");
        md.AppendLine($"| several values in one cell, each part read (scored part by part) | {parts.Count} | {parts.Count} |")
            .AppendLine($"| refused, with the reason below | {refused.Count} | — |")
            .AppendLine($"| **all** | **{Rows.Count}** | |")
            .AppendLine()
            .AppendLine($"Silent guesses (a number whose comparison nobody wrote, read without a note): **{silent.Count}**.")
            .AppendLine()
            .AppendLine("## Refused, with the reason a user sees")
            .AppendLine()
            .AppendLine("A self-evaluation row whose target is refused gets no reference score and the finding “第 N 行年度指标值“…”无法识别：参考分未计算”, "
                + "never a silent 0; a “—” or blank target under a 一级指标 outside 产出 / 效益 / 满意度 / 成本 (决策, 过程, 管理 tables) is a criterion and scored as qualitative.")
            .AppendLine()
            .AppendLine("| Line | Indicator | Value | Unit column | Reason |")
            .AppendLine("|---:|---|---|---|---|");
        foreach (var (row, result) in refused)
            md.AppendLine($"| {row.Line} | {Cell(row.Name)} | {Cell(row.Value)} | {Cell(row.Unit)} | {Cell(result.Error!)}"
                + (Jixiao.Domain.Evaluations.ReferenceScoring.IsCriterion(row.Level1, row.Value) ? $"（{row.Level1}的评价要点：自评时按定性计分）" : "") + " |");
        md.AppendLine()
            .AppendLine("## Several values in one cell, read part by part")
            .AppendLine()
            .AppendLine("| Line | Indicator | Value | Parts |")
            .AppendLine("|---:|---|---|---|");
        foreach (var (row, cellParts) in parts)
            md.AppendLine($"| {row.Line} | {Cell(row.Name)} | {Cell(row.Value)} | {Cell(string.Join("；", cellParts!.Select(p => $"{p.Qualifier}{p.Result.Value!.Normalized}")))} |");
        md.AppendLine()
            .AppendLine("## Read with notes (every reading that is not literal says so)")
            .AppendLine()
            .AppendLine("| Line | Value | Unit column | Read as | Notes |")
            .AppendLine("|---:|---|---|---|---|");
        foreach (var (row, result) in results.Where(r => r.Result.Success && r.Result.Notes.Count > 0))
            md.AppendLine($"| {row.Line} | {Cell(row.Value)} | {Cell(row.Unit)} | {Cell(result.Value!.Normalized)} | {Cell(string.Join(" ", result.Notes))} |");

        var path = Path.Combine(RepositoryRoot(), "docs", "indicator-values.md");
        var report = md.ToString();
        if (Environment.GetEnvironmentVariable("JIXIAO_WRITE_DOCS") == "1")
            File.WriteAllText(path, report, new UTF8Encoding(false));
        Assert.True(File.Exists(path) && File.ReadAllText(path, Encoding.UTF8) == report,
            "docs/indicator-values.md is not what the parser reads today: run the test with JIXIAO_WRITE_DOCS=1 and commit the file.");
    }

    private static string KindName(ValueKind kind) => kind switch
    {
        ValueKind.Number => "number with unit",
        ValueKind.Percent => "percentage",
        ValueKind.Date => "date (deadline)",
        ValueKind.DateRange => "date range",
        ValueKind.NumberRange => "number range",
        _ => "qualitative text",
    };

    /// <summary>The directory of Jixiao.slnx above the test assembly (the tests run inside the repository).</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"Jixiao.slnx was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>How messages quote a cell: whitespace collapsed, at most 40 characters.</summary>
    private static string Shown(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= 40 ? collapsed : collapsed[..40] + "…";
    }
}
