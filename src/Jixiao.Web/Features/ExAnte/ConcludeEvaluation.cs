using Jixiao.Domain.Engagements;
using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Panels;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>
/// Finance's 评估意见: the route; for 财政自行评估 and 委托第三方 the points per item of the region-year's form (finance's own, or
/// the agency's as its report gives them), for 专家评审 the closed panel whose result is the score; the reasons and the cap.
/// </summary>
public sealed record ExAnteConclusionInput(ExAnteRoute Route, long? PanelId, long? EngagementId, IReadOnlyDictionary<string, decimal>? Points,
    string? Reasons, decimal? Cap);

public static partial class ExAnteWork
{
    public static async Task<ExAnteEvaluation?> ConcludeAsync(JixiaoDbContext db, CurrentUser user, long id, ExAnteConclusionInput input, DateTime nowUtc,
        CancellationToken ct)
    {
        var evaluation = await FindAsync(db, id, ct);
        if (evaluation is null) return null;
        RequireFinance(user, "出具事前评估结论");
        var rules = await RulesAsync(db, evaluation.RegionCode, evaluation.FiscalYear, ct);
        var form = rules.Form(evaluation.Variant);
        ExAnteScore score;
        if (input.Route == ExAnteRoute.Panel)
        {
            var panel = input.PanelId is { } panelId ? await db.Panels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == panelId, ct) : null;
            if (input.PanelId is not null && (panel is null || panel.Purpose != PanelPurpose.ExAnteReview || panel.Subjects.All(s => s.ProjectId != evaluation.ProjectId)))
                throw new DomainException($"评审组 {input.PanelId} 不是评审本项目的事前评估评审组，请从本项目的评审组中选择。", "评审组");
            if (panel is { State: not PanelState.Closed })
                throw new ConflictException($"评审组“{panel.Title}”尚未出结果（{panel.Members.Count(m => m.Sitting && m.Total is not null)}/{panel.Members.Count(m => m.Sitting)} 位专家已评分），请待全部专家评分后再出具结论。");
            form = panel?.ScoringForm ?? form;
            score = panel is null ? new(0, "", "") : ExAnteScore.Of(panel);
        }
        else
        {
            if (input.Route == ExAnteRoute.Engagement && input.EngagementId is { } engagementId)
            {
                var engagement = await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == engagementId, ct);
                if (engagement is null || engagement.Scope != EngagementScope.ExAnte || engagement.Subjects.All(s => s.ProjectId != evaluation.ProjectId))
                    throw new DomainException($"委托 {engagementId} 不是本项目的事前评估委托，请从本项目的委托中选择。", "委托");
                if (engagement.State is EngagementState.Preparing or EngagementState.Cancelled)
                    throw new ConflictException($"委托“{engagement.Title}”为“{engagement.State.Label()}”，第三方机构尚未开展评估。");
            }
            score = ExAnteScore.Of(form, input.Points ?? new Dictionary<string, decimal>(), input.Route == ExAnteRoute.Finance ? "财政自行评估" : "第三方机构评估");
        }
        evaluation.Conclude(input.Route, input.PanelId, input.EngagementId, form, score, rules, input.Reasons, input.Cap, user.UserName, nowUtc);
        await Saves.SaveAsync(db, ct);
        return evaluation;
    }
}
