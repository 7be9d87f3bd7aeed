using Jixiao.Domain.Evaluations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>
/// 自评评分设置 of the region-year ([local] configuration): read by all, set by the performance division. Saving
/// refigures the year's forms; 重新计算 does it alone after back-dated ledger changes.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class SettingsModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public EvaluationWeights Weights { get; set; } = EvaluationWeights.Defaults;
    [TempData] public string? Done { get; set; }
    public bool Edits => user.Scope.Has(Role.PerformanceDivision);
    /// <summary>How finance re-reviews (失真 gap, the two re-review weights) is finance's business, not the units' it samples.</summary>
    public bool SeesSpotCheck => Edits || user.Scope.Has(Role.BusinessDivision);

    private static readonly Dictionary<string, string> FieldFixes = new()
    {
        [nameof(EvaluationWeights.Execution)] = "预算执行率分值应为数字，如 10",
        [nameof(EvaluationWeights.Output)] = "产出指标分值应为数字，如 50",
        [nameof(EvaluationWeights.Benefit)] = "效益指标分值应为数字，如 30",
        [nameof(EvaluationWeights.Satisfaction)] = "满意度指标分值应为数字，如 10",
        [nameof(EvaluationWeights.Cost)] = "成本指标分值应为数字，不设成本一级指标时填 0",
        [nameof(EvaluationWeights.Total)] = "总分应为数字，如 100",
        [nameof(EvaluationWeights.OverAchievementPercent)] = "超额完成提示线应为数字（百分比），如 130",
        [nameof(EvaluationWeights.ReferenceGap)] = "与参考分的提示差距应为数字（分），如 5",
        [nameof(EvaluationWeights.DistortionGap)] = "失真判定差距应为数字（分），如 15",
        [nameof(EvaluationWeights.QualityWeight)] = "自评质量分权重应为小数，如 0.4",
        [nameof(EvaluationWeights.IndicatorWeight)] = "复核指标分权重应为小数，如 0.6",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        Weights = await EvaluationWork.WeightsAsync(db, user.RegionCode ?? "", Year.Value, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        if (!Edits) return Forbid();
        if (BindingErrors.Explain(ModelState, "", FieldFixes))
            return Page();
        var saved = await EvaluationWork.SetWeightsAsync(db, user, Year.Value, Weights, clock.GetUtcNow().UtcDateTime, ct);
        return Back($"{Year} 年度自评评分设置已保存。{Refigured(saved.Refigured)}");
    }

    public async Task<IActionResult> OnPostRefigureAsync(CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        if (!Edits) return Forbid();
        return Back(Refigured(await EvaluationWork.RefigureAsync(db, user, Year.Value, clock.GetUtcNow().UtcDateTime, ct)));
    }

    private static string Refigured(EvaluationsRefigured r) =>
        $"已按账面和本年度设置重新计算 {r.Forms} 张未终审的自评表，其中 {r.Changed} 张的参考分或检查结果有变化；已终审的 {r.Approved} 张保持审定内容。";

    /// <summary>After a save; a refused one is shown above the form, which keeps what was typed (see BindingErrors.Shown).</summary>
    private RedirectResult Back(string done)
    {
        Done = done;
        return Redirect($"/Evaluations/Settings?Year={Year}");
    }
}
