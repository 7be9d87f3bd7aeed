using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Engagements;

/// <summary>第三方委托设置 of the region-year ([local] configuration): read by finance, set by the performance division.</summary>
[Authorize(Policy = Policies.FinanceStaff)]
public sealed class SettingsModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public EngagementRulesInput? Input { get; set; }
    [TempData] public string? Done { get; set; }
    public EngagementRules Rules { get; private set; } = null!;
    public bool Edits => user.Scope.Has(Role.PerformanceDivision);

    private static readonly Dictionary<string, string> FieldFixes = new()
    {
        [nameof(EngagementRulesInput.QualityWeight)] = "报告质量权重应为小数，如 0.8",
        [nameof(EngagementRulesInput.TimelinessWeight)] = "按时完成权重应为小数，如 0.2",
        [nameof(EngagementRulesInput.MaxOpenEngagements)] = "在办委托上限应为整数，如 3",
        [nameof(EngagementRulesInput.MinRating)] = "最低评级分应为数字，如 60",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        Rules = await EngagementWork.RulesAsync(db, user, Year.Value, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        if (!Edits) return Forbid();
        if (Input is null) ModelState.AddModelError("", "没有收到设置内容：请填写成果阶段、报告质量考核表、权重和抽签限制后再保存。");
        if (BindingErrors.Explain(ModelState, "", FieldFixes) || Input is null)
        {
            await OnGetAsync(ct);
            return Page();
        }
        await EngagementWork.SetRulesAsync(db, user, Year.Value, Input, clock.GetUtcNow().UtcDateTime, ct);
        Done = $"{Year} 年度第三方委托设置已保存：此后新建的委托、抽签、报告质量考核和年度评级按新设置。";
        return Redirect($"/Engagements/Settings?Year={Year}");
    }
}
