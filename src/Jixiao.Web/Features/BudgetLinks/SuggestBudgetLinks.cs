using Jixiao.Domain.Budget;
using Jixiao.Domain.BudgetLinks;

namespace Jixiao.Web.Features.BudgetLinks;

/// <summary>What one run of the suggestions found.</summary>
/// <param name="Proposals">next year's proposals (申报金额 above 0)</param>
/// <param name="Continuing">of them, continuing a project of this year</param>
/// <param name="Suggested">suggestions written or brought up to date</param>
/// <param name="Decided">already decided, left as decided</param>
/// <param name="WithoutResult">continuing, but with no result to go by (reviewed as usual)</param>
public sealed record LinkRun(int Year, int Proposals, int Continuing, int Suggested, int Decided, int WithoutResult);

public sealed record SuggestLinksRequest(int Year);

public static partial class BudgetLinkWork
{
    /// <summary>生成挂钩建议 for a budget year: every proposal continuing a project of the year before gets the rules' suggestion (again, while not decided).</summary>
    public static Task<LinkRun> SuggestAsync(JixiaoDbContext db, CurrentUser user, int year, DateTime nowUtc, CancellationToken ct) =>
        SuggestAsync(db, RegionOf(user, "生成挂钩建议"), year, nowUtc, ct);

    internal static async Task<LinkRun> SuggestAsync(JixiaoDbContext db, string region, int year, DateTime nowUtc, CancellationToken ct)
    {
        Domain.Organisation.FiscalYears.EnsureValid(year);
        var rules = await RulesAsync(db, region, year, ct);
        var proposals = await db.Projects.Where(p => p.RegionCode == region && p.FiscalYear == year && !p.IsPool && p.RequestedAmount > 0).ToListAsync(ct);
        var earlier = await db.Projects.AsNoTracking().Where(p => p.RegionCode == region && (p.FiscalYear == year - 1 || p.FiscalYear == year - 2) && !p.IsPool)
            .ToListAsync(ct);
        var byLine = earlier.GroupBy(p => (p.FiscalYear, p.OrgUnitId, p.Name)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        var pairs = proposals.Select(p => (Proposal: p, Basis: byLine.GetValueOrDefault((year - 1, p.OrgUnitId, p.Name))))
            .Where(x => x.Basis is not null).Select(x => (x.Proposal, Basis: x.Basis!)).ToList();
        var facts = await FactsAsync(db, pairs.ToDictionary(x => x.Basis.Id, x => byLine.GetValueOrDefault((year - 2, x.Basis.OrgUnitId, x.Basis.Name))?.Id), ct);
        var basisIds = pairs.Select(x => x.Basis.Id).ToList();
        var totals = await db.ProjectTotals.AsNoTracking().Where(t => basisIds.Contains(t.ProjectId)).ToDictionaryAsync(t => t.ProjectId, ct);
        var proposalIds = pairs.Select(x => x.Proposal.Id).ToList();
        var links = await db.BudgetLinks.Where(l => proposalIds.Contains(l.ProposalProjectId)).ToDictionaryAsync(l => l.ProposalProjectId, ct);

        int suggested = 0, decided = 0, without = 0;
        foreach (var (proposal, basis) in pairs)
        {
            var (result, distorted, open) = facts[basis.Id];
            var total = totals.GetValueOrDefault(basis.Id);
            var fact = new LinkFacts(result, distorted, open, proposal.RequestedAmount, total?.Adjusted ?? 0m, total?.Executed ?? 0m);
            if (LinkRules.Suggest(fact, rules) is not { } suggestion) { without++; continue; }
            if (links.TryGetValue(proposal.Id, out var link))
            {
                if (link.Refresh(fact, suggestion, nowUtc)) suggested++;
                else decided++;
            }
            else
            {
                db.BudgetLinks.Add(BudgetLink.Suggest(proposal, basis, fact, suggestion, nowUtc));
                suggested++;
            }
        }
        await Saves.SaveAsync(db, ct);
        return new LinkRun(year, proposals.Count, pairs.Count, suggested, decided, without);
    }
}
