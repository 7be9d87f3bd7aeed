using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using static Jixiao.Web.Cli.JixiaoCli;

namespace Jixiao.Web.Cli;

/// <summary>
/// <c>users VERB --user NAME …</c>: the changes 三员分立 keeps off the web (<see cref="AccountChanges"/>) — granting and
/// revoking the three administrator roles, resetting an administrator's password or second factor — made by an operator
/// on the server. Each saves through the audited context, so the trail records the change under <c>cli:users VERB</c>.
/// A new password is generated, printed once and known to no online account.
/// </summary>
public static class UserVerbs
{
    public static Command Command() => Group("users", "管理员账号（三员分立，只在服务器上办理）",
        [GrantAdmin(), RevokeAdmin(), ResetPassword(), ResetTwoFactor()]);

    private static Option<string> UserName(string description) => Text("--user", "用户名", description, required: true);

    private static Command GrantAdmin()
    {
        var userName = UserName("账号，不存在时新建");
        var role = Parsed("--role", "角色", "授予哪个管理员角色", (string text, out Role value) =>
            Roles.TryParseLabelOrName(text, out value) && Roles.Administrators.Contains(value),
            " SystemAdmin、SecurityAdmin 或 AuditAdmin", required: true);
        var region = Text("--region", "区划代码", "新建账号所属的区划；默认为账号现在的区划");
        var orgCode = Text("--org", "机构代码", "所属的财政局或股室；新建账号必填");
        var displayName = Text("--name", "姓名", "新建账号的姓名；默认同用户名");
        return Verb("grant-admin", "授予系统管理员、安全管理员或审计管理员角色（新账号或没有业务角色的账号），打印一次性密码",
            [userName, role, region, orgCode, displayName], async (parse, services, _) =>
            {
                var (db, users) = (services.GetRequiredService<SystemDbContext>(), services.GetRequiredService<UserManager<AppUser>>());
                var name = parse.GetValue(userName)!;
                var admin = parse.GetValue(role);
                var user = await FindAsync(db, users, name);
                var org = await OrgAsync(db, parse.GetValue(orgCode), parse.GetValue(region) ?? user?.RegionCode);
                if (user is null)
                {
                    if (org is null) throw new ArgumentException($"账号 {name} 不存在；新建管理员账号须用 --region 和 --org 指定所属财政局或股室。");
                    if (name.Length is < 3 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                        throw new ArgumentException("用户名应为 3–64 位字母、数字或 . _ -。");
                    user = new AppUser
                    {
                        UserName = name,
                        NormalizedUserName = users.NormalizeName(name),
                        DisplayName = parse.GetValue(displayName) ?? name,
                        RegionCode = org.RegionCode,
                        LockoutEnabled = true,
                        CreatedAtUtc = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
                    };
                    db.Users.Add(user);
                }
                var business = user.Roles.Select(r => r.Role).Where(r => !Roles.Administrators.Contains(r)).ToList();
                if (business.Count > 0)
                    throw new DomainException($"账号 {user.UserName} 担任业务角色（{string.Join("、", business.Select(r => r.Label()))}）：三员分立要求管理员使用专用账号，请换一个用户名新建。");
                if (user.Roles.FirstOrDefault(r => r.Role != admin) is { } other)
                    throw new DomainException($"三员分立：{user.UserName} 已是{other.Role.Label()}，不能兼任{admin.Label()}；如确需调整，请先执行 users revoke-admin --user {user.UserName}。");
                org ??= await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == user.OrgUnitId);
                if (org is null || org.RegionCode != user.RegionCode)
                    throw new ArgumentException($"请用 --org 指定 {user.RegionCode} 的财政局或股室（管理员不能调到其他区划，请在该区划另建账号）。");
                Roles.EnsureValidAssignment([admin], org.Kind, org.DivisionKind);
                user.OrgUnitId = org.Id;
                user.IsActive = true;
                if (user.Roles.Count == 0) user.Roles.Add(new UserRoleAssignment { UserId = user.Id, RegionCode = user.RegionCode, Role = admin });
                var password = SetNewPassword(user, users);
                await db.SaveChangesAsync();
                Console.WriteLine($"已授予 {user.UserName}（{user.DisplayName}）{admin.Label()}，区划 {user.RegionCode}，所属机构 {org.Name}。");
                PrintPassword(password);
                return 0;
            });
    }

