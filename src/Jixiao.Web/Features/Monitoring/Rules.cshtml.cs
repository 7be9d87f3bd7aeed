using Jixiao.Domain.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>The warning thresholds of the region-year ([local] configuration): read by all, set by the performance division.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class RulesModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public WarningRules Rules { get; set; } = WarningRules.Defaults;
    [TempData] public string? Done { get; set; }
    public bool Edits => user.Scope.Has(Role.PerformanceDivision);

    private static readonly Dictionary<string, string> FieldFixes = new()
    {
        [nameof(WarningRules.ExecutionMode)] = "预算执行预警方式请从列表中选择",
        [nameof(WarningRules.RatioRed)] = "比值红灯线应为数字，如 60",
        [nameof(WarningRules.RatioYellow)] = "比值黄灯线应为数字，如 80",
        [nameof(WarningRules.GapRed)] = "差距红灯线应为数字（百分点），如 20",
        [nameof(WarningRules.GapYellow)] = "差距黄灯线应为数字（百分点），如 10",
        [nameof(WarningRules.IndicatorRed)] = "指标红灯线应为数字，如 60",
        [nameof(WarningRules.IndicatorYellow)] = "指标黄灯线应为数字，如 80",
        [nameof(WarningRules.IndicatorBlue)] = "指标蓝灯线应为数字，如 120",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        Rules = await RoundWork.RulesAsync(db, user.RegionCode ?? "", Year.Value, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        if (!Edits) return Forbid();
        if (BindingErrors.Explain(ModelState, "", FieldFixes))
            return Page();
        await RoundWork.SetRulesAsync(db, user, Year.Value, Rules, clock.GetUtcNow().UtcDateTime, ct);
        Done = $"{Year} 年预警规则已保存。已开启的轮次请在轮次页面“重新计算预警”后按新规则显示。";
        return Redirect($"/Monitoring/Rules?Year={Year}");
    }
}
