using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Targets;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar, IOptions<UploadLimits> limits, IOptions<FormLimits> forms) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public InboxBox Box { get; set; } = InboxBox.Todo;
    [TempData] public string? Done { get; set; }

    public FormQuery Query { get; private set; } = new();
    public FormChoices Choices { get; private set; } = null!;
    public InboxPage Result { get; private set; } = null!;
    public TargetImportReport? Imported { get; private set; }
    public bool Fills => user.Scope.Has(Role.UnitFiller);
    public bool FillsDepartment => user.Scope.Has(Role.DepartmentReviewer);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        Query = FormQuery.ForPage<TargetState>(Request.Query, s => s.Label(), ModelState);
        Result = await TargetQueries.InboxAsync(db, user, Year.Value, Box, Query, ct);
        Choices = await FormList.ChoicesAsync(db, ct);
        if (Box == InboxBox.NotStarted)
            ProposedByExAnte = await TargetWork.ProposedByExAnteAsync(db, [.. Result.Rows.Where(r => r.ProjectId is not null).Select(r => r.ProjectId!.Value)], ct);
    }

    /// <summary>Projects of a 未开始 page whose ex-ante application proposed targets to start from.</summary>
    public IReadOnlySet<long> ProposedByExAnte { get; private set; } = new HashSet<long>();

    /// <summary>批量审核通过 / 退回 of the ticked targets, then back to the same filtered page with what was done and what failed.</summary>
    public async Task<IActionResult> OnPostBatchAsync(List<long> ids, ReviewAction action, string? opinion, ReviewGrade? grade, CancellationToken ct)
    {
        Done = (await TargetWork.BatchAsync(db, user, action, new BatchRequest(ids, opinion, grade), clock.GetUtcNow().UtcDateTime, ct)).Summary;
        return Redirect(Link(Box, FormQuery.From(Request.Query)));
    }

    /// <summary>开始填报 a project's targets, blank, from last year's approved ones or from its ex-ante application.</summary>
    public async Task<IActionResult> OnPostStartAsync(long projectId, TargetStart from, CancellationToken ct)
    {
        var target = await TargetWork.StartForProjectAsync(db, user, projectId, from, clock.GetUtcNow().UtcDateTime, ct);
        return target is null ? NotFound() : Redirect($"/Targets/Edit/{target.Id}");
    }

    /// <summary>开始填报 the department's overall targets of the year.</summary>
    public async Task<IActionResult> OnPostStartDepartmentAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        var home = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.OrgUnitId).SingleAsync(ct);
        var target = home is { } id
            ? await TargetWork.StartForDepartmentAsync(db, user, id, Year.Value, clock.GetUtcNow().UtcDateTime, ct)
            : null;
        return target is null ? NotFound() : Redirect($"/Targets/Edit/{target.Id}");
    }

    /// <summary>导入 a filled 绩效目标申报表: all or nothing, with the row report on the page.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        Year ??= calendar.Year;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "请选择要导入的申报表文件（xlsx、xls 或 csv）。");
        }
        else
        {
            Imported = await TargetSheet.ImportAsync(db, user, Year.Value, file.FileName, await Uploads.ReadAsync(file, limits.Value, ct), limits.Value,
                forms.Value, clock.GetUtcNow().UtcDateTime, ct);
        }
        await OnGetAsync(ct);
        return Page();
    }

    public string Link(InboxBox box, FormQuery? q = null) => $"/Targets?Year={Year}&Box={box}" + (q?.With((nameof(FormQuery.PageNumber), null)) is { Length: > 0 } rest ? "&" + rest : "");

    public string PageLink(int page) => $"/Targets?Year={Year}&Box={Box}&{Query.With((nameof(FormQuery.PageNumber), page))}";

    public FormFilterBar Filters => new("/Targets", Query, Choices, new Dictionary<string, string> { ["Year"] = $"{Year}", ["Box"] = $"{Box}" },
        Box == InboxBox.NotStarted ? [] : Enum.GetValues<TargetState>().Select(s => (s.ToString(), s.Label())).ToList());

    /// <summary>Reviewers of the list's forms: the 待办 box of anyone who reviews gets the batch bar.</summary>
    public bool Batches => Box == InboxBox.Todo && (user.Scope.Has(Role.DepartmentReviewer) || user.Scope.Has(Role.BusinessDivision) || user.Scope.Has(Role.PerformanceDivision));
}
