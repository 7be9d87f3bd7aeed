using Jixiao.Domain.Access;

namespace Jixiao.Domain.Tests.Access;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Abcdef1", 7)]
    [InlineData("Ab1!", 4)]
    [InlineData("A1b", 3)]
    public void Check_TooShortWithThreeClasses_RejectsLengthOnly(string password, int length)
    {
        var errors = PasswordPolicy.Check(password);

        var error = Assert.Single(errors);
        Chinese.AssertMessage(error);
        Assert.Contains($"至少 {PasswordPolicy.MinimumLength} 位", error);
        Assert.Contains($"当前 {length} 位", error);
    }

    [Fact]
    public void Check_SevenCharacters_RejectsLength()
    {
        var error = Assert.Single(PasswordPolicy.Check("Abcde1!"));

        Assert.Equal("密码长度至少 8 位，当前 7 位。", error);
    }

    [Fact]
    public void Check_EightCharacters_Accepts()
    {
        Assert.Empty(PasswordPolicy.Check("Abcde12!"));
    }

    [Theory]
    [InlineData("Abcdefg1")]   // upper + lower + digit
    [InlineData("Abcdefg!")]   // upper + lower + symbol
    [InlineData("abcdef1!")]   // lower + digit + symbol
    [InlineData("ABCDEF1!")]   // upper + digit + symbol
    [InlineData("Abcdef1!")]   // all four
    [InlineData("Xiangyuan#2025")]
    public void Check_EightOrMoreWithThreeClasses_Accepts(string password)
    {
        Assert.Empty(PasswordPolicy.Check(password));
    }

    [Theory]
    [InlineData("abcdefg1", 2)]    // lower + digit
    [InlineData("ABCDEFG1", 2)]    // upper + digit
    [InlineData("abcdefg!", 2)]    // lower + symbol
    [InlineData("Abcdefgh", 2)]    // upper + lower
    [InlineData("12345678", 1)]
    [InlineData("abcdefgh", 1)]
    [InlineData("!@#$%^&*", 1)]
    [InlineData("abc 1234 def", 2)] // a space is not a symbol
    public void Check_FewerThanThreeClasses_RejectsClassesAndNamesCount(string password, int classes)
    {
        var error = Assert.Single(PasswordPolicy.Check(password));

        Chinese.AssertMessage(error);
        Assert.Contains($"至少 {PasswordPolicy.RequiredClasses} 类", error);
        Assert.Contains($"当前只有 {classes} 类", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Check_NullOrEmpty_RejectsLengthAndClasses(string? password)
    {
        var errors = PasswordPolicy.Check(password);

        Assert.Equal(2, errors.Count);
        Assert.Contains("当前 0 位", errors[0]);
        Assert.Contains("当前只有 0 类", errors[1]);
    }

    [Fact]
    public void Check_ShortAndSimple_ReportsBothProblems()
    {
        var errors = PasswordPolicy.Check("abc12");

        Assert.Equal(["密码长度至少 8 位，当前 5 位。", "密码须包含大写字母、小写字母、数字、符号中的至少 3 类，当前只有 2 类。"], errors);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("A", 1)]
    [InlineData("a", 1)]
    [InlineData("7", 1)]
    [InlineData("-", 1)]
    [InlineData(" \t", 0)]
    [InlineData("AAAA", 1)]
    [InlineData("aZ", 2)]
    [InlineData("a1", 2)]
    [InlineData("Z_", 2)]
    [InlineData("aZ9", 3)]
    [InlineData("a9.", 3)]
    [InlineData("aZ9.", 4)]
    public void CountClasses_MixedInput_CountsEachClassOnce(string password, int expected)
    {
        Assert.Equal(expected, PasswordPolicy.CountClasses(password));
    }
}
