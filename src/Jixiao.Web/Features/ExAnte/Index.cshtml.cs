using System.ComponentModel.DataAnnotations;
using Jixiao.Domain.ExAnte;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>
/// 事前绩效评估 of a year ("先评估后入库"): how many stand in each status, the list by status and search; the performance division
/// screens the library by the year's rules and names a project to evaluate by hand.
/// </summary>
[Authorize(Policy = Policies.BusinessStaff)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, BusinessClock calendar, TimeProvider clock, IOptions<UploadLimits> limits) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public ExAnteStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty, Display(Name = "项目代码")] public string? ProjectCode { get; set; }
    [BindProperty, Display(Name = "评估对象")] public ExAnteVariant Variant { get; set; } = ExAnteVariant.Project;
    [BindProperty, Display(Name = "指定理由")] public string? Reason { get; set; }
    [TempData] public string? Done { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<ExAnteCount> Counts { get; private set; } = [];
    public FormPage<ExAnteRow> Result { get; private set; } = new([], 0, 1, 50);
    public bool Keeps => user.Scope.Has(Role.PerformanceDivision);
    public bool Finance => Keeps || user.Scope.Has(Role.BusinessDivision);
    public int All => Counts.Sum(c => c.Count);
    /// <summary>The report of a scoring sheet that was refused (shown on the page with each wrong row).</summary>
    public ExAnteSheetReport? Sheet { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Years = await db.FiscalYears.AsNoTracking().Where(y => y.RegionCode == user.RegionCode).OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(ct);
        if (Year is null)
        {
            // Next year's library is what is being evaluated (先评估后入库); once it has none, this year's.
            var next = calendar.Year + 1;
            Year = await db.ExAnteEvaluations.AnyAsync(e => e.FiscalYear == next, ct) ? next : calendar.Year;
        }
        Counts = await ExAnteQueries.CountsAsync(db, Year.Value, ct);
        Result = await ExAnteQueries.ListAsync(db, user, Year.Value, Status, Q, PageNumber, 50, ct);
    }

    public int CountOf(ExAnteStatus status) => Counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;

    /// <summary>识别需评估项目: the year's library by the year's rules; projects already listed keep their evaluation.</summary>
    public async Task<IActionResult> OnPostScreenAsync(CancellationToken ct)
    {
        var year = Year ?? calendar.Year + 1;
        var screened = await ExAnteWork.ScreenAsync(db, user, year, clock.GetUtcNow().UtcDateTime, ct);
        Done = $"{screened.FiscalYear} 年度：识别 {screened.Projects} 个项目，新列入 {screened.Raised} 个" +
               (screened.AlreadyListed > 0 ? $"（此前已列入 {screened.AlreadyListed} 个，保持不变）。" : "。");
        return Redirect($"/ExAnte?Year={year}");
    }

    /// <summary>指定项目评估: finance names a project of the year by its code, the dimensions and why.</summary>
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var year = Year ?? calendar.Year + 1;
        var code = (ProjectCode ?? "").Trim();
        if (code.Length == 0) throw new DomainException("请填写要评估的项目代码。", "项目代码");
        var projectId = await db.Projects.AsNoTracking().Where(p => p.RegionCode == user.RegionCode && p.FiscalYear == year && p.Code == code)
            .Select(p => (long?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw new DomainException($"{year} 年度项目库中没有项目代码“{code}”，请核对项目代码或所选年度后重新填写。", "项目代码");
        var evaluation = await ExAnteWork.AddAsync(db, user, new ExAnteAddition(projectId, Variant, Reason), clock.GetUtcNow().UtcDateTime, ct);
        return evaluation is null ? NotFound() : Redirect($"/ExAnte/Details/{evaluation.Id}");
    }

    /// <summary>导入评分表: every filled row concludes (财政自行评估), all or nothing; a refused file shows its rows on the page.</summary>
    public async Task<IActionResult> OnPostSheetAsync(IFormFile? file, ExAnteVariant sheetVariant, CancellationToken ct)
    {
        var year = Year ?? calendar.Year + 1;
        if (file is null || file.Length == 0) throw new DomainException("请选择填好的事前评估评分表（xlsx）。", "评分表");
        var report = await ExAnteSheet.ImportAsync(db, user, year, sheetVariant, file.FileName, await Uploads.ReadAsync(file, limits.Value, ct), limits.Value,
            clock.GetUtcNow().UtcDateTime, ct);
        if (report.Committed)
        {
            Done = $"评分表已导入：{report.Concluded} 个项目出具结论{(report.Skipped > 0 ? $"，{report.Skipped} 行未填得分未处理" : "")}。";
            return Redirect($"/ExAnte?Year={year}");
        }
        Year = year;
        Sheet = report;
        await OnGetAsync(ct);
        return Page();
    }

    public string Link(ExAnteStatus? status = null, int page = 1, bool keepStatus = false) => "/ExAnte" + QueryString.Create(new Dictionary<string, string?>
    {
        ["Year"] = $"{Year}", ["Status"] = (keepStatus ? Status : status)?.ToString(), ["Q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
        ["PageNumber"] = page > 1 ? $"{page}" : null,
    }.Where(p => p.Value is not null));
}
