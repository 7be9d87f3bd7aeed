using System.Security.Cryptography;
using Jixiao.Domain;
using Jixiao.Domain.Access;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Cli;

/// <summary>
/// <c>users VERB --user NAME …</c>: the changes 三员分立 keeps off the web (<see cref="AccountChanges"/>) — granting and
/// revoking the three administrator roles and resetting an administrator's password — made by an operator on the
/// server. Each saves through the audited context, so the trail records the change under <c>cli:users VERB</c>.
/// A new password is generated, printed once and known to no online account.
/// </summary>
public static class UserVerbs
{
    public const string Usage =
        "管理员账号（三员分立，只在服务器上办理）：users grant-admin --user 用户名 --role SystemAdmin|SecurityAdmin|AuditAdmin " +
        "[--region 区划 --org 机构代码] [--name 姓名]；users revoke-admin --user 用户名；users reset-password --user 用户名";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var verb = args.FirstOrDefault() ?? "";
        services.GetRequiredService<CurrentUser>().SetSystem($"cli:users {verb}");
        var db = services.GetRequiredService<SystemDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        switch (verb)
        {
            case "grant-admin":
                return await GrantAdminAsync(db, users, clock, args);
            case "revoke-admin":
                return await RevokeAdminAsync(db, users, args);
            case "reset-password":
                var user = await FindAsync(db, users, Option(args, "--user")) ?? throw NoSuchUser(Option(args, "--user"));
                var password = SetNewPassword(user, users);
                await db.SaveChangesAsync();
                Console.WriteLine($"已重置 {user.UserName}（{user.DisplayName}）的密码，并解除锁定；该账号在各处的登录已失效。");
                PrintPassword(password);
                return 0;
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static async Task<int> GrantAdminAsync(SystemDbContext db, UserManager<AppUser> users, TimeProvider clock, string[] args)
    {
        var userName = Option(args, "--user");
        var roleText = Option(args, "--role");
        if (!Roles.TryParseLabelOrName(roleText, out var role) || !Roles.Administrators.Contains(role))
            throw new ArgumentException($"--role 应为 SystemAdmin、SecurityAdmin 或 AuditAdmin，而不是 {roleText}。");
        var user = await FindAsync(db, users, userName);
        var org = await OrgAsync(db, args, user);
        if (user is null)
        {
            if (org is null) throw new ArgumentException($"账号 {userName} 不存在；新建管理员账号须用 --region 和 --org 指定所属财政局或股室。");
            if (userName.Length is < 3 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                throw new ArgumentException("用户名应为 3–64 位字母、数字或 . _ -。");
            user = new AppUser
            {
                UserName = userName,
                NormalizedUserName = users.NormalizeName(userName),
                DisplayName = OptionalOption(args, "--name") ?? userName,
                RegionCode = org.RegionCode,
                LockoutEnabled = true,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Users.Add(user);
        }
        var business = user.Roles.Select(r => r.Role).Where(r => !Roles.Administrators.Contains(r)).ToList();
        if (business.Count > 0)
            throw new DomainException($"账号 {user.UserName} 担任业务角色（{string.Join("、", business.Select(r => r.Label()))}）：三员分立要求管理员使用专用账号，请换一个用户名新建。");
        if (user.Roles.FirstOrDefault(r => r.Role != role) is { } other)
            throw new DomainException($"三员分立：{user.UserName} 已是{other.Role.Label()}，不能兼任{role.Label()}；如确需调整，请先执行 users revoke-admin --user {user.UserName}。");
        org ??= await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == user.OrgUnitId);
        if (org is null || org.RegionCode != user.RegionCode)
            throw new ArgumentException($"请用 --org 指定 {user.RegionCode} 的财政局或股室（管理员不能调到其他区划，请在该区划另建账号）。");
        Roles.EnsureValidAssignment([role], org.Kind, org.DivisionKind);
        user.OrgUnitId = org.Id;
        user.IsActive = true;
        if (user.Roles.Count == 0) user.Roles.Add(new UserRoleAssignment { UserId = user.Id, RegionCode = user.RegionCode, Role = role });
        var password = SetNewPassword(user, users);
        await db.SaveChangesAsync();
        Console.WriteLine($"已授予 {user.UserName}（{user.DisplayName}）{role.Label()}，区划 {user.RegionCode}，所属机构 {org.Name}。");
        PrintPassword(password);
        return 0;
    }

    private static async Task<int> RevokeAdminAsync(SystemDbContext db, UserManager<AppUser> users, string[] args)
    {
        var userName = Option(args, "--user");
        var user = await FindAsync(db, users, userName) ?? throw NoSuchUser(userName);
        var admin = user.Roles.Where(r => Roles.Administrators.Contains(r.Role)).ToList();
        if (admin.Count == 0) throw new DomainException($"账号 {userName} 不担任管理员角色，无需撤销；业务账号请由系统管理员在线管理。");
        user.Roles.RemoveAll(admin.Contains);
        user.IsActive = false;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync();
        Console.WriteLine($"已撤销 {userName}（{user.DisplayName}）的{string.Join("、", admin.Select(r => r.Role.Label()))}角色，账号已停用；可用 users grant-admin 重新授予。");
        return 0;
    }

    private static async Task<AppUser?> FindAsync(SystemDbContext db, UserManager<AppUser> users, string userName)
    {
        var normalized = users.NormalizeName(userName.Trim());
        return await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.NormalizedUserName == normalized);
    }

    private static async Task<Domain.Organisation.OrgUnit?> OrgAsync(SystemDbContext db, string[] args, AppUser? user)
    {
        if (OptionalOption(args, "--org") is not { } code) return null;
        var region = OptionalOption(args, "--region") ?? user?.RegionCode
            ?? throw new ArgumentException("新建管理员账号须用 --region 指定区划。");
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

    private static string Option(string[] args, string name) =>
        OptionalOption(args, name) ?? throw new ArgumentException($"缺少参数 {name}。{Usage}");

    private static string? OptionalOption(string[] args, string name) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
