using System.ComponentModel.DataAnnotations;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Panels;
using Jixiao.Web.Features.Engagements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Panels;

/// <summary>
/// 组建评审组 (the performance division): what is reviewed (a department, projects by their codes, a policy, or the report of an
/// engagement), the experts wanted per field, the form (blank: the purpose's), the due date and the seed; the draw happens on save.
/// </summary>
[Authorize(Policy = nameof(Role.PerformanceDivision))]
public sealed class DrawModel(JixiaoDbContext db, CurrentUser user, BusinessClock calendar, TimeProvider clock) : PageModel
{
    [BindProperty] public int FiscalYear { get; set; }
    [BindProperty, Display(Name = "名称")] public string? Title { get; set; }
    [BindProperty(SupportsGet = true)] public PanelPurpose Purpose { get; set; } = PanelPurpose.TargetReview;
    /// <summary>A project to review, from a link (事前评估's "组建评审组"): prefills its code, year and a title on the GET.</summary>
    [BindProperty(SupportsGet = true)] public long? ProjectId { get; set; }
    /// <summary>A department or key evaluation to score (its "抽取评价评审组"): prefills its subjects, year, title and framework as the form.</summary>
    [BindProperty(SupportsGet = true)] public long? PlanId { get; set; }
    [BindProperty] public SubjectKind Kind { get; set; } = SubjectKind.Project;
    [BindProperty, Display(Name = "评审对象")] public long? DepartmentId { get; set; }
    [BindProperty] public string? ProjectCodes { get; set; }
    [BindProperty] public string? PolicyName { get; set; }
    [BindProperty, Display(Name = "委托")] public long? EngagementId { get; set; }
    /// <summary>名额 per 行业领域 code (0 or blank: none of that field).</summary>
    [BindProperty, Display(Name = "名额")] public Dictionary<string, int?> Quotas { get; set; } = [];
    [BindProperty, Display(Name = "评分表")] public string? Form { get; set; }
    [BindProperty] public bool DropExtremes { get; set; }
    [BindProperty, Display(Name = "截止日期")] public DateOnly DueOn { get; set; }
    [BindProperty, Display(Name = "涉及人员")] public string? Persons { get; set; }
    [BindProperty] public string? Seed { get; set; }

    public List<(long Id, string Name)> Departments { get; private set; } = [];
    public List<(long Id, string Name)> Engagements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (HttpMethods.IsGet(Request.Method))
        {
            (FiscalYear, DueOn) = (calendar.Year + 1, calendar.Today.AddDays(14));
            if (ProjectId is { } projectId && await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
                    .Select(p => new { p.Code, p.Name, p.FiscalYear }).SingleOrDefaultAsync(ct) is { } project)
            {
                (Kind, ProjectCodes, FiscalYear, Title) = (SubjectKind.Project, project.Code, project.FiscalYear, $"{project.Name}{Purpose.Label()}");
                // An ex-ante review scores on the region-year's form of the evaluation's variant (project or policy, sub-items included).
                if (Purpose == PanelPurpose.ExAnteReview && await db.ExAnteEvaluations.AsNoTracking().Where(e => e.ProjectId == projectId)
                        .Select(e => (Domain.ExAnte.ExAnteVariant?)e.Variant).SingleOrDefaultAsync(ct) is { } variant)
                    Form = (await ExAnte.ExAnteWork.RulesAsync(db, user.RegionCode ?? "", project.FiscalYear, ct)).Form(variant).Write();
            }
            if (PlanId is { } planId && await db.EvaluationPlans.AsNoTracking().Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == planId, ct) is { } plan)
            {
                (Purpose, FiscalYear, Title, Form) = (PanelPurpose.EvaluationReview, plan.FiscalYear, $"{plan.Title}评审组", plan.Framework.Form().Write());
                var subject = plan.Subjects[0];
                (Kind, DepartmentId, PolicyName) = (subject.Kind, subject.ProjectId is null ? subject.OrgUnitId : null, subject.Kind == SubjectKind.Policy ? subject.Name : null);
                var ids = plan.ProjectIds.ToList();
                ProjectCodes = string.Join(",", await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.Code).ToListAsync(ct));
            }
        }
        Departments = (await db.OrgUnits.AsNoTracking().Where(o => o.RegionCode == user.RegionCode && o.Kind == OrgKind.Department).OrderBy(o => o.Code)
            .Select(o => new { o.Id, o.Code, o.Name }).ToListAsync(ct)).Select(o => (o.Id, $"{o.Code} {o.Name}")).ToList();
        Engagements = (await db.Engagements.AsNoTracking().Where(e => e.State != EngagementState.Cancelled).OrderByDescending(e => e.FiscalYear)
            .ThenByDescending(e => e.Code).Select(e => new { e.Id, e.Code, e.Title }).Take(200).ToListAsync(ct)).Select(e => (e.Id, $"{e.Code} {e.Title}")).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var subjects = Kind switch
        {
            _ when EngagementId is not null && Kind == SubjectKind.Project && string.IsNullOrWhiteSpace(ProjectCodes) => [],
            SubjectKind.Project => await ProjectsAsync(ct),
            _ => [new SubjectInput(Kind, null, DepartmentId, PolicyName)],
        };
        var quotas = Quotas.Where(q => q.Value is > 0).Select(q => new PanelQuota(q.Key, q.Value!.Value)).ToList();
        var persons = (Persons ?? "").Split('\n', '、', '，', ',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var panel = await PanelWork.DrawAsync(db, user, new PanelInput(FiscalYear, Purpose, Title ?? "", EngagementId, subjects, quotas, Form, DropExtremes,
            DueOn, persons, Seed), calendar.Today, clock.GetUtcNow().UtcDateTime, ct);
        return Redirect($"/Panels/Details/{panel.Id}");
    }

    /// <summary>The default form of each purpose, for the page's hint.</summary>
    public static string DefaultForm(PanelPurpose purpose) => PanelForms.For(purpose).Write();

    public static IReadOnlyDictionary<string, string> Fields => Sectors.Names;

    private async Task<List<SubjectInput>> ProjectsAsync(CancellationToken ct)
    {
        var codes = (ProjectCodes ?? "").Split('\n', ' ', '、', '，', ',').Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (codes.Count == 0) throw new DomainException("请填写要评审的项目代码（可填多个，每行一个）。", "评审对象");
        if (codes.Count > 50) throw new DomainException($"一个评审组最多评审 50 个项目（现填 {codes.Count} 个），请分组评审。", "评审对象");
        var found = await db.Projects.AsNoTracking().Where(p => codes.Contains(p.Code) && p.RegionCode == user.RegionCode)
            .Select(p => new { p.Id, p.Code }).ToListAsync(ct);
        if (codes.FirstOrDefault(c => found.All(p => p.Code != c)) is { } missing)
            throw new DomainException($"项目库中没有项目代码“{missing}”，请核对后重新填写。", "评审对象");
        return codes.Select(c => new SubjectInput(SubjectKind.Project, found.First(p => p.Code == c).Id, null, null)).ToList();
    }
}
