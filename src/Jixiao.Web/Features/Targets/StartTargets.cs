using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Targets;

/// <summary>开始填报: version 1 of a project's targets (blank, from last year's approved ones or from its ex-ante application) or of a department's overall targets.</summary>
public static partial class TargetWork
{
    /// <summary>Starts version 1 of a project's targets, blank or from last year's approved ones.</summary>
    public static async Task<PerformanceTarget?> StartForProjectAsync(JixiaoDbContext db, CurrentUser user, long projectId, TargetStart start,
        DateTime nowUtc, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return null;
        if (!user.Scope.Has(Role.UnitFiller))
            throw new ConflictException("项目绩效目标由预算单位填报人填报。");
        if (await db.Targets.AnyAsync(t => t.SubjectKey == "P" + projectId, ct))
            throw new ConflictException($"项目“{project.Name}”已有绩效目标，请在原目标上修改或申请调整。");
        var target = PerformanceTarget.ForProject(project, nowUtc);
        if (start == TargetStart.LastYear)
        {
            var last = await LastYearApprovedAsync(db, project, ct)
                ?? throw new DomainException($"项目“{project.Code}”没有上年已批复的绩效目标（只有经常性项目、且上年代码相同才能沿用）。", "来源");
            target.Edit(EditorOf(user, target), last.OverallGoal, last.AnnualGoal, last.Indicators.Select(i => i.ToInput()).ToList(),
                await ContextAsync(db, target, ct), nowUtc);
        }
        else if (start == TargetStart.ExAnte)
        {
            var proposed = await db.ExAnteEvaluations.AsNoTracking().Where(e => e.ProjectId == projectId && e.SubmittedAtUtc != null)
                .Select(e => new { e.OverallGoal, e.AnnualGoal, e.Indicators }).SingleOrDefaultAsync(ct)
                ?? throw new DomainException($"项目“{project.Code}”没有提交过事前评估申报，不能沿用事前评估的目标。", "来源");
            target.Edit(EditorOf(user, target), proposed.OverallGoal, proposed.AnnualGoal, ProposedTargets.Parse(proposed.Indicators),
                await ContextAsync(db, target, ct), nowUtc);
        }
        db.Targets.Add(target);
        await CommitAsync(db, ct);
        return target;
    }

    /// <summary>The projects among <paramref name="projectIds"/> whose ex-ante application proposed targets (they may start from them).</summary>
    public static async Task<IReadOnlySet<long>> ProposedByExAnteAsync(JixiaoDbContext db, IReadOnlyCollection<long> projectIds, CancellationToken ct) =>
        (await db.ExAnteEvaluations.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId) && e.SubmittedAtUtc != null && e.Indicators != "")
            .Select(e => e.ProjectId).ToListAsync(ct)).ToHashSet();

    /// <summary>Starts version 1 of a department's overall targets for a year.</summary>
    public static async Task<PerformanceTarget?> StartForDepartmentAsync(JixiaoDbContext db, CurrentUser user, long departmentId, int year,
        DateTime nowUtc, CancellationToken ct)
    {
        var department = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == departmentId && o.Kind == OrgKind.Department, ct);
        if (department is null || !user.Scope.CoversOrgData(department.Id)) return null;
        if (!user.Scope.Has(Role.DepartmentReviewer))
            throw new ConflictException("部门整体绩效目标由主管部门填报。");
        var target = PerformanceTarget.ForDepartment(department, year, nowUtc);
        if (await db.Targets.AnyAsync(t => t.SubjectKey == target.SubjectKey, ct))
            throw new ConflictException($"{department.Name} {year} 年已有部门整体绩效目标。");
        db.Targets.Add(target);
        await CommitAsync(db, ct);
        return target;
    }
}
