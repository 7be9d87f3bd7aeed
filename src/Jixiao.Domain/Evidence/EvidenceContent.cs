using System.IO.Compression;
using Jixiao.Domain.Interchange;

namespace Jixiao.Domain.Evidence;

/// <summary>
/// Says what an uploaded file is by its bytes (magic numbers, and for a zip its parts): PDF, PNG, JPEG, a docx or an xlsx (a zip
/// with <c>[Content_Types].xml</c> and the main part of its kind), or a zip of only those. Everything else is refused with a
/// Chinese message that names the file and says what to upload instead. Zips are measured before they are looked into.
/// </summary>
public static class EvidenceContent
{
    public const string Allowed = "PDF、图片（PNG、JPEG）、Word（.docx）、Excel（.xlsx）或其压缩包（.zip）";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipMagic = [0x50, 0x4B, 0x05, 0x06];
    /// <summary>OLE compound file: .doc, .xls, and Office files saved with a password.</summary>
    private static readonly byte[] CompoundMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <param name="content">a seekable stream of the whole file; read from its start, left where the check stopped</param>
    /// <param name="name">the file's name as messages show it (<see cref="EvidenceName.Tidy"/>)</param>
    public static EvidenceKind Inspect(Stream content, string name, EvidenceLimits limits)
    {
        EnsureSize(content.Length, name, limits);
        content.Position = 0;
        var head = Head(content);
        if (Starts(head, PdfMagic)) return EvidenceKind.Pdf;
        if (Starts(head, PngMagic)) return EvidenceKind.Png;
        if (Starts(head, JpegMagic)) return EvidenceKind.Jpeg;
        if (Starts(head, CompoundMagic))
            throw new DomainException($"附件《{name}》是旧版 Office（.doc、.xls）或设置了密码的文件：请在 Office 中另存为不加密的 .docx 或 .xlsx 后再上传。", "附件");
        if (Starts(head, EmptyZipMagic)) throw new DomainException($"附件《{name}》是空的压缩包：请放入要上传的文件后重新压缩。", "附件");
        if (!Starts(head, ZipMagic)) throw NotAllowed(name);
        content.Position = 0;
        return InspectZip(content, name, limits, nested: false);
    }

    /// <summary>Refuses an empty file or one over the size limit; the upload calls it as the bytes arrive, too.</summary>
    public static void EnsureSize(long length, string name, EvidenceLimits limits)
    {
        if (length == 0) throw new DomainException($"附件《{name}》是空文件：请选择有内容的文件再上传。", "附件");
        if (length > limits.MaxFileBytes)
            throw new DomainException(
                $"附件《{name}》超过 {ZipBounds.Mb(limits.MaxFileBytes)} 的上限：请压缩图片、删减页数，或拆分成几个文件分别上传。", "附件");
    }

    private static EvidenceKind InspectZip(Stream content, string name, EvidenceLimits limits, bool nested)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (ZipBounds.Excess(zip, limits.Zip) is { } excess)
                throw new DomainException($"附件《{name}》{excess}，未上传。它可能是“压缩炸弹”或异常的文件：请解压检查后重新压缩，或拆分成几个文件上传。", "附件");
            if (OfficeKind(zip) is { } office) return office;
            if (nested) throw new DomainException($"附件《{name}》中有压缩包：压缩包里不能再放压缩包，请解压后把文件直接放进一个压缩包。", "附件");
            var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            if (files.Count == 0) throw new DomainException($"附件《{name}》是空的压缩包：请放入要上传的文件后重新压缩。", "附件");
            foreach (var entry in files) InspectEntry(entry, name, limits);
            return EvidenceKind.Zip;
        }
        catch (InvalidDataException)
        {
            throw new DomainException($"附件《{name}》是损坏或加密的压缩文件，无法读取：请重新导出或压缩（不设密码）后再上传。", "附件");
        }
    }

    /// <summary>A file in a zip: PDF or image by its first bytes; a docx or xlsx inflated to a scratch file (it is bounded already) and looked into.</summary>
    private static void InspectEntry(ZipArchiveEntry entry, string name, EvidenceLimits limits)
    {
        byte[] head;
        using (var data = entry.Open()) head = Head(data);
        if (Starts(head, PdfMagic) || Starts(head, PngMagic) || Starts(head, JpegMagic)) return;
        if (!Starts(head, ZipMagic))
            throw new DomainException($"附件《{name}》中的“{entry.FullName}”不是允许的类型：压缩包里只能放 PDF、图片（PNG、JPEG）、Word（.docx）或 Excel（.xlsx）文件。", "附件");
        using var scratch = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose);
        using (var data = entry.Open()) data.CopyTo(scratch);
        scratch.Position = 0;
        InspectZip(scratch, $"{name}》中的《{entry.FullName}", limits, nested: true);
    }

    private static EvidenceKind? OfficeKind(ZipArchive zip)
    {
        if (zip.GetEntry("[Content_Types].xml") is null) return null;
        if (zip.GetEntry("word/document.xml") is not null) return EvidenceKind.Docx;
        if (zip.GetEntry("xl/workbook.xml") is not null) return EvidenceKind.Xlsx;
        return null;
    }

    private static DomainException NotAllowed(string name) =>
        new($"附件《{name}》不是允许的类型：请上传 {Allowed}。", "附件");

    private static byte[] Head(Stream stream)
    {
        var head = new byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }

    private static bool Starts(byte[] head, byte[] magic) => head.AsSpan().StartsWith(magic);
}
