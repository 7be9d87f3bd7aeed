using System.ComponentModel.DataAnnotations;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Engagements;

/// <summary>新建委托 (the performance division): one subject — a department, a project by its code, or a policy with its lead department.</summary>
[Authorize(Policy = nameof(Role.PerformanceDivision))]
public sealed class PlanModel(JixiaoDbContext db, CurrentUser user, BusinessClock calendar, TimeProvider clock) : PageModel
{
    [BindProperty] public int FiscalYear { get; set; }
    [BindProperty, Display(Name = "委托编号")] public string? Code { get; set; }
    [BindProperty, Display(Name = "委托名称")] public string? Title { get; set; }
    [BindProperty] public EngagementScope Scope { get; set; } = EngagementScope.KeyEvaluation;
    [BindProperty] public SubjectKind Kind { get; set; } = SubjectKind.Department;
    [BindProperty, Display(Name = "评价对象")] public long? DepartmentId { get; set; }
    [BindProperty] public string? ProjectCode { get; set; }
    [BindProperty] public string? PolicyName { get; set; }
    [BindProperty] public string? ContractNo { get; set; }
    [BindProperty, Display(Name = "费用")] public decimal Fee { get; set; }
    [BindProperty] public ProcurementMethod Procurement { get; set; } = ProcurementMethod.Lottery;
    [BindProperty] public DateOnly StartOn { get; set; }
    [BindProperty, Display(Name = "完成日期")] public DateOnly DueOn { get; set; }

    public List<(long Id, string Name)> Departments { get; private set; } = [];
    /// <summary>The stages of the current year's settings (the year typed may be another: its own settings apply on save).</summary>
    public IReadOnlyList<string> Stages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (HttpMethods.IsGet(Request.Method))
            (FiscalYear, StartOn, DueOn) = (calendar.Year, calendar.Today, calendar.Today.AddMonths(4));
        Departments = (await db.OrgUnits.AsNoTracking().Where(o => o.RegionCode == user.RegionCode && o.Kind == OrgKind.Department).OrderBy(o => o.Code)
            .Select(o => new { o.Id, o.Code, o.Name }).ToListAsync(ct)).Select(o => (o.Id, $"{o.Code} {o.Name}")).ToList();
        Stages = (await EngagementWork.SettingAsync(db, user.RegionCode ?? "", calendar.Year, ct))?.StagePlan ?? StagePlan.Default;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var subject = Kind switch
        {
            SubjectKind.Project => new SubjectInput(SubjectKind.Project, await ProjectIdAsync(ct), null, null),
            _ => new SubjectInput(Kind, null, DepartmentId, PolicyName),
        };
        var engagement = await EngagementWork.PlanAsync(db, user, new EngagementInput(FiscalYear, Code, Title ?? "", Scope, [subject], ContractNo, Fee,
            Procurement, StartOn, DueOn, null), clock.GetUtcNow().UtcDateTime, ct);
        return Redirect($"/Engagements/Details/{engagement.Id}");
    }

    private async Task<long> ProjectIdAsync(CancellationToken ct)
    {
        var code = (ProjectCode ?? "").Trim();
        return await db.Projects.AsNoTracking().Where(p => p.Code == code && p.RegionCode == user.RegionCode).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct)
               ?? throw new DomainException(code.Length == 0 ? "请填写要评价的项目代码。" : $"项目库中没有项目代码“{code}”，请核对后重新填写。", "评价对象");
    }
}
