using Jixiao.Domain.Engagements;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Panels;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>The points and the note (扣分理由或评分依据) given to one 三级 item.</summary>
public sealed record ItemScoreInput(string Name, decimal Score, string? Note);

/// <summary>The framework as text (<c>一级/二级/三级 分值 评分标准</c> a line).</summary>
public sealed record FrameworkInput(string Text);

/// <summary>The engagement or panel that does the evaluation.</summary>
public sealed record PlanLinkInput(long? EngagementId, long? PanelId);

public static partial class PlanWork
{
    public static Task<EvaluationPlan?> SetFrameworkAsync(JixiaoDbContext db, CurrentUser user, long id, FrameworkInput input, CancellationToken ct) =>
        ActAsync(db, user, id, "修改评价指标体系", plan => plan.SetFramework(input.Text), ct);

    /// <summary>Finance links the engagement (of the plan's scope, covering its subjects) or the evaluation panel (of its subjects).</summary>
    public static async Task<EvaluationPlan?> LinkAsync(JixiaoDbContext db, CurrentUser user, long id, PlanLinkInput input, CancellationToken ct)
    {
        var plan = await FindAsync(db, id, ct);
        if (plan is null) return null;
        if (!user.Scope.Has(Role.PerformanceDivision)) throw new ForbiddenException("只有财政绩效股可以关联第三方委托或专家评审组。");
        var projects = plan.ProjectIds;
        var orgs = plan.Subjects.Select(s => s.OrgUnitId).ToHashSet();
        if (input.EngagementId is { } engagementId)
        {
            var engagement = await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == engagementId, ct);
            if (engagement is null || engagement.Scope is not (EngagementScope.DepartmentEvaluation or EngagementScope.KeyEvaluation)
                || !engagement.Subjects.Any(s => (s.ProjectId is { } p && projects.Contains(p)) || (s.ProjectId is null && orgs.Contains(s.OrgUnitId))))
                throw new DomainException($"委托 {engagementId} 不是评价本次评价对象的部门评价或重点评价委托，请从本评价对象的委托中选择。", "委托");
        }
        if (input.PanelId is { } panelId)
        {
            var panel = await db.Panels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == panelId, ct);
            if (panel is null || panel.Purpose != PanelPurpose.EvaluationReview
                || !panel.Subjects.Any(s => (s.ProjectId is { } p && projects.Contains(p)) || (s.ProjectId is null && orgs.Contains(s.OrgUnitId))))
                throw new DomainException($"评审组 {panelId} 不是评审本次评价对象的评价评审组，请从本评价对象的评审组中选择。", "评审组");
            EvaluationPlan.CheckPanelForm(panel, plan.Framework);
        }
        if (input.EngagementId is null && input.PanelId is null) throw new DomainException("请选择要关联的委托或评审组。", "委托");
        plan.Link(input.EngagementId, input.PanelId);
        await Saves.SaveAsync(db, ct);
        return plan;
    }

    public static Task<EvaluationPlan?> ScoreAsync(JixiaoDbContext db, CurrentUser user, long id, IReadOnlyList<ItemScoreInput> input, CancellationToken ct) =>
        ActAsync(db, user, id, "评分", plan =>
        {
            if (input.GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new DomainException($"“{twice.Key}”给了两次分，请只保留一次。", twice.Key);
            plan.Score(input.ToDictionary(i => i.Name, i => (i.Score, i.Note)), user.UserName);
        }, ct);

    /// <summary>Takes the linked panel's result item by item (the experts' mean).</summary>
    public static Task<EvaluationPlan?> ApplyPanelAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct) =>
        ActAsync(db, user, id, "采用评审组得分", async plan =>
        {
            var panel = plan.PanelId is { } panelId ? await db.Panels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == panelId, ct) : null;
            plan.ApplyPanel(panel ?? throw new ConflictException("本评价尚未关联专家评审组：请先抽取并关联评审组。"));
        }, ct);
}
