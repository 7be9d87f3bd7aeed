using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jixiao.Domain.Access;
using Jixiao.Domain.Audit;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Audit;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Access;

/// <summary>
/// 三员分立 cannot be bypassed online: no administrator can create, re-role, reset or disable an administrator
/// account (its own included); the server's <c>users</c> verbs do it, recorded in the audit trail.
/// </summary>
public sealed partial class AdminSeparationTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private static readonly (string UserName, Role Role)[] Admins =
        [("sysadmin", Role.SystemAdmin), ("secadmin", Role.SecurityAdmin), ("auditadmin", Role.AuditAdmin)];

    private static object Body(string userName, long? org, IEnumerable<Role> roles, string displayName, bool isActive = true, string password = "") =>
        new { userName, displayName, orgUnitId = org, roles = roles.Select(r => r.ToString()), isActive, password, regionCode = DemoCounty.RegionCode };

    private static async Task<HttpStatusCode> SignInAsync(JixiaoApp app, string userName, string password)
    {
        using var anonymous = app.CreateClient();
        return (await anonymous.PostAsJsonAsync("/api/auth/tokens", new { userName, password, name = "probe", totpCode = app.DemoTotpCode() })).StatusCode;
    }


    [Theory, MemberData(nameof(Providers))]
    public async Task UpdateAdminAccount_EveryAdminOnEveryAdminIncludingItself_RefusedAndNothingChanged(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var bureau = await app.OrgIdAsync(DemoCounty.RegionCode, "FIN00");
        var division = await app.OrgIdAsync(DemoCounty.RegionCode, "FIN02");
        foreach (var (actorName, actorRole) in Admins)
        {
            using var actor = await app.ClientForAsync(actorName);
            foreach (var (targetName, targetRole) in Admins)
            {
                var id = await app.UserIdAsync(targetName);
                var before = await app.AsSystemAsync<SystemDbContext, (string?, string?, bool)>(async db =>
                {
                    var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == id);
                    return (u.PasswordHash, u.DisplayName, u.IsActive);
                });
                var name = before.Item2!;
                var attempts = new (string What, object Body, string Command)[]
                {
                    ("reset password", Body(targetName, bureau, [targetRole], name, password: "Taken@2026x"), "users reset-password"),
                    ("another admin role", Body(targetName, bureau, [Admins.First(a => a.Role != targetRole).Role], name), "users grant-admin / users revoke-admin"),
                    ("a business role", Body(targetName, division, [Role.PerformanceDivision], name), "users grant-admin"),
                    ("disable", Body(targetName, bureau, [targetRole], name, isActive: false), "users revoke-admin"),
                    ("move", Body(targetName, division, [targetRole], name), "users grant-admin --org"),
                };
                foreach (var (what, body, command) in attempts)
                {
                    var response = await actor.PutAsJsonAsync($"/api/users/{id}", body);
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{actorName} → {targetName}: {what} answered {response.StatusCode}");
                    if (actorRole == Role.SystemAdmin)
                    {
                        var problem = await response.Content.ReadJsonAsync<ProblemDetails>();
                        Assert.Contains("三员分立", problem!.Detail);
                        Assert.Contains(command, problem.Detail);
                    }
                }
                var after = await app.AsSystemAsync<SystemDbContext, (string?, List<Role>, bool)>(async db =>
                {
                    var u = await db.Users.AsNoTracking().Include(x => x.Roles).SingleAsync(x => x.Id == id);
                    return (u.PasswordHash, u.Roles.Select(r => r.Role).ToList(), u.IsActive);
                });
                Assert.Equal(before.Item1, after.Item1);
                Assert.Equal([targetRole], after.Item2);
                Assert.True(after.Item3);
            }
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(app, "auditadmin", "Taken@2026x"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CreateUser_WithAnyAdminRole_RefusedNamingGrantAdminAndNotCreated(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.ClientForAsync("sysadmin");
        var bureau = await app.OrgIdAsync(DemoCounty.RegionCode, "FIN00");
        foreach (var (_, role) in Admins)
        {
            var name = $"second.{role}".ToLowerInvariant();
            var response = await admin.PostAsJsonAsync("/api/users", Body(name, bureau, [role], "第二个管理员", password: "Chosen@2026x"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = await response.Content.ReadJsonAsync<ProblemDetails>();
            Assert.Contains("users grant-admin", problem!.Detail);
            Assert.Contains(role.Label(), problem.Detail);
            Assert.False(await app.AsSystemAsync<SystemDbContext, bool>(db => db.Users.AnyAsync(u => u.UserName == name)));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task BusinessAccount_SysadminResetsPasswordChangesRoleAndDisables_Allowed(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.ClientForAsync("sysadmin");
        var unit = await app.OrgIdAsync(DemoCounty.RegionCode, "10604");
        var department = await app.OrgIdAsync(DemoCounty.RegionCode, "106");
        var created = await admin.PostAsJsonAsync("/api/users", Body("sep.business", unit, [Role.UnitFiller], "业务用户", password: "First@2026x"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadJsonAsync<UserDto>())!.Id;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/users/{id}",
            Body("sep.business", unit, [Role.UnitFiller], "业务用户", password: "Second@2026x"))).StatusCode);
        using (await app.FirstSignInAsync("sep.business", "Second@2026x")) { }
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/users/{id}",
            Body("sep.business", department, [Role.DepartmentReviewer], "业务用户", isActive: false))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(app, "sep.business", JixiaoApp.RenewedPassword));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task UsersVerbs_GrantResetRevoke_TakeEffectAndAreAudited(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);

        var granted = await CliRunner.RunAsync(app.Database, "users", "grant-admin", "--user", "audit2", "--role", "AuditAdmin",
            "--region", DemoCounty.RegionCode, "--org", "FIN00", "--name", "钱审计");
        Assert.True(granted.ExitCode == 0, granted.Output + granted.Error);
        using (var auditor = await app.FirstSignInAsync("audit2", PasswordIn(granted.Output)))
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/audit")).StatusCode);

        var reset = await CliRunner.RunAsync(app.Database, "users", "reset-password", "--user", "sysadmin");
        Assert.True(reset.ExitCode == 0, reset.Output + reset.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(app, "sysadmin", DemoCounty.Password));
        using (await app.FirstSignInAsync("sysadmin", PasswordIn(reset.Output))) { }

        var revoked = await CliRunner.RunAsync(app.Database, "users", "revoke-admin", "--user", "secadmin");
        Assert.True(revoked.ExitCode == 0, revoked.Output + revoked.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(app, "secadmin", DemoCounty.Password));
        var regranted = await CliRunner.RunAsync(app.Database, "users", "grant-admin", "--user", "secadmin", "--role", "SystemAdmin");
        Assert.True(regranted.ExitCode == 0, regranted.Output + regranted.Error);
        using (var system = await app.FirstSignInAsync("secadmin", PasswordIn(regranted.Output)))
            Assert.Equal(HttpStatusCode.OK, (await system.GetAsync("/api/users")).StatusCode);

        using var auditadmin = await app.ClientForAsync("auditadmin");
        var trail = await auditadmin.GetJsonAsync<AuditPage>("/api/audit?user=cli:users&pageSize=200");
        Assert.Contains(trail!.Rows, r => r.UserName == "cli:users grant-admin" && r.EntityType == "UserRoleAssignment" && r.Action == AuditAction.Create);
        Assert.Contains(trail.Rows, r => r.UserName == "cli:users revoke-admin" && r.EntityType == "UserRoleAssignment" && r.Action == AuditAction.Delete);
        Assert.Contains(trail.Rows, r => r.UserName == "cli:users reset-password" && r.EntityType == "AppUser" && r.Changes!.Contains("PasswordHash"));
        Assert.DoesNotContain(trail.Rows, r => r.Changes!.Contains(PasswordIn(reset.Output)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task UsersGrantAdmin_BusinessAccountOrSecondAdminRole_RefusedAndNothingChanged(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        var cases = new (string[] Args, string Message)[]
        {
            (["--user", "perf", "--role", "AuditAdmin"], "担任业务角色"),
            (["--user", "secadmin", "--role", "AuditAdmin"], "三员分立"),
            (["--user", "nobody.yet", "--role", "AuditAdmin"], "--region 和 --org"),
            (["--user", "auditadmin", "--role", "AuditAdmin", "--org", "106"], "所属机构必须是财政局或其股室"),
        };
        foreach (var (args, message) in cases)
        {
            var result = await CliRunner.RunAsync(app.Database, ["users", "grant-admin", .. args]);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains(message, result.Error);
        }
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(app, "auditadmin", DemoCounty.Password));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(app, "secadmin", DemoCounty.Password));
        var roles = await app.AsSystemAsync<SystemDbContext, List<Role>>(db =>
            db.UserRoles.Where(r => db.Users.Any(u => u.Id == r.UserId && (u.UserName == "perf" || u.UserName == "secadmin")))
                .Select(r => r.Role).ToListAsync());
        Assert.Equal([Role.PerformanceDivision, Role.SecurityAdmin], roles.Order());
    }

    private static string PasswordIn(string output) => OneTimePassword().Match(output).Groups[1].Value;

    [GeneratedRegex("一次性密码：(\\S+)")]
    private static partial Regex OneTimePassword();
}
