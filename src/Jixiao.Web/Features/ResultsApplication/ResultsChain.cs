using Jixiao.Domain.Budget;
using Jixiao.Domain.BudgetLinks;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Rectifications;
using Jixiao.Web.Features.BudgetLinks;

namespace Jixiao.Web.Features.ResultsApplication;

/// <param name="Year">结果年度: the monitored and evaluated year (default: last year)</param>
/// <param name="Department">主管部门</param>
/// <param name="Stage">整改未完成、待预算决定、已闭环</param>
/// <param name="Q">项目编码、名称、单位或问题</param>
public sealed record ChainQuery(int? Year = null, long? Department = null, ChainStage? Stage = null, string? Q = null, int? Page = null);

/// <summary>The deepest result of the project's year: key or department evaluation, spot-check re-review, or self-evaluation.</summary>
public sealed record ChainResult(LinkBasis Basis, string Title, decimal Score, Grade Grade);

/// <summary>A problem found and its rectification: where it came from, its state, and the last step taken (who, when, what).</summary>
public sealed record ChainFinding(long Id, string Source, string SourceTitle, string Problem, decimal Amount, DateOnly Deadline, string Status, bool Overdue,
    DateOnly? CompletedOn, string LastStep);

/// <summary>The budget action the results led to: next year's proposal (requested → arranged) and this year's hold or recovery, and who decided it.</summary>
public sealed record ChainBudget(long Id, int Year, long ProposalProjectId, string ProposalCode, string Basis, NextYearAction Action, decimal Requested,
    decimal Budget, ThisYearAction ThisYear, decimal ThisYearAmount, LinkState State, string DecidedBy, DateTime? DecidedAtUtc);

/// <summary>A money consequence in the ledger: a corrective action with its 文号 (after monitoring, or recorded from a budget link).</summary>
public sealed record ChainMoney(long Id, int Year, long ProjectId, CorrectiveKind Kind, decimal Amount, DateOnly Date, string DocumentNo, string Origin, string RecordedBy);

/// <summary>One project of the results year (or a department's own items) with its whole chain.</summary>
public sealed record ChainLine(long? ProjectId, string Code, string Name, string Unit, string Department, ChainResult? Result,
    IReadOnlyList<ChainFinding> Findings, IReadOnlyList<ChainBudget> Budget, IReadOnlyList<ChainMoney> Money, ChainStage Stage);

/// <summary>
/// The year's figures along the chain. Next year's 调减 and 取消 count decided links only (a suggestion is not yet a budget); 暂缓拨付 and 收回
/// are the corrective actions recorded in the ledger; 监控调减 the reductions made after in-year monitoring.
/// </summary>
public sealed record ChainTotals(int Lines, int Evaluated, int Findings, int FindingsDone, int FindingsOverdue, int Links, int LinksDecided,
    decimal Reduced, decimal Cancelled, decimal Suspended, decimal Recovered, decimal MonitoringReduced, int Closed);

public sealed record ChainPage(int Year, DateOnly AsOf, ChainTotals Totals, IReadOnlyList<ChainLine> Lines, int Total, int Page, int PageSize);

/// <summary>
/// 结果应用台账 of a region-year (DOMAIN.md §4.6), for finance and the 人大: every project of the results year that was evaluated by a
/// department or key evaluation, had a problem raised for rectification, a budget link graded by its result, or a corrective action after
/// monitoring — each with its result, findings and their rectification, the budget action and the ledger entry, with dates and people.
/// A project's line continues into later years by its unit and name (ADR 0012), as the budget links do.
/// </summary>
public static class ResultsChain
{
    public const int PageSize = 100;

    public static async Task<ChainPage> PageAsync(JixiaoDbContext db, ChainQuery q, int year, DateOnly today, CancellationToken ct)
    {
        var lines = await LinesAsync(db, q, year, today, ct);
        var shown = Filter(lines, q).ToList();
        var page = Math.Clamp(q.Page ?? 1, 1, Math.Max(1, (shown.Count + PageSize - 1) / PageSize));
        return new ChainPage(year, today, TotalsOf(shown), [.. shown.Skip((page - 1) * PageSize).Take(PageSize)], shown.Count, page, PageSize);
    }

