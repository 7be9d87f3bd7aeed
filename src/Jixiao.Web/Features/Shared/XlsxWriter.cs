using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// Column widths (in characters) and drop-down lists for the data rows of a template, so that an office
/// fills it with valid choices. <see cref="TextColumns"/> are formatted as text, so what a user types stays as
/// typed ("96%" is not turned into 0.96). Columns are 0-based; rows 1-based.
/// </summary>
/// <param name="Widths">column widths; columns without one are as wide as their text (within 8–60 characters)</param>
/// <param name="HeaderRows">rows of column titles: bold on a fill, bordered, wrapped</param>
/// <param name="FrozenRows">rows that stay on screen while scrolling and are printed atop every page; 0: up to the first header row</param>
/// <param name="Titled">row 1 is the title: large, bold, across the table, and the printed page header</param>
/// <param name="NoteRows">rows whose first cell is a note across the table, wrapped</param>
/// <param name="Landscape">printed landscape; null: landscape when the columns are wider than a portrait page</param>
public sealed record SheetLayout(IReadOnlyList<double>? Widths = null, IReadOnlyList<(int Column, IReadOnlyList<string> Choices)>? Lists = null,
    int ListFromRow = 2, int ListToRow = 5000, IReadOnlyList<int>? TextColumns = null, IReadOnlyList<int>? HeaderRows = null, int FrozenRows = 0,
    bool Titled = false, IReadOnlyList<int>? NoteRows = null, bool? Landscape = null);

/// <summary>
/// Writes simple one-sheet xlsx files (templates and exports): text cells, numbers as numbers, a styled header, frozen
/// header rows and a printable page (A4, fit to width, header rows on every page). The one place cells are written, so
/// the one place user text is kept from becoming a formula: text starting with = + - @, a tab or a carriage return is
/// stored with Excel's quote prefix (shown as typed, never evaluated, even after the cell is edited).
/// </summary>
public static class XlsxWriter
{
    private const double PortraitWidth = 110;

    /// <summary>The looks of a cell; each has a plain and a quote-prefixed format (<see cref="StyleOf"/>).</summary>
    private enum Look { Plain, Text, Header, Title, Note }

    private static uint StyleOf(Look look, bool quoted) => (uint)look * 2 + (quoted ? 1u : 0u);

