namespace Jixiao.Domain.Access;

/// <summary>Why a user must set a new password before working.</summary>
public enum PasswordChangeReason
{
    [Label("无需修改密码")]
    None = 0,
    /// <summary>An administrator created the account or reset its password.</summary>
    [Label("您的密码由管理员设置，首次登录须修改为只有您知道的密码。")]
    SetByAdministrator = 1,
    /// <summary>Older than the region's expiry.</summary>
    [Label("您的密码已超过有效期，请设置新密码。")]
    Expired = 2,
}

/// <summary>The rules a sign-in checks after the password: must the password change, is a second factor required.</summary>
public static class SignInRules
{
    public const int DefaultPasswordExpiryDays = 90;
    /// <summary>The security administrator may set 0 (never) or 30–365 days.</summary>
    public const int MinExpiryDays = 30;
    public const int MaxExpiryDays = 365;

    /// <summary>财政业务股室 and 财政绩效股: the roles the security administrator may oblige to use a second factor.</summary>
    public static readonly IReadOnlySet<Role> FinanceRoles = new HashSet<Role> { Role.BusinessDivision, Role.PerformanceDivision };

    public static PasswordChangeReason PasswordChange(bool setByAdministrator, DateTime passwordChangedAtUtc, DateTime nowUtc, int expiryDays)
    {
        if (setByAdministrator) return PasswordChangeReason.SetByAdministrator;
        return expiryDays > 0 && nowUtc >= passwordChangedAtUtc.AddDays(expiryDays) ? PasswordChangeReason.Expired : PasswordChangeReason.None;
    }

    /// <summary>The three administrators always (等保 三级: two factors for administrators); finance roles when the region says so.</summary>
    public static bool TwoFactorRequired(IEnumerable<Role> roles, bool financeRolesRequired) =>
        roles.Any(r => Roles.Administrators.Contains(r) || (financeRolesRequired && FinanceRoles.Contains(r)));

    public static void EnsureValidExpiry(int days)
    {
        if (days != 0 && days is < MinExpiryDays or > MaxExpiryDays)
            throw new DomainException($"密码有效期应为 0（不过期）或 {MinExpiryDays}–{MaxExpiryDays} 天，当前为 {days} 天。", "密码有效期");
    }
}