    /// <summary>Every line of the filter (the files print all of them).</summary>
    public static async Task<(ChainTotals Totals, IReadOnlyList<ChainLine> Lines)> AllAsync(JixiaoDbContext db, ChainQuery q, int year, DateOnly today,
        CancellationToken ct)
    {
        var lines = Filter(await LinesAsync(db, q, year, today, ct), q).ToList();
        return (TotalsOf(lines), lines);
    }

    private static IEnumerable<ChainLine> Filter(IEnumerable<ChainLine> lines, ChainQuery q)
    {
        if (q.Stage is { } stage) lines = lines.Where(l => l.Stage == stage);
        foreach (var word in (q.Q ?? "").Split(' ', '　').Where(w => w.Length > 0))
            lines = lines.Where(l => l.Code.Contains(word) || l.Name.Contains(word) || l.Unit.Contains(word) || l.Findings.Any(f => f.Problem.Contains(word)));
        return lines;
    }

    private static ChainTotals TotalsOf(IReadOnlyList<ChainLine> lines)
    {
        var findings = lines.SelectMany(l => l.Findings).ToList();
        var links = lines.SelectMany(l => l.Budget).ToList();
        var decided = links.Where(l => l.State != LinkState.Suggested).ToList();
        var money = lines.SelectMany(l => l.Money).DistinctBy(m => m.Id).ToList();
        return new ChainTotals(lines.Count, lines.Count(l => l.Result?.Basis is LinkBasis.KeyEvaluation or LinkBasis.DepartmentEvaluation),
            findings.Count, findings.Count(f => f.CompletedOn is not null), findings.Count(f => f.Overdue), links.Count, decided.Count,
            decided.Where(l => l.Action != NextYearAction.Cancel).Sum(l => Math.Max(0m, l.Requested - l.Budget)),
            decided.Where(l => l.Action == NextYearAction.Cancel).Sum(l => l.Requested),
            money.Where(m => m.Kind == CorrectiveKind.Suspension).Sum(m => m.Amount), money.Where(m => m.Kind == CorrectiveKind.Recovery).Sum(m => m.Amount),
            money.Where(m => m.Kind == CorrectiveKind.Reduction && m.Origin == MonitoringOrigin).Sum(m => m.Amount), lines.Count(l => l.Stage == ChainStage.Closed));
    }

    private const string MonitoringOrigin = "绩效监控";
    private const string LinkOrigin = "结果应用";

