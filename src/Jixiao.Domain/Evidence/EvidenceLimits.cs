using Jixiao.Domain.Interchange;

namespace Jixiao.Domain.Evidence;

/// <summary>
/// Bounds on one evidence file (process settings, section <c>Evidence</c>). A docx, an xlsx and a zip are zips: they are
/// measured as the spreadsheet import measures an xlsx (<see cref="ZipBounds"/>) before anything looks inside.
/// </summary>
public sealed class EvidenceLimits
{
    public const string Section = "Evidence";

    public long MaxFileBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>Files in a zip (a docx has about 20 parts).</summary>
    public int MaxEntries { get; set; } = 1000;

    /// <summary>One entry of a zip once inflated.</summary>
    public long MaxEntryBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>All entries of a zip once inflated.</summary>
    public long MaxInflatedBytes { get; set; } = 100 * 1024 * 1024;

    public int MaxCompressionRatio { get; set; } = 100;

    public ZipLimits Zip => new(MaxEntryBytes, MaxCompressionRatio, MaxInflatedBytes, MaxEntries);
}
