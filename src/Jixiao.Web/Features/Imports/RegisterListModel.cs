using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Imports;

/// <summary>
/// The list page of a register (第三方机构库, 专家库): finance searches it a page at a time and the performance division imports a
/// filled sheet (all or nothing, the row report on the page); an account that belongs to a record of it (an agency, an expert)
/// is taken to that record instead. A register page names its filters, search, own record and import.
/// </summary>
public abstract class RegisterListModel<TRecord>(IOptions<UploadLimits> limits, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public FormPage<TRecord> Result { get; private set; } = new([], 0, 1, 50);
    public RegisterImportReport? Imported { get; private set; }
    public bool Keeps => User.IsInRole(Policies.For(Role.PerformanceDivision));

    /// <summary>Finance reads the whole register; any other account only its own record (null: it has none).</summary>
    protected abstract bool SeesRegister { get; }
    protected abstract string? OwnRecordPath { get; }
    /// <summary>What the file holds, for the message when none was chosen ("机构库").</summary>
    protected abstract string RegisterName { get; }
    protected abstract Task<FormPage<TRecord>> SearchAsync(CancellationToken ct);
    protected abstract Task<RegisterImportReport> ImportAsync(string fileName, byte[] content, UploadLimits limits, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!SeesRegister) return OwnRecordPath is { } own ? Redirect(own) : Forbid();
        Result = await SearchAsync(ct);
        return Page();
    }

    /// <summary>导入 a filled register sheet: all or nothing, with the row report on the page.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.For(Role.PerformanceDivision))).Succeeded) return Forbid();
        if (file is null || file.Length == 0)
            ModelState.AddModelError("", $"请选择要导入的{RegisterName}文件（xlsx、xls 或 csv）。");
        else
            Imported = await ImportAsync(file.FileName, await Uploads.ReadAsync(file, limits.Value, ct), limits.Value, ct);
        return await OnGetAsync(ct);
    }
}