    private static async Task<List<ChainLine>> LinesAsync(JixiaoDbContext db, ChainQuery q, int year, DateOnly today, CancellationToken ct)
    {
        Domain.Organisation.FiscalYears.EnsureValid(year);
        // the four ways a project of the year enters the chain
        var rectifications = db.Rectifications.AsNoTracking().Include(r => r.Steps).Where(r => r.FiscalYear == year && r.State != RectificationState.Cancelled);
        if (q.Department is { } department) rectifications = rectifications.Where(r => r.DepartmentId == department || r.OrgUnitId == department);
        var items = await rectifications.ToListAsync(ct);
        var evaluated = await db.EvaluationPlans.AsNoTracking().Where(p => p.FiscalYear == year && p.State == PlanState.Concluded)
            .SelectMany(p => p.Subjects.Where(s => s.ProjectId != null), (p, s) => s.ProjectId!.Value).Distinct().ToListAsync(ct);
        var links = await (from l in db.BudgetLinks.AsNoTracking()
                join b in db.Projects on l.BasisProjectId equals b.Id
                join p in db.Projects on l.ProposalProjectId equals p.Id
                where l.BasisYear == year
                select new { Link = l, ProposalCode = p.Code, b.OrgUnitId, b.Name, b.FiscalYear }).ToListAsync(ct);
        var monitoring = await db.CorrectiveActions.AsNoTracking().Where(a => a.FiscalYear == year && a.TaskId != null && a.Kind != CorrectiveKind.TargetAdjustment)
            .ToListAsync(ct);

        // a link graded by this year's result belongs to this year's project of the same unit and name (its basis, or the basis's predecessor)
        var linkOrgs = links.Where(l => l.FiscalYear != year).Select(l => l.OrgUnitId).Distinct().ToList();
        var predecessors = (await db.Projects.AsNoTracking().Where(p => p.FiscalYear == year && !p.IsPool && linkOrgs.Contains(p.OrgUnitId))
                .Select(p => new { p.Id, p.OrgUnitId, p.Name }).ToListAsync(ct))
            .GroupBy(p => (p.OrgUnitId, p.Name)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id);
        var linksByProject = links
            .Select(l => (Project: l.FiscalYear == year ? l.Link.BasisProjectId : predecessors.GetValueOrDefault((l.OrgUnitId, l.Name)), l.Link, l.ProposalCode))
            .Where(l => l.Project != 0).ToLookup(l => l.Project);
        var linkActionIds = links.Select(l => l.Link.CorrectiveActionId).OfType<long>().ToList();
        var linkActions = await db.CorrectiveActions.AsNoTracking().Where(a => linkActionIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);

        var projectIds = items.Select(r => r.ProjectId).OfType<long>().Concat(evaluated).Concat(linksByProject.Select(g => g.Key))
            .Concat(monitoring.Select(a => a.ProjectId)).Distinct().ToList();
        var projects = await (from p in db.Projects.AsNoTracking()
                join o in db.OrgUnits on p.OrgUnitId equals o.Id
                join d in db.OrgUnits on p.DepartmentId equals d.Id into ds
                from d in ds.DefaultIfEmpty()
                where projectIds.Contains(p.Id)
                select new { p.Id, p.Code, p.Name, p.DepartmentId, Unit = o.Name, Department = d != null ? d.Name : "", DepartmentCode = d != null ? d.Code : "" })
            .ToDictionaryAsync(p => p.Id, ct);
        var orgIds = items.Where(r => r.ProjectId is null).SelectMany(r => new[] { r.OrgUnitId, r.DepartmentId ?? r.OrgUnitId }).Distinct().ToList();
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (o.Code, o.Name), ct);
        var results = await BudgetLinkWork.FactsAsync(db, projects.Keys.ToDictionary(id => id, _ => (long?)null), ct);

