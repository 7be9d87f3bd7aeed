using Jixiao.Domain.Engagements;
using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Panels;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>A line of the ex-ante list: the project, why it needs an evaluation, where it stands and what was concluded.</summary>
public sealed record ExAnteRow(long Id, int FiscalYear, long ProjectId, string ProjectCode, string ProjectName, string UnitName, ExAnteVariant Variant,
    string Trigger, ExAnteStatus Status, ExAnteState State, decimal RequestedAmount, decimal? Score, decimal? Cap, DateTime? SubmittedAtUtc,
    DateTime? ConcludedAtUtc);

/// <summary>How many evaluations of the year stand in each status.</summary>
public sealed record ExAnteCount(ExAnteStatus Status, int Count);

/// <summary>An item of the form with the points the score gave it (null until concluded).</summary>
public sealed record ExAntePoint(string Name, decimal Points, decimal? Given);

/// <summary>A closed panel or an engagement finance may conclude from.</summary>
public sealed record ExAnteSource(long Id, string Title, string State, decimal? Result);

/// <summary>
/// One evaluation as the page and the API show it: the project, the rule, the unit's report, finance's score item by item with
/// its arithmetic, the conclusion, the cap and the revision; what the user may do now; the panels and engagements of the project
/// finance can conclude from.
/// </summary>
public sealed record ExAnteView(long Id, string RegionCode, int FiscalYear, long ProjectId, string ProjectCode, string ProjectName, string UnitName,
    string DepartmentName, ExAnteVariant Variant, string Trigger, bool AddedByHand, ExAnteStatus Status, ExAnteState State, bool GateOpen, string? GateReason, decimal RequestedAmount,
    IReadOnlyList<string> Dimensions, IReadOnlyDictionary<string, string> Report, IReadOnlyList<string> StandardMaterials, IReadOnlyList<string> Materials,
    string OverallGoal, string AnnualGoal, string Indicators, string SubmittedBy, DateTime? SubmittedAtUtc, string ReturnReason,
    ExAnteRoute? Route, long? PanelId, long? EngagementId, IReadOnlyList<ExAntePoint> Form, decimal? Score, string ScoreExplanation,
    ExAnteConclusion? Conclusion, string Reasons, decimal? Cap, string ConcludedBy, DateTime? ConcludedAtUtc,
    string Revision, decimal? RevisedAmount, DateTime? RevisedAtUtc, string RevisionOpinion,
    bool CanSubmit, bool CanAssess, bool CanRevise, bool CanActOnRevision, IReadOnlyList<ExAnteSource> Panels, IReadOnlyList<ExAnteSource> Engagements,
    string Thresholds, CapMode CapMode);

public static class ExAnteQueries
{
    public static async Task<FormPage<ExAnteRow>> ListAsync(JixiaoDbContext db, CurrentUser user, int year, ExAnteStatus? status, string? q, int page,
        int pageSize, CancellationToken ct)
    {
        var rows = Rows(db, year);
        if (status is { } s) rows = s switch
        {
            ExAnteStatus.Pending => rows.Where(r => r.State == ExAnteState.Pending),
            ExAnteStatus.Assessing => rows.Where(r => r.State == ExAnteState.Assessing),
            ExAnteStatus.Supported => rows.Where(r => r.Conclusion == ExAnteConclusion.Support),
            ExAnteStatus.SupportedAfterRevision => rows.Where(r => r.Conclusion == ExAnteConclusion.SupportAfterRevision),
            _ => rows.Where(r => r.Conclusion == ExAnteConclusion.Reject),
        };
        foreach (var word in (q ?? "").Split(' ', '　').Where(w => w.Length > 0))
            rows = rows.Where(r => r.ProjectCode.Contains(word) || r.ProjectName.Contains(word) || r.UnitName.Contains(word));
        pageSize = Math.Clamp(pageSize, 10, 200);
        page = Math.Max(1, page);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(r => r.State == ExAnteState.Assessing || r.State == ExAnteState.RevisionSubmitted ? 0 : r.State == ExAnteState.Pending ? 1 : 2)
            .ThenByDescending(r => r.RequestedAmount).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new FormPage<ExAnteRow>([.. list.Select(r => new ExAnteRow(r.Id, r.FiscalYear, r.ProjectId, r.ProjectCode, r.ProjectName, r.UnitName, r.Variant,
            r.Trigger, ExAnteEvaluation.StatusOf(r.State, r.Conclusion), r.State, r.RequestedAmount, r.Score, r.Cap, r.SubmittedAtUtc, r.ConcludedAtUtc))], total, page, pageSize);
    }

    public static async Task<IReadOnlyList<ExAnteCount>> CountsAsync(JixiaoDbContext db, int year, CancellationToken ct)
    {
        var groups = await db.ExAnteEvaluations.AsNoTracking().Where(e => e.FiscalYear == year).GroupBy(e => new { e.State, e.Conclusion })
            .Select(g => new { g.Key.State, g.Key.Conclusion, Count = g.Count() }).ToListAsync(ct);
        return [.. groups.GroupBy(g => ExAnteEvaluation.StatusOf(g.State, g.Conclusion)).Select(g => new ExAnteCount(g.Key, g.Sum(x => x.Count))).OrderBy(c => c.Status)];
    }

