using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// Column widths (in characters) and drop-down lists for the data rows of a template, so that an office
/// fills it with valid choices. Columns are 0-based; rows 1-based.
/// </summary>
public sealed record SheetLayout(IReadOnlyList<double>? Widths = null, IReadOnlyList<(int Column, IReadOnlyList<string> Choices)>? Lists = null,
    int ListFromRow = 2, int ListToRow = 5000);

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
            if (layout?.Widths is { Count: > 0 } widths)
                worksheet.Append(new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
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
