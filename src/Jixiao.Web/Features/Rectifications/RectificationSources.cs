using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Rectifications;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>Where finance raises items from: one finding, or every finding of a container.</summary>
/// <param name="Part">the finding within the source: a plan's finding number, a spot check's self-evaluation id; null for the others</param>
public sealed record SourceRef(RectificationSource Source, long Id, long? Part = null);

/// <summary>A batch's container: every red light of a monitoring round, every 失真 of a spot-check draw, every finding of an evaluation.</summary>
public enum RectificationBatch
{
    [Label("监控轮次的全部红灯")] MonitoringRound = 1,
    [Label("抽查批次的全部失真")] SpotCheckDraw = 2,
    [Label("评价发现的全部问题")] EvaluationPlan = 3,
}

/// <summary>A finding that may become an item: where it is, who is responsible, what it found.</summary>
public sealed record SourceFinding(SourceRef Ref, string Key, string Title, string RegionCode, int FiscalYear, long OrgUnitId, long? DepartmentId,
    long? ProjectId, RectificationDraft Draft);

/// <summary>
/// Reads each source's findings through the scoped context (a source the user does not see is not found). A source that found no
/// problem — a green light, a self-evaluation with everything met, a spot check that was not 失真, an ex-ante 予以支持 — is refused
/// with what it found, since there is nothing to rectify.
/// </summary>
public static class RectificationSources
{
    public static async Task<SourceFinding?> FindAsync(JixiaoDbContext db, SourceRef source, CancellationToken ct) => source.Source switch
    {
        RectificationSource.Monitoring => await MonitoringAsync(db, source.Id, ct),
        RectificationSource.SelfEvaluation => await SelfEvaluationAsync(db, source.Id, ct),
        RectificationSource.SpotCheck => (await SpotChecksAsync(db, source.Id, source.Part ?? throw Part("抽查的自评表编号"), ct)).SingleOrDefault(),
        RectificationSource.DepartmentEvaluation or RectificationSource.KeyEvaluation =>
            (await PlanFindingsAsync(db, source.Id, (int)(source.Part ?? throw Part("问题序号")), ct)).SingleOrDefault(),
        RectificationSource.ExAnte => await ExAnteAsync(db, source.Id, ct),
        _ => throw new DomainException("手工登记的整改事项没有来源记录，请填写问题来源和责任单位。", "来源"),
    };

    /// <summary>Every finding of a batch's container; null when the container is not found for the user.</summary>
    public static async Task<IReadOnlyList<SourceFinding>?> BatchAsync(JixiaoDbContext db, RectificationBatch batch, long id, CancellationToken ct) => batch switch
    {
        RectificationBatch.MonitoringRound => await RoundAsync(db, id, ct),
        RectificationBatch.SpotCheckDraw => await db.SpotChecks.AnyAsync(d => d.Id == id, ct) ? await SpotChecksAsync(db, id, null, ct) : null,
        RectificationBatch.EvaluationPlan => await db.EvaluationPlans.AnyAsync(p => p.Id == id, ct) ? await PlanFindingsAsync(db, id, null, ct) : null,
        _ => throw new DomainException("请选择批量登记的范围：MonitoringRound（监控轮次的全部红灯）、SpotCheckDraw（抽查批次的全部失真）或 EvaluationPlan（评价发现的全部问题）。", "范围"),
    };

    private static DomainException Part(string what) => new($"请指明{what}。", "来源");

    private static async Task<SourceFinding?> MonitoringAsync(JixiaoDbContext db, long taskId, CancellationToken ct)
    {
        var task = await db.MonitoringTasks.AsNoTracking().Where(t => t.Id == taskId)
            .Select(t => new { t.Id, t.RegionCode, t.FiscalYear, t.OrgUnitId, t.DepartmentId, t.ProjectId, t.Light, t.LightReason, t.Budget, t.Executed, t.State,
                Round = db.MonitoringRounds.Where(r => r.Id == t.RoundId).Select(r => r.Title).First() })
            .SingleOrDefaultAsync(ct);
        if (task is null) return null;
        if (task.Light != Light.Red)
            throw new ConflictException($"该监控表的预警为“{task.Light.Label()}”，只有红灯项目登记监控整改事项（黄灯可在监控表上记录整改措施）。");
        if (task.State != FormState.Approved)
            throw new ConflictException($"该监控表尚未审核完成（{task.State.Label()}），审核通过后再登记整改。");
        return new(new(RectificationSource.Monitoring, task.Id), $"monitoring:{task.Id}", $"{task.Round} · 监控红灯", task.RegionCode, task.FiscalYear,
            task.OrgUnitId, task.DepartmentId, task.ProjectId, RectificationDrafts.FromMonitoring(task.Light, task.LightReason, task.Budget, task.Executed));
    }

