using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// The reports written as docx (绩效自评报告, 事前绩效评估报告, 评估意见书): A4, 宋体 with Times New Roman for Latin text, headings,
/// paragraphs and bordered tables over the page width — the one place a document's layout is written.
/// </summary>
public static class Docx
{
    private const string ChineseFont = "SimSun";
    private const string LatinFont = "Times New Roman";

    /// <summary>The document of <paramref name="body"/> on A4 with the usual margins.</summary>
    public static byte[] Write(Body body, string title)
    {
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1300, Right = 1300, Header = 720, Footer = 720, Gutter = 0 }));
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(body);
            document.PackageProperties.Title = title;
            document.PackageProperties.Language = "zh-CN";
        }
        return stream.ToArray();
    }

    public static Paragraph Heading(string text) => Para(text, bold: true, size: 28, before: 240);

    /// <param name="size">half-points (21 = 10.5 pt, 五号; 24 = 12 pt, 小四)</param>
    public static Paragraph Para(string text, bool bold = false, int size = 24, bool center = false, int before = 0)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = "120" });
        if (center) properties.Append(new Justification { Val = JustificationValues.Center });
        return new Paragraph(properties, Run(text, bold, size));
    }

    public static Run Run(string text, bool bold, int size)
    {
        // The schema orders a run's properties: fonts, bold, size, language.
        var properties = new RunProperties(new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = ChineseFont });
        if (bold) properties.Append(new Bold());
        properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }, new Languages { EastAsia = "zh-CN" });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>Twentieths of a point between the margins of the A4 page (<see cref="Write"/>'s section).</summary>
    private const int TextWidth = 11906 - 2 * 1300;

    /// <summary>
    /// A bordered table over the page width; the first row is the header, in bold (unless <paramref name="header"/> is false: a form of label and value cells). The grid gives each column its share
    /// (<paramref name="shares"/>), as Word writes it and as readers such as python-docx need it.
    /// </summary>
    public static Table Table(IReadOnlyList<string[]> rows, IReadOnlyList<int> shares, bool header = true)
    {
        BorderType Line<TBorder>() where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4, Color = "000000" };
        var widths = shares.Select(s => TextWidth * s / shares.Sum()).ToList();
        var table = new Table(new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(),
                    Line<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        for (var i = 0; i < rows.Count; i++)
        {
            var first = header && i == 0;
            var row = new TableRow();
            if (first) row.Append(new TableRowProperties(new TableHeader()));
            row.Append(rows[i].Select((cell, c) => new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }), Run(cell, first || (!header && c % 2 == 0), 18)))));
            table.Append(row);
        }
        return table;
    }
}