    private static Command RevokeAdmin()
    {
        var userName = UserName("管理员账号");
        return Verb("revoke-admin", "撤销账号的管理员角色并停用该账号", [userName], async (parse, services, _) =>
        {
            var (db, users) = (services.GetRequiredService<SystemDbContext>(), services.GetRequiredService<UserManager<AppUser>>());
            var name = parse.GetValue(userName)!;
            var user = await FindAsync(db, users, name) ?? throw NoSuchUser(name);
            var admin = user.Roles.Where(r => Roles.Administrators.Contains(r.Role)).ToList();
            if (admin.Count == 0) throw new DomainException($"账号 {name} 不担任管理员角色，无需撤销；业务账号请由系统管理员在线管理。");
            user.Roles.RemoveAll(admin.Contains);
            user.IsActive = false;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync();
            Console.WriteLine($"已撤销 {name}（{user.DisplayName}）的{string.Join("、", admin.Select(r => r.Role.Label()))}角色，账号已停用；可用 users grant-admin 重新授予。");
            return 0;
        });
    }

    private static Command ResetPassword()
    {
        var userName = UserName("任一账号；管理员的密码只能在这里重置");
        return Verb("reset-password", "把账号的密码重置为一次性密码并解除锁定，其各处的登录随之失效", [userName], async (parse, services, _) =>
        {
            var (db, users) = (services.GetRequiredService<SystemDbContext>(), services.GetRequiredService<UserManager<AppUser>>());
            var user = await FindAsync(db, users, parse.GetValue(userName)!) ?? throw NoSuchUser(parse.GetValue(userName)!);
            var password = SetNewPassword(user, users);
            await db.SaveChangesAsync();
            Console.WriteLine($"已重置 {user.UserName}（{user.DisplayName}）的密码，并解除锁定；该账号在各处的登录已失效。");
            PrintPassword(password);
            return 0;
        });
    }

    /// <summary>
    /// Removes a user's second factor on the server, the only way for an administrator's (三员分立: no online account
    /// resets a power of the three). Audited; the user's sessions and tokens end.
    /// </summary>
    private static Command ResetTwoFactor()
    {
        var userName = UserName("任一账号；管理员的动态口令只能在这里重置");
        return Verb("reset-2fa", "删除账号绑定的动态口令，其会话和 API 令牌随之失效（记入审计日志）", [userName], async (parse, services, cancellationToken) =>
        {
            var name = parse.GetValue(userName)!;
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
            var db = services.GetRequiredService<SystemDbContext>();
            var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == name, cancellationToken);
            if (user is null)
            {
                Console.Error.WriteLine($"没有用户“{name}”，请核对用户名。");
                return 1;
            }
            if (!user.TwoFactorEnabled)
            {
                Console.WriteLine($"“{name}”没有启用动态口令，无需重置；须用动态口令的账号下次登录时按提示绑定。");
                return 0;
            }
            await TwoFactor.ResetAsync(db, user, "服务器命令行 ", cancellationToken);
            Console.WriteLine($"已重置“{name}”的动态口令：其会话和 API 令牌已失效，下次登录时按提示重新绑定（已记入审计日志）。");
            return 0;
        });
    }

    private static async Task<AppUser?> FindAsync(SystemDbContext db, UserManager<AppUser> users, string userName)
    {
        var normalized = users.NormalizeName(userName.Trim());
        return await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.NormalizedUserName == normalized);
    }

    private static async Task<Domain.Organisation.OrgUnit?> OrgAsync(SystemDbContext db, string? code, string? region)
    {
        if (code is null) return null;
        if (region is null) throw new ArgumentException("新建管理员账号须用 --region 指定区划。");
        return await db.OrgUnits.SingleOrDefaultAsync(o => o.RegionCode == region && o.Code == code)
            ?? throw new ArgumentException($"区划 {region} 没有代码为 {code} 的机构。");
    }

    /// <summary>A one-time password: the account must replace it at its first sign-in, as one an administrator chose online.</summary>
    private static string SetNewPassword(AppUser user, UserManager<AppUser> users)
    {
        var password = GeneratePassword();
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.PasswordSetByAdministrator = true;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return password;
    }

    private static void PrintPassword(string password)
    {
        Console.WriteLine($"一次性密码：{password}");
        Console.WriteLine("请当面交给本人，并请其登录后立即修改；在线的任何账号都看不到也不能重置这个密码。");
    }

    /// <summary>16 characters from all four classes, without look-alikes (0/O, 1/l/I).</summary>
    private static string GeneratePassword()
    {
        string[] classes = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "@#%+=?!"];
        var chars = classes.Select(c => c[RandomNumberGenerator.GetInt32(c.Length)])
            .Concat(Enumerable.Range(0, 12).Select(i => classes[i % 3][RandomNumberGenerator.GetInt32(classes[i % 3].Length)]))
            .ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static ArgumentException NoSuchUser(string userName) => new($"账号 {userName} 不存在。");
}
