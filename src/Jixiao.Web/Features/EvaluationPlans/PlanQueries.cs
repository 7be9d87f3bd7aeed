using Jixiao.Domain.Engagements;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Panels;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>A line of the evaluation list.</summary>
public sealed record PlanRow(long Id, int FiscalYear, string Code, string Title, EvaluationKind Kind, PlanSubjectKind SubjectKind, PlanEvaluator Evaluator,
    PlanSource Source, PlanState State, string DepartmentName, int Subjects, decimal Amount, DateOnly DueOn, bool Overdue, decimal? Total, Grade? Grade);

public sealed record PlanSubjectView(string Kind, long? ProjectId, long OrgUnitId, string Name, string Unit, decimal Amount, decimal Initial, decimal Adjusted,
    decimal Executed, decimal? SelfScore, Grade? SelfGrade);

public sealed record PlanItemView(int Seq, string Level1, string Level2, string Name, decimal Points, string Standard, string Basis, decimal? Score, string Note);

public sealed record PlanFindingView(int Seq, string Problem, string Cause, string Suggestion, decimal? Amount, long? ProjectId, string ProjectName);

public sealed record PlanSectionView(string Name, string Text, bool Required);

/// <summary>A 一级 of the score table: its points and what the scores give it.</summary>
public sealed record PlanLevelView(string Level1, decimal Points, decimal Scored);

/// <summary>The engagement or panel that evaluates, as the plan page shows it.</summary>
public sealed record PlanEvaluatorView(long Id, string Title, string State, string Detail, bool Done);

/// <summary>An engagement or panel finance may link.</summary>
public sealed record PlanCandidate(long Id, string Title, string State);

/// <summary>
/// One plan as the page and the API show it: what, by whom, why, when; the subjects with the ledger; the framework with the scores;
/// the report sections; the findings; the engagement or panel; what the user may do now.
/// </summary>
public sealed record PlanView(long Id, string RegionCode, int FiscalYear, string Code, string Title, EvaluationKind Kind, PlanSubjectKind SubjectKind,
    PlanEvaluator Evaluator, string EvaluatorName, PlanSource Source, string SourceNote, long? DepartmentId, string DepartmentName, DateOnly StartOn,
    DateOnly DueOn, bool Overdue, PlanState State, decimal Amount, IReadOnlyList<PlanSubjectView> Subjects, IReadOnlyList<PlanItemView> Items,
    IReadOnlyList<PlanLevelView> Levels, decimal Scored, bool FullyScored, decimal ResultPoints, IReadOnlyList<PlanSectionView> Report,
    IReadOnlyList<PlanFindingView> Findings, decimal? Total, Grade? Grade, string ScoreExplanation, string ScoredBy, string ConcludedBy,
    DateTime? ConcludedAtUtc, string CancelReason, string CreatedBy, DateTime CreatedAtUtc, PlanEvaluatorView? Engagement, PlanEvaluatorView? Panel,
    int Files, bool CanOrganise, bool CanEditFramework, bool CanScore, bool CanLink, IReadOnlyList<PlanCandidate> Candidates, string FrameworkText);

/// <summary>A concluded evaluation of a project, as the project's page shows it.</summary>
public sealed record ProjectEvaluationGrade(long PlanId, string Code, string Title, EvaluationKind Kind, decimal Total, Grade Grade, DateTime? ConcludedAtUtc,
    IReadOnlyList<PlanFindingView> Findings);

