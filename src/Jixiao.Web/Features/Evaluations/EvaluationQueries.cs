using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Reviews;

namespace Jixiao.Web.Features.Evaluations;

/// <param name="Evaluation">the form: what the unit wrote, the ledger's figures, the reference scores with their sentences, the findings</param>
public sealed record EvaluationView(SelfEvaluation Evaluation, string Code, string Name, string Unit, IReadOnlyList<FormAction> AllowedActions, bool CanEdit);

/// <summary>One self-evaluation as its page shows it, and how forms are loaded whole; the list is a file of its own (EvaluationList).</summary>
public static partial class EvaluationQueries
{
    /// <summary>
    /// Forms with their rows and findings, the findings in the order the check found them (a save writes them in that
    /// order, so by key): a database returns them in no particular order otherwise, and a form read back with its
    /// findings shuffled would show them so and count as changed on every refigure.
    /// </summary>
    public static IQueryable<SelfEvaluation> WithRowsAndFindings(this IQueryable<SelfEvaluation> forms) =>
        forms.Include(e => e.Rows).Include(e => e.Findings.OrderBy(f => EF.Property<long>(f, "Id"))).AsSplitQuery();

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
            Enum.GetValues<FormAction>().Where(a => roles.Any(r => ReviewChains.SelfEvaluation.Allows(evaluation.Subject, evaluation.State, a, r))).ToList(),
            roles.Any(r => ReviewChains.SelfEvaluation.CanEdit(evaluation.Subject, evaluation.State, r)));
    }
}
