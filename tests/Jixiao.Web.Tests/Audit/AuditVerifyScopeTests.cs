using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Domain.Audit;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Audit;

/// <summary>The audit page's 校验 checks exactly the chains its caller may read: intact is intact, and other regions' chains are never mentioned.</summary>
public sealed partial class AuditVerifyScopeTests
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private sealed record Verification(bool Intact, int Chains, long Records, List<ChainBreak> Breaks, string Summary);

    [Theory, MemberData(nameof(Providers))]
    public async Task Verify_UntouchedThenTamperedInOneCounty_OnlyThatCountysAuditorSeesTheBreak(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        var granted = await CliRunner.RunAsync(app.Database, "users", "grant-admin", "--user", "lc.audit", "--role", "AuditAdmin",
            "--region", DemoCounty.NeighbourRegionCode, "--org", "FIN00");
        Assert.True(granted.ExitCode == 0, granted.Output + granted.Error);
        using var xiangyuan = await app.ClientForAsync("auditadmin");
        using var licheng = await app.FirstSignInAsync("lc.audit", OneTimePassword().Match(granted.Output).Groups[1].Value);

        foreach (var (client, own, foreign) in new[] { (xiangyuan, DemoCounty.RegionCode, DemoCounty.NeighbourRegionCode), (licheng, DemoCounty.NeighbourRegionCode, DemoCounty.RegionCode) })
        {
            var raw = await client.GetStringAsync("/api/audit/verify");
            var untouched = await client.GetJsonAsync<Verification>("/api/audit/verify");
            Assert.True(untouched!.Intact, raw);
            Assert.Equal(1, untouched.Chains);
            Assert.Equal(await RecordsAsync(app, own), untouched.Records);
            foreach (var other in new[] { foreign, "000000", "140000", "140400" })
                Assert.DoesNotContain(other, raw);
            var asked = await client.GetAsync($"/api/audit/verify?region={foreign}");
            Assert.Equal(HttpStatusCode.NotFound, asked.StatusCode);
            Assert.DoesNotContain("chains", await asked.Content.ReadAsStringAsync());
        }

        var target = await app.AsSystemAsync<SystemDbContext, AuditEntry>(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.RegionCode == DemoCounty.RegionCode && e.EntityType == "OrgUnit").OrderBy(e => e.Sequence).FirstAsync());
        await app.AsSystemAsync<SystemDbContext>(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "AuditEntries" SET "Changes" = REPLACE("Changes", '襄垣', '某') WHERE "Id" = {target.Id}"""));

        var tampered = await xiangyuan.GetJsonAsync<Verification>("/api/audit/verify");
        Assert.False(tampered!.Intact);
        var found = Assert.Single(tampered.Breaks);
        Assert.Equal((DemoCounty.RegionCode, target.Sequence), (found.ChainKey, found.Sequence));
        Assert.Contains("记录被修改", found.Reason);

        var neighbour = await licheng.GetStringAsync("/api/audit/verify");
        Assert.Contains("\"intact\":true", neighbour);
        Assert.DoesNotContain(DemoCounty.RegionCode, neighbour);

        var cli = await CliRunner.RunAsync(app.Database, "verify-audit");
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains($"区划 {DemoCounty.RegionCode} 第 {target.Sequence} 条", cli.Output);
    }

    private static Task<long> RecordsAsync(JixiaoApp app, string region) =>
        app.AsSystemAsync<SystemDbContext, long>(db => db.AuditEntries.LongCountAsync(e => e.RegionCode == region));

    [GeneratedRegex("一次性密码：(\\S+)")]
    private static partial Regex OneTimePassword();
}
