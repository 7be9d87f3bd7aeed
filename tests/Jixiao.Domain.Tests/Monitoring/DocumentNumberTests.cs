using Jixiao.Domain.Monitoring;

namespace Jixiao.Domain.Tests.Monitoring;

public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData("襄财绩", 2026, 12, "襄财绩〔2026〕12号")]
    [InlineData("黎财监", 2027, 1, "黎财监〔2027〕1号")]
    public void Format_PrefixYearSequence_ReadsAsABureauNumbersItsDocuments(string prefix, int year, long sequence, string expected) =>
        Assert.Equal(expected, DocumentNumber.Format(prefix, year, sequence));

    [Theory]
    [InlineData("襄垣县", "襄财绩")]
    [InlineData(" 黎城县", "黎财绩")]
    [InlineData("", "财绩")]
    public void DefaultPrefix_RegionName_IsItsFirstCharacterAndCaiJi(string region, string expected) =>
        Assert.Equal(expected, DocumentNumber.DefaultPrefix(region));

    [Theory]
    [InlineData(" 襄财绩 ", "襄财绩")]
    [InlineData("襄财预监", "襄财预监")]
    public void ValidPrefix_Ordinary_IsKeptTrimmed(string typed, string kept) => Assert.Equal(kept, DocumentNumber.ValidPrefix(typed));

    [Theory]
    [InlineData(null, "请填写文号前缀")]
    [InlineData("  ", "请填写文号前缀")]
    [InlineData("襄财绩〔2026〕", "不应含数字、〔〕或“号”")]
    [InlineData("襄财绩12号", "不应含数字、〔〕或“号”")]
    [InlineData("襄垣县财政局绩效管理股监控", "不超过 12 个字")]
    public void ValidPrefix_Unusable_IsRefusedWithTheFix(string? typed, string message)
    {
        var error = Assert.Throws<DomainException>(() => DocumentNumber.ValidPrefix(typed));
        Assert.Contains(message, error.Message);
        Assert.Equal("文号前缀", error.Field);
    }
}
