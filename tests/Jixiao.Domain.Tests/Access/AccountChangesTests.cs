using Jixiao.Domain.Access;

namespace Jixiao.Domain.Tests.Access;

/// <summary>三员分立 for account management, as a table: who may make which change to which kind of account online.</summary>
public sealed class AccountChangesTests
{
    private static readonly Role[] Admins = [Role.SystemAdmin, Role.SecurityAdmin, Role.AuditAdmin];

    /// <summary>Changes that grant or restore a power: never online when an administrator account is involved.</summary>
    private static readonly (AccountChange Change, string Command)[] OfflineForAdmins =
    [
        (AccountChange.Create, "users grant-admin"),
        (AccountChange.ChangeOrganisation, "users grant-admin --org"),
        (AccountChange.ChangeRoles, "users grant-admin / users revoke-admin"),
        (AccountChange.Disable, "users revoke-admin"),
        (AccountChange.Enable, "users grant-admin"),
        (AccountChange.ResetPassword, "users reset-password"),
        (AccountChange.ResetTwoFactor, "users reset-2fa"),
    ];

    /// <summary>Changes that give no power: online, by the one role that owns them, to any account.</summary>
    private static readonly (AccountChange Change, Role Owner)[] OnlineForAdmins =
    [
        (AccountChange.Rename, Role.SystemAdmin),
        (AccountChange.Unlock, Role.SecurityAdmin),
        (AccountChange.RevokeToken, Role.SecurityAdmin),
    ];

    /// <summary>Every change to a business account, and the role that makes it online.</summary>
    private static readonly (AccountChange Change, Role Owner)[] BusinessOwners =
    [
        (AccountChange.Create, Role.SystemAdmin),
        (AccountChange.Rename, Role.SystemAdmin),
        (AccountChange.ChangeOrganisation, Role.SystemAdmin),
        (AccountChange.ChangeRoles, Role.SystemAdmin),
        (AccountChange.Disable, Role.SystemAdmin),
        (AccountChange.Enable, Role.SystemAdmin),
        (AccountChange.ResetPassword, Role.SystemAdmin),
        (AccountChange.ResetTwoFactor, Role.SecurityAdmin),
        (AccountChange.Unlock, Role.SecurityAdmin),
        (AccountChange.RevokeToken, Role.SecurityAdmin),
    ];

    public static TheoryData<Role, Role, AccountChange, string> AdminOnAdmin()
    {
        var data = new TheoryData<Role, Role, AccountChange, string>();
        foreach (var actor in Admins)
            foreach (var target in Admins)
                foreach (var (change, command) in OfflineForAdmins)
                    data.Add(actor, target, change, command);
        return data;
    }

    [Theory, MemberData(nameof(AdminOnAdmin))]
    public void Decide_PowerChangeToAnyAdministrator_RefusedNamingTheCommand(Role actor, Role target, AccountChange change, string command)
    {
        var decision = AccountChanges.Decide([actor], change, change == AccountChange.Create ? [] : [target], [target]);
        Assert.False(decision.Allowed);
        Assert.Contains("三员分立", decision.Refusal);
        Assert.Contains(command, decision.Refusal);
        Assert.Contains(target.Label(), decision.Refusal);
    }

    [Fact]
    public void Decide_CreateOrChangeRolesByEveryone_RefusedForEveryAdministratorRoleGivenOrTaken()
    {
        foreach (var actor in Roles.All)
            foreach (var admin in Admins)
            {
                Assert.False(AccountChanges.Decide([actor], AccountChange.Create, [], [admin]).Allowed);
                Assert.False(AccountChanges.Decide([actor], AccountChange.ChangeRoles, [Role.PerformanceDivision], [admin]).Allowed);
                Assert.False(AccountChanges.Decide([actor], AccountChange.ChangeRoles, [admin], [Role.PerformanceDivision]).Allowed);
            }
    }

    public static TheoryData<Role, Role, AccountChange, bool> NoPowerChanges()
    {
        var data = new TheoryData<Role, Role, AccountChange, bool>();
        foreach (var actor in Admins)
            foreach (var target in Admins)
                foreach (var (change, owner) in OnlineForAdmins)
                    data.Add(actor, target, change, actor == owner);
        return data;
    }

    [Theory, MemberData(nameof(NoPowerChanges))]
    public void Decide_ChangeThatGivesNoPower_OnlyItsOwnerMayMakeIt(Role actor, Role target, AccountChange change, bool allowed)
    {
        var decision = AccountChanges.Decide([actor], change, [target], [target]);
        Assert.Equal(allowed, decision.Allowed);
        if (!allowed) Assert.Contains("无此权限", decision.Refusal);
    }

    public static TheoryData<Role, AccountChange, bool> OnBusinessAccounts()
    {
        var data = new TheoryData<Role, AccountChange, bool>();
        foreach (var actor in Roles.All)
            foreach (var (change, owner) in BusinessOwners)
                data.Add(actor, change, actor == owner);
        return data;
    }

    [Theory, MemberData(nameof(OnBusinessAccounts))]
    public void Decide_BusinessAccount_ByTheRoleThatOwnsTheChange(Role actor, AccountChange change, bool allowed)
    {
        var decision = AccountChanges.Decide([actor], change, [Role.UnitFiller], [Role.DepartmentReviewer]);
        Assert.Equal(allowed, decision.Allowed);
    }
}
