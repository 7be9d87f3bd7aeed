using System.IO.Compression;

namespace Jixiao.Domain.Interchange;

/// <summary>How far a zip (an xlsx, a docx, a zip of evidence) may inflate before anything reads it.</summary>
/// <param name="MaxEntryBytes">one entry once inflated</param>
/// <param name="MaxCompressionRatio">inflated over stored size of an entry above <see cref="ZipBounds.RatioFloor"/> (real documents compress 5–30 times)</param>
/// <param name="MaxTotalBytes">all entries together once inflated</param>
/// <param name="MaxEntries">entries in the archive</param>
public sealed record ZipLimits(long MaxEntryBytes, int MaxCompressionRatio, long MaxTotalBytes, int MaxEntries = int.MaxValue);

/// <summary>
/// The zip-bomb guard: a 2 MB file can hold 2 GiB. Every entry's declared size and ratio are checked first, then the bytes each
/// entry really inflates to are counted through a small buffer (an entry may lie about its size), keeping nothing.
/// </summary>
public static class ZipBounds
{
    public const long RatioFloor = 1024 * 1024;

    /// <summary>The first bound the archive breaks, as a Chinese phrase that follows the file's name ("中的“x”解压后…"); null when it holds.</summary>
    public static string? Excess(ZipArchive zip, ZipLimits limits)
    {
        if (zip.Entries.Count > limits.MaxEntries)
            return $"有 {zip.Entries.Count:N0} 个文件，超过每个压缩文件 {limits.MaxEntries:N0} 个的上限";
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > limits.MaxEntryBytes)
                return $"中的“{entry.FullName}”解压后有 {Mb(entry.Length)}，超过每部分 {Mb(limits.MaxEntryBytes)} 的上限";
            if (entry.Length > RatioFloor && entry.Length > (double)entry.CompressedLength * limits.MaxCompressionRatio)
                return $"中的“{entry.FullName}”压缩比为 {entry.Length / Math.Max(1, entry.CompressedLength):N0} 倍，超过 {limits.MaxCompressionRatio} 倍的上限";
        }
        var total = 0L;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            using var data = entry.Open();
            var size = 0L;
            for (int read; (read = data.Read(buffer)) > 0;)
            {
                size += read;
                total += read;
                if (size > limits.MaxEntryBytes || size > Math.Max(entry.Length, 0))
                    return $"中的“{entry.FullName}”解压后超过 {Mb(Math.Min(limits.MaxEntryBytes, Math.Max(entry.Length, 0)))}（与文件中登记的大小不符或超过上限）";
                if (total > limits.MaxTotalBytes)
                    return $"解压后超过 {Mb(limits.MaxTotalBytes)}";
            }
        }
        return null;
    }

    public static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
