using Jixiao.Domain.Evaluations;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Demo;

/// <summary>The demo county as a finance officer reads it: each county its own towns, reasons that fit their indicators, costs checked against the books.</summary>
public sealed class DemoDataTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Seed_EachCounty_HasItsOwnTowns(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var names = await app.AsSystemAsync<SystemDbContext, List<(string Region, string Name)>>(async db =>
            (await db.OrgUnits.Select(o => new { o.RegionCode, o.Name }).ToListAsync()).Select(o => (o.RegionCode, o.Name)).ToList());
        var neighbour = names.Where(n => n.Region == DemoCounty.NeighbourRegionCode).Select(n => n.Name).ToList();
        Assert.DoesNotContain(neighbour, n => n.Contains("襄垣", StringComparison.Ordinal) || DemoCounty.TemplateTowns.Any(t => n.Contains(t, StringComparison.Ordinal)));
        Assert.Contains("黎城县黎侯镇人民政府", neighbour);
        Assert.Contains("襄垣县虒亭镇人民政府", names.Where(n => n.Region == DemoCounty.RegionCode).Select(n => n.Name));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Seed_SelfEvaluations_ReasonsFitTheirIndicator(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var forms = await app.AsSystemAsync<SystemDbContext, List<SelfEvaluation>>(db => db.SelfEvaluations.AsNoTracking().WithRowsAndFindings().ToListAsync());
        var missed = forms.SelectMany(f => f.Rows).Where(r => r.Reason.Length > 0).ToList();
        Assert.NotEmpty(missed);
        // a satisfaction survey is not late for want of deliveries, a headcount is not about how satisfied people are
        Assert.DoesNotContain(missed, r => r.Level2.Contains("满意度", StringComparison.Ordinal) && (r.Reason.Contains("供货") || r.Reason.Contains("工期") || r.Reason.Contains("采购")));
        Assert.DoesNotContain(missed, r => !r.Level2.Contains("满意度", StringComparison.Ordinal) && r.Reason.Contains("满意"));

        // a cost in money far from what the ledger spent is a warning the reviewers see ("人员经费 348 万 vs 386.56 万")
        Assert.All(forms.SelectMany(f => f.Findings).Where(f => f.Kind == FindingKind.CostContradictsLedger), f => Assert.False(f.Blocking));
    }
}