        var findings = items.ToLookup(r => r.ProjectId);
        var corrections = monitoring.ToLookup(a => a.ProjectId);
        var lines = new List<(string Sort, ChainLine Line)>();
        foreach (var p in projects.Values)
        {
            if (q.Department is { } only && p.DepartmentId != only) continue;
            var own = findings[p.Id].OrderBy(r => r.Id).ToList();
            var budget = linksByProject[p.Id].Select(l => Budget(l.Link, l.ProposalCode)).ToList();
            var money = corrections[p.Id].Select(a => Money(a, MonitoringOrigin))
                .Concat(linksByProject[p.Id].Select(l => l.Link.CorrectiveActionId is { } id ? linkActions.GetValueOrDefault(id) : null).OfType<CorrectiveAction>()
                    .Select(a => Money(a, LinkOrigin)))
                .OrderBy(m => m.Date).ThenBy(m => m.Id).ToList();
            var result = results.GetValueOrDefault(p.Id).Result is { } r ? new ChainResult(r.Basis, r.Title, r.Score, r.Grade) : null;
            lines.Add(($"{p.DepartmentCode}|{p.Code}", new ChainLine(p.Id, p.Code, p.Name, p.Unit, p.Department, result,
                [.. own.Select(f => Finding(f, today))], budget, money, ChainStages.Of(own.Select(f => f.State), budget.Select(b => b.State)))));
        }
        // a department's own items (整体绩效) and items raised by hand without a project: a line per responsible organisation
        foreach (var g in findings.Where(g => g.Key is null).SelectMany(g => g).GroupBy(r => r.OrgUnitId))
        {
            var first = g.First();
            var (code, name) = orgs.GetValueOrDefault(first.OrgUnitId, ("", ""));
            (string Code, string Name) owner = first.DepartmentId is { } d ? orgs.GetValueOrDefault(d, ("", "")) : (code, name);
            var own = g.OrderBy(r => r.Id).ToList();
            lines.Add(($"{owner.Code}|~{code}", new ChainLine(null, "", $"{name}（部门整体）", name, owner.Name, null,
                [.. own.Select(f => Finding(f, today))], [], [], ChainStages.Of(own.Select(f => f.State), []))));
        }
        return [.. lines.OrderBy(l => l.Sort, StringComparer.Ordinal).Select(l => l.Line)];
    }

    private static ChainFinding Finding(Rectification r, DateOnly today)
    {
        var last = r.Steps.MaxBy(s => s.Seq);
        var step = last is null ? $"{BusinessCalendar.ToBeijing(r.RaisedAtUtc):yyyy-MM-dd} {r.RaisedBy} 登记"
            : $"{BusinessCalendar.ToBeijing(last.AtUtc):yyyy-MM-dd} {last.Role.Label()} {last.UserName} {last.Action.Label()}";
        return new ChainFinding(r.Id, r.Source.Label(), r.SourceTitle, r.Problem, r.Amount, r.Deadline, r.StatusOn(today), r.IsOverdue(today), r.CompletedOn, step);
    }

    private static ChainBudget Budget(BudgetLink l, string proposalCode) =>
        new(l.Id, l.FiscalYear, l.ProposalProjectId, proposalCode, $"{l.Basis.Label()}（{l.Grade.Label()}）", l.DecidedAction ?? l.SuggestedAction, l.Requested,
            l.DecidedBudget ?? l.SuggestedBudget, l.DecidedThisYear ?? l.SuggestedThisYear, l.DecidedThisYearAmount ?? l.SuggestedThisYearAmount, l.State,
            l.DecidedBy, l.DecidedAtUtc);

    private static ChainMoney Money(CorrectiveAction a, string origin) =>
        new(a.Id, a.FiscalYear, a.ProjectId, a.Kind, a.Amount, a.Date, a.DocumentNo, origin, a.RecordedBy);
}

/// <summary>Each link of a chain in one line of text, the same on the page, in the xlsx and in the PDF.</summary>
public static class ChainText
{
    public static string Result(ChainResult? r) => r is null ? "—" : $"{r.Basis.Label()}：{Scores.Format(r.Score)} 分（{r.Grade.Label()}）";

    public static string Finding(ChainFinding f) =>
        $"【{f.Source}】{f.Problem}{(f.Amount > 0 ? $"（涉及 {Money.Wan(f.Amount)}）" : "")}" +
        $" —— {f.Status}，期限 {f.Deadline:yyyy-MM-dd}{(f.CompletedOn is { } done ? $"，{done:yyyy-MM-dd} 完成" : "")}；{f.LastStep}";

    public static string Budget(ChainBudget b) =>
        $"{b.Year} 年（{b.ProposalCode}）{b.Action.Label()}：申报 {Money.Wan(b.Requested)} → {(b.Action == NextYearAction.Cancel ? "不安排" : $"安排 {Money.Wan(b.Budget)}")}" +
        (b.ThisYear != ThisYearAction.None ? $"；本年{b.ThisYear.Label()} {Money.Wan(b.ThisYearAmount)}" : "") +
        $"（{b.State.Label()}{(b.DecidedAtUtc is { } at ? $"，{b.DecidedBy} {BusinessCalendar.ToBeijing(at):yyyy-MM-dd}" : "")}）";

    public static string Ledger(ChainMoney m) =>
        $"{m.Kind.Label()} {Money.Wan(m.Amount)}（{m.Origin}，{m.DocumentNo}，{m.Date:yyyy-MM-dd}，{m.RecordedBy}）";
}
