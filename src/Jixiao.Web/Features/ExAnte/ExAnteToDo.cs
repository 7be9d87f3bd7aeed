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
        var open = await db.ExAnteEvaluations.AsNoTracking()
            .Where(e => e.State != ExAnteState.RevisionAccepted && (e.State != ExAnteState.Concluded || e.Conclusion == ExAnteConclusion.SupportAfterRevision))
            .Select(e => new { e.FiscalYear, e.OrgUnitId, e.State, Returned = e.ReturnReason != "" }).ToListAsync(ct);
        var mine = open.Where(e => applicant && scope.CoversOrgData(e.OrgUnitId)).ToList();
        return [.. open.Select(e => e.FiscalYear).Distinct().Order().Select(year => new ExAnteToDo(year,
                mine.Count(e => e.FiscalYear == year && e.State == ExAnteState.Pending && !e.Returned),
                mine.Count(e => e.FiscalYear == year && e.State == ExAnteState.Pending && e.Returned),
                mine.Count(e => e.FiscalYear == year && e.State == ExAnteState.Concluded),
                finance ? open.Count(e => e.FiscalYear == year && e.State == ExAnteState.Assessing) : 0,
                finance ? open.Count(e => e.FiscalYear == year && e.State == ExAnteState.RevisionSubmitted) : 0))
            .Where(t => t.ToWrite + t.Returned + t.ToRevise + t.ToAssess + t.ToAccept > 0)];
    }
}