    /// <summary>The library status of each project asked about that has an evaluation (the others need none: 无需评估).</summary>
    public static async Task<Dictionary<long, (ExAnteStatus Status, string Trigger, long Id)>> StatusesAsync(JixiaoDbContext db, IReadOnlyCollection<long> projectIds,
        CancellationToken ct) =>
        (await db.ExAnteEvaluations.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId))
            .Select(e => new { e.ProjectId, e.Id, e.State, e.Conclusion, e.Trigger }).ToListAsync(ct))
        .ToDictionary(e => e.ProjectId, e => (ExAnteEvaluation.StatusOf(e.State, e.Conclusion), e.Trigger, e.Id));

    public static async Task<ExAnteView?> ViewAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct)
    {
        var e = await db.ExAnteEvaluations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == e.ProjectId)
            .Select(p => new
            {
                p.Code, p.Name, Unit = db.OrgUnits.Where(o => o.Id == p.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
                Department = db.OrgUnits.Where(o => o.Id == p.DepartmentId).Select(o => o.Name).FirstOrDefault(),
            }).SingleAsync(ct);
        var rules = await ExAnteWork.RulesAsync(db, e.RegionCode, e.FiscalYear, ct);
        var finance = user.Scope.Has(Role.PerformanceDivision);
        var applicant = (user.Scope.Has(Role.UnitFiller) || user.Scope.Has(Role.DepartmentReviewer)) && user.Scope.CoversOrgData(e.OrgUnitId);
        IReadOnlyList<ExAnteSource> panels = [], engagements = [];
        if (finance && e.State == ExAnteState.Assessing)
        {
            var found = await db.Panels.AsNoTracking().Where(p => p.Purpose == PanelPurpose.ExAnteReview && p.Subjects.Any(s => s.ProjectId == e.ProjectId))
                .OrderByDescending(p => p.Id).ToListAsync(ct);
            panels = [.. found.Select(p => new ExAnteSource(p.Id, p.Title, p.State.Label(), p.Result))];
            var agencies = await db.Engagements.AsNoTracking().Where(g => g.Scope == EngagementScope.ExAnte && g.Subjects.Any(s => s.ProjectId == e.ProjectId))
                .OrderByDescending(g => g.Id).Select(g => new { g.Id, g.Title, g.State }).ToListAsync(ct);
            engagements = [.. agencies.Select(g => new ExAnteSource(g.Id, g.Title, g.State.Label(), null))];
        }
        var form = e.Form.Length > 0 ? ScoringForm.Parse(e.Form) : rules.Form(e.Variant);
        var given = e.Points.Length > 0 ? ScoringForm.ReadPoints(e.Points) : new Dictionary<string, decimal>();
        return new ExAnteView(e.Id, e.RegionCode, e.FiscalYear, e.ProjectId, project.Code, project.Name, project.Unit ?? "", project.Department ?? "", e.Variant, e.Trigger, e.AddedByHand,
            e.Status, e.State, e.GateOpen, e.GateOpen ? null : ExAnteGate.WhyShut(e), e.RequestedAmount, ExAnteRules.Dimensions(e.Variant), e.ReportByDimension, rules.Materials(e.Variant), e.MaterialList,
            e.OverallGoal, e.AnnualGoal, e.Indicators, e.SubmittedBy, e.SubmittedAtUtc, e.ReturnReason, e.Route, e.PanelId, e.EngagementId,
            [.. form.Items.Select(i => new ExAntePoint(i.Name, i.Points, given.TryGetValue(i.Name, out var g) ? g : null))], e.Score, e.ScoreExplanation,
            e.Conclusion, e.Reasons, e.Cap, e.ConcludedBy, e.ConcludedAtUtc, e.Revision, e.RevisedAmount, e.RevisedAtUtc, e.RevisionOpinion,
            applicant && e.State == ExAnteState.Pending, finance && e.State == ExAnteState.Assessing,
            applicant && e.State == ExAnteState.Concluded && e.Conclusion == ExAnteConclusion.SupportAfterRevision,
            finance && e.State == ExAnteState.RevisionSubmitted, panels, engagements, rules.Thresholds, rules.CapMode);
    }

    /// <summary>A row as the database reads it (member-initialised, so filters and sorts after the projection translate).</summary>
    private sealed class Line
    {
        public long Id { get; init; }
        public int FiscalYear { get; init; }
        public long ProjectId { get; init; }
        public string ProjectCode { get; init; } = "";
        public string ProjectName { get; init; } = "";
        public string UnitName { get; init; } = "";
        public ExAnteVariant Variant { get; init; }
        public string Trigger { get; init; } = "";
        public ExAnteState State { get; init; }
        public ExAnteConclusion? Conclusion { get; init; }
        public decimal RequestedAmount { get; init; }
        public decimal? Score { get; init; }
        public decimal? Cap { get; init; }
        public DateTime? SubmittedAtUtc { get; init; }
        public DateTime? ConcludedAtUtc { get; init; }
    }

    private static IQueryable<Line> Rows(JixiaoDbContext db, int year) =>
        from e in db.ExAnteEvaluations.AsNoTracking()
        where e.FiscalYear == year
        join p in db.Projects on e.ProjectId equals p.Id
        join o in db.OrgUnits on e.OrgUnitId equals o.Id
        select new Line
        {
            Id = e.Id, FiscalYear = e.FiscalYear, ProjectId = e.ProjectId, ProjectCode = p.Code, ProjectName = p.Name, UnitName = o.Name, Variant = e.Variant,
            Trigger = e.Trigger, State = e.State, Conclusion = e.Conclusion, RequestedAmount = e.RequestedAmount, Score = e.Score, Cap = e.Cap,
            SubmittedAtUtc = e.SubmittedAtUtc, ConcludedAtUtc = e.ConcludedAtUtc,
        };
}
