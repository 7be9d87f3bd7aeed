using System.Net;
using Jixiao.Domain.Organisation;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Platform;

public sealed class GenerateTests
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Generate_ThreeRegions_BuildsTreesAndAccountsScopedToEachCounty(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider, seedDemo: false);
        var result = await CliRunner.RunAsync(app.Database, "generate", "--regions", "3", "--projects-per-region", "40", "--year", "2026");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);

        var counties = await app.AsSystemAsync<SystemDbContext, List<string>>(db =>
            db.Regions.Where(r => r.Level == RegionLevel.County).Select(r => r.Code).OrderBy(c => c).ToListAsync());
        Assert.Equal(["990101", "990102", "990103"], counties);
        var perCounty = await app.AsSystemAsync<SystemDbContext, Dictionary<string, int>>(db =>
            db.OrgUnits.GroupBy(o => o.RegionCode).ToDictionaryAsync(g => g.Key, g => g.Count()));
        Assert.All(counties, c => Assert.True(perCounty[c] >= 70, $"{c}: {perCounty[c]} 个机构"));

        using var perf = await app.ClientForAsync("perf.990102");
        var orgs = await perf.GetJsonAsync<List<OrgDto>>("/api/orgs");
        Assert.All(orgs!, o => Assert.Equal("990102", o.RegionCode));
        var foreign = await app.OrgIdAsync("990103", "10602");
        Assert.Equal(HttpStatusCode.NotFound, (await perf.GetAsync($"/api/orgs/{foreign}")).StatusCode);

        // The closed year before: every county's budgeted projects self-evaluated, in more than one state, and sampled.
        var forms = await app.AsSystemAsync<SystemDbContext, Dictionary<string, (int Forms, int States, int Sampled)>>(async db =>
        {
            var evaluations = await db.SelfEvaluations.Where(e => e.FiscalYear == 2025).Select(e => new { e.RegionCode, e.State }).ToListAsync();
            var sampled = await db.SpotChecks.Where(d => d.FiscalYear == 2025).Select(d => new { d.RegionCode, d.Items.Count }).ToListAsync();
            return evaluations.GroupBy(e => e.RegionCode).ToDictionary(g => g.Key,
                g => (g.Count(), g.Select(e => e.State).Distinct().Count(), sampled.Where(d => d.RegionCode == g.Key).Sum(d => d.Count)));
        });
        Assert.Equal(counties, forms.Keys.Order());
        Assert.All(forms.Values, f => Assert.True(f is { Forms: >= 20, States: >= 3, Sampled: >= 1 }, f.ToString()));
        var page = await perf.GetJsonAsync<Listed>("/api/evaluations?year=2025&mine=false");
        Assert.Equal(forms["990102"].Forms, page!.Total);

        // Every county's findings became rectification items, in more than one state.
        var rectified = await app.AsSystemAsync<SystemDbContext, Dictionary<string, int>>(async db =>
            (await db.Rectifications.Select(r => new { r.RegionCode, r.State }).ToListAsync())
            .GroupBy(r => r.RegionCode).ToDictionary(g => g.Key, g => g.Select(r => r.State).Distinct().Count()));
        Assert.Equal(counties, rectified.Keys.Order());
        Assert.All(rectified.Values, states => Assert.True(states >= 3, $"{states} 种状态"));

        // The year of the run: every project the ex-ante rules catch was evaluated and supported before its budget, so finance's
        // screening finds nothing left, and every evaluation generated supports its project.
        var screening = await perf.PostAsync("/api/exante/screen/2026", null);
        Assert.True(screening.IsSuccessStatusCode, await screening.Content.ReadAsStringAsync());
        Assert.Equal(0, (await screening.Content.ReadJsonAsync<Screened>())!.Raised);
        Assert.True(await app.AsSystemAsync<SystemDbContext, bool>(db =>
            db.ExAnteEvaluations.Where(e => e.FiscalYear == 2026).AllAsync(e => e.Conclusion == Domain.ExAnte.ExAnteConclusion.Support)));
    }

    private sealed record Listed(int Total);
    private sealed record Screened(int Raised);
}
