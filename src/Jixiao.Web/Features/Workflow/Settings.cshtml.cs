using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Workflow;

/// <summary>审核流程与文号 of the region-year ([local] configuration): read by all, set by the performance division.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class SettingsModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public bool FormDivisionStep { get; set; } = true;
    [BindProperty, Display(Name = "文号前缀")] public string? DocumentPrefix { get; set; }
    [BindProperty, Display(Name = "目标申报截止日期")] public DateOnly? TargetDeadline { get; set; }
    [BindProperty, Display(Name = "自评截止日期")] public DateOnly? SelfEvaluationDeadline { get; set; }
    [BindProperty, Display(Name = "提前提醒天数")] public int NoticeDaysBefore { get; set; } = Domain.Notices.NoticeRules.DefaultDaysBefore;
    [TempData] public string? Done { get; set; }

    public WorkflowView View { get; private set; } = null!;
    public bool Edits => user.Scope.Has(Role.PerformanceDivision);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        View = await WorkflowWork.ViewAsync(db, user.RegionCode ?? "", Year.Value, ct);
        if (Request.Method == HttpMethods.Get)
            (FormDivisionStep, DocumentPrefix, TargetDeadline, SelfEvaluationDeadline, NoticeDaysBefore) =
                (View.FormDivisionStep, View.DocumentPrefix, View.TargetDeadline, View.SelfEvaluationDeadline, View.NoticeDaysBefore);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Year ??= calendar.Year;
        if (!Edits) return Forbid();
        var saved = await WorkflowWork.SetAsync(db, user, Year.Value, 
            new WorkflowRequest(FormDivisionStep, DocumentPrefix, TargetDeadline, SelfEvaluationDeadline, NoticeDaysBefore), clock.GetUtcNow().UtcDateTime, ct);
        Done = $"{Year} 年度设置已保存：监控表、自评表{(saved.FormDivisionStep ? "经资金所在业务股室审核后报绩效股" : "经主管部门审核后直接报绩效股")}；下一个文号 {saved.NextDocumentNo}；截止前 {saved.NoticeDaysBefore} 天开始提醒。";
        return Redirect($"/Workflow/Settings?Year={Year}");
    }
}
