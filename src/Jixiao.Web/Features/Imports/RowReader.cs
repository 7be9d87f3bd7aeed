using Jixiao.Domain.Interchange;

namespace Jixiao.Web.Features.Imports;

/// <summary>
/// Reads typed values from one data row, recording a precise finding for every cell that is wrong. A formula in any
/// column the layout reads is an error from the start: its cached value is not what the office meant to import, and a
/// formula must never travel on into the database and an export.
/// </summary>
public sealed class RowReader
{
    private readonly SheetRow row;
    private readonly HeaderMap header;
    private readonly ImportIssues issues;

    public RowReader(SheetRow row, HeaderMap header, ImportIssues issues)
    {
        (this.row, this.header, this.issues) = (row, header, issues);
        foreach (var (key, column) in header.Columns.OrderBy(c => c.Value))
            if (row.FormulaAt(column) is { } formula)
            {
                Failed = true;
                issues.Error(row.Number, header.Title(key), "=" + formula, $"第 {row.Number} 行“{header.Title(key)}”是公式，请粘贴为数值后再导入。");
            }
    }

    public int Number => row.Number;
    public bool Failed { get; private set; }

    public string Raw(string key) => header.Cell(row, key);

    public void Error(string key, string message)
    {
        Failed = true;
        issues.Error(row.Number, header.Title(key), Raw(key), message);
    }

    public void Warning(string key, string message) => issues.Warning(row.Number, header.Title(key), Raw(key), message);

    /// <summary>Free text (a name, a reason) as written, Chinese punctuation kept (the reader gives cells <see cref="CellText.Clean"/>ed).</summary>
    public string Text(string key, bool required, int maxLength) => Checked(key, Raw(key), required, maxLength);

    /// <summary>A code, document number or unit: full-width characters made half-width (<see cref="CellText.Normalize"/>).</summary>
    public string Code(string key, bool required, int maxLength) => Checked(key, CellText.Normalize(Raw(key)), required, maxLength);

    private string Checked(string key, string text, bool required, int maxLength)
    {
        if (required && text.Length == 0) Error(key, $"“{header.Title(key)}”不能为空。");
        else if (text.Length > maxLength) Error(key, $"“{header.Title(key)}”超过 {maxLength} 个字符。");
        return text;
    }

    public decimal Amount(string key)
    {
        if (!CellText.TryParseAmount(Raw(key), header.Unit, out var yuan, out var error))
        {
            Error(key, error!);
            return 0;
        }
        if (yuan <= 0) Error(key, $"金额必须大于 0（方向由类型表示），当前为 {Raw(key)}。");
        return yuan;
    }

    /// <summary>An amount that may be left empty (0) but not negative, e.g. 申报金额.</summary>
    public decimal OptionalAmount(string key)
    {
        if (CellText.Normalize(Raw(key)).Trim().Length == 0) return 0;
        if (!CellText.TryParseAmount(Raw(key), header.Unit, out var yuan, out var error))
        {
            Error(key, error!);
            return 0;
        }
        if (yuan < 0) Error(key, $"“{header.Title(key)}”不能为负数，当前为 {Raw(key)}。");
        return yuan;
    }

    public DateOnly Date(string key)
    {
        if (CellText.TryParseDate(Raw(key), out var date, out var error)) return date;
        Error(key, error!);
        return default;
    }

    public int Year(string key)
    {
        if (CellText.TryParseYear(Raw(key), out var year, out var error)) return year;
        Error(key, error!);
        return 0;
    }

    /// <summary>A value from a closed list, matched by its Chinese label (or the code name).</summary>
    public T Choice<T>(string key, IReadOnlyDictionary<string, T> choices, T fallback, bool required = true)
    {
        var text = CellText.Normalize(Raw(key)).Replace(" ", "");
        if (text.Length == 0)
        {
            if (required) Error(key, $"“{header.Title(key)}”不能为空，可选：{string.Join("、", choices.Keys)}。");
            return fallback;
        }
        if (choices.TryGetValue(text, out var value)) return value;
        Error(key, $"“{text}”不是有效的{header.Title(key)}，可选：{string.Join("、", choices.Keys)}。");
        return fallback;
    }
}
