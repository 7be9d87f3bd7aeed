using Jixiao.Domain.Access;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Evaluations;

public sealed record EvaluationRow(long Id, TargetSubject Subject, long? ProjectId, string Code, string Name, string Unit, FormState State,
    decimal AdjustedBudget, decimal Executed, decimal? Total, decimal ReferenceTotal, Grade ReferenceGrade);

public sealed record EvaluationPage(IReadOnlyList<EvaluationRow> Rows, int Total, int Page, int PageSize);

/// <param name="Evaluation">the form: what the unit wrote, the ledger's figures, the reference scores with their sentences, the findings</param>
public sealed record EvaluationView(SelfEvaluation Evaluation, string Code, string Name, string Unit, IReadOnlyList<FormAction> AllowedActions, bool CanEdit);

public static class EvaluationQueries
{
    /// <summary>
    /// Forms with their rows and findings, the findings in the order the check found them (a save writes them in that
    /// order, so by key): a database returns them in no particular order otherwise, and a form read back with its
    /// findings shuffled would show them so and count as changed on every refigure.
    /// </summary>
    public static IQueryable<SelfEvaluation> WithRowsAndFindings(this IQueryable<SelfEvaluation> forms) =>
        forms.Include(e => e.Rows).Include(e => e.Findings.OrderBy(f => EF.Property<long>(f, "Id"))).AsSplitQuery();

    /// <summary>The year's forms in scope; <paramref name="mine"/> keeps those waiting for the user.</summary>
    public static async Task<EvaluationPage> ListAsync(JixiaoDbContext db, CurrentUser user, int year, FormState? state, bool mine, int page, int pageSize,
        CancellationToken ct)
    {
        var forms = db.SelfEvaluations.AsNoTracking().Where(e => e.FiscalYear == year);
        if (state is { } s) forms = forms.Where(e => e.State == s);
        if (mine)
        {
            var unit = user.Scope.Has(Role.UnitFiller);
            var department = user.Scope.Has(Role.DepartmentReviewer);
            var performance = user.Scope.Has(Role.PerformanceDivision);
            forms = forms.Where(e =>
                (unit && e.Subject == TargetSubject.Project && (e.State == FormState.Pending || e.State == FormState.Returned))
                || (department && e.Subject == TargetSubject.Department && (e.State == FormState.Pending || e.State == FormState.Returned))
                || (department && e.State == FormState.Submitted)
                || (performance && e.State == FormState.DepartmentApproved));
        }
        var total = await forms.CountAsync(ct);
        pageSize = Math.Clamp(pageSize, 10, 500);
        page = Math.Max(1, page);
        // The page from the scoped forms first; names after, by id (IgnoreQueryFilters would lift the scope of a whole query).
        var listed = await forms.OrderByDescending(e => e.Subject == TargetSubject.Project).ThenBy(e => e.ProjectId).ThenBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new { e.Id, e.Subject, e.ProjectId, e.OrgUnitId, e.State, e.AdjustedBudget, e.Executed, e.Total, e.ReferenceTotal, e.ReferenceGrade })
            .ToListAsync(ct);
        var projectIds = listed.Select(e => e.ProjectId).OfType<long>().ToList();
        var projects = await db.Projects.IgnoreQueryFilters().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Code, p.Name), ct);
        var orgIds = listed.Select(e => e.OrgUnitId).Distinct().ToList();
        var orgs = await db.OrgUnits.IgnoreQueryFilters().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new EvaluationPage(listed.Select(e =>
        {
            var unit = orgs.GetValueOrDefault(e.OrgUnitId, "");
            var (code, name) = e.ProjectId is { } id ? projects[id] : ("", unit + "（部门整体）");
            return new EvaluationRow(e.Id, e.Subject, e.ProjectId, code, name, unit, e.State, e.AdjustedBudget, e.Executed, e.Total, e.ReferenceTotal, e.ReferenceGrade);
        }).ToList(), total, page, pageSize);
    }

    public static async Task<EvaluationView?> ViewAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct)
    {
        var evaluation = await db.SelfEvaluations.AsNoTracking().WithRowsAndFindings().Include(e => e.Steps)
            .SingleOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null) return null;
        var unit = await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == evaluation.OrgUnitId).Select(o => o.Name).SingleAsync(ct);
        var project = evaluation.ProjectId is { } pid
            ? await db.Projects.IgnoreQueryFilters().Where(p => p.Id == pid).Select(p => new { p.Code, p.Name }).SingleAsync(ct)
            : null;
        var roles = user.Scope.Roles;
        return new EvaluationView(evaluation, project?.Code ?? "", project?.Name ?? unit + "（部门整体）", unit,
            Enum.GetValues<FormAction>().Where(a => roles.Any(r => FormChain.SelfEvaluation.IsAllowed(evaluation.Subject, evaluation.State, a, r))).ToList(),
            roles.Any(r => FormChain.SelfEvaluation.CanEdit(evaluation.Subject, evaluation.State, r)));
    }
}
