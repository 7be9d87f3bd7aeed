using System.Text.Json;
using Jixiao.Web.Features.ExAnte;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Projects;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Access.Policies.BusinessStaff)]
public sealed class DetailsModel(JixiaoDbContext db, BusinessClock calendar, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }
    public ProjectDetail Detail { get; private set; } = null!;
    /// <summary>The latest version of the project's performance targets, if any.</summary>
    public (long Id, int Version, Domain.Targets.TargetState State)? Target { get; private set; }

    /// <summary>The project's task in the latest monitoring round, if any: its light and reason.</summary>
    public (long Id, string Round, Domain.Monitoring.Light Light, string Reason)? Monitoring { get; private set; }

    /// <summary>Corrective actions finance recorded after monitoring (调减, 调剂, 收回 show in the ledger too).</summary>
    public IReadOnlyList<Domain.Monitoring.CorrectiveAction> Corrections { get; private set; } = [];

    /// <summary>The project's 事前评估 (null: it needs none).</summary>
    public (Domain.ExAnte.ExAnteStatus Status, string Trigger, long Id)? ExAnte { get; private set; }
    /// <summary>The concluded department and key evaluations of the project, with their grades and the findings on it.</summary>
    public IReadOnlyList<EvaluationPlans.ProjectEvaluationGrade> Evaluations { get; private set; } = [];

    /// <summary>暂缓拨付 of the project, held or released.</summary>
    public IReadOnlyList<PaymentHoldView> Holds { get; private set; } = [];
    public bool MayRelease => user.Scope.Has(Role.PerformanceDivision);

    /// <summary>The project's rectification items from every source, each with its replies and verification.</summary>
    public IReadOnlyList<Features.Rectifications.ProjectRectification> Rectifications { get; private set; } = [];

    /// <summary>预算挂钩: the suggestions for next year's proposal of this project, or for this project as next year's proposal.</summary>
    public IReadOnlyList<BudgetLinks.LinkRow> BudgetLinks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var detail = await ProjectLedger.LoadAsync(db, id, AsOf, calendar.Today, ct);
        if (detail is null) return NotFound();
        Detail = detail;
        var latest = await db.Targets.Where(t => t.SubjectKey == "P" + id).OrderByDescending(t => t.Version)
            .Select(t => new { t.Id, t.Version, t.State }).FirstOrDefaultAsync(ct);
        Target = latest is null ? null : (latest.Id, latest.Version, latest.State);
        var task = await db.MonitoringTasks.Where(t => t.ProjectId == id).OrderByDescending(t => t.RoundId)
            .Join(db.MonitoringRounds, t => t.RoundId, r => r.Id, (t, r) => new { t.Id, r.Title, t.Light, t.LightReason }).FirstOrDefaultAsync(ct);
        Monitoring = task is null ? null : (task.Id, task.Title, task.Light, task.LightReason);
        ExAnte = (await ExAnteQueries.StatusesAsync(db, [id], ct)).TryGetValue(id, out var exAnte) ? exAnte : null;
        Evaluations = await EvaluationPlans.PlanQueries.ForProjectAsync(db, id, ct);
        Rectifications = await Features.Rectifications.RectificationQueries.ForProjectAsync(db, id, calendar.Today, ct);
        Holds = await PaymentHolds.ForProjectAsync(db, id, calendar.Today, ct);
        BudgetLinks = await Features.BudgetLinks.BudgetLinkQueries.ForProjectAsync(db, id, ct);
        Corrections = await db.CorrectiveActions.AsNoTracking().Where(c => c.ProjectId == id).OrderBy(c => c.RecordedAtUtc).ToListAsync(ct);
        return Page();
    }

    [BindProperty] public string? ReleaseReason { get; set; }

    /// <summary>解除暂缓拨付 from today.</summary>
    public async Task<IActionResult> OnPostReleaseAsync(long id, long holdId, CancellationToken ct) =>
        await PaymentHolds.ReleaseAsync(db, user, holdId, new ReleaseHoldRequest(null, ReleaseReason), clock.GetUtcNow().UtcDateTime, ct) is null
            ? NotFound()
            : Redirect($"/Projects/Details/{id}");

    public string ChartSeries => JsonSerializer.Serialize(Detail.Months.Select(m => new
    {
        month = m.Month,
        time = decimal.Round(m.TimeProgress * 100, 1),
        rate = m.ExecutionRate is { } r ? decimal.Round(r * 100, 1) : (decimal?)null,
    }));
}
