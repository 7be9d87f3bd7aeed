using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Jixiao.Web.Tests.Imports;

/// <summary>Every generated xlsx and docx must be a valid Office document (what Excel, WPS and python-docx expect).</summary>
public static class Documents
{
    public static void AssertValidXlsx(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        AssertValid(document);
    }

    public static void AssertValidDocx(byte[] content)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
        AssertValid(document);
    }

    private static void AssertValid(OpenXmlPackage document)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Take(20)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, "生成的文件不符合 Office Open XML：\n" + string.Join("\n", errors));
    }

    /// <summary>The cells of an exported sheet holding a formula (none may, whatever users typed).</summary>
    public static IReadOnlyList<string> FormulaCells(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .Where(c => c.CellFormula is not null).Select(c => c.CellReference!.Value!).ToList();
    }
}
