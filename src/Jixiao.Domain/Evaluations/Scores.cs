using System.Globalization;

namespace Jixiao.Domain.Evaluations;

/// <summary>How a score or a weight is written everywhere (pages, sheets, reports, explanations): up to two decimals, no trailing zeros ("9.5", "10").</summary>
public static class Scores
{
    public static string Format(decimal score) => score.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A blank for a score not given.</summary>
    public static string Format(decimal? score) => score is { } s ? Format(s) : "";
}
