using Jixiao.Domain.Agencies;

namespace Jixiao.Domain.Tests.Agencies;

/// <summary>统一社会信用代码 (GB 32100-2015): length, alphabet, 行政区划码 and the check character.</summary>
public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43", "91350100M000100Y43")] // the standard's own example
    [InlineData("91140423MA0GRT5K3W", "91140423MA0GRT5K3W")] // a company registered in 襄垣县
    [InlineData("12140000405740218J", "12140000405740218J")] // 机构编制 · 事业单位
    [InlineData("52140423MA0JX1YB33", "52140423MA0JX1YB33")] // 民政 · 社会服务机构
    [InlineData(" 91140423ma0grt5k3w ", "91140423MA0GRT5K3W")] // lower case and spaces as pasted
    [InlineData("９１１４０４２３ＭＡ０ＧＲＴ５Ｋ３Ｗ", "91140423MA0GRT5K3W")] // full-width as typed by a Chinese IME
    public void Parse_ValidCode_GivesTheCanonicalCode(string typed, string expected) =>
        Assert.Equal(expected, CreditCode.Parse(typed).Value);

    [Theory]
    [InlineData("", "不能为空")]
    [InlineData("9114042MA0GRT5K3W", "应为 18 位")]
    [InlineData("91140423MA0GRT5K3WX", "19 位")]
    [InlineData("91140423MA0GRT5KIW", "第 17 位“I”")]
    [InlineData("91140423MA0GRT5K3O", "第 18 位“O”")]
    [InlineData("9114O423MA0GRT5K3W", "第 5 位“O”")]
    [InlineData("91A40423MA0GRT5K3W", "第 3–8 位")]
    [InlineData("91140423MA0GRT5K3X", "应为“W”，而不是“X”")] // a wrong check character
    [InlineData("91140432MA0GRT5K3W", "校验位")] // two digits swapped
    [InlineData("91140423MA0GRT6K3W", "校验位")] // one character mistyped
    public void Parse_WrongCode_SaysWhatIsWrongInTheField(string typed, string expected)
    {
        var e = Assert.Throws<DomainException>(() => CreditCode.Parse(typed));
        Assert.Contains(expected, e.Message);
        Assert.Equal("统一社会信用代码", e.Field);
    }

    [Theory]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("91140423MA0GRT5K3", 'W')]
    [InlineData("91140423MA0HB3TU0", '3')]
    public void CheckCharacter_First17_GivesThe18th(string first17, char check) => Assert.Equal(check, CreditCode.CheckCharacter(first17));
}
