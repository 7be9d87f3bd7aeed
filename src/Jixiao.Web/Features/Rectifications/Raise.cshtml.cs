using Jixiao.Domain.Rectifications;
using Jixiao.Web.Features.Shared;
using Jixiao.Web.Features.Workflow;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>
/// 登记整改 (finance's performance division): from one finding — its problem drafted from the source, to be edited — from every finding
/// of a monitoring round, a spot-check draw or an evaluation at once, or by hand with the basis written down.
/// </summary>
[Authorize(Policy = nameof(Role.PerformanceDivision))]
public sealed class RaiseModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public RectificationSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public long? SourceId { get; set; }
    [BindProperty(SupportsGet = true)] public long? Part { get; set; }
    [BindProperty(SupportsGet = true)] public RectificationBatch? Batch { get; set; }
    [BindProperty(SupportsGet = true)] public long? BatchId { get; set; }

    [BindProperty, Display(Name = "问题描述")] public string? Problem { get; set; }
    [BindProperty, Display(Name = "整改要求")] public string? Requirement { get; set; }
    [BindProperty, Display(Name = "整改期限")] public DateOnly? Deadline { get; set; }
    [BindProperty, Display(Name = "问题金额")] public string? AmountWan { get; set; }
    [BindProperty, Display(Name = "问题来源")] public string? Basis { get; set; }
    [BindProperty, Display(Name = "年度")] public int? Year { get; set; }
    [BindProperty, Display(Name = "项目编码")] public string? ProjectCode { get; set; }
    [BindProperty, Display(Name = "责任单位")] public long? OrgUnitId { get; set; }

    public SourceFinding? Finding { get; private set; }
    public IReadOnlyList<SourceFinding> Findings { get; private set; } = [];
    public IReadOnlySet<string> Raised { get; private set; } = new HashSet<string>();
    public IReadOnlyList<Choice> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var posted = HttpMethods.IsPost(Request.Method);
        if (!posted)
        {
            Deadline = calendar.Today.AddMonths(3);
            Year = calendar.Year;
        }
        if (Source is { } source && source != RectificationSource.Manual && SourceId is { } id)
        {
            Finding = await RectificationSources.FindAsync(db, new SourceRef(source, id, Part), ct);
            if (Finding is null) return NotFound();
            if (!posted)
            {
                Problem = Finding.Draft.Problem;
                Requirement = Finding.Draft.Suggestion;
                AmountWan = WanInput.Show(Finding.Draft.Amount > 0 ? Finding.Draft.Amount : null);
            }
            Raised = await RaisedAsync([Finding], ct);
        }
        else if (Batch is { } batch && BatchId is { } container)
        {
            if (await RectificationSources.BatchAsync(db, batch, container, ct) is not { } findings) return NotFound();
            Findings = findings;
            Raised = await RaisedAsync(findings, ct);
        }
        else
            Organisations = await db.OrgUnits.AsNoTracking()
                .Where(o => o.Kind == Domain.Organisation.OrgKind.Department || o.Kind == Domain.Organisation.OrgKind.Unit)
                .OrderBy(o => o.Code).Select(o => new Choice(o.Id, o.Code + " " + o.Name)).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingErrors.Explain(ModelState, "", Fixes)) return await OnGetAsync(ct);
        var manual = Source is null or RectificationSource.Manual || SourceId is null;
        var request = new RaiseRequest(manual ? null : new SourceRef(Source!.Value, SourceId!.Value, Part), Problem, Requirement, Deadline,
            WanInput.Yuan(AmountWan, "问题金额"), Basis, Year, ProjectCode, OrgUnitId);
        var item = await RectificationWork.RaiseAsync(db, user, request, clock.GetUtcNow().UtcDateTime, ct);
        return item is null ? NotFound() : Redirect($"/Rectifications/Details/{item.Id}");
    }

    public async Task<IActionResult> OnPostBatchAsync(CancellationToken ct)
    {
        if (BindingErrors.Explain(ModelState, "", Fixes)) return await OnGetAsync(ct);
        if (Batch is not { } batch || BatchId is not { } id) return NotFound();
        var result = await RectificationWork.RaiseBatchAsync(db, user, new RectificationBatchRequest(batch, id, Requirement, Deadline), clock.GetUtcNow().UtcDateTime, ct);
        if (result is null) return NotFound();
        TempData[nameof(IndexModel.Done)] = $"已登记 {result.Raised} 项整改事项{(result.Skipped > 0 ? $"，{result.Skipped} 项此前已登记，跳过" : "")}。";
        return Redirect("/Rectifications?Box=All");
    }

    private static readonly Dictionary<string, string> Fixes = new()
    {
        [nameof(Deadline)] = "整改期限应为日期，如 2027-03-31",
        [nameof(Year)] = "年度应为四位数字，如 2026",
        [nameof(OrgUnitId)] = "请从列表中选择责任单位",
    };

    private async Task<IReadOnlySet<string>> RaisedAsync(IReadOnlyList<SourceFinding> findings, CancellationToken ct)
    {
        var keys = findings.Select(f => f.Key).ToList();
        return (await db.Rectifications.AsNoTracking().Where(r => keys.Contains(r.SourceKey!)).Select(r => r.SourceKey!).ToListAsync(ct)).ToHashSet();
    }
}
