using System.IO.Compression;
using System.Text;
using Jixiao.Domain.Evidence;

namespace Jixiao.Domain.Tests.Evidence;

public sealed class EvidenceContentTests
{
    private static readonly EvidenceLimits Limits = new();

    private static readonly byte[] Pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\n%%EOF"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46];
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0];
    private static readonly byte[] OldWord = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];

    internal static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        return stream.ToArray();
    }

    internal static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray()));
    internal static byte[] Xlsx() => Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("xl/workbook.xml", "<workbook/>"u8.ToArray()));

    /// <summary>One entry of <paramref name="inflated"/> zeros: a few kB on disk.</summary>
    internal static byte[] Bomb(long inflated)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("报告.pdf", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            "%PDF-"u8.CopyTo(block);
            for (long written = 0; written < inflated; written += block.Length)
            {
                entry.Write(block);
                block.AsSpan(0, 5).Clear();
            }
        }
        return stream.ToArray();
    }

    public static TheoryData<string, byte[], EvidenceKind> AllowedFiles => new()
    {
        { "报告.pdf", Pdf, EvidenceKind.Pdf },
        { "现场照片.png", Png, EvidenceKind.Png },
        { "现场照片.jpg", Jpeg, EvidenceKind.Jpeg },
        { "说明.docx", Docx(), EvidenceKind.Docx },
        { "台账.xlsx", Xlsx(), EvidenceKind.Xlsx },
        { "佐证材料.zip", Zip(("合同.pdf", Pdf), ("照片/1.jpg", Jpeg), ("照片/", []), ("明细.xlsx", Xlsx()), ("说明.docx", Docx())), EvidenceKind.Zip },
        // By content, not by name: a PDF sent without an extension, or under a wrong one, is a PDF.
        { "报告", Pdf, EvidenceKind.Pdf },
        { "照片.pdf", Png, EvidenceKind.Png },
    };

    [Theory, MemberData(nameof(AllowedFiles))]
    public void Inspect_AllowedContent_SaysItsKind(string name, byte[] content, EvidenceKind kind)
    {
        Assert.Equal(kind, EvidenceContent.Inspect(new MemoryStream(content), name, Limits));
    }

    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "报告.pdf", Exe, "附件《报告.pdf》不是允许的类型：请上传 PDF、图片（PNG、JPEG）、Word（.docx）、Excel（.xlsx）或其压缩包（.zip）。" },
        { "x.exe", Exe, "附件《x.exe》不是允许的类型：请上传" },
        { "网页.html", "<html><script>"u8.ToArray(), "附件《网页.html》不是允许的类型" },
        { "空.pdf", [], "附件《空.pdf》是空文件" },
        { "旧版.doc", OldWord, "附件《旧版.doc》是旧版 Office（.doc、.xls）或设置了密码的文件：请在 Office 中另存为不加密的 .docx 或 .xlsx" },
        { "空.zip", [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "附件《空.zip》是空的压缩包" },
        { "只有目录.zip", Zip(("目录/", [])), "附件《只有目录.zip》是空的压缩包" },
        { "坏的.zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6], "附件《坏的.zip》是损坏或加密的压缩文件" },
        { "材料.zip", Zip(("合同.pdf", Pdf), ("工具/setup.exe", Exe)), "附件《材料.zip》中的“工具/setup.exe”不是允许的类型：压缩包里只能放" },
        { "套娃.zip", Zip(("内层.zip", Zip(("合同.pdf", Pdf)))), "附件《套娃.zip》中的《内层.zip》中有压缩包：压缩包里不能再放压缩包" },
        { "演示.zip", Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("ppt/presentation.xml", "<p/>"u8.ToArray())), "附件《演示.zip》中的“[Content_Types].xml”不是允许的类型" },
        { "炸弹.zip", Bomb(200L << 20), "附件《炸弹.zip》中的“报告.pdf”解压后有 200 MB，超过每部分 50 MB 的上限，未上传。它可能是“压缩炸弹”" },
        { "炸弹.docx", Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", new byte[60 << 20])), "附件《炸弹.docx》中的“word/document.xml”解压后有 60 MB，超过每部分 50 MB 的上限" },
        { "套着炸弹.zip", Zip(("说明.docx", Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", new byte[40 << 20]))), ("b.docx", Docx())), "附件《套着炸弹.zip》中的《说明.docx》中的“word/document.xml”压缩比为" },
    };

    [Theory, MemberData(nameof(RefusedFiles))]
    public void Inspect_RefusedContent_SaysWhichFileAndTheFix(string name, byte[] content, string message)
    {
        var refusal = Assert.ThrowsAny<DomainException>(() => EvidenceContent.Inspect(new MemoryStream(content), name, Limits));
        Assert.StartsWith(message, refusal.Message);
        Assert.Equal("附件", refusal.Field);
    }

    [Theory]
    [InlineData(3, 3, false)]
    [InlineData(4, 3, true)]
    public void Inspect_ZipOverEntryLimit_Refused(int entries, int limit, bool refused)
    {
        var zip = Zip(Enumerable.Range(1, entries).Select(i => ($"{i}.pdf", Pdf)).ToArray());
        var limits = new EvidenceLimits { MaxEntries = limit };
        if (refused)
            Assert.StartsWith($"附件《多.zip》有 {entries} 个文件，超过每个压缩文件 {limit} 个的上限",
                Assert.ThrowsAny<DomainException>(() => EvidenceContent.Inspect(new MemoryStream(zip), "多.zip", limits)).Message);
        else Assert.Equal(EvidenceKind.Zip, EvidenceContent.Inspect(new MemoryStream(zip), "多.zip", limits));
    }

    [Theory]
    [InlineData(1024, 1024, false)]
    [InlineData(1025, 1024, true)]
    public void EnsureSize_OverTheLimit_RefusedNamingTheLimit(long length, long limit, bool refused)
    {
        var limits = new EvidenceLimits { MaxFileBytes = limit };
        var error = Record.Exception(() => EvidenceContent.EnsureSize(length, "大.pdf", limits));
        if (refused) Assert.StartsWith("附件《大.pdf》超过 0 MB 的上限：请压缩图片、删减页数，或拆分成几个文件分别上传。", error!.Message);
        else Assert.Null(error);
    }

    [Fact]
    public void EnsureSize_DefaultLimit_Is50Mb()
    {
        EvidenceContent.EnsureSize(50L << 20, "a.pdf", Limits);
        Assert.Contains("超过 50 MB 的上限", Assert.Throws<DomainException>(() => EvidenceContent.EnsureSize((50L << 20) + 1, "a.pdf", Limits)).Message);
    }
}
