using Jixiao.Domain.ExAnte;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>The settings form as typed: the screening amount in 万元, the rest as the use case takes them.</summary>
public sealed record ExAnteSettingsForm(string? MinNewWan, int SpecialFundYears, string? ProjectForm, string? PolicyForm, decimal SupportFrom,
    decimal AdjustFrom, CapMode CapMode, string? ProjectMaterials, string? PolicyMaterials);

/// <summary>
/// 事前评估设置 of the region-year ([local] configuration): which projects the screening catches, the two scoring forms, the
/// conclusion thresholds, what an approval above the cap meets and the material lists. The performance division sets them; the
/// units and divisions read what they will be evaluated by.
/// </summary>
[Authorize(Policy = Policies.BusinessStaff)]
public sealed class SettingsModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public ExAnteSettingsForm? Input { get; set; }
    [TempData] public string? Done { get; set; }
    public ExAnteSettings Settings { get; private set; } = null!;
    /// <summary>The same settings as rules (for the thresholds in words).</summary>
    public ExAnteRules Rules { get; private set; } = null!;
    public bool Edits => user.Scope.Has(Role.PerformanceDivision);

    private static readonly Dictionary<string, string> FieldFixes = new()
    {
        [nameof(ExAnteSettingsForm.SpecialFundYears)] = "专项资金执行年限应为整数，如 5",
        [nameof(ExAnteSettingsForm.SupportFrom)] = "予以支持分数线应为数字，如 80",
        [nameof(ExAnteSettingsForm.AdjustFrom)] = "调整完善分数线应为数字，如 60",
        [nameof(ExAnteSettingsForm.CapMode)] = "请选择超过建议预算控制数时的处理",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year + 1;
        Settings = await ExAnteWork.SettingsAsync(db, user, Year.Value, ct);
        Rules = await ExAnteWork.RulesAsync(db, user.RegionCode ?? "", Year.Value, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Year ??= calendar.Year + 1;
        if (!Edits) return Forbid();
        if (Input is null) ModelState.AddModelError("", "没有收到设置内容：请填写评估金额、执行年限、评分表、分数线和材料清单后再保存。");
        if (BindingErrors.Explain(ModelState, "", FieldFixes) || Input is null)
        {
            await OnGetAsync(ct);
            return Page();
        }
        var minNew = WanInput.Yuan(Input.MinNewWan, "新增项目评估金额") ?? 0;
        await ExAnteWork.SetSettingsAsync(db, user, Year.Value, new ExAnteSettingsInput(minNew, Input.SpecialFundYears, Input.ProjectForm, Input.PolicyForm,
            Input.SupportFrom, Input.AdjustFrom, Input.CapMode, Input.ProjectMaterials, Input.PolicyMaterials), clock.GetUtcNow().UtcDateTime, ct);
        Done = $"{Year} 年度事前评估设置已保存：此后识别、单位申报和出具结论按新设置；已出具的结论不变。";
        return Redirect($"/ExAnte/Settings?Year={Year}");
    }
}
