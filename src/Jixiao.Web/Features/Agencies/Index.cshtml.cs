using Jixiao.Domain.Agencies;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Agencies;

/// <summary>第三方机构库: finance searches the register, exports and imports it; an agency account is taken to its own record.</summary>
[Authorize(Policy = Policies.AgencyRegister)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, IOptions<UploadLimits> limits, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AgencyType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public AgencyStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public FormPage<Agency> Result { get; private set; } = new([], 0, 1, 50);
    public RegisterImportReport? Imported { get; private set; }
    public bool Keeps => User.IsInRole(Policies.For(Role.PerformanceDivision));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.Scope.SeesRegisters)
            return user.Scope.AgencyId is { } own ? Redirect($"/Agencies/Details/{own}") : Forbid();
        Result = await AgencyWork.SearchAsync(db, Q, Type, Status, PageNumber, 50, ct);
        return Page();
    }

    /// <summary>导入 a filled register sheet: all or nothing, with the row report on the page.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.For(Role.PerformanceDivision))).Succeeded) return Forbid();
        if (file is null || file.Length == 0)
            ModelState.AddModelError("", "请选择要导入的机构库文件（xlsx、xls 或 csv）。");
        else
            Imported = await AgencySheet.ImportAsync(db, user, file.FileName, await Uploads.ReadAsync(file, limits.Value, ct), limits.Value, ct);
        return await OnGetAsync(ct);
    }

    public string PageLink(int page) => "/Agencies" + QueryString.Create(new Dictionary<string, string?>
        { ["Q"] = Q, ["Type"] = Type?.ToString(), ["Status"] = Status?.ToString(), ["PageNumber"] = $"{page}" });

    /// <summary>The rating of the latest year, as it reads in the list.</summary>
    public static string LastRating(Agency a) => a.Ratings.LastOrDefault() is { } r ? $"{r.Year} 年 {r.Score:0.##} 分（{r.Grade.Label()}）" : "—";
}