public static class PlanQueries
{
    public static async Task<FormPage<PlanRow>> ListAsync(JixiaoDbContext db, int year, EvaluationKind? kind, PlanState? state, string? q,
        int page, int pageSize, BusinessClock calendar, CancellationToken ct)
    {
        var plans = db.EvaluationPlans.AsNoTracking().Where(p => p.FiscalYear == year);
        if (kind is { } k) plans = plans.Where(p => p.Kind == k);
        if (state is { } s) plans = plans.Where(p => p.State == s);
        foreach (var word in (q ?? "").Split(' ', '　').Where(w => w.Length > 0))
            plans = plans.Where(p => p.Code.Contains(word) || p.Title.Contains(word) || p.Subjects.Any(x => x.Name.Contains(word)));
        pageSize = Math.Clamp(pageSize, 10, 200);
        page = Math.Max(1, page);
        var total = await plans.CountAsync(ct);
        var list = await plans.OrderBy(p => p.State == PlanState.Concluded || p.State == PlanState.Cancelled ? 1 : 0).ThenBy(p => p.DueOn).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new
            {
                p.Id, p.FiscalYear, p.Code, p.Title, p.Kind, p.SubjectKind, p.Evaluator, p.Source, p.State, p.DueOn, p.Total, p.Grade, p.Subjects,
                Department = db.OrgUnits.Where(o => o.Id == p.DepartmentId).Select(o => o.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        var today = calendar.Today;
        return new FormPage<PlanRow>([.. list.Select(p => new PlanRow(p.Id, p.FiscalYear, p.Code, p.Title, p.Kind, p.SubjectKind, p.Evaluator, p.Source, p.State,
            p.Department ?? "（跨部门）", p.Subjects.Count, p.Subjects.Sum(x => x.Amount), p.DueOn,
            p.State is PlanState.Planned or PlanState.Scoring && today > p.DueOn, p.Total, p.Grade))], total, page, pageSize);
    }

    public static async Task<PlanView?> ViewAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct)
    {
        var plan = await db.EvaluationPlans.AsNoTracking().Include(p => p.Items).Include(p => p.Findings).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return null;
        var funds = await PlanWork.FundsAsync(db, plan, ct);
        var department = plan.DepartmentId is { } d ? await db.OrgUnits.AsNoTracking().Where(o => o.Id == d).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        var open = plan.State is PlanState.Planned or PlanState.Scoring;
        var organiser = PlanWork.MayOrganise(user, plan.Kind, plan.DepartmentId);
        var finance = user.Scope.Has(Role.PerformanceDivision);
        PlanEvaluatorView? engagement = null, panel = null;
        if (plan.EngagementId is { } e && await db.Engagements.AsNoTracking().SingleOrDefaultAsync(x => x.Id == e, ct) is { } g)
        {
            var current = g.Stages.OrderBy(s => s.Number).FirstOrDefault(s => s.State != StageState.Confirmed);
            engagement = new(g.Id, g.Title, g.State.Label(),
                $"{(g.AgencyName.Length > 0 ? g.AgencyName : "尚未抽签")}；{(current is null ? "各阶段成果均已三方确认" : $"当前阶段：{current.Name}（{current.State.Label()}）")}"
                + (g.ReportScore is { } rs ? $"；报告质量 {Scores.Format(rs)} 分" : ""), g.State == EngagementState.Completed);
        }
        if (plan.PanelId is { } pid && await db.Panels.AsNoTracking().SingleOrDefaultAsync(x => x.Id == pid, ct) is { } p)
            panel = new(p.Id, p.Title, p.State.Label(),
                $"{p.Members.Count(m => m.Sitting && m.Total is not null)}/{p.Members.Count(m => m.Sitting)} 位专家已评分" + (p.Result is { } r ? $"，结果 {Scores.Format(r)} 分" : ""),
                p.State == PanelState.Closed);
        var candidates = new List<PlanCandidate>();
        if (finance && open && (plan.Evaluator == PlanEvaluator.Agency && plan.EngagementId is null || plan.Evaluator == PlanEvaluator.Panel && plan.PanelId is null))
        {
            var projects = plan.ProjectIds.ToList();
            var orgs = plan.Subjects.Select(s => s.OrgUnitId).ToList();
            if (plan.Evaluator == PlanEvaluator.Agency)
                candidates.AddRange((await db.Engagements.AsNoTracking()
                        .Where(x => (x.Scope == EngagementScope.KeyEvaluation || x.Scope == EngagementScope.DepartmentEvaluation) && x.State != EngagementState.Cancelled
                                    && x.Subjects.Any(s => (s.ProjectId != null && projects.Contains(s.ProjectId.Value)) || (s.ProjectId == null && orgs.Contains(s.OrgUnitId))))
                        .OrderByDescending(x => x.Id).Select(x => new { x.Id, x.Title, x.State }).ToListAsync(ct))
                    .Select(x => new PlanCandidate(x.Id, x.Title, x.State.Label())));
            else
                candidates.AddRange((await db.Panels.AsNoTracking()
                        .Where(x => x.Purpose == PanelPurpose.EvaluationReview
                                    && x.Subjects.Any(s => (s.ProjectId != null && projects.Contains(s.ProjectId.Value)) || (s.ProjectId == null && orgs.Contains(s.OrgUnitId))))
                        .OrderByDescending(x => x.Id).Select(x => new { x.Id, x.Title, x.State }).ToListAsync(ct))
                    .Select(x => new PlanCandidate(x.Id, x.Title, x.State.Label())));
        }
        var projectNames = plan.Subjects.Where(s => s.ProjectId is not null).ToDictionary(s => s.ProjectId!.Value, s => s.Name);
        var sections = plan.Sections;
        var items = plan.Items.OrderBy(i => i.Seq).ToList();
        return new PlanView(plan.Id, plan.RegionCode, plan.FiscalYear, plan.Code, plan.Title, plan.Kind, plan.SubjectKind, plan.Evaluator,
            await PlanWork.EvaluatorNameAsync(db, plan, ct), plan.Source, plan.SourceNote, plan.DepartmentId, department ?? "（跨部门）", plan.StartOn, plan.DueOn,
            plan.IsOverdue(new BusinessClock(db.Clock).Today), plan.State, plan.Amount,
            [.. plan.Subjects.Zip(funds, (s, f) => new PlanSubjectView(s.Kind.Label(), s.ProjectId, s.OrgUnitId, s.Name, f.Unit, s.Amount, f.Initial, f.Adjusted,
                f.Executed, f.SelfScore, f.SelfGrade))],
            [.. items.Select(i => new PlanItemView(i.Seq, i.Level1, i.Level2, i.Name, i.Points, i.Standard, i.Basis, i.Score, i.Note))],
            [.. items.GroupBy(i => i.Level1).Select(x => new PlanLevelView(x.Key, x.Sum(i => i.Points), x.Sum(i => i.Score ?? 0)))],
            plan.ScoredPoints, plan.FullyScored, plan.Framework.ResultPoints,
            [.. PlanReport.Sections.Select(s => new PlanSectionView(s, sections.GetValueOrDefault(s, ""), PlanReport.Required.Contains(s)))],
            [.. plan.Findings.OrderBy(f => f.Seq).Select(f => Finding(f, projectNames))],
            plan.Total, plan.Grade, plan.ScoreExplanation, plan.ScoredBy, plan.ConcludedBy, plan.ConcludedAtUtc, plan.CancelReason, plan.CreatedBy, plan.CreatedAtUtc,
            engagement, panel, await Evidence.EvidenceWork.CountAsync(db, Domain.Evidence.EvidenceOwner.EvaluationPlan, plan.Id, ct), organiser && open,
            organiser && plan.State == PlanState.Planned && items.All(i => i.Score is null),
            organiser && open && plan.Evaluator != PlanEvaluator.Panel && (plan.Evaluator != PlanEvaluator.Agency || plan.EngagementId is not null),
            finance && open && (plan.Evaluator == PlanEvaluator.Agency || plan.Evaluator == PlanEvaluator.Panel), candidates, plan.Framework.Write());
    }

    /// <summary>The concluded evaluations of each project asked about (for the project page and list), with their findings on it.</summary>
    public static async Task<List<ProjectEvaluationGrade>> ForProjectAsync(JixiaoDbContext db, long projectId, CancellationToken ct)
    {
        var plans = await db.EvaluationPlans.AsNoTracking().Include(p => p.Findings)
            .Where(p => p.State == PlanState.Concluded && p.Subjects.Any(s => s.ProjectId == projectId))
            .OrderByDescending(p => p.ConcludedAtUtc).ToListAsync(ct);
        return [.. plans.Select(p =>
        {
            var names = p.Subjects.Where(s => s.ProjectId is not null).ToDictionary(s => s.ProjectId!.Value, s => s.Name);
            return new ProjectEvaluationGrade(p.Id, p.Code, p.Title, p.Kind, p.Total!.Value, p.Grade!.Value, p.ConcludedAtUtc,
                [.. p.Findings.Where(f => f.ProjectId is null || f.ProjectId == projectId).OrderBy(f => f.Seq).Select(f => Finding(f, names))]);
        })];
    }

    private static PlanFindingView Finding(PlanFinding f, IReadOnlyDictionary<long, string> names) =>
        new(f.Seq, f.Problem, f.Cause, f.Suggestion, f.Amount, f.ProjectId, f.ProjectId is { } p ? names.GetValueOrDefault(p, "") : "");
}
