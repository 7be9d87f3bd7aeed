using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Users;

/// <param name="Email">电子邮箱: the notices (消息提醒) are mailed there too</param>
public sealed record UserDto(long Id, string UserName, string DisplayName, string RegionCode, long? OrgUnitId, string? OrgName,
    IReadOnlyList<Role> Roles, bool IsActive, bool IsLockedOut, DateTime? LockoutEndUtc, string? Email = null);

/// <summary>
/// User management for the system administrator: create, change roles and organisation, disable, set a
/// password — of business accounts. Enforces 三员分立 (<see cref="AccountChanges"/>: no administrator account is
/// created, given or stripped of a role, reset or disabled online) and the role-to-organisation rules; a role
/// change logs the user out everywhere.
/// </summary>
public static class SaveUser
{
    /// <param name="Email">电子邮箱 (optional): the user's notices are mailed there as well</param>
    public sealed record Command(string UserName, string DisplayName, long? OrgUnitId, IReadOnlyList<Role> Roles, bool IsActive, string? Password, string? RegionCode,
        string? Email = null);

    /// <summary>Filter and order <paramref name="users"/> first; the DTO is built in memory (lockout times are
    /// DateTimeOffset, which SQLite cannot compare).</summary>
    public static async Task<List<UserDto>> ListAsync(JixiaoDbContext db, IQueryable<AppUser> users, DateTime nowUtc, CancellationToken ct)
    {
        var rows = await users.AsNoTracking()
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.RegionCode, u.OrgUnitId, u.IsActive, u.LockoutEnd, u.Email,
                OrgName = db.OrgUnits.Where(o => o.Id == u.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
                Roles = u.Roles.Select(r => r.Role).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(u => new UserDto(u.Id, u.UserName!, u.DisplayName, u.RegionCode, u.OrgUnitId, u.OrgName,
                u.Roles.Order().ToList(), u.IsActive, u.LockoutEnd is { } end && end.UtcDateTime > nowUtc, u.LockoutEnd?.UtcDateTime, u.Email))
            .ToList();
    }

    /// <summary>Users whose lockout has not yet run out (the time check is done in memory).</summary>
    public static async Task<List<UserDto>> LockedAsync(JixiaoDbContext db, DateTime nowUtc, CancellationToken ct) =>
        (await ListAsync(db, db.Users.Where(u => u.LockoutEnd != null).OrderBy(u => u.UserName), nowUtc, ct))
        .Where(u => u.IsLockedOut).ToList();

    /// <param name="actor">the roles of whoever asks (online)</param>
    public static async Task<AppUser> CreateAsync(JixiaoDbContext db, UserManager<AppUser> users, TimeProvider clock, IReadOnlyCollection<Role> actor,
        Command command, CancellationToken ct)
    {
        AccountChanges.Ensure(actor, AccountChange.Create, [], command.Roles, "角色");
        var userName = (command.UserName ?? "").Trim();
        if (userName.Length is < 3 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new DomainException("用户名应为 3–64 位字母、数字或 . _ -。", "用户名");
        if (await users.FindByNameAsync(userName) is not null)
            throw new DomainException($"用户名“{userName}”已被使用，请换一个。", "用户名");
        var (region, org) = await ResolveOrgAsync(db, command, ct);
        var password = command.Password ?? "";
        var problems = PasswordPolicy.Check(password, userName);
        if (problems.Count > 0) throw new DomainException(string.Join("", problems), "初始密码");

        var user = new AppUser
        {
            UserName = userName,
            DisplayName = RequireName(command.DisplayName),
            Email = EmailOf(command.Email),
            RegionCode = region,
            OrgUnitId = org?.Id,
            IsActive = command.IsActive,
            LockoutEnabled = true,
            PasswordSetByAdministrator = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Roles = command.Roles.Distinct().Select(r => new UserRoleAssignment { RegionCode = region, Role = r }).ToList(),
        };
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.NormalizedUserName = users.NormalizeName(userName);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <returns>null when the user is outside the administrator's scope (answer 404)</returns>
    public static async Task<AppUser?> UpdateAsync(JixiaoDbContext db, UserManager<AppUser> users, IReadOnlyCollection<Role> actor,
        long id, Command command, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return null;
        var wanted = command.Roles.Distinct().ToHashSet();
        var held = user.Roles.Select(r => r.Role).ToList();
        foreach (var (change, field) in Changes(user, held, wanted, command))
            AccountChanges.Ensure(actor, change, held, change == AccountChange.ChangeRoles ? wanted : held, field);
        var (region, org) = await ResolveOrgAsync(db, command with { RegionCode = user.RegionCode }, ct);
        user.DisplayName = RequireName(command.DisplayName);
        user.Email = EmailOf(command.Email);
        user.OrgUnitId = org?.Id;
        var rolesChanged = !wanted.SetEquals(user.Roles.Select(r => r.Role)) || user.IsActive != command.IsActive;
        user.Roles.RemoveAll(r => !wanted.Contains(r.Role));
        foreach (var role in wanted.Where(r => user.Roles.All(x => x.Role != r)))
            user.Roles.Add(new UserRoleAssignment { UserId = user.Id, RegionCode = region, Role = role });
        user.IsActive = command.IsActive;
        if (!string.IsNullOrEmpty(command.Password))
        {
            var problems = PasswordPolicy.Check(command.Password, user.UserName);
            if (problems.Count > 0) throw new DomainException(string.Join("", problems), "新密码");
            user.PasswordHash = users.PasswordHasher.HashPassword(user, command.Password);
            user.PasswordSetByAdministrator = true;
            rolesChanged = true;
        }
        if (rolesChanged) user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>What <paramref name="command"/> would change on <paramref name="user"/>, with the form field of each.</summary>
    private static IEnumerable<(AccountChange Change, string Field)> Changes(AppUser user, IReadOnlyCollection<Role> held, IReadOnlySet<Role> wanted, Command command)
    {
        if (!string.Equals(user.DisplayName, command.DisplayName?.Trim(), StringComparison.Ordinal)) yield return (AccountChange.Rename, "姓名");
        if (!string.Equals(user.Email ?? "", command.Email?.Trim() ?? "", StringComparison.OrdinalIgnoreCase)) yield return (AccountChange.Rename, "电子邮箱");
        if (user.OrgUnitId != command.OrgUnitId) yield return (AccountChange.ChangeOrganisation, "所属机构");
        if (!wanted.SetEquals(held)) yield return (AccountChange.ChangeRoles, "角色");
        if (user.IsActive && !command.IsActive) yield return (AccountChange.Disable, "启用");
        if (!user.IsActive && command.IsActive) yield return (AccountChange.Enable, "启用");
        if (!string.IsNullOrEmpty(command.Password)) yield return (AccountChange.ResetPassword, "新密码");
    }

    /// <summary>The address as stored (null when none), or the refusal naming the field.</summary>
    private static string? EmailOf(string? text) => ContactText.Email(text) is { Length: > 0 } email ? email : null;

    private static async Task<(string Region, Domain.Organisation.OrgUnit? Org)> ResolveOrgAsync(JixiaoDbContext db, Command command, CancellationToken ct)
    {
        Domain.Organisation.OrgUnit? org = null;
        if (command.OrgUnitId is { } orgId)
            org = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == orgId, ct)
                  ?? throw new DomainException("所属机构不存在或不在您的管理范围内。", "所属机构");
        var region = org?.RegionCode ?? command.RegionCode
            ?? throw new DomainException("不隶属机构的账号（第三方机构、专家）必须选择所属区划。", "区划");
        if (!await db.Regions.AnyAsync(r => r.Code == region, ct))
            throw new DomainException($"区划“{region}”不存在或不在您的管理范围内。", "区划");
        Roles.EnsureValidAssignment(command.Roles, org?.Kind, org?.DivisionKind);
        return (region, org);
    }

    private static string RequireName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50
            ? throw new DomainException("姓名不能为空，且不超过 50 个字。", "姓名")
            : name.Trim();
}
