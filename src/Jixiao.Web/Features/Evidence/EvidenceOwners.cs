using Jixiao.Domain.Engagements;
using Jixiao.Domain.Evidence;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.ExAnte;

namespace Jixiao.Web.Features.Evidence;

/// <summary>
/// The records evidence files are attached to, one registration per <see cref="EvidenceOwner"/>: the path segment of its routes
/// and pages, its own page, and how to load it through the scoped <see cref="JixiaoDbContext"/> — a user sees an owner's files
/// iff this finds the owner for them (a foreign or missing one is null: 404). Adding an owner kind is one line here.
/// </summary>
public static class EvidenceOwners
{
    /// <param name="Segment">the owner's path segment in <c>/api/evidence/{segment}/{id}</c> and <c>/Evidence/{segment}/{id}</c></param>
    /// <param name="Page">the owner's own page, from its id</param>
    public sealed record Registration(EvidenceOwner Kind, string Segment, Func<long, string> Page,
        Func<JixiaoDbContext, long, CancellationToken, Task<EvidenceOwnerFacts?>> Find);

    public static readonly IReadOnlyList<Registration> All =
    [
        new(EvidenceOwner.Target, "targets", id => $"/Targets/Details/{id}", async (db, id, ct) =>
            await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t
                ? new(t.RegionCode, t.FiscalYear, $"{t.Subject.Label()}第 {t.Version} 版", !t.IsLocked, t.State.Label(), EvidenceRules.FormWriters)
                : null),
        new(EvidenceOwner.MonitoringTask, "tasks", id => $"/Monitoring/Task/{id}", async (db, id, ct) =>
            await db.MonitoringTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? Form(t.RegionCode, t.FiscalYear, "监控表", t.State) : null),
        new(EvidenceOwner.SelfEvaluation, "evaluations", id => $"/Evaluations/Form/{id}", async (db, id, ct) =>
            await db.SelfEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } e ? Form(e.RegionCode, e.FiscalYear, "自评表", e.State) : null),
        // A stage of an engagement: the agency attaches its deliverable while the stage waits for it (open, or objected to).
        new(EvidenceOwner.Deliverable, "stages", id => $"/Engagements/Stage/{id}", async (db, id, ct) =>
            await db.Engagements.AsNoTracking().FirstOrDefaultAsync(e => e.Stages.Any(s => s.Id == id), ct) is { } e
                ? e.Stages.Single(s => s.Id == id) is var s
                    ? new(e.RegionCode, e.FiscalYear, $"“{e.Title}”的{s.Name}", s.State is StageState.Open or StageState.Objected, s.State.Label(),
                        EvidenceRules.DeliverableWriters)
                    : null
                : null),
        // A panel's review materials (the targets, the application, the report under review): finance adds them while the experts score.
        new(EvidenceOwner.PanelMaterial, "panels", id => $"/Panels/Details/{id}", async (db, id, ct) =>
            await db.Panels.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } p
                ? new(p.RegionCode, p.FiscalYear, $"评审组“{p.Title}”", p.State == Domain.Panels.PanelState.Scoring, p.State.Label(), EvidenceRules.PanelMaterialWriters)
                : null),
        // An ex-ante application's materials: the unit attaches them until finance concludes (and for a revision when asked for one).
        new(EvidenceOwner.ExAnte, "exante", id => $"/ExAnte/Details/{id}", async (db, id, ct) =>
            await db.ExAnteEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } e
                ? new(e.RegionCode, e.FiscalYear, "事前绩效评估申报材料", ExAnteWork.MaterialsOpen(e), e.Status.Label(), EvidenceRules.FormWriters)
                : null),
        // A department or key evaluation's evidence: the evaluator attaches it (per item, named in the note) until the plan is concluded.
        new(EvidenceOwner.EvaluationPlan, "plans", id => $"/EvaluationPlans/Details/{id}", async (db, id, ct) =>
            await db.EvaluationPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } p
                ? new(p.RegionCode, p.FiscalYear, $"评价“{p.Title}”", p.State is Domain.EvaluationPlans.PlanState.Planned or Domain.EvaluationPlans.PlanState.Scoring,
                    p.State.Label(), EvidenceRules.EvaluatorWriters)
                : null),
        // A rectification item's evidence: the responsible side attaches it while the item is with it (待整改, 整改中, or returned).
        new(EvidenceOwner.Rectification, "rectifications", id => $"/Rectifications/Details/{id}", async (db, id, ct) =>
            await db.Rectifications.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } r
                ? new(r.RegionCode, r.FiscalYear, $"整改事项（编号 {r.Id}）", r.State is Domain.Rectifications.RectificationState.Pending or Domain.Rectifications.RectificationState.InProgress,
                    r.State.Label(), EvidenceRules.ReplyWriters)
                : null),
    ];

    public static Registration Of(EvidenceOwner kind) => All.Single(r => r.Kind == kind);

    public static Registration? BySegment(string segment) => All.FirstOrDefault(r => r.Segment == segment);

    /// <summary>A form of the review chain: open until approved.</summary>
    private static EvidenceOwnerFacts Form(string region, int year, string title, FormState state) =>
        new(region, year, title, state != FormState.Approved, state.Label(), EvidenceRules.FormWriters);
}
