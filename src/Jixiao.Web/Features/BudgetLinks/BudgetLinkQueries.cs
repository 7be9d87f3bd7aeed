using Jixiao.Domain.BudgetLinks;
using Jixiao.Domain.Evaluations;

namespace Jixiao.Web.Features.BudgetLinks;

/// <summary>One suggestion as the lists and the project page show it.</summary>
public sealed class LinkRow
{
    public long Id { get; init; }
    public int Year { get; init; }
    public long ProposalProjectId { get; init; }
    public string ProposalCode { get; init; } = "";
    public string ProposalName { get; init; } = "";
    public long BasisProjectId { get; init; }
    public string BasisCode { get; init; } = "";
    public string Unit { get; init; } = "";
    public Grade Grade { get; init; }
    public decimal Score { get; init; }
    public LinkBasis Basis { get; init; }
    public int BasisYear { get; init; }
    public string BasisTitle { get; init; } = "";
    public bool Distorted { get; init; }
    public int OpenRectifications { get; init; }
    public decimal Requested { get; init; }
    public decimal CurrentBudget { get; init; }
    public decimal Executed { get; init; }
    public NextYearAction SuggestedAction { get; init; }
    public decimal SuggestedBudget { get; init; }
    public ThisYearAction SuggestedThisYear { get; init; }
    public decimal SuggestedThisYearAmount { get; init; }
    public string Explanation { get; init; } = "";
    public LinkState State { get; init; }
    public NextYearAction? DecidedAction { get; init; }
    public decimal? DecidedBudget { get; init; }
    public ThisYearAction? DecidedThisYear { get; init; }
    public decimal? DecidedThisYearAmount { get; init; }
    public string Reason { get; init; } = "";
    public string DecidedBy { get; init; } = "";
    public DateTime? DecidedAtUtc { get; init; }
    public long? CorrectiveActionId { get; init; }
    public string? CorrectiveDocumentNo { get; init; }

    public NextYearAction Action => DecidedAction ?? SuggestedAction;
    public decimal Budget => DecidedBudget ?? SuggestedBudget;
    public decimal Reduction => Requested - Budget;
    public ThisYearAction ThisYear => DecidedThisYear ?? SuggestedThisYear;
    public decimal ThisYearAmount => DecidedThisYearAmount ?? SuggestedThisYearAmount;
}

/// <summary>The year's suggestions and what they add up to: 申报, 建议安排, 调减 and 取消, this year's 暂缓拨付 and 收回 (decided ones as decided).</summary>
public sealed record LinkPage(int Year, IReadOnlyList<LinkRow> Rows, int Total, int Waiting, decimal Requested, decimal Budget, decimal Reduced, decimal Cancelled,
    decimal Suspended, decimal Recovered, int Page, int PageSize, IReadOnlyList<LinkSource> Sources);

/// <summary>
/// The money consequences of one source of results (the seeds' figures): next year's 调减 and 取消 of the suggestions it graded, this year's
/// 暂缓拨付 and 收回 — for 绩效监控 the corrective actions recorded on the monitoring returns of this year.
/// </summary>
public sealed record LinkSource(string Source, int Projects, decimal Reduced, decimal Cancelled, decimal Suspended, decimal Recovered);

/// <param name="Year">the budget year being prepared (default: next year)</param>
/// <param name="State">待决定、已采纳、已调整</param>
/// <param name="Action">优先保障、维持、调减、取消</param>
/// <param name="Q">项目编码、名称或单位</param>
public sealed record LinkQuery(int? Year = null, LinkState? State = null, NextYearAction? Action = null, string? Q = null, int? Page = null);

public static class BudgetLinkQueries
{
    public const int PageSize = 50;

    private static IQueryable<LinkRow> Rows(JixiaoDbContext db, IQueryable<BudgetLink> links) =>
        from l in links
        join p in db.Projects on l.ProposalProjectId equals p.Id
        join b in db.Projects on l.BasisProjectId equals b.Id
        join o in db.OrgUnits on l.OrgUnitId equals o.Id
        select new LinkRow
        {
            Id = l.Id, Year = l.FiscalYear, ProposalProjectId = p.Id, ProposalCode = p.Code, ProposalName = p.Name, BasisProjectId = b.Id, BasisCode = b.Code,
            Unit = o.Name, Grade = l.Grade, Score = l.Score, Basis = l.Basis, BasisYear = l.BasisYear, BasisTitle = l.BasisTitle, Distorted = l.Distorted,
            OpenRectifications = l.OpenRectifications, Requested = l.Requested, CurrentBudget = l.CurrentBudget, Executed = l.Executed,
            SuggestedAction = l.SuggestedAction, SuggestedBudget = l.SuggestedBudget, SuggestedThisYear = l.SuggestedThisYear,
            SuggestedThisYearAmount = l.SuggestedThisYearAmount, Explanation = l.Explanation, State = l.State, DecidedAction = l.DecidedAction,
            DecidedBudget = l.DecidedBudget, DecidedThisYear = l.DecidedThisYear, DecidedThisYearAmount = l.DecidedThisYearAmount, Reason = l.Reason,
            DecidedBy = l.DecidedBy, DecidedAtUtc = l.DecidedAtUtc, CorrectiveActionId = l.CorrectiveActionId,
            CorrectiveDocumentNo = db.CorrectiveActions.Where(a => a.Id == l.CorrectiveActionId).Select(a => a.DocumentNo).FirstOrDefault(),
        };

