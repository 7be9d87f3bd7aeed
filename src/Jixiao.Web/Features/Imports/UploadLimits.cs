namespace Jixiao.Web.Features.Imports;

/// <summary>
/// Bounds on an uploaded spreadsheet, checked before it is inflated or read (section <c>Uploads</c>). An xlsx is a zip: a
/// 2 MB file can hold a 2 GiB sheet, so each part's declared and actual size and its compression ratio are checked first;
/// rows, columns and cell length bound what is kept of any file (xlsx, xls or csv).
/// </summary>
public sealed class UploadLimits
{
    public const string Section = "Uploads";

    /// <summary>The request body of an upload (the file and its form fields).</summary>
    public long MaxRequestBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>One part of an xlsx (a sheet, the shared strings) once inflated; the whole package may inflate to twice this.</summary>
    public long MaxEntryBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>Inflated size over stored size of a part above 1 MiB (real sheets compress 5–30 times).</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Rows of a file, empty rows included: the cap on rows per import.</summary>
    public int MaxRows { get; set; } = 100_000;

    public int MaxColumns { get; set; } = 256;

    /// <summary>Characters in one cell (Excel's own limit is 32,767).</summary>
    public int MaxCellLength { get; set; } = 32_767;
}
