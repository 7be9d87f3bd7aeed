namespace Jixiao.Domain.Interchange;

/// <summary>Text written into exported spreadsheets and CSV files.</summary>
public static class ExportText
{
    /// <summary>
    /// Text that a spreadsheet would read as a formula (it starts with = + - @, or a tab or carriage return that
    /// some read past) gets a leading apostrophe, so a value someone typed is shown, never run.
    /// </summary>
    public static string FormulaSafe(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>One CSV field (RFC 4180), formula-safe: quoted when it holds a comma, quote or line break.</summary>
    public static string CsvField(string? text)
    {
        var safe = FormulaSafe(text ?? "");
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }
}
