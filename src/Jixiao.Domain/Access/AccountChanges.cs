namespace Jixiao.Domain.Access;

/// <summary>What someone may do to a user account.</summary>
public enum AccountChange
{
    [Label("新建管理员账号")]
    Create,
    [Label("修改姓名")]
    Rename,
    [Label("调整管理员的所属机构")]
    ChangeOrganisation,
    [Label("授予或撤销管理员角色")]
    ChangeRoles,
    [Label("停用管理员账号")]
    Disable,
    [Label("启用管理员账号")]
    Enable,
    [Label("重置管理员密码")]
    ResetPassword,
    [Label("重置管理员的双因素认证")]
    ResetTwoFactor,
    [Label("解锁账号")]
    Unlock,
    [Label("吊销 API 令牌")]
    RevokeToken,
}

/// <summary>The answer for one change: allowed online, or refused with the reason and the server command that does it.</summary>
public sealed record AccountChangeDecision(bool Allowed, string? Refusal = null)
{
    public static readonly AccountChangeDecision Yes = new(true);
}

/// <summary>
/// 三员分立 for account management. Online, the system administrator manages business accounts and the
/// security administrator unlocks accounts and revokes tokens; but no online account can create an
/// administrator, give or take an administrator role, or reset, disable or enable an administrator's
/// credentials — not even its own — so none of the three can obtain a power it does not hold. Those changes
/// are made on the server by an operator (<c>users grant-admin</c>, <c>users revoke-admin</c>,
/// <c>users reset-password</c>, <c>users reset-2fa</c>) and recorded in the audit trail.
/// </summary>
public static class AccountChanges
{
    /// <summary>Which role does each change online, to a business account.</summary>
    private static readonly Dictionary<AccountChange, Role> BusinessAccounts = new()
    {
        [AccountChange.Create] = Role.SystemAdmin,
        [AccountChange.Rename] = Role.SystemAdmin,
        [AccountChange.ChangeOrganisation] = Role.SystemAdmin,
        [AccountChange.ChangeRoles] = Role.SystemAdmin,
        [AccountChange.Disable] = Role.SystemAdmin,
        [AccountChange.Enable] = Role.SystemAdmin,
        [AccountChange.ResetPassword] = Role.SystemAdmin,
        [AccountChange.ResetTwoFactor] = Role.SecurityAdmin,
        [AccountChange.Unlock] = Role.SecurityAdmin,
        [AccountChange.RevokeToken] = Role.SecurityAdmin,
    };

    /// <summary>
    /// To an administrator account (one that holds, or would hold, an administrator role): the role that may do
    /// it online, or the server command to use instead. Renaming, unlocking and revoking a token give no power.
    /// </summary>
    private static readonly Dictionary<AccountChange, (Role? Online, string? Command)> AdminAccounts = new()
    {
        [AccountChange.Create] = (null, "users grant-admin"),
        [AccountChange.Rename] = (Role.SystemAdmin, null),
        [AccountChange.ChangeOrganisation] = (null, "users grant-admin --org"),
        [AccountChange.ChangeRoles] = (null, "users grant-admin / users revoke-admin"),
        [AccountChange.Disable] = (null, "users revoke-admin"),
        [AccountChange.Enable] = (null, "users grant-admin"),
        [AccountChange.ResetPassword] = (null, "users reset-password"),
        [AccountChange.ResetTwoFactor] = (null, "users reset-2fa"),
        [AccountChange.Unlock] = (Role.SecurityAdmin, null),
        [AccountChange.RevokeToken] = (Role.SecurityAdmin, null),
    };


    /// <summary>Throws <see cref="ForbiddenException"/> (naming <paramref name="field"/>) unless <see cref="Decide"/> allows the change.</summary>
    public static void Ensure(IReadOnlyCollection<Role> actorRoles, AccountChange change,
        IReadOnlyCollection<Role> targetRoles, IReadOnlyCollection<Role> wantedRoles, string field)
    {
        if (Decide(actorRoles, change, targetRoles, wantedRoles) is { Allowed: false, Refusal: var refusal })
            throw new ForbiddenException(refusal!, field);
    }

    /// <param name="actorRoles">the roles of the account asking, online</param>
    /// <param name="targetRoles">the target account's roles now (empty when it is being created)</param>
    /// <param name="wantedRoles">its roles after the change (the same as <paramref name="targetRoles"/> unless roles change)</param>
    public static AccountChangeDecision Decide(IReadOnlyCollection<Role> actorRoles, AccountChange change,
        IReadOnlyCollection<Role> targetRoles, IReadOnlyCollection<Role> wantedRoles)
    {
        var adminTarget = targetRoles.Concat(wantedRoles).Where(Roles.Administrators.Contains).Distinct().ToList();
        if (adminTarget.Count == 0)
        {
            var role = BusinessAccounts[change];
            return actorRoles.Contains(role)
                ? AccountChangeDecision.Yes
                : new(false, $"{change.Label()}由{role.Label()}办理，您的角色无此权限。");
        }
        var (online, command) = AdminAccounts[change];
        if (online is { } holder)
            return actorRoles.Contains(holder)
                ? AccountChangeDecision.Yes
                : new(false, $"{change.Label()}由{holder.Label()}办理，您的角色无此权限。");
        return new(false,
            $"三员分立：不能在线{change.Label()}（涉及{string.Join("、", adminTarget.Select(r => r.Label()))}），" +
            $"任何在线账号都不能取得、授予或重置三员的权限。请由服务器运维人员在服务器上执行 {command} 命令办理，操作将记入审计日志。");
    }
}