    private static async Task<IReadOnlyList<SourceFinding>?> RoundAsync(JixiaoDbContext db, long roundId, CancellationToken ct)
    {
        var round = await db.MonitoringRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => new { r.Title }).SingleOrDefaultAsync(ct);
        if (round is null) return null;
        var tasks = await db.MonitoringTasks.AsNoTracking().Where(t => t.RoundId == roundId && t.Light == Light.Red && t.State == FormState.Approved)
            .OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.RegionCode, t.FiscalYear, t.OrgUnitId, t.DepartmentId, t.ProjectId, t.Light, t.LightReason, t.Budget, t.Executed })
            .ToListAsync(ct);
        return [.. tasks.Select(t => new SourceFinding(new(RectificationSource.Monitoring, t.Id), $"monitoring:{t.Id}", $"{round.Title} · 监控红灯", t.RegionCode,
            t.FiscalYear, t.OrgUnitId, t.DepartmentId, t.ProjectId, RectificationDrafts.FromMonitoring(t.Light, t.LightReason, t.Budget, t.Executed)))];
    }

    private static async Task<SourceFinding?> SelfEvaluationAsync(JixiaoDbContext db, long id, CancellationToken ct)
    {
        var e = await db.SelfEvaluations.AsNoTracking().Include(x => x.Rows).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        if (e.State != FormState.Approved)
            throw new ConflictException($"该自评表尚未审核完成（{e.State.Label()}），审核通过后再登记整改。");
        var missed = e.Rows.Where(r => r.Attainment == Attainment.Missed).OrderBy(r => r.Row)
            .Select(r => new MissedIndicator(r.Name, r.TargetValue, r.Actual, r.Reason)).ToList();
        var grade = e.Grade ?? e.ReferenceGrade;
        if (missed.Count == 0 && grade is Grade.Excellent or Grade.Good)
            throw new ConflictException($"该自评表指标均已达到、等级为“{grade.Label()}”，没有需要整改的问题；如另有问题请手工登记。");
        return new(new(RectificationSource.SelfEvaluation, e.Id), $"self:{e.Id}", $"{e.FiscalYear} 年度单位自评", e.RegionCode, e.FiscalYear, e.OrgUnitId,
            e.DepartmentId, e.ProjectId, RectificationDrafts.FromSelfEvaluation(e.Total, grade, missed));
    }

    /// <param name="evaluationId">one self-evaluation of the draw; null: every 失真 of it</param>
    private static async Task<IReadOnlyList<SourceFinding>> SpotChecksAsync(JixiaoDbContext db, long drawId, long? evaluationId, CancellationToken ct)
    {
        var draw = await db.SpotChecks.AsNoTracking().Include(d => d.Items).SingleOrDefaultAsync(d => d.Id == drawId, ct);
        if (draw is null) return [];
        var items = draw.Items.Where(i => evaluationId is null ? i.Distorted : i.EvaluationId == evaluationId).OrderBy(i => i.EvaluationId).ToList();
        if (evaluationId is not null && items.SingleOrDefault() is { Distorted: false } clean)
            throw new ConflictException(clean.ReviewScore is null
                ? "该自评表尚未复核，复核认定失真后才能登记整改。"
                : $"该自评表复核未认定失真（相差 {Scores.Format(clean.Gap)} 分），没有需要整改的失真问题。");
        var ids = items.Select(i => i.EvaluationId).ToList();
        var evaluations = await db.SelfEvaluations.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.RegionCode, e.FiscalYear, e.OrgUnitId, e.DepartmentId, e.ProjectId, e.Total }).ToDictionaryAsync(e => e.Id, ct);
        return [.. items.Where(i => evaluations.ContainsKey(i.EvaluationId)).Select(i =>
        {
            var e = evaluations[i.EvaluationId];
            return new SourceFinding(new(RectificationSource.SpotCheck, drawId, i.EvaluationId), $"spot:{drawId}:{i.EvaluationId}",
                $"{draw.FiscalYear} 年度自评抽查（第 {drawId} 批）· 失真", e.RegionCode, e.FiscalYear, e.OrgUnitId, e.DepartmentId, e.ProjectId,
                RectificationDrafts.FromSpotCheck(e.Total, i.ReviewScore, i.Gap, i.ReviewExplanation));
        })];
    }

    /// <param name="seq">one finding; null: every finding of the plan</param>
    private static async Task<IReadOnlyList<SourceFinding>> PlanFindingsAsync(JixiaoDbContext db, long planId, int? seq, CancellationToken ct)
    {
        var plan = await db.EvaluationPlans.AsNoTracking().Include(p => p.Findings).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return [];
        if (plan.State != PlanState.Concluded)
            throw new ConflictException($"评价“{plan.Title}”尚未完成（{plan.State.Label()}），完成评价后再将发现的问题登记为整改事项。");
        var findings = plan.Findings.Where(f => seq is null || f.Seq == seq).OrderBy(f => f.Seq).ToList();
        if (seq is not null && findings.Count == 0) throw new DomainException($"评价“{plan.Title}”没有第 {seq} 个问题。", "来源");
        var projectIds = findings.Select(f => f.ProjectId).OfType<long>().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).Select(p => new { p.Id, p.OrgUnitId }).ToDictionaryAsync(p => p.Id, ct);
        var orgIds = projects.Values.Select(p => p.OrgUnitId).Concat(plan.Subjects.Select(s => s.OrgUnitId)).Distinct().ToList();
        var parents = await db.OrgUnits.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Kind, o.ParentId }).ToDictionaryAsync(o => o.Id, ct);
        var source = plan.Kind == EvaluationKind.Department ? RectificationSource.DepartmentEvaluation : RectificationSource.KeyEvaluation;
        var first = plan.Subjects.OrderBy(s => s.Id).First();
        return [.. findings.Select(f =>
        {
            // the finding's project's unit; a finding of the whole plan: its department, or the first subject's organisation
            var org = f.ProjectId is { } pid && projects.TryGetValue(pid, out var p) ? p.OrgUnitId : plan.DepartmentId ?? first.OrgUnitId;
            var department = parents.TryGetValue(org, out var o) ? (o.Kind == OrgKind.Department ? o.Id : o.ParentId) : plan.DepartmentId;
            return new SourceFinding(new(source, plan.Id, f.Seq), $"plan:{plan.Id}:{f.Seq}", $"{plan.Code} {plan.Title} · 问题 {f.Seq}", plan.RegionCode,
                plan.FiscalYear, org, department, f.ProjectId ?? (plan.Subjects.Count == 1 ? first.ProjectId : null),
                RectificationDrafts.FromEvaluationFinding(f.Problem, f.Cause, f.Suggestion, f.Amount ?? 0m));
        })];
    }

    private static async Task<SourceFinding?> ExAnteAsync(JixiaoDbContext db, long id, CancellationToken ct)
    {
        var e = await db.ExAnteEvaluations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        if (e.Conclusion is not ({ } conclusion and (ExAnteConclusion.SupportAfterRevision or ExAnteConclusion.Reject)))
            throw new ConflictException(e.Conclusion is null
                ? "该事前绩效评估尚未得出结论，得出结论后再登记整改。"
                : "该事前绩效评估结论为“予以支持”，没有需要整改的问题。");
        return new(new(RectificationSource.ExAnte, e.Id), $"exante:{e.Id}", $"{e.FiscalYear} 年度事前绩效评估 · {conclusion.Label()}", e.RegionCode, e.FiscalYear,
            e.OrgUnitId, e.DepartmentId, e.ProjectId, RectificationDrafts.FromExAnte(conclusion, e.Reasons, e.RequestedAmount));
    }
}
