using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Jixiao.Domain.Interchange;

namespace Jixiao.Web.Features.Imports;

/// <summary>A sheet read into text cells. Row numbers are the spreadsheet's own (1-based), for messages.</summary>
/// <param name="Formulas">the formula (without "=") of each cell that holds one, by 0-based column; the cell's text is its cached value</param>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells, IReadOnlyDictionary<int, string>? Formulas = null)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : "";
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
    public string? FormulaAt(int column) => Formulas?.GetValueOrDefault(column);
}

/// <summary>
/// Reads the first sheet of an xlsx, xls or csv file into text as written, spaces tidied (<see cref="CellText.Clean"/>;
/// codes, numbers and dates are normalised where they are read). Merged cells take the value of
/// their top-left cell; numbers are written invariantly, date cells as yyyy-MM-dd; a CSV may be UTF-8
/// (with or without BOM) or GB18030 as Excel saves it on Chinese Windows. Every file is held to <see cref="UploadLimits"/>:
/// an xlsx's parts are measured (declared and actually inflated, in a streaming pass that keeps nothing) before any of
/// it is parsed, and the rows are read one at a time and refused at the first row, column or cell over a limit.
/// Formula cells are marked (<see cref="SheetRow.Formulas"/>; in a csv, a cell starting with "=") so importers refuse them.
/// </summary>
public static class SpreadsheetReader
{
    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<SheetRow> Read(byte[] content, string fileName, UploadLimits limits)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".xls" or ".csv"))
            throw new DomainException($"不支持的文件类型“{extension}”，请上传 .xlsx、.xls 或 .csv 文件。", "文件");
        try
        {
            var formulas = extension == ".xlsx" ? CheckPackage(content, fileName, limits) : null;
            using var stream = new MemoryStream(extension == ".csv" ? ToUtf8(content) : content);
            using var reader = extension == ".csv"
                ? ExcelReaderFactory.CreateCsvReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.UTF8 })
                : ExcelReaderFactory.CreateReader(stream);
            var rows = new List<SheetRow>();
            var number = 0;
            while (reader.Read())
            {
                if (++number > limits.MaxRows)
                    throw Refused(fileName, $"超过 {limits.MaxRows:N0} 行（每次导入的行数上限）", "请拆分成几个文件分批导入");
                var width = reader.FieldCount;
                while (width > 0 && reader.GetValue(width - 1) is null or "") width--;
                if (width > limits.MaxColumns)
                    throw Refused(fileName, $"第 {number} 行超过 {limits.MaxColumns} 列", "请删除多余的列，或只保留导入模板中的列");
                var cells = new string[width];
                for (var i = 0; i < width; i++)
                {
                    cells[i] = Text(reader.GetValue(i));
                    if (cells[i].Length > limits.MaxCellLength)
                        throw Refused(fileName, $"第 {number} 行第 {i + 1} 列有 {cells[i].Length:N0} 个字符，超过每格 {limits.MaxCellLength:N0} 个字符的上限", "请缩短该单元格的内容");
                }
                rows.Add(new SheetRow(number, cells, extension == ".csv" ? CsvFormulas(cells) : formulas?.GetValueOrDefault(number)));
            }
            FillMerged(rows, reader.MergeCells);
            return rows;
        }
        catch (Exception e) when (IsBadFile(e))
        {
            throw new DomainException($"文件“{fileName}”无法读取（{e.Message}）。请确认它是未加密的 Excel 或 CSV 文件。", "文件");
        }
    }

    /// <summary>What a damaged, foreign or encrypted file throws; running out of memory or being cancelled is not a bad file.</summary>
    private static bool IsBadFile(Exception e) =>
        e is InvalidDataException or ExcelReaderException or XmlException or DecoderFallbackException or NotSupportedException or FormatException
            or EndOfStreamException or ArgumentException or IndexOutOfRangeException or InvalidCastException;

    private static DomainException Refused(string fileName, string limit, string fix) =>
        new($"文件“{fileName}”{limit}，未读取。{fix}。", "文件");

    /// <summary>
    /// Measures every part of the xlsx before anything parses it (<see cref="ZipBounds"/>; the whole package may inflate to twice
    /// one part's limit). Returns the formula cells of the first sheet, which ExcelDataReader reads as their cached values.
    /// </summary>
    private static Dictionary<int, Dictionary<int, string>>? CheckPackage(byte[] content, string fileName, UploadLimits limits)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (ZipBounds.Excess(zip, new ZipLimits(limits.MaxEntryBytes, limits.MaxCompressionRatio, 2 * limits.MaxEntryBytes)) is { } excess)
            throw Refused(fileName, excess, "它可能是“压缩炸弹”或异常的文件；请在 Excel 中打开后另存为新的 .xlsx，删除多余的行、列和工作表后再导入");
        return FirstSheet(zip) is { } sheet ? Formulas(sheet) : null;
    }

    /// <summary>The worksheet ExcelDataReader reads first: the first &lt;sheet&gt; of the workbook, through the workbook's relationships.</summary>
    private static ZipArchiveEntry? FirstSheet(ZipArchive zip)
    {
        const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        string? id = null;
        if (zip.GetEntry("xl/workbook.xml") is not { } workbook) return null;
        using (var xml = XmlReader.Create(workbook.Open()))
            while (id is null && xml.ReadToFollowing("sheet", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"))
                id = xml.GetAttribute("id", Relationships);
        if (id is null || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels) return null;
        using (var xml = XmlReader.Create(rels.Open()))
            while (xml.ReadToFollowing("Relationship", "http://schemas.openxmlformats.org/package/2006/relationships"))
                if (xml.GetAttribute("Id") == id && xml.GetAttribute("Target") is { } target)
                    return zip.GetEntry(target.StartsWith('/') ? target[1..] : "xl/" + target);
        return null;
    }

    /// <summary>The &lt;f&gt; of every cell of a sheet, streamed; by 1-based row and 0-based column.</summary>
    private static Dictionary<int, Dictionary<int, string>> Formulas(ZipArchiveEntry sheet)
    {
        var found = new Dictionary<int, Dictionary<int, string>>();
        using var xml = XmlReader.Create(sheet.Open());
        int row = 0, column = -1;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "row":
                    row = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                    column = -1;
                    break;
                case "c":
                    column = xml.GetAttribute("r") is { } reference ? ColumnOf(reference) : column + 1;
                    break;
                case "f":
                    var text = xml.ReadElementContentAsString();
                    if (!found.TryGetValue(row, out var cells)) found[row] = cells = [];
                    cells[column] = text.Length > 0 ? text : "（共享公式）";
                    break;
            }
        }
        return found;
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) column = column * 26 + char.ToUpperInvariant(c) - 'A' + 1;
        return column - 1;
    }

    /// <summary>A csv has no formulas, but Excel runs a cell starting with "=" as one when it opens the file.</summary>
    private static Dictionary<int, string>? CsvFormulas(string[] cells)
    {
        Dictionary<int, string>? found = null;
        for (var i = 0; i < cells.Length; i++)
            if (cells[i].StartsWith('=')) (found ??= [])[i] = cells[i][1..];
        return found;
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

    /// <summary>Rows keep cells up to their last value; a merge widens a row up to its right edge, within the widest row of the sheet.</summary>
    private static void FillMerged(List<SheetRow> rows, CellRange[]? merged)
    {
        var widest = rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Count);
        foreach (var range in merged ?? [])
        {
            if (range.FromRow >= rows.Count) continue;
            var value = rows[range.FromRow][range.FromColumn];
            if (value.Length == 0) continue;
            var right = Math.Min(range.ToColumn, widest - 1);
            for (var r = range.FromRow; r <= range.ToRow && r < rows.Count; r++)
            {
                if (rows[r].Cells.Count <= right)
                {
                    string[] wider = [.. rows[r].Cells, .. Enumerable.Repeat("", right + 1 - rows[r].Cells.Count)];
                    rows[r] = rows[r] with { Cells = wider };
                }
                var cells = (string[])rows[r].Cells;
                for (var c = range.FromColumn; c <= right; c++)
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
