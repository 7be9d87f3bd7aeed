using System.Globalization;
using System.Text;
using ExcelDataReader;
using Jixiao.Domain;
using Jixiao.Domain.Interchange;

namespace Jixiao.Web.Features.Imports;

/// <summary>A sheet read into text cells. Row numbers are the spreadsheet's own (1-based), for messages.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : "";
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Reads the first sheet of an xlsx, xls or csv file into text as written, spaces tidied (<see cref="CellText.Clean"/>;
/// codes, numbers and dates are normalised where they are read). Merged cells take the value of
/// their top-left cell; numbers are written invariantly, date cells as yyyy-MM-dd; a CSV may be UTF-8
/// (with or without BOM) or GB18030 as Excel saves it on Chinese Windows.
/// </summary>
public static class SpreadsheetReader
{
    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<SheetRow> Read(byte[] content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            using var stream = new MemoryStream(extension == ".csv" ? ToUtf8(content) : content);
            using var reader = extension switch
            {
                ".xlsx" or ".xls" => ExcelReaderFactory.CreateReader(stream),
                ".csv" => ExcelReaderFactory.CreateCsvReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.UTF8 }),
                _ => throw new DomainException($"不支持的文件类型“{extension}”，请上传 .xlsx、.xls 或 .csv 文件。", "文件"),
            };
            var rows = new List<SheetRow>();
            var number = 0;
            while (reader.Read())
            {
                number++;
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++) cells[i] = Text(reader.GetValue(i));
                rows.Add(new SheetRow(number, cells));
            }
            FillMerged(rows, reader.MergeCells);
            return rows;
        }
        catch (Exception e) when (e is not DomainException)
        {
            throw new DomainException($"文件“{fileName}”无法读取（{e.Message}）。请确认它是未加密的 Excel 或 CSV 文件。", "文件");
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => ((decimal)n).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => CellText.Clean(value.ToString()),
    };

    private static void FillMerged(List<SheetRow> rows, CellRange[]? merged)
    {
        foreach (var range in merged ?? [])
        {
            if (range.FromRow >= rows.Count) continue;
            var value = rows[range.FromRow][range.FromColumn];
            for (var r = range.FromRow; r <= range.ToRow && r < rows.Count; r++)
            {
                var cells = (string[])rows[r].Cells;
                for (var c = range.FromColumn; c <= range.ToColumn && c < cells.Length; c++)
                    if (string.IsNullOrEmpty(cells[c])) cells[c] = value;
            }
        }
    }

    /// <summary>UTF-8 stays as it is; anything that is not valid UTF-8 is taken as GB18030.</summary>
    private static byte[] ToUtf8(byte[] content)
    {
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return content;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.UTF8.GetBytes(Encoding.GetEncoding("GB18030").GetString(content));
        }
    }
}
