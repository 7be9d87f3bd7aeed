using Jixiao.Domain.Budget;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Engagements;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>
/// A plan to make. <see cref="Code"/> empty: the next number of the year (BM-2026-001 for a 部门评价, ZD-2026-001 for a key evaluation).
/// Projects by id (单个项目, 多个项目, 年中跟踪); a department overall by <see cref="OrgUnitId"/>; a policy by its name, lead department
/// (<see cref="OrgUnitId"/>) and funds. For an agency, finance's plan also plans the engagement (<see cref="Fee"/>, <see cref="Procurement"/>).
/// </summary>
public sealed record PlanInput(int FiscalYear, string? Code, string Title, EvaluationKind Kind, PlanSubjectKind SubjectKind, PlanEvaluator Evaluator,
    PlanSource Source, string? SourceNote, long? DepartmentId, IReadOnlyList<long>? ProjectIds, long? OrgUnitId, string? PolicyName, decimal? PolicyAmount,
    DateOnly StartOn, DateOnly DueOn, decimal? Fee = null, ProcurementMethod? Procurement = null);

public static partial class PlanWork
{
    public static async Task<EvaluationPlan> CreateAsync(JixiaoDbContext db, CurrentUser user, PlanInput input, DateTime nowUtc, CancellationToken ct)
    {
        if (!user.Scope.Has(Role.PerformanceDivision))
        {
            if (!user.Scope.Has(Role.DepartmentReviewer)) throw new ForbiddenException("只有部门审核人（部门评价）或财政绩效股可以制定评价计划。");
            if (input.Kind != EvaluationKind.Department) throw new DomainException("财政重点评价由财政绩效股制定；部门请选择“部门评价”。", "评价类型");
            if (input.DepartmentId is not { } d || !user.Scope.CoversOrgData(d)) throw new DomainException("部门评价请选择您所在的部门。", "部门");
        }
        FiscalYears.EnsureValid(input.FiscalYear);
        var region = user.RegionCode ?? "";
        var subjects = await SubjectsAsync(db, region, input, ct);
        var departmentId = input.Kind == EvaluationKind.Department
            ? input.DepartmentId
            : subjects.Select(s => s.DepartmentId ?? s.OrgUnitId).Distinct().Count() == 1 ? subjects[0].DepartmentId ?? subjects[0].OrgUnitId : null;
        var setting = await SettingAsync(db, region, input.FiscalYear, ct);
        var framework = EvaluationPlanSetting.TemplateOf(setting, input.SubjectKind);
        if (input.SubjectKind is PlanSubjectKind.Project or PlanSubjectKind.InYear && subjects[0].ProjectId is { } projectId)
        {
            var (indicators, actuals) = await TargetsAsync(db, projectId, ct);
            framework = framework.WithTargets(indicators, actuals);
        }
        var code = input.Code is { Length: > 0 } given ? given.Trim() : await NextCodeAsync(db, region, input.FiscalYear, input.Kind, ct);
        if (await db.EvaluationPlans.AnyAsync(p => p.RegionCode == region && p.FiscalYear == input.FiscalYear && p.Code == code, ct))
            throw new DomainException($"{input.FiscalYear} 年度已有评价编号为“{code}”的评价，请换一个编号（留空则自动编号）。", "评价编号");
        var plan = EvaluationPlan.Create(region, input.FiscalYear, code, input.Title, input.Kind, input.SubjectKind, input.Evaluator, input.Source,
            input.SourceNote, departmentId, subjects, input.StartOn, input.DueOn, framework, user.UserName, nowUtc);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (input.Evaluator == PlanEvaluator.Agency && user.Scope.Has(Role.PerformanceDivision))
        {
            var engagement = await EngagementWork.PlanAsync(db, user, new EngagementInput(input.FiscalYear, null, plan.Title,
                input.Kind == EvaluationKind.Key ? EngagementScope.KeyEvaluation : EngagementScope.DepartmentEvaluation,
                [.. plan.Subjects.Select(s => new SubjectInput(s.Kind, s.ProjectId, s.OrgUnitId, s.Name))], null, input.Fee ?? 0,
                input.Procurement ?? ProcurementMethod.Lottery, input.StartOn, input.DueOn, null), nowUtc, ct);
            plan.Link(engagement.Id, null);
        }
        db.EvaluationPlans.Add(plan);
        await Saves.SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
        return plan;
    }

