using Jixiao.Domain.Experts;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Experts;

/// <summary>专家库: finance searches the pool, exports and imports it; an expert account is taken to its own record.</summary>
[Authorize(Policy = Policies.ExpertPool)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, IOptions<UploadLimits> limits, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>行业领域 code of <see cref="Jixiao.Domain.Indicators.Sectors"/>.</summary>
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public ExpertStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public FormPage<Expert> Result { get; private set; } = new([], 0, 1, 50);
    public RegisterImportReport? Imported { get; private set; }
    public bool Keeps => User.IsInRole(Policies.For(Role.PerformanceDivision));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.Scope.SeesRegisters)
            return user.Scope.ExpertId is { } own ? Redirect($"/Experts/Details/{own}") : Forbid();
        Result = await ExpertWork.SearchAsync(db, Q, Field, Status, PageNumber, 50, ct);
        return Page();
    }

    /// <summary>导入 a filled pool sheet: all or nothing, with the row report on the page.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.For(Role.PerformanceDivision))).Succeeded) return Forbid();
        if (file is null || file.Length == 0)
            ModelState.AddModelError("", "请选择要导入的专家库文件（xlsx、xls 或 csv）。");
        else
            Imported = await ExpertSheet.ImportAsync(db, user, file.FileName, await Uploads.ReadAsync(file, limits.Value, ct), limits.Value, ct);
        return await OnGetAsync(ct);
    }

    public string PageLink(int page) => "/Experts" + QueryString.Create(new Dictionary<string, string?>
        { ["Q"] = Q, ["Field"] = Field, ["Status"] = Status?.ToString(), ["PageNumber"] = $"{page}" });

    /// <summary>How many organisations and persons the expert is listed to stand aside for (the own organisation apart).</summary>
    public static int Avoided(Expert e) => e.AvoidOrgUnitIds.Count + e.AvoidPersons.Count;
}
