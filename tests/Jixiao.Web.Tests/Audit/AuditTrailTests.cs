using System.Net;
using System.Net.Http.Json;
using Jixiao.Domain.Audit;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Audit;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Audit;

/// <summary>Every change and sign-in is recorded, hash-chained, and <c>verify-audit</c> catches any tampering.</summary>
public sealed class AuditTrailTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task VerifyAudit_UntouchedThenRowAlteredBySql_PassesThenFails(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        using var admin = await app.ClientForAsync("sysadmin");
        var unit = await app.OrgIdAsync(DemoCounty.RegionCode, "10607");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/orgs/{unit}",
            new { code = "10607", name = "襄垣县第一幼儿园", isActive = true })).StatusCode);

        var intact = await CliRunner.RunAsync(app.Database, "verify-audit");
        Assert.True(intact.ExitCode == 0, intact.Output + intact.Error);
        Assert.Contains("审计日志完整", intact.Output);

        var target = await app.AsSystemAsync<SystemDbContext, AuditEntry>(db =>
            db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "OrgUnit" && e.Action == AuditAction.Update));
        await app.AsSystemAsync<SystemDbContext>(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "AuditEntries" SET "Changes" = REPLACE("Changes", '第一幼儿园', '幼儿园') WHERE "Id" = {target.Id}"""));

        var broken = await CliRunner.RunAsync(app.Database, "verify-audit");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("审计日志被篡改", broken.Output);
        Assert.Contains($"区划 {DemoCounty.RegionCode} 第 {target.Sequence} 条", broken.Output);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task VerifyAudit_LastRecordDeleted_Fails(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        await app.AsSystemAsync<SystemDbContext>(db => db.Database.ExecuteSqlAsync(
            $"""DELETE FROM "AuditEntries" WHERE "Id" = (SELECT MAX("Id") FROM "AuditEntries" WHERE "RegionCode" = {DemoCounty.RegionCode})"""));
        var broken = await CliRunner.RunAsync(app.Database, "verify-audit");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("末尾记录被删除", broken.Output);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task RenameOrg_RecordsActorBeforeAndAfter(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.ClientForAsync("sysadmin");
        var id = await app.OrgIdAsync(DemoCounty.RegionCode, "12005");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/orgs/{id}",
            new { code = "12005", name = "襄垣县妇幼保健院", isActive = true })).StatusCode);

        using var auditor = await app.ClientForAsync("auditadmin");
        var page = await auditor.GetJsonAsync<AuditPage>("/api/audit?entityType=OrgUnit&action=Update&user=sysadmin");
        var row = page!.Rows.First(r => r.EntityId == id.ToString());
        Assert.Equal("sysadmin", row.UserName);
        Assert.Contains("\"before\":\"襄垣县妇幼保健计划生育服务中心\"", row.Changes);
        Assert.Contains("\"after\":\"襄垣县妇幼保健院\"", row.Changes);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task SignInAndUserCreation_Recorded_WithoutSecrets(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await app.ClientForAsync("hospital");
        var entries = await app.AsSystemAsync<SystemDbContext, List<AuditEntry>>(db =>
            db.AuditEntries.AsNoTracking().Where(e => e.UserName == "hospital" || e.EntityType == "AppUser" || e.EntityType == "ApiToken").ToListAsync());
        Assert.Contains(entries, e => e.UserName == "hospital" && e.Action == AuditAction.TokenIssued);
        Assert.Contains(entries, e => e.EntityType == "AppUser" && e.Action == AuditAction.Create);
        var hash = await app.AsSystemAsync<SystemDbContext, string>(db => db.Users.Where(u => u.UserName == "hospital").Select(u => u.PasswordHash!).SingleAsync());
        Assert.DoesNotContain(entries, e => e.Changes?.Contains(hash) == true);
        Assert.All(entries.Where(e => e.EntityType == "ApiToken" && e.Action == AuditAction.Create),
            e => Assert.Contains("\"TokenHash\":{\"after\":\"******\"}", e.Changes));
    }
}