    public static async Task<LinkPage> ListAsync(JixiaoDbContext db, LinkQuery q, int year, CancellationToken ct)
    {
        var links = db.BudgetLinks.AsNoTracking().Where(l => l.FiscalYear == year);
        if (q.State is { } state) links = links.Where(l => l.State == state);
        if (q.Action is { } action) links = links.Where(l => (l.DecidedAction ?? l.SuggestedAction) == action);
        var rows = Rows(db, links);
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var text = q.Q.Trim();
            rows = rows.Where(r => r.ProposalCode.Contains(text) || r.ProposalName.Contains(text) || r.Unit.Contains(text));
        }
        // The year's figures add up every row of the filter; a page shows 50, the undecided first.
        var all = await rows.Select(r => new { r.State, r.Requested, r.SuggestedBudget, r.DecidedBudget, r.SuggestedAction, r.DecidedAction,
            r.SuggestedThisYear, r.DecidedThisYear, r.SuggestedThisYearAmount, r.DecidedThisYearAmount }).ToListAsync(ct);
        decimal BudgetOf(decimal suggested, decimal? decided) => decided ?? suggested;
        var page = Math.Max(1, q.Page ?? 1);
        var shown = await rows.OrderBy(r => r.State).ThenBy(r => r.ProposalCode).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new LinkPage(year, shown, all.Count, all.Count(r => r.State == LinkState.Suggested), all.Sum(r => r.Requested),
            all.Sum(r => BudgetOf(r.SuggestedBudget, r.DecidedBudget)),
            all.Where(r => (r.DecidedAction ?? r.SuggestedAction) != NextYearAction.Cancel).Sum(r => r.Requested - BudgetOf(r.SuggestedBudget, r.DecidedBudget)),
            all.Where(r => (r.DecidedAction ?? r.SuggestedAction) == NextYearAction.Cancel).Sum(r => r.Requested),
            all.Where(r => (r.DecidedThisYear ?? r.SuggestedThisYear) == ThisYearAction.Suspend).Sum(r => r.DecidedThisYearAmount ?? r.SuggestedThisYearAmount),
            all.Where(r => (r.DecidedThisYear ?? r.SuggestedThisYear) == ThisYearAction.Recover).Sum(r => r.DecidedThisYearAmount ?? r.SuggestedThisYearAmount),
            page, PageSize, await SourcesAsync(db, year, ct));
    }

    /// <summary>By source: monitoring's corrective actions of this year first, then the suggestions of the budget year by the result that graded them.</summary>
    public static async Task<IReadOnlyList<LinkSource>> SourcesAsync(JixiaoDbContext db, int year, CancellationToken ct)
    {
        var corrections = await db.CorrectiveActions.AsNoTracking().Where(a => a.FiscalYear == year - 1 && a.TaskId != null)
            .Select(a => new { a.ProjectId, a.Kind, a.Amount }).ToListAsync(ct);
        var sources = new List<LinkSource>
        {
            new("绩效监控（本年整改措施）", corrections.Select(a => a.ProjectId).Distinct().Count(),
                corrections.Where(a => a.Kind == Domain.Monitoring.CorrectiveKind.Reduction).Sum(a => a.Amount), 0m,
                corrections.Where(a => a.Kind == Domain.Monitoring.CorrectiveKind.Suspension).Sum(a => a.Amount),
                corrections.Where(a => a.Kind == Domain.Monitoring.CorrectiveKind.Recovery).Sum(a => a.Amount)),
        };
        var links = await db.BudgetLinks.AsNoTracking().Where(l => l.FiscalYear == year)
            .Select(l => new { l.Basis, l.Requested, Budget = l.DecidedBudget ?? l.SuggestedBudget, Action = l.DecidedAction ?? l.SuggestedAction,
                ThisYear = l.DecidedThisYear ?? l.SuggestedThisYear, Amount = l.DecidedThisYearAmount ?? l.SuggestedThisYearAmount })
            .ToListAsync(ct);
        sources.AddRange(Enum.GetValues<LinkBasis>().Select(b =>
        {
            var of = links.Where(l => l.Basis == b).ToList();
            return new LinkSource(b.Label(), of.Count, of.Where(l => l.Action != NextYearAction.Cancel).Sum(l => l.Requested - l.Budget),
                of.Where(l => l.Action == NextYearAction.Cancel).Sum(l => l.Requested), of.Where(l => l.ThisYear == ThisYearAction.Suspend).Sum(l => l.Amount),
                of.Where(l => l.ThisYear == ThisYearAction.Recover).Sum(l => l.Amount));
        }));
        return sources;
    }

    public static Task<LinkRow?> ViewAsync(JixiaoDbContext db, long id, CancellationToken ct) =>
        Rows(db, db.BudgetLinks.AsNoTracking().Where(l => l.Id == id)).SingleOrDefaultAsync(ct);

    /// <summary>
    /// The suggestions a project is part of: as next year's proposal, as this year's project a proposal continues, or as the evaluated
    /// project of the year before (its result graded the proposal of the year after next).
    /// </summary>
    public static async Task<List<LinkRow>> ForProjectAsync(JixiaoDbContext db, long projectId, CancellationToken ct)
    {
        var p = await db.Projects.AsNoTracking().Where(x => x.Id == projectId).Select(x => new { x.OrgUnitId, x.Name, x.FiscalYear }).SingleOrDefaultAsync(ct);
        if (p is null) return [];
        var links = from l in db.BudgetLinks.AsNoTracking()
            join b in db.Projects on l.BasisProjectId equals b.Id
            where l.ProposalProjectId == projectId || l.BasisProjectId == projectId
                  || (b.OrgUnitId == p.OrgUnitId && b.Name == p.Name && b.FiscalYear == p.FiscalYear + 1)
            select l;
        return await Rows(db, links).ToListAsync(ct);
    }
}
