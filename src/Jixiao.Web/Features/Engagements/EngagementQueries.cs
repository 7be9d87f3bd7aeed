using Jixiao.Domain.Engagements;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Engagements;

/// <summary>A line of the engagement list: where it stands and whose move it is.</summary>
public sealed record EngagementRow(long Id, int FiscalYear, string Code, string Title, EngagementScope Scope, EngagementState State, string AgencyName,
    decimal Fee, DateOnly StartOn, DateOnly DueOn, string Subjects, string? CurrentStage, StageState? CurrentStageState, DateOnly? CurrentStageDue,
    bool Overdue);

/// <summary>A stage as a party reads it: its state, whose move it is, whether it is late, and its whole history.</summary>
public sealed record StageView(long Id, int Number, string Name, DateOnly DueOn, StageState State, int Version, bool UnitConfirmed, bool FinanceConfirmed,
    IReadOnlyList<StageParty> Awaiting, bool Overdue, IReadOnlyList<StageEvent> Events);

/// <summary>The final report's quality score: the points of each checklist item, the score counted in the rating and how it was reached.</summary>
public sealed record ReportScoreView(decimal Score, IReadOnlyList<ReportItemScore> Items, string Explanation, string ScoredBy, DateTime ScoredAtUtc);

/// <summary>
/// One engagement as the user may read it. The draw record (every agency of the register with its exclusions) and the report's
/// quality score are finance's; the agency and the unit read who was engaged, the subjects and the stages. <see cref="Party"/>:
/// the party the user acts as.
/// </summary>
public sealed record EngagementView(long Id, string RegionCode, int FiscalYear, string Code, string Title, EngagementScope Scope, EngagementState State,
    string ContractNo, decimal Fee, ProcurementMethod Procurement, DateOnly StartOn, DateOnly DueOn, long? AgencyId, string AgencyName, string DrawSeed,
    DateTime? DrawnAtUtc, string DrawnBy, IReadOnlyList<EngagementSubject> Subjects, IReadOnlyList<StageView> Stages, IReadOnlyList<DrawEntry>? Draw,
    ReportScoreView? Report, StageParty? Party);

/// <summary>A stage waiting for the user's party: their to-do (overdue ones first).</summary>
public sealed record StageToDo(long EngagementId, long StageId, string Code, string Title, string AgencyName, string Stage, StageState State, DateOnly DueOn,
    bool Overdue);

public static class EngagementQueries
{
    public static async Task<FormPage<EngagementRow>> ListAsync(JixiaoDbContext db, int? year, EngagementScope? scope, EngagementState? state, string? q,
        int page, int pageSize, DateOnly today, CancellationToken ct)
    {
        var engagements = db.Engagements.AsNoTracking();
        if (year is { } y) engagements = engagements.Where(e => e.FiscalYear == y);
        if (scope is { } s) engagements = engagements.Where(e => e.Scope == s);
        if (state is { } st) engagements = engagements.Where(e => e.State == st);
        foreach (var word in (q ?? "").Split(' ', '　').Where(w => w.Length > 0))
            engagements = engagements.Where(e => e.Title.Contains(word) || e.Code.Contains(word) || e.AgencyName.Contains(word));
        pageSize = Math.Clamp(pageSize, 10, 200);
        page = Math.Max(1, page);
        var total = await engagements.CountAsync(ct);
        var rows = await engagements.OrderByDescending(e => e.FiscalYear).ThenByDescending(e => e.Code).ThenBy(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new FormPage<EngagementRow>(rows.Select(e => Row(e, today)).ToList(), total, page, pageSize);
    }

    private static EngagementRow Row(Engagement e, DateOnly today)
    {
        var current = Current(e);
        return new EngagementRow(e.Id, e.FiscalYear, e.Code, e.Title, e.Scope, e.State, e.AgencyName, e.Fee, e.StartOn, e.DueOn,
            string.Join("、", e.Subjects.Select(s => s.Name)), current?.Name, current?.State, current?.DueOn, current?.IsOverdue(today) == true);
    }

    /// <summary>The stage the work is at: the first not yet confirmed (none when all are, or before the draw).</summary>
    private static DeliverableStage? Current(Engagement e) =>
        e.State == EngagementState.InProgress ? e.Stages.OrderBy(s => s.Number).FirstOrDefault(s => s.State != StageState.Confirmed) : null;

    public static async Task<EngagementView?> ViewAsync(JixiaoDbContext db, CurrentUser user, long id, DateOnly today, CancellationToken ct) =>
        await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) is { } e ? View(e, user, today) : null;

    public static EngagementView View(Engagement e, CurrentUser user, DateOnly today)
    {
        var finance = user.Scope.SeesRegisters;
        return new EngagementView(e.Id, e.RegionCode, e.FiscalYear, e.Code, e.Title, e.Scope, e.State, e.ContractNo, e.Fee, e.Procurement, e.StartOn, e.DueOn,
            e.AgencyId, e.AgencyName, finance ? e.DrawSeed : "", e.DrawnAtUtc, finance ? e.DrawnBy : "", e.Subjects,
            e.Stages.OrderBy(s => s.Number).Select(s => new StageView(s.Id, s.Number, s.Name, s.DueOn, s.State, s.Version, s.UnitConfirmed, s.FinanceConfirmed,
                s.Awaiting, s.IsOverdue(today), s.Events.OrderBy(v => v.Seq).ToList())).ToList(),
            finance ? e.Draw : null, finance ? Report(e) : null, EngagementWork.PartyOf(user, e));
    }

    /// <summary>The stored score with its items (kept as <c>名称 分值</c> lines), null until scored.</summary>
    private static ReportScoreView? Report(Engagement e) => e is { ReportScore: { } score, ReportScoredAtUtc: { } at }
        ? new ReportScoreView(score, ScoringForm.ReadPoints(e.ReportScores).Select(i => new ReportItemScore(i.Key, i.Value)).ToList(),
            e.ReportScoreExplanation, e.ReportScoredBy, at)
        : null;

    /// <summary>
    /// The stages waiting for the user's party in engagements under way (the agency: to submit or re-submit; the unit and
    /// finance: to confirm), overdue ones first; finance also sees every overdue stage, whoever it waits for.
    /// </summary>
    public static async Task<IReadOnlyList<StageToDo>> ToDoAsync(JixiaoDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        var engagements = await db.Engagements.AsNoTracking().Where(e => e.State == EngagementState.InProgress).ToListAsync(ct);
        var todo = new List<StageToDo>();
        foreach (var e in engagements)
        {
            var party = EngagementWork.PartyOf(user, e);
            foreach (var s in e.Stages.Where(s => (party is { } p && s.Awaiting.Contains(p)) || (party == StageParty.Finance && s.IsOverdue(today))))
                todo.Add(new StageToDo(e.Id, s.Id, e.Code, e.Title, e.AgencyName, s.Name, s.State, s.DueOn, s.IsOverdue(today)));
        }
        return todo.OrderByDescending(t => t.Overdue).ThenBy(t => t.DueOn).ThenBy(t => t.StageId).ToList();
    }
}
