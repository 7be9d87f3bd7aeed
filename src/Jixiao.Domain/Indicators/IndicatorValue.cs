using System.Diagnostics.CodeAnalysis;

namespace Jixiao.Domain.Indicators;

/// <summary>
/// A 三级 indicator's target value, read from what was written.
/// <list type="bullet">
/// <item><see cref="ValueKind.Number"/> / <see cref="ValueKind.Percent"/>: <see cref="Number"/>.</item>
/// <item><see cref="ValueKind.NumberRange"/>: <see cref="Number"/> to <see cref="UpperNumber"/>, both included.</item>
/// <item><see cref="ValueKind.Date"/>: the period written, <see cref="Date"/> (first day) to <see cref="EndDate"/>
/// (last day); a whole date has both equal, "2023年12月" is 2023-12-01 to 2023-12-31. So "≤2023年12月" is met by
/// any day up to <see cref="EndDate"/>, "≥2024年1月" from <see cref="Date"/>, "＝2023年12月" by any day in the period.</item>
/// <item><see cref="ValueKind.DateRange"/>: first day of the start to last day of the end.</item>
/// <item><see cref="ValueKind.Text"/>: <see cref="Comparison"/> is <see cref="Comparison.Qualitative"/> and
/// <see cref="Text"/> holds the standard.</item>
/// </list>
/// Ranges are compared "within" and carry <see cref="Comparison.Equal"/>. <see cref="Unit"/> is as written
/// (万元 stays 万元, nothing is converted), "" when there is none and always "" for dates.
/// <see cref="Normalized"/> is the canonical display ("≥735 人次", "≥95%", "≤2023-12-31", "2023-07 至 2024-01");
/// parsing it again gives the same value.
/// </summary>
public sealed record IndicatorValue(
    Comparison Comparison,
    ValueKind Kind,
    decimal? Number,
    decimal? UpperNumber,
    DateOnly? Date,
    DateOnly? EndDate,
    string Unit,
    string? Text,
    string Normalized);

/// <summary>
/// The outcome of <see cref="IndicatorValueParser.Parse"/>: a value with notes on every reading that was not
/// literal (a default comparison, a unit taken from the name, "1" read as 100% …), or a Chinese reason that
/// names the value and says how to fix it.
/// </summary>
public sealed class ParseResult
{
    private ParseResult(IndicatorValue? value, string? error, IReadOnlyList<string> notes, bool comparisonWritten)
    {
        Value = value;
        Error = error;
        Notes = notes;
        ComparisonWritten = comparisonWritten;
    }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Value is not null;

    public IndicatorValue? Value { get; }

    public string? Error { get; }

    /// <summary>Chinese notes to show next to a value that parsed; empty when it was read literally.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Whether the value itself wrote its comparison (≥95%, 95%以上, 2024年12月前): false when it came from the
    /// 指标性质, the name or a default. A target "100%" of a 控制率 is read as reverse only when this is false.</summary>
    public bool ComparisonWritten { get; }

    public static ParseResult Parsed(IndicatorValue value, IReadOnlyList<string> notes, bool comparisonWritten = false) =>
        new(value, null, notes, comparisonWritten);

    public static ParseResult Failed(string error) => new(null, error, [], false);

    /// <summary>The value, or a <see cref="DomainException"/> carrying the reason (for a form field).</summary>
    public IndicatorValue ValueOrThrow(string? field = null) =>
        Success ? Value : throw new DomainException(Error, field);
}

/// <summary>One part of a cell holding several values (<see cref="IndicatorValueParser.Parts"/>): as written, its qualifier
/// ("每次" in "每次≥50人", or "") and how it reads.</summary>
public sealed record ValuePart(string Written, string Qualifier, ParseResult Result);
