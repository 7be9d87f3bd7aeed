using Jixiao.Domain.ExAnte;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>What waits for the user in 事前评估, by year: reports to write (or returned for more), revisions to make, reports to assess, revisions to accept.</summary>
public sealed record ExAnteToDo(int FiscalYear, int ToWrite, int Returned, int ToRevise, int ToAssess, int ToAccept);

public static class ExAnteToDoQuery
{
    public static async Task<IReadOnlyList<ExAnteToDo>> ForUserAsync(JixiaoDbContext db, CurrentUser user, CancellationToken ct)
    {
        var scope = user.Scope;
        var applicant = scope.Has(Role.UnitFiller) || scope.Has(Role.DepartmentReviewer);
        var finance = scope.Has(Role.PerformanceDivision);
        if (!applicant && !finance) return [];
        // Counted in the database; the scope filter already keeps an applicant to its own organisations' evaluations.
        var open = await db.ExAnteEvaluations.AsNoTracking()
            .Where(e => e.State != ExAnteState.RevisionAccepted && (e.State != ExAnteState.Concluded || e.Conclusion == ExAnteConclusion.SupportAfterRevision))
            .GroupBy(e => new { e.FiscalYear, e.State, Returned = e.ReturnReason != "" })
            .Select(g => new { g.Key.FiscalYear, g.Key.State, g.Key.Returned, Count = g.Count() }).ToListAsync(ct);
        int Count(int year, ExAnteState state, bool? returned = null) =>
            open.Where(g => g.FiscalYear == year && g.State == state && (returned is null || g.Returned == returned)).Sum(g => g.Count);
        return [.. open.Select(g => g.FiscalYear).Distinct().Order().Select(year => new ExAnteToDo(year,
                applicant ? Count(year, ExAnteState.Pending, false) : 0,
                applicant ? Count(year, ExAnteState.Pending, true) : 0,
                applicant ? Count(year, ExAnteState.Concluded) : 0,
                finance ? Count(year, ExAnteState.Assessing) : 0,
                finance ? Count(year, ExAnteState.RevisionSubmitted) : 0))
            .Where(t => t.ToWrite + t.Returned + t.ToRevise + t.ToAssess + t.ToAccept > 0)];
    }
}
