using Jixiao.Domain.Access;

namespace Jixiao.Domain.Tests.Access;

public sealed class SignInRulesTests
{
    private static readonly DateTime Changed = new(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    // set by an administrator, days since the change, expiry days → reason
    [InlineData(true, 0, 90, PasswordChangeReason.SetByAdministrator)]
    [InlineData(true, 400, 90, PasswordChangeReason.SetByAdministrator)]
    [InlineData(false, 0, 90, PasswordChangeReason.None)]
    [InlineData(false, 89, 90, PasswordChangeReason.None)]
    [InlineData(false, 90, 90, PasswordChangeReason.Expired)]
    [InlineData(false, 200, 90, PasswordChangeReason.Expired)]
    [InlineData(false, 29, 30, PasswordChangeReason.None)]
    [InlineData(false, 30, 30, PasswordChangeReason.Expired)]
    [InlineData(false, 4000, 0, PasswordChangeReason.None)]   // 0: never expires
    public void PasswordChange_ByWhoSetItAndAge_NamesTheReason(bool byAdministrator, int days, int expiryDays, PasswordChangeReason expected)
    {
        Assert.Equal(expected, SignInRules.PasswordChange(byAdministrator, Changed, Changed.AddDays(days), expiryDays));
    }

    [Theory]
    // role, finance roles required → two factors required
    [InlineData(Role.SystemAdmin, false, true)]
    [InlineData(Role.SecurityAdmin, false, true)]
    [InlineData(Role.AuditAdmin, false, true)]
    [InlineData(Role.BusinessDivision, false, false)]
    [InlineData(Role.BusinessDivision, true, true)]
    [InlineData(Role.PerformanceDivision, false, false)]
    [InlineData(Role.PerformanceDivision, true, true)]
    [InlineData(Role.UnitFiller, true, false)]
    [InlineData(Role.DepartmentReviewer, true, false)]
    [InlineData(Role.Agency, true, false)]
    [InlineData(Role.Expert, true, false)]
    public void TwoFactorRequired_AdministratorsAlwaysFinanceWhenSet(Role role, bool financeRequired, bool expected)
    {
        Assert.Equal(expected, SignInRules.TwoFactorRequired([role], financeRequired));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(365)]
    public void EnsureValidExpiry_NeverOrWithinRange_Accepts(int days)
    {
        SignInRules.EnsureValidExpiry(days);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(29)]
    [InlineData(366)]
    public void EnsureValidExpiry_OutOfRange_RejectsNamingTheRange(int days)
    {
        var error = Assert.Throws<DomainException>(() => SignInRules.EnsureValidExpiry(days));

        Chinese.AssertMessage(error.Message);
        Assert.Contains("30–365", error.Message);
        Assert.Equal("密码有效期", error.Field);
    }

    [Fact]
    public void Label_EachReasonToChange_IsChinese()
    {
        Chinese.AssertMessage(PasswordChangeReason.SetByAdministrator.Label());
        Chinese.AssertMessage(PasswordChangeReason.Expired.Label());
    }
}
