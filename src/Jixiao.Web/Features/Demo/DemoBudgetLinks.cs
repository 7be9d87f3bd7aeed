using Jixiao.Domain.Budget;
using Jixiao.Domain.BudgetLinks;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.BudgetLinks;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// Next year's library of continuing projects with the link rules applied: every project of this year that continues one evaluated last year
/// (a self-evaluation approved, a department or key evaluation concluded) is proposed again for next year — some asking more, some the
/// same — and gets its suggestion; the budget division has accepted a third of those without a this-year action, decided one otherwise, and recorded one 暂缓拨付 and one 收回.
/// </summary>
public static class DemoBudgetLinks
{
    public static async Task<int> FillAsync(SystemDbContext db, string region, int year, DateTime nowUtc, CancellationToken ct)
    {
        var evaluated = await db.SelfEvaluations.AsNoTracking()
            .Where(e => e.RegionCode == region && e.FiscalYear == year - 1 && e.State == FormState.Approved && e.ProjectId != null)
            .Select(e => e.ProjectId!.Value).ToListAsync(ct);
        var planned = await db.EvaluationPlans.AsNoTracking().Where(p => p.RegionCode == region && p.FiscalYear == year - 1)
            .SelectMany(p => p.Subjects.Where(s => s.ProjectId != null), (p, s) => s.ProjectId!.Value).ToListAsync(ct);
        var lines = (await db.Projects.AsNoTracking().Where(p => evaluated.Contains(p.Id) || planned.Contains(p.Id)).Select(p => new { p.OrgUnitId, p.Name })
            .ToListAsync(ct)).Select(l => (l.OrgUnitId, l.Name)).ToHashSet();
        var current = (await db.Projects.AsNoTracking().Where(p => p.RegionCode == region && p.FiscalYear == year && !p.IsPool && p.Level == ProjectLevel.Level1).ToListAsync(ct))
            .Where(p => lines.Contains((p.OrgUnitId, p.Name))).GroupBy(p => (p.OrgUnitId, p.Name)).Where(g => g.Count() == 1)
            .Select(g => g.Single()).OrderBy(p => p.Code).Take(80).ToList();
        var ids = current.Select(p => p.Id).ToList();
        var totals = await db.ProjectTotals.AsNoTracking().Where(t => ids.Contains(t.ProjectId)).ToDictionaryAsync(t => t.ProjectId, ct);
        var units = await db.OrgUnits.AsNoTracking().Where(o => o.RegionCode == region).ToDictionaryAsync(o => o.Id, ct);
        var taken = (await db.Projects.AsNoTracking().Where(p => p.RegionCode == region && p.FiscalYear == year + 1).Select(p => p.Code).ToListAsync(ct)).ToHashSet();
        var n = 0;
        foreach (var p in current)
        {
            var budget = totals.GetValueOrDefault(p.Id)?.Adjusted ?? 0m;
            if (budget <= 0) continue;
            var code = (year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + p.Code[4..];
            if (!taken.Add(code)) continue;
            // a third ask 15 % more, the rest what they have this year
            var requested = decimal.Round((n % 3 == 0 ? budget * 1.15m : budget) / 100m) * 100m;
            db.Projects.Add(Project.Create(region, year + 1, units[p.OrgUnitId], p.DepartmentId, new Project.Details(code, p.Name, p.Level, p.Category,
                p.Recurrence, p.StartYear, Math.Max(p.EndYear, year + 1), LibraryStatus.Admitted, p.BudgetKind, p.Transfer, p.Tags, p.EstablishedOn, requested)));
            n++;
        }
        await db.SaveChangesAsync(ct);
        var run = await BudgetLinkWork.SuggestAsync(db, region, year + 1, nowUtc, ct);
        var links = await db.BudgetLinks.Where(l => l.RegionCode == region && l.FiscalYear == year + 1).OrderBy(l => l.ProposalProjectId).ToListAsync(ct);
        foreach (var (link, i) in links.Where(l => l.SuggestedThisYear == ThisYearAction.None).Select((l, i) => (l, i)))
        {
            if (i % 3 == 0) link.Accept("perf", nowUtc);
            else if (i == 4 && link.SuggestedAction == NextYearAction.Reduce)
                link.Override(NextYearAction.Keep, link.Requested, ThisYearAction.None, null, "属于政策性刚性支出（义务教育保障），按申报数安排，问题整改另行督办", "perf", nowUtc);
        }
        await db.SaveChangesAsync(ct);
        // and recorded two with this year's money as on the decision page: the first 暂缓拨付 (a payment hold) and the first 收回 (a ledger movement)
        var perf = await DemoCounty.PerformanceUserAsync(db, region, ct);
        foreach (var kind in new[] { ThisYearAction.Suspend, ThisYearAction.Recover })
        {
            if (links.FirstOrDefault(l => l.State == LinkState.Suggested && l.SuggestedThisYear == kind) is { } link)
                await BudgetLinkWork.DecideAsync(db, perf, link.Id, new DecideLinkRequest(Accept: true, Confirmed: true), nowUtc, ct);
        }
        return run.Suggested;
    }
}