    public static byte[] Write(string sheetName, IEnumerable<IReadOnlyList<object?>> rows, SheetLayout? layout = null)
    {
        layout ??= new SheetLayout();
        var list = rows.ToList();
        var headers = layout.HeaderRows ?? [];
        var notes = layout.NoteRows ?? [];
        var text = layout.TextColumns ?? [];
        var count = Math.Max(list.Count == 0 ? 0 : list.Max(r => r.Count), layout.Widths?.Count ?? 0);
        var widths = Enumerable.Range(0, count).Select(c => layout.Widths is { } w && c < w.Count ? w[c] : FittingWidth(list, c, headers, notes, layout.Titled)).ToList();
        var frozen = layout.FrozenRows > 0 ? layout.FrozenRows : headers.Count > 0 ? headers.Min() : 0;

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();

            var data = new SheetData();
            var merges = new List<string>();
            for (var r = 0; r < list.Count; r++)
            {
                var number = (uint)r + 1;
                var look = layout.Titled && number == 1 ? Look.Title : headers.Contains((int)number) ? Look.Header : notes.Contains((int)number) ? Look.Note : Look.Plain;
                var row = new Row { RowIndex = number };
                var cells = look is Look.Header ? Math.Max(list[r].Count, count) : list[r].Count;
                for (var c = 0; c < cells; c++)
                    row.Append(Cell(ColumnName(c) + number, c < list[r].Count ? list[r][c] : null, look == Look.Plain && text.Contains(c) ? Look.Text : look));
                if (look is Look.Title or Look.Note && count > 1 && list[r].Skip(1).All(v => v is null))
                {
                    merges.Add($"A{number}:{ColumnName(count - 1)}{number}");
                    var lines = Math.Ceiling(Measure(list[r].FirstOrDefault()) / Math.Max(1, widths.Sum() - 2));
                    row.Height = look == Look.Title ? 26 : Math.Max(1, lines) * 15 + 4;
                    row.CustomHeight = true;
                }
                if (look == Look.Header)
                {
                    // Wrapped titles: as tall as the longest needs (offices do not grow a row for wrapped text on opening).
                    var lines = list[r].Select((v, c) => Math.Ceiling(Measure(v) / Math.Max(1, widths[c] - 1))).DefaultIfEmpty(1).Max();
                    row.Height = Math.Max(1, lines) * 14.5 + 4;
                    row.CustomHeight = true;
                }
                data.Append(row);
            }

            var worksheet = new Worksheet();
            var landscape = layout.Landscape ?? widths.Sum() > PortraitWidth;
            worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
            var view = new SheetView { WorkbookViewId = 0 };
            if (frozen > 0)
            {
                view.Append(new Pane { VerticalSplit = frozen, TopLeftCell = $"A{frozen + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
                view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{frozen + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{frozen + 1}" } });
            }
            worksheet.Append(new SheetViews(view));
            if (count > 0)
                worksheet.Append(new Columns(widths.Select((w, i) =>
                {
                    var column = new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true };
                    if (text.Contains(i)) column.Style = StyleOf(Look.Text, false);
                    return column;
                })));
            worksheet.Append(data);
            if (merges.Count > 0)
                worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
            if (layout.Lists is { Count: > 0 } lists)
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
            worksheet.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            worksheet.Append(new PageSetup
            {
                PaperSize = 9,
                Orientation = landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
                FitToWidth = 1,
                FitToHeight = 0,
            });
            var title = layout.Titled && list.Count > 0 ? list[0].FirstOrDefault()?.ToString() : null;
            worksheet.Append(new HeaderFooter(
                new OddHeader($"&C&\"-,Bold\"{HeaderText(title ?? sheetName)}"),
                new OddFooter("&C第 &P 页，共 &N 页")));
            sheetPart.Worksheet = worksheet;

            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            if (frozen > 0)
                workbook.Workbook.AppendChild(new DefinedNames(new DefinedName($"'{sheetName.Replace("'", "''")}'!${frozen}:${frozen}")
                    { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        }
        return stream.ToArray();
    }

    /// <summary>Text that a spreadsheet would take as the start of a formula (or of a DDE command) when the cell is entered.</summary>
    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static Cell Cell(string reference, object? value, Look look) => value switch
    {
        null => new Cell { CellReference = reference, StyleIndex = Styled(look, false) },
        decimal or int or long or double => new Cell
        {
            CellReference = reference,
            StyleIndex = Styled(look, false),
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        },
        _ => new Cell
        {
            CellReference = reference,
            StyleIndex = Styled(look, LooksLikeFormula(value.ToString()!)),
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(value.ToString()!) { Space = SpaceProcessingModeValues.Preserve }),
        },
    };

    private static UInt32Value? Styled(Look look, bool quoted) => look == Look.Plain && !quoted ? null : StyleOf(look, quoted);

    /// <summary>Fonts, fills and borders, then the cell formats in <see cref="StyleOf"/> order.</summary>
    private static Stylesheet Styles()
    {
        Font Font(double size, bool bold)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            font.Append(new FontSize { Val = size }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 });
            return font;
        }
        var thin = new Border(
            new LeftBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        var formats = new List<CellFormat>();
        foreach (var look in Enum.GetValues<Look>())
            foreach (var quoted in new[] { false, true })
            {
                var format = new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 };
                if (look == Look.Text || quoted) (format.NumberFormatId, format.ApplyNumberFormat) = (49u, true);
                if (quoted) format.QuotePrefix = true;
                switch (look)
                {
                    case Look.Header:
                        (format.FontId, format.FillId, format.BorderId) = (1u, 2u, 1u);
                        (format.ApplyFont, format.ApplyFill, format.ApplyBorder, format.ApplyAlignment) = (true, true, true, true);
                        format.Append(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true });
                        break;
                    case Look.Title:
                        (format.FontId, format.ApplyFont, format.ApplyAlignment) = (2u, true, true);
                        format.Append(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center });
                        break;
                    case Look.Note:
                        format.ApplyAlignment = true;
                        format.Append(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true });
                        break;
                }
                formats.Add(format);
            }
        return new Stylesheet(
            new Fonts(Font(11, false), Font(11, true), Font(14, true)) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(formats) { Count = (uint)formats.Count },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    /// <summary>Width in characters as a spreadsheet counts them: a Chinese character takes two.</summary>
    private static double Measure(object? value) => value switch
    {
        null => 0,
        string s => s.Sum(ch => ch > 0x2E80 ? 2.0 : 1.0),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!.Length,
    };

    private static double FittingWidth(List<IReadOnlyList<object?>> rows, int column, IReadOnlyList<int> headers, IReadOnlyList<int> notes, bool titled) =>
        Math.Clamp(rows.Take(500).Select((r, i) => (r, Number: i + 1))
            .Where(x => !notes.Contains(x.Number) && !(titled && x.Number == 1) && column < x.r.Count)
            .Select(x => Measure(x.r[column]) * (headers.Contains(x.Number) ? 0.6 : 1) + 2).DefaultIfEmpty(8).Max(), 8, 60);

    /// <summary>A page header holds at most 255 characters, and "&amp;" starts a code in it (a literal one is doubled).</summary>
    private static string HeaderText(string text) => (text.Length > 80 ? text[..80] + "…" : text).Replace("&", "&&");

    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
