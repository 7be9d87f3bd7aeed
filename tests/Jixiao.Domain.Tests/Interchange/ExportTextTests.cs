using Jixiao.Domain.Interchange;

namespace Jixiao.Domain.Tests.Interchange;

public sealed class ExportTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点我\")", "'=HYPERLINK(\"http://evil.example\",\"点我\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("cmd|' /C calc'!A0", "cmd|' /C calc'!A0")]
    [InlineData("襄垣县=第一中学", "襄垣县=第一中学")]
    [InlineData("", "")]
    public void FormulaSafe_TextStartingLikeAFormula_GetsAnApostrophe(string text, string expected) =>
        Assert.Equal(expected, ExportText.FormulaSafe(text));

    [Theory]
    [InlineData("sysadmin", "sysadmin")]
    [InlineData("{\"Name\":{\"after\":\"a,b\"}}", "\"{\"\"Name\"\":{\"\"after\"\":\"\"a,b\"\"}}\"")]
    [InlineData("第一行\n第二行", "\"第一行\n第二行\"")]
    [InlineData("=1+1,2", "\"'=1+1,2\"")]
    [InlineData(null, "")]
    public void CsvField_QuotesWhatNeedsItAndDisarmsFormulas(string? text, string expected) =>
        Assert.Equal(expected, ExportText.CsvField(text));
}
