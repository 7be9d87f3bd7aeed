using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Imports;

[Authorize(Policy = nameof(Role.PerformanceDivision))]
public sealed class IndexModel(ImportService imports, JixiaoDbContext db, CurrentUser current, BusinessClock calendar) : PageModel
{
    [BindProperty] public ImportKind Kind { get; set; } = ImportKind.Payments;
    [BindProperty] public int FiscalYear { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public List<int> Years { get; private set; } = [];
    public ImportReport? Report { get; private set; }
    public List<ImportBatchRow> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
            ModelState.AddModelError(nameof(Upload), "请选择要导入的文件（.xlsx、.xls 或 .csv）。");
        else
        {
            await using var stream = Upload.OpenReadStream();
            Report = await imports.UploadAsync(Kind, null, FiscalYear, Upload.FileName, stream, commit: false, ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(long batchId, CancellationToken ct)
    {
        Report = await imports.CommitAsync(batchId, ct);
        if (Report is null) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public IActionResult OnGetTemplate(ImportKind kind)
    {
        var columns = ImportLayout.For(kind);
        var header = columns.Select(c => (object?)(c.IsAmount ? $"{c.Title}（元）" : c.Required ? $"*{c.Title}" : c.Title)).ToList();
        var bytes = XlsxWriter.Write(kind.Label(), [[$"{kind.Label()}导入模板（带 * 的列必填；金额单位可改为“万元”）"], header],
            new SheetLayout(HeaderRows: [2], Titled: true));
        return File(bytes, FileTypes.Xlsx, $"{kind.Label()}导入模板.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Years = await db.FiscalYears.AsNoTracking().Where(y => y.RegionCode == current.RegionCode).OrderByDescending(y => y.Year)
            .Select(y => y.Year).ToListAsync(ct);
        if (FiscalYear == 0) FiscalYear = Years.Contains(calendar.Year) ? calendar.Year : Years.FirstOrDefault();
        Recent = await imports.RecentAsync(ct);
    }
}
