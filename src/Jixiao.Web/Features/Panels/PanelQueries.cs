using Jixiao.Domain.Engagements;
using Jixiao.Domain.Panels;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Panels;

/// <summary>A line of the panel list: how far the scoring is, and (for an expert) whether they have scored.</summary>
public sealed record PanelRow(long Id, int FiscalYear, PanelPurpose Purpose, string Title, PanelState State, DateOnly DueOn, bool Overdue, string Subjects,
    int Sitting, int Scored, decimal? Result, bool? ScoredByMe);

/// <summary>One expert's line: who, for which field at which place of its order, replaced or sitting, and what they gave.</summary>
public sealed record PanelMemberView(long ExpertId, string ExpertName, string Field, int Rank, bool Sitting, string? ReplacedReason,
    IReadOnlyList<ScoredItem> Scores, decimal? Total, string Opinion, DateTime? ScoredAtUtc);

/// <summary>An item of the form with the points given (null until scored).</summary>
public sealed record ScoredItem(string Name, decimal Points, decimal? Given);

/// <summary>
/// A panel as the user may read it. Finance reads every expert's line, the seed, the quotas and the persons avoided
/// (<see cref="Members"/>); an expert reads only their own line (<see cref="Mine"/>); the reviewed department or unit reads
/// the form, the progress and the result, not who scored what.
/// </summary>
public sealed record PanelView(long Id, string RegionCode, int FiscalYear, PanelPurpose Purpose, string Title, long? EngagementId, PanelState State,
    DateOnly DueOn, bool Overdue, IReadOnlyList<PanelSubject> Subjects, IReadOnlyList<ScoringItem> Form, bool DropExtremes, int Sitting, int Scored,
    decimal? Result, string ResultExplanation, string Seed, IReadOnlyList<PanelQuota>? Quotas, IReadOnlyList<string>? Persons, string CreatedBy,
    DateTime CreatedAtUtc, IReadOnlyList<PanelMemberView>? Members, PanelMemberView? Mine);

/// <summary>A panel waiting for the user: an expert's scores to give; for finance, a panel past its due date.</summary>
public sealed record PanelToDo(long PanelId, string Title, PanelPurpose Purpose, DateOnly DueOn, bool Overdue, int Sitting, int Scored);

public static class PanelQueries
{
    public static async Task<FormPage<PanelRow>> ListAsync(JixiaoDbContext db, CurrentUser user, int? year, PanelPurpose? purpose, PanelState? state,
        string? q, int page, int pageSize, DateOnly today, CancellationToken ct)
    {
        var panels = db.Panels.AsNoTracking();
        if (year is { } y) panels = panels.Where(p => p.FiscalYear == y);
        if (purpose is { } pp) panels = panels.Where(p => p.Purpose == pp);
        if (state is { } s) panels = panels.Where(p => p.State == s);
        foreach (var word in (q ?? "").Split(' ', '　').Where(w => w.Length > 0))
            panels = panels.Where(p => p.Title.Contains(word) || p.Subjects.Any(x => x.Name.Contains(word)));
        pageSize = Math.Clamp(pageSize, 10, 200);
        page = Math.Max(1, page);
        var total = await panels.CountAsync(ct);
        var rows = await panels.OrderByDescending(p => p.FiscalYear).ThenByDescending(p => p.CreatedAtUtc).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var me = user.Scope.ExpertId;
        return new FormPage<PanelRow>(rows.Select(p =>
        {
            var sitting = p.Members.Where(m => m.Sitting).ToList();
            return new PanelRow(p.Id, p.FiscalYear, p.Purpose, p.Title, p.State, p.DueOn, p.IsOverdue(today), string.Join("、", p.Subjects.Select(x => x.Name)),
                sitting.Count, sitting.Count(m => m.Total is not null), p.Result, me is { } id ? sitting.Any(m => m.ExpertId == id && m.Total is not null) : null);
        }).ToList(), total, page, pageSize);
    }

    public static async Task<PanelView?> ViewAsync(JixiaoDbContext db, CurrentUser user, long id, DateOnly today, CancellationToken ct) =>
        await db.Panels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p ? View(p, user, today) : null;

    public static PanelView View(Panel p, CurrentUser user, DateOnly today)
    {
        var finance = user.Scope.SeesRegisters;
        var form = p.ScoringForm;
        var sitting = p.Members.Where(m => m.Sitting).ToList();
        var mine = user.Scope.ExpertId is { } me ? sitting.FirstOrDefault(m => m.ExpertId == me) : null;
        return new PanelView(p.Id, p.RegionCode, p.FiscalYear, p.Purpose, p.Title, p.EngagementId, p.State, p.DueOn, p.IsOverdue(today), p.Subjects,
            form.Items, p.DropExtremes, sitting.Count, sitting.Count(m => m.Total is not null), p.Result, p.ResultExplanation, finance ? p.Seed : "",
            finance ? p.QuotaList : null, finance ? [.. p.PersonSet.Order(StringComparer.Ordinal)] : null, finance ? p.CreatedBy : "", p.CreatedAtUtc,
            finance ? p.Members.OrderBy(m => m.Id).Select(m => Member(m, form)).ToList() : null, mine is null ? null : Member(mine, form));
    }

    private static PanelMemberView Member(PanelMember m, ScoringForm form)
    {
        var given = m.Given;
        return new PanelMemberView(m.ExpertId, m.ExpertName, m.Field, m.Rank, m.Sitting, m.ReplacedReason,
            form.Items.Select(i => new ScoredItem(i.Name, i.Points, given.TryGetValue(i.Name, out var g) ? g : null)).ToList(), m.Total, m.Opinion, m.ScoredAtUtc);
    }

    /// <summary>An expert's panels still to score (earliest due first); finance's panels past their due date with scores missing.</summary>
    public static async Task<IReadOnlyList<PanelToDo>> ToDoAsync(JixiaoDbContext db, CurrentUser user, DateOnly today, CancellationToken ct)
    {
        var open = db.Panels.AsNoTracking().Where(p => p.State == PanelState.Scoring);
        if (user.Scope.ExpertId is { } me)
            open = open.Where(p => p.Members.Any(m => m.ExpertId == me && m.ReplacedReason == null && m.Total == null));
        else if (user.Scope.SeesRegisters)
            open = open.Where(p => p.DueOn < today);
        else
            return [];
        var panels = await open.OrderBy(p => p.DueOn).ThenBy(p => p.Id).Take(200).ToListAsync(ct);
        return panels.Select(p => new PanelToDo(p.Id, p.Title, p.Purpose, p.DueOn, p.IsOverdue(today), p.Members.Count(m => m.Sitting),
            p.Members.Count(m => m.Sitting && m.Total is not null))).ToList();
    }
}
