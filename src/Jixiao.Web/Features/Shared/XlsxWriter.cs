using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// Column widths (in characters) and drop-down lists for the data rows of a template, so that an office
/// fills it with valid choices. <see cref="TextColumns"/> are formatted as text, so what a user types stays as
/// typed ("96%" is not turned into 0.96). Columns are 0-based; rows 1-based.
/// </summary>
public sealed record SheetLayout(IReadOnlyList<double>? Widths = null, IReadOnlyList<(int Column, IReadOnlyList<string> Choices)>? Lists = null,
    int ListFromRow = 2, int ListToRow = 5000, IReadOnlyList<int>? TextColumns = null);

/// <summary>Writes simple one-sheet xlsx files (templates and exports): text cells, numbers as numbers.</summary>
public static class XlsxWriter
{
    public static byte[] Write(string sheetName, IEnumerable<IReadOnlyList<object?>> rows, SheetLayout? layout = null)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint index = 0;
            foreach (var row in rows)
            {
                var xmlRow = new Row { RowIndex = ++index };
                for (var c = 0; c < row.Count; c++)
                    xmlRow.Append(Cell(ColumnName(c) + index, row[c]));
                data.Append(xmlRow);
            }
            var worksheet = new Worksheet();
            var widths = layout?.Widths ?? [];
            var text = layout?.TextColumns ?? [];
            if (text.Count > 0)
            {
                // Style 1: number format 49 ("@", text).
                workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                    new Fonts(new Font()) { Count = 1 },
                    new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                    new Borders(new Border()) { Count = 1 },
                    new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true }) { Count = 2 });
            }
            var columns = Enumerable.Range(0, Math.Max(widths.Count, text.Count == 0 ? 0 : text.Max() + 1))
                .Where(i => i < widths.Count || text.Contains(i))
                .Select(i =>
                {
                    var column = new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = i < widths.Count ? widths[i] : 12, CustomWidth = true };
                    if (text.Contains(i)) column.Style = 1;
                    return column;
                })
                .ToList();
            if (columns.Count > 0)
                worksheet.Append(new Columns(columns));
            worksheet.Append(data);
            if (layout?.Lists is { Count: > 0 } lists)
                worksheet.Append(new DataValidations(lists.Select(l => new DataValidation
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = "无效的取值",
                    Error = "请从下拉列表中选择：" + string.Join("、", l.Choices),
                    SequenceOfReferences = new ListValue<StringValue>
                        { InnerText = $"{ColumnName(l.Column)}{layout.ListFromRow}:{ColumnName(l.Column)}{layout.ListToRow}" },
                    Formula1 = new Formula1($"\"{string.Join(",", l.Choices)}\""),
                })) { Count = (uint)lists.Count });
            sheetPart.Worksheet = worksheet;
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        }
        return stream.ToArray();
    }

    private static Cell Cell(string reference, object? value) => value switch
    {
        null => new Cell { CellReference = reference },
        decimal or int or long or double => new Cell
        {
            CellReference = reference,
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
        },
        _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString()!)) },
    };

    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
