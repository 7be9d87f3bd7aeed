using Jixiao.Domain.Evidence;

namespace Jixiao.Domain.Tests.Evidence;

public sealed class EvidenceNameTests
{
    [Theory]
    [InlineData("报告.pdf", EvidenceKind.Pdf, "报告.pdf")]
    [InlineData("报告.PDF", EvidenceKind.Pdf, "报告.PDF")]
    [InlineData("报告", EvidenceKind.Pdf, "报告.pdf")]                               // no extension: its kind's
    [InlineData("照片.png", EvidenceKind.Pdf, "照片.png.pdf")]                        // a wrong one: its kind's added
    [InlineData("照片.jpeg", EvidenceKind.Jpeg, "照片.jpeg")]
    [InlineData(@"C:\Users\张三\桌面\合同.pdf", EvidenceKind.Pdf, "合同.pdf")]         // old browsers send the path
    [InlineData("../../etc/passwd", EvidenceKind.Pdf, "passwd.pdf")]
    [InlineData("a:b*c?d\"e<f>g|h.pdf", EvidenceKind.Pdf, "a_b_c_d_e_f_g_h.pdf")]
    [InlineData("  县\u3000教育局\t 台账 .xlsx ", EvidenceKind.Xlsx, "县 教育局 台账 .xlsx")]
    [InlineData("报\u0000告\u200B.pdf", EvidenceKind.Pdf, "报 告 .pdf")]
    [InlineData("...", EvidenceKind.Zip, "附件.zip")]
    [InlineData("", EvidenceKind.Docx, "附件.docx")]
    [InlineData(null, EvidenceKind.Png, "附件.png")]
    [InlineData("CON.pdf", EvidenceKind.Pdf, "_CON.pdf")]
    [InlineData("nul.tar.zip", EvidenceKind.Zip, "_nul.tar.zip")]
    public void Clean_SentName_IsSafeAndEndsInItsKind(string? sent, EvidenceKind kind, string kept)
    {
        Assert.Equal(kept, EvidenceName.Clean(sent, kind));
    }

    [Fact]
    public void Clean_LongName_CutToTheLimitKeepingTheExtension()
    {
        var kept = EvidenceName.Clean(new string('绩', 300) + ".pdf", EvidenceKind.Pdf);
        Assert.Equal(EvidenceName.MaxLength, kept.Length);
        Assert.EndsWith("绩.pdf", kept);
    }

    [Fact]
    public void Clean_CutInsideASurrogatePair_KeepsWholeCharacters()
    {
        var kept = EvidenceName.Clean(new string('a', EvidenceName.MaxLength - 5) + "𠀀𠀀𠀀.pdf", EvidenceKind.Pdf);
        Assert.Equal(new string('a', EvidenceName.MaxLength - 5) + ".pdf", kept);
    }
}
