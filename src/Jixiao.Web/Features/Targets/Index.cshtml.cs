using Jixiao.Domain;
using Jixiao.Domain.Access;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Targets;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, IOptions<UploadLimits> limits, IOptions<FormLimits> forms) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public InboxBox Box { get; set; } = InboxBox.Todo;
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public InboxPage Result { get; private set; } = null!;
    public TargetImportReport? Imported { get; private set; }
    public bool Fills => user.Scope.Has(Role.UnitFiller);
    public bool FillsDepartment => user.Scope.Has(Role.DepartmentReviewer);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= clock.GetUtcNow().Year;
        Result = await TargetQueries.InboxAsync(db, user, Year.Value, Box, PageNumber, 50, ct);
    }

    /// <summary>开始填报 a project's targets, blank or from last year's approved ones.</summary>
    public async Task<IActionResult> OnPostStartAsync(long projectId, TargetStart from, CancellationToken ct)
    {
        try
        {
            var target = await TargetWork.StartForProjectAsync(db, user, projectId, from, clock.GetUtcNow().UtcDateTime, ct);
            return target is null ? NotFound() : Redirect($"/Targets/Edit/{target.Id}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            Box = InboxBox.NotStarted;
            await OnGetAsync(ct);
            return Page();
        }
    }

    /// <summary>开始填报 the department's overall targets of the year.</summary>
    public async Task<IActionResult> OnPostStartDepartmentAsync(CancellationToken ct)
    {
        Year ??= clock.GetUtcNow().Year;
        try
        {
            var home = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.OrgUnitId).SingleAsync(ct);
            var target = home is { } id
                ? await TargetWork.StartForDepartmentAsync(db, user, id, Year.Value, clock.GetUtcNow().UtcDateTime, ct)
                : null;
            return target is null ? NotFound() : Redirect($"/Targets/Edit/{target.Id}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            await OnGetAsync(ct);
            return Page();
        }
    }

    /// <summary>导入 a filled 绩效目标申报表: all or nothing, with the row report on the page.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        Year ??= clock.GetUtcNow().Year;
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

    public string Link(InboxBox box, int page = 1) => $"/Targets?Year={Year}&Box={box}&PageNumber={page}";
}
