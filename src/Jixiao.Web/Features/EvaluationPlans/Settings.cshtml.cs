using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>评价设置 of the region-year: the department-evaluation coverage share and the three framework templates plans copy.</summary>
[Authorize(Policy = Policies.BusinessStaff)]
public sealed class SettingsModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public decimal? CoverageSharePercent { get; set; }
    [BindProperty] public string? ProjectFramework { get; set; }
    [BindProperty] public string? DepartmentFramework { get; set; }
    [BindProperty] public string? PolicyFramework { get; set; }
    [TempData] public string? Done { get; set; }
    public PlanSettings Settings { get; private set; } = null!;
    public bool Edits => user.Scope.Has(Role.PerformanceDivision);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        Settings = await PlanWork.SettingsAsync(db, user, Year.Value, ct);
        if (HttpMethods.IsGet(Request.Method))
            (CoverageSharePercent, ProjectFramework, DepartmentFramework, PolicyFramework) =
                (Settings.CoverageSharePercent, Settings.ProjectFramework, Settings.DepartmentFramework, Settings.PolicyFramework);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        if (!Edits) return Forbid();
        if (BindingErrors.Explain(ModelState, "", new Dictionary<string, string> { [nameof(CoverageSharePercent)] = "覆盖比例应为百分数，如 30" }))
        {
            await OnGetAsync(ct);
            return Page();
        }
        if (CoverageSharePercent is not { } share) throw new DomainException("请填写部门评价覆盖比例（百分数，如 30）。", nameof(CoverageSharePercent));
        await PlanWork.SetSettingsAsync(db, user, Year.Value, new PlanSettingsInput(share, ProjectFramework, DepartmentFramework, PolicyFramework),
            clock.GetUtcNow().UtcDateTime, ct);
        Done = $"{Year} 年度评价设置已保存：此后制定的评价计划复制新模板；已制定的评价不变。";
        return Redirect($"/EvaluationPlans/Settings?Year={Year}");
    }
}
