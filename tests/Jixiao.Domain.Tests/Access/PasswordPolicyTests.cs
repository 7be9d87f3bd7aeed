using Jixiao.Domain.Access;

namespace Jixiao.Domain.Tests.Access;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Kqmvtr1", 7)]
    [InlineData("Ab1!", 4)]
    [InlineData("A1b", 3)]
    public void Check_TooShortWithThreeClasses_RejectsLengthOnly(string password, int length)
    {
        var errors = PasswordPolicy.Check(password, null);

        var error = Assert.Single(errors);
        Chinese.AssertMessage(error);
        Assert.Contains($"至少 {PasswordPolicy.MinimumLength} 位", error);
        Assert.Contains($"当前 {length} 位", error);
    }

    [Fact]
    public void Check_SevenCharacters_RejectsLength()
    {
        var error = Assert.Single(PasswordPolicy.Check("Kqmvt1!", null));

        Assert.Equal("密码长度至少 8 位，当前 7 位。", error);
    }

    [Fact]
    public void Check_EightCharacters_Accepts()
    {
        Assert.Empty(PasswordPolicy.Check("Kqmvt12!", null));
    }

    [Theory]
    [InlineData("Kqmvtrw1")]   // upper + lower + digit
    [InlineData("Kqmvtrw!")]   // upper + lower + symbol
    [InlineData("kqmvtr1!")]   // lower + digit + symbol
    [InlineData("KQMVTR1!")]   // upper + digit + symbol
    [InlineData("Kqmvtr1!")]   // all four
    [InlineData("Xiangyuan#2025")]
    public void Check_EightOrMoreWithThreeClasses_Accepts(string password)
    {
        Assert.Empty(PasswordPolicy.Check(password, null));
    }

    [Theory]
    [InlineData("kqmvtrw1", 2)]    // lower + digit
    [InlineData("KQMVTRW1", 2)]    // upper + digit
    [InlineData("kqmvtrw!", 2)]    // lower + symbol
    [InlineData("Kqmvtrwx", 2)]    // upper + lower
    [InlineData("20479135", 1)]
    [InlineData("kqmvtrwx", 1)]
    [InlineData("!@#$%^&*", 1)]
    [InlineData("abc 1234 def", 2)] // a space is not a symbol
    public void Check_FewerThanThreeClasses_RejectsClassesAndNamesCount(string password, int classes)
    {
        var error = Assert.Single(PasswordPolicy.Check(password, null));

        Chinese.AssertMessage(error);
        Assert.Contains($"至少 {PasswordPolicy.RequiredClasses} 类", error);
        Assert.Contains($"当前只有 {classes} 类", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Check_NullOrEmpty_RejectsLengthAndClasses(string? password)
    {
        var errors = PasswordPolicy.Check(password, null);

        Assert.Equal(2, errors.Count);
        Assert.Contains("当前 0 位", errors[0]);
        Assert.Contains("当前只有 0 类", errors[1]);
    }

    [Fact]
    public void Check_ShortAndSimple_ReportsBothProblems()
    {
        var errors = PasswordPolicy.Check("kqm12", null);

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

    [Theory]
    [InlineData("Password1!")]
    [InlineData("password")]
    [InlineData("Admin@123")]
    [InlineData("P@ssw0rd")]
    [InlineData("P@ssw0rd2026!")]
    [InlineData("Qwer1234!")]
    [InlineData("1qaz@WSX")]
    [InlineData("woaini1314")]
    [InlineData("Woaini@520")]
    [InlineData("aa123456")]
    [InlineData("Aa123456!")]
    [InlineData("ZXCVBNM,./")]
    [InlineData("Abc@12345")]
    public void IsCommon_WellKnownOrStemBeforeDigitsAndSymbols_True(string password)
    {
        Assert.True(PasswordPolicy.IsCommon(password));
    }

    [Theory]
    [InlineData("Jixiao@2026")]     // the demo password stays valid
    [InlineData("Xiangyuan#2025")]
    [InlineData("Kqmvtr1!")]
    [InlineData("Admin@123x")]      // a letter after the digits: not the "word + digits + symbol" shape
    [InlineData("")]
    public void IsCommon_Uncommon_False(string password)
    {
        Assert.False(PasswordPolicy.IsCommon(password));
    }

    [Fact]
    public void Check_CommonButOtherwiseStrong_RejectsAsCommon()
    {
        var error = Assert.Single(PasswordPolicy.Check("Password1!", "zhigao.filler"));

        Chinese.AssertMessage(error);
        Assert.Contains("过于常见", error);
    }

    [Theory]
    [InlineData("Perf@2026x", "perf")]
    [InlineData("xPERF#2026", "perf")]
    [InlineData("Zhigao.filler9!", "zhigao.filler")]
    public void Check_ContainsUserNameAnyCase_RejectsNamingIt(string password, string userName)
    {
        var error = Assert.Single(PasswordPolicy.Check(password, userName));

        Assert.Equal($"密码不能包含用户名“{userName}”。", error);
    }

    [Fact]
    public void Check_DemoPasswordForEveryDemoName_Accepts()
    {
        Assert.Empty(PasswordPolicy.Check("Jixiao@2026", "sysadmin"));
        Assert.Empty(PasswordPolicy.Check("Jixiao@2026", "shuiziyuan"));
    }
}
