using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>
/// 部门评价 / 财政重点评价 use cases (plan, framework, scores, report, findings, conclusion, settings): the loading, who organises a plan,
/// the region-year's settings, the ledger of its subjects and the save. Scope is the filters': another region's plan, or one that
/// evaluates none of the user's organisations, is not found.
/// </summary>
public static partial class PlanWork
{
    public static readonly SaveConflicts Saves = new("该评价刚刚被他人办理，请刷新后查看最新状态再操作。", new Dictionary<string, string>
    {
        ["IX_EvaluationPlans_RegionCode_FiscalYear_Code"] = "本年度已有相同评价编号的评价，请换一个编号（留空则自动编号）。",
        ["IX_EvaluationPlanSettings_RegionCode_FiscalYear"] = "本年度的评价设置刚刚被他人保存，请刷新后查看再修改。",
    });

    public static Task<EvaluationPlan?> FindAsync(JixiaoDbContext db, long id, CancellationToken ct) =>
        db.EvaluationPlans.Include(p => p.Items).Include(p => p.Findings).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);

    public static Task<EvaluationPlanSetting?> SettingAsync(JixiaoDbContext db, string region, int year, CancellationToken ct) =>
        db.EvaluationPlanSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct);

    /// <summary>
    /// Who organises (plans, scores, writes the report and concludes): the performance division for every plan; for a 部门评价 also
    /// the reviewer of its department.
    /// </summary>
    public static bool MayOrganise(CurrentUser user, EvaluationKind kind, long? departmentId) =>
        user.Scope.Has(Role.PerformanceDivision)
        || (kind == EvaluationKind.Department && user.Scope.Has(Role.DepartmentReviewer) && departmentId is { } d && user.Scope.CoversOrgData(d));

    internal static void RequireOrganiser(CurrentUser user, EvaluationPlan plan, string what)
    {
        if (!MayOrganise(user, plan.Kind, plan.DepartmentId))
            throw new ForbiddenException(plan.Kind == EvaluationKind.Department
                ? $"只有组织本次部门评价的部门或财政绩效股可以{what}。"
                : $"只有财政绩效股可以{what}。");
    }

    /// <summary>The organiser's act on a plan: load it (null: not found for this user), check who acts, apply, save.</summary>
    private static Task<EvaluationPlan?> ActAsync(JixiaoDbContext db, CurrentUser user, long id, string what, Action<EvaluationPlan> act, CancellationToken ct) =>
        ActAsync(db, user, id, what, plan => { act(plan); return Task.CompletedTask; }, ct);

    private static async Task<EvaluationPlan?> ActAsync(JixiaoDbContext db, CurrentUser user, long id, string what, Func<EvaluationPlan, Task> act, CancellationToken ct)
    {
        var plan = await FindAsync(db, id, ct);
        if (plan is null) return null;
        RequireOrganiser(user, plan, what);
        await act(plan);
        await Saves.SaveAsync(db, ct);
        return plan;
    }

    /// <summary>The ledger and the self-evaluation of each subject project (a department's projects summed, a policy's amount as planned).</summary>
    internal static async Task<List<SubjectFunds>> FundsAsync(JixiaoDbContext db, EvaluationPlan plan, CancellationToken ct)
    {
        var projectIds = plan.ProjectIds.ToList();
        var departmentIds = plan.Subjects.Where(s => s.Kind == Domain.Engagements.SubjectKind.Department).Select(s => s.OrgUnitId).ToList();
        var totals = await db.ProjectTotals.AsNoTracking().Where(t => projectIds.Contains(t.ProjectId)).ToDictionaryAsync(t => t.ProjectId, ct);
        var selves = await db.SelfEvaluations.AsNoTracking().Where(e => e.ProjectId != null && projectIds.Contains(e.ProjectId.Value) && e.FiscalYear == plan.FiscalYear)
            .Select(e => new { ProjectId = e.ProjectId!.Value, e.Total, e.MaxScore }).ToListAsync(ct);
        var departments = await (from p in db.Projects.AsNoTracking()
                                 where p.FiscalYear == plan.FiscalYear && p.DepartmentId != null && departmentIds.Contains(p.DepartmentId.Value) && !p.IsPool
                                 join t in db.ProjectTotals on p.Id equals t.ProjectId
                                 group t by p.DepartmentId into g
                                 select new { Id = g.Key!.Value, Initial = g.Sum(t => t.Initial), Adjusted = g.Sum(t => t.Adjusted), Executed = g.Sum(t => t.Executed) })
            .ToDictionaryAsync(d => d.Id, ct);
        var orgIds = plan.Subjects.Select(s => s.OrgUnitId).ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. plan.Subjects.Select(s =>
        {
            var unit = names.GetValueOrDefault(s.OrgUnitId, "");
            if (s.ProjectId is { } p)
            {
                var t = totals.GetValueOrDefault(p);
                var self = selves.FirstOrDefault(x => x.ProjectId == p && x.Total is not null);
                return new SubjectFunds(s.Name, unit, t?.Initial ?? 0, t?.Adjusted ?? 0, t?.Executed ?? 0, self?.Total,
                    self is { Total: { } total } ? ReferenceScoring.GradeOf(total, self.MaxScore) : null);
            }
            if (departments.TryGetValue(s.OrgUnitId, out var d) && s.Kind == Domain.Engagements.SubjectKind.Department)
                return new SubjectFunds(s.Name, unit, d.Initial, d.Adjusted, d.Executed, null, null);
            return new SubjectFunds(s.Name, unit, s.Amount, s.Amount, 0, null, null);
        })];
    }

    /// <summary>The project's approved targets in force (latest approved version) with its self-evaluation's actuals by row.</summary>
    internal static async Task<(List<TargetIndicator> Indicators, Dictionary<int, string> Actuals)> TargetsAsync(JixiaoDbContext db, long projectId, CancellationToken ct)
    {
        var target = await db.Targets.AsNoTracking().Include(t => t.Indicators)
            .Where(t => t.SubjectKey == "P" + projectId && t.State == TargetState.Approved).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        if (target is null) return ([], []);
        var self = await db.SelfEvaluations.AsNoTracking().Include(e => e.Rows).Where(e => e.ProjectId == projectId).OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
        var actuals = self?.Rows.Where(r => r.Actual.Length > 0 || r.Outcome is not null)
            .ToDictionary(r => r.Row, r => r.Actual.Length > 0 ? r.Actual + r.Unit : r.Outcome!.Value.Label()) ?? [];
        return ([.. target.Indicators], actuals);
    }
}