    private static async Task<string> NextCodeAsync(JixiaoDbContext db, string region, int year, EvaluationKind kind, CancellationToken ct)
    {
        // The next free number after the count (a number given by hand may have taken it).
        var prefix = $"{(kind == EvaluationKind.Department ? "BM" : "ZD")}-{year}-";
        var taken = (await db.EvaluationPlans.IgnoreQueryFilters().Where(p => p.RegionCode == region && p.FiscalYear == year && p.Code.StartsWith(prefix))
            .Select(p => p.Code).ToListAsync(ct)).ToHashSet();
        var next = taken.Count + 1;
        while (taken.Contains($"{prefix}{next:000}")) next++;
        return $"{prefix}{next:000}";
    }

    /// <summary>The subjects as given, checked against the year's projects and the region's departments, with their amounts.</summary>
    private static async Task<List<PlanSubjectInput>> SubjectsAsync(JixiaoDbContext db, string region, PlanInput input, CancellationToken ct)
    {
        switch (input.SubjectKind)
        {
            case PlanSubjectKind.Project or PlanSubjectKind.Projects or PlanSubjectKind.InYear:
                var ids = (input.ProjectIds ?? []).Distinct().ToList();
                if (ids.Count == 0) throw new DomainException("请选择要评价的项目。", "评价对象");
                var projects = await (from p in db.Projects.AsNoTracking()
                                      where ids.Contains(p.Id) && p.RegionCode == region
                                      join t in db.ProjectTotals on p.Id equals t.ProjectId into ts
                                      from t in ts.DefaultIfEmpty()
                                      select new { p.Id, p.Name, p.OrgUnitId, p.DepartmentId, p.FiscalYear, p.IsPool, Adjusted = (decimal?)t.Adjusted ?? 0m })
                    .ToListAsync(ct);
                if (ids.Where(id => projects.All(p => p.Id != id)).Select(id => (long?)id).FirstOrDefault() is { } missing)
                    throw new DomainException($"项目编号 {missing} 不是本区划您可以评价的项目，请从项目列表中选择。", "评价对象");
                if (projects.FirstOrDefault(p => p.FiscalYear != input.FiscalYear) is { } other)
                    throw new DomainException($"项目“{other.Name}”是 {other.FiscalYear} 年度的，不是评价年度 {input.FiscalYear} 年的项目。", "评价对象");
                if (projects.FirstOrDefault(p => p.IsPool) is { } pool)
                    throw new DomainException($"“{pool.Name}”是待分资金项目，请评价分配到资金的项目。", "评价对象");
                return [.. ids.Select(id => projects.Single(p => p.Id == id))
                    .Select(p => new PlanSubjectInput(SubjectKind.Project, p.Id, p.OrgUnitId, p.DepartmentId, p.Name, p.Adjusted))];
            case PlanSubjectKind.Department or PlanSubjectKind.Policy:
                var department = await db.OrgUnits.AsNoTracking().Where(o => o.Id == input.OrgUnitId && o.RegionCode == region && o.Kind == OrgKind.Department)
                                     .Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(ct)
                                 ?? throw new DomainException(input.SubjectKind == PlanSubjectKind.Policy ? "请选择政策的牵头部门。" : "请选择要评价整体支出的部门。", "评价对象");
                if (input.SubjectKind == PlanSubjectKind.Policy)
                {
                    var amount = input.PolicyAmount ?? 0;
                    Money.EnsureValid(amount, "政策资金");
                    return [new(SubjectKind.Policy, null, department.Id, department.Id, input.PolicyName ?? "", amount)];
                }
                var total = await (from p in db.Projects.AsNoTracking()
                                   where p.DepartmentId == department.Id && p.FiscalYear == input.FiscalYear && !p.IsPool
                                   join t in db.ProjectTotals on p.Id equals t.ProjectId
                                   select t.Adjusted).SumAsync(ct);
                return [new(SubjectKind.Department, null, department.Id, department.Id, department.Name, total)];
            default:
                throw new DomainException("请选择评价对象类型：单个项目、多个项目、部门整体、政策或年中跟踪。", "评价对象类型");
        }
    }
}
