using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Evaluations;

public sealed record EvaluationRow(long Id, TargetSubject Subject, long? ProjectId, string Code, string Name, string Unit, FormState State,
    decimal AdjustedBudget, decimal Executed, decimal? Total, decimal ReferenceTotal, Grade ReferenceGrade);

/// <summary>The year's self-evaluations as the list shows them, and the names of forms for batch results.</summary>
public static partial class EvaluationQueries
{
    /// <summary>
    /// The year's forms in scope through the list query of every form list (<see cref="FormList"/>); <paramref name="mine"/>
    /// keeps those waiting for the user.
    /// </summary>
    public static Task<FormPage<EvaluationRow>> ListAsync(JixiaoDbContext db, CurrentUser user, int year, FormQuery q, bool mine, CancellationToken ct)
    {
        var forms = db.SelfEvaluations.AsNoTracking().Where(e => e.FiscalYear == year);
        if (q.StateAs<FormState>(s => s.Label()) is { } state) forms = forms.Where(e => e.State == state);
        if (q.Grade is { } grade) forms = forms.Where(e => e.ReferenceGrade == grade);
        if (mine) forms = FormList.Waiting(forms, ReviewChains.SelfEvaluation, user.Scope);
        var listed = FormList.Named(db, forms.Select(e => new Listed<SelfEvaluation>
        {
            Form = e, Id = e.Id, FiscalYear = e.FiscalYear, DepartmentId = e.DepartmentId, ProjectId = e.ProjectId, OrgUnitId = e.OrgUnitId,
            Budget = e.AdjustedBudget, UpdatedAtUtc = e.UpdatedAtUtc, Rank = e.Subject == TargetSubject.Project ? 0 : 1,
        }), "（部门整体）");
        return FormList.PageAsync(db, listed, q, x => new EvaluationRow(x.Id, x.Form.Subject, x.Form.ProjectId, x.Code, x.Name, x.Unit, x.Form.State,
            x.Budget, x.Form.Executed, x.Form.Total, x.Form.ReferenceTotal, x.Form.ReferenceGrade), ct);
    }

    /// <summary>项目代码 and name of forms by id, in scope (batch results).</summary>
    public static async Task<IReadOnlyDictionary<long, string>> NamesAsync(JixiaoDbContext db, IReadOnlyList<long> ids, CancellationToken ct) =>
        await (from e in db.SelfEvaluations.Where(e => ids.Contains(e.Id))
               join p in db.Projects on e.ProjectId equals p.Id into ps
               from p in ps.DefaultIfEmpty()
               join o in db.OrgUnits on e.OrgUnitId equals o.Id into os
               from o in os.DefaultIfEmpty()
               select new { e.Id, Name = p != null ? p.Code + " " + p.Name : (o != null ? o.Name : "") + "（部门整体）" })
            .ToDictionaryAsync(x => x.Id, x => x.Name, ct);
}
