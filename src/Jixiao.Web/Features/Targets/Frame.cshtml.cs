using System.ComponentModel.DataAnnotations;
using Jixiao.Domain.Targets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Targets;

/// <summary>The indicator frame of the user's region for a year ([local] configuration).</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Role.PerformanceDivision))]
public sealed class FrameModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string FrameCode { get; set; } = IndicatorFrame.NationalCode;
    [BindProperty, Display(Name = "指标框架")] public string? CustomText { get; set; }
    public IndicatorFrame Frame { get; private set; } = IndicatorFrame.National;
    public string? Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        Frame = await TargetWork.FrameAsync(db, user.RegionCode ?? "", Year.Value, ct);
        if (HttpMethods.IsGet(Request.Method)) (FrameCode, CustomText) = (Frame.Code, Frame.ToText());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        Frame = await FrameSettings.ChooseAsync(db, user, Year.Value, FrameCode, CustomText, clock.GetUtcNow().UtcDateTime, ct);
        Saved = $"{Year} 年度已改用“{Frame.Name}”。";
        CustomText = Frame.ToText();
        return Page();
    }
}
