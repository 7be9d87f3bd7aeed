using System.ComponentModel.DataAnnotations;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Organisation;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>
/// 部门评价和财政重点评价 of an evaluation year: the list by kind and state, search; finance (and a department's reviewer, for its own
/// 部门评价) makes a plan here — projects named by their codes.
/// </summary>
[Authorize(Policy = Policies.BusinessStaff)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, BusinessClock calendar, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public EvaluationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public PlanState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? ProjectCodes { get; set; }

    [BindProperty, Display(Name = "评价名称")] public string? Title { get; set; }
    [BindProperty, Display(Name = "评价类型")] public EvaluationKind NewKind { get; set; } = EvaluationKind.Key;
    [BindProperty, Display(Name = "评价对象类型")] public PlanSubjectKind SubjectKind { get; set; } = PlanSubjectKind.Project;
    [BindProperty, Display(Name = "评价主体")] public PlanEvaluator Evaluator { get; set; } = PlanEvaluator.Finance;
    [BindProperty, Display(Name = "选取来源")] public PlanSource Source { get; set; } = PlanSource.HandPick;
    [BindProperty, Display(Name = "选取说明")] public string? SourceNote { get; set; }
    [BindProperty, Display(Name = "部门")] public long? DepartmentId { get; set; }
    [BindProperty, Display(Name = "政策名称")] public string? PolicyName { get; set; }
    [BindProperty, Display(Name = "政策资金（万元）")] public decimal? PolicyWan { get; set; }
    [BindProperty, Display(Name = "开始日期")] public DateOnly? StartOn { get; set; }
    [BindProperty, Display(Name = "完成日期")] public DateOnly? DueOn { get; set; }
    [BindProperty, Display(Name = "委托费用（万元）")] public decimal? FeeWan { get; set; }

    /// <summary>What to write instead when a field cannot be read (text in a number or date field).</summary>
    private static readonly Dictionary<string, string> FieldFixes = new()
    {
        [nameof(PolicyWan)] = "政策资金应为万元数，如 1860",
        [nameof(FeeWan)] = "委托费用应为万元数，如 3.8",
        [nameof(StartOn)] = "开始日期应为日期，如 2026-03-01",
        [nameof(DueOn)] = "完成日期应为日期，如 2026-06-30",
        [nameof(DepartmentId)] = "请从列表中选择部门",
    };

    public IReadOnlyList<int> Years { get; private set; } = [];
    public FormPage<PlanRow> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<(long Id, string Name)> Departments { get; private set; } = [];
    public bool Finance => user.Scope.Has(Role.PerformanceDivision) || user.Scope.Has(Role.BusinessDivision);
    public bool Keeps => user.Scope.Has(Role.PerformanceDivision);
    /// <summary>May make a plan: the performance division, or a department's reviewer (部门评价 of its own department).</summary>
    public bool Plans => Keeps || user.Scope.Has(Role.DepartmentReviewer);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Years = await db.FiscalYears.AsNoTracking().Where(y => y.RegionCode == user.RegionCode).OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(ct);
        // Last year's spending is what is evaluated after its self-evaluation.
        Year ??= calendar.Year - 1;
        Result = await PlanQueries.ListAsync(db, Year.Value, Kind, State, Q, PageNumber, 50, calendar, ct);
        var departments = await db.OrgUnits.AsNoTracking().Where(o => o.RegionCode == user.RegionCode && o.Kind == OrgKind.Department)
            .OrderBy(o => o.Code).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        Departments = [.. departments.Where(d => Keeps || user.Scope.CoversOrgData(d.Id)).Select(d => (d.Id, d.Name))];
        if (!Keeps) NewKind = EvaluationKind.Department;
        if (!Keeps) Evaluator = PlanEvaluator.Department;
        StartOn ??= calendar.Today;
        DueOn ??= calendar.Today.AddMonths(3);
    }

    /// <summary>制定评价计划: the projects named by their codes in the evaluation year.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (BindingErrors.Explain(ModelState, "", FieldFixes))
        {
            await OnGetAsync(ct);
            return Page();
        }
        var year = Year ?? calendar.Year - 1;
        var codes = (ProjectCodes ?? "").Split([',', '，', ' ', '\n', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var ids = new List<long>();
        if (SubjectKind is PlanSubjectKind.Project or PlanSubjectKind.Projects or PlanSubjectKind.InYear)
        {
            if (codes.Count == 0) throw new DomainException("请填写要评价的项目代码（多个项目用逗号分开）。", "ProjectCodes");
            var found = await db.Projects.AsNoTracking().Where(p => p.RegionCode == user.RegionCode && p.FiscalYear == year && codes.Contains(p.Code))
                .Select(p => new { p.Code, p.Id }).ToListAsync(ct);
            if (codes.FirstOrDefault(c => found.All(f => f.Code != c)) is { } missing)
                throw new DomainException($"{year} 年度没有您可以评价的项目代码“{missing}”，请核对项目代码或所选年度。", "ProjectCodes");
            ids = [.. codes.Select(c => found.First(f => f.Code == c).Id)];
        }
        var plan = await PlanWork.CreateAsync(db, user, new PlanInput(year, null, Title ?? "", NewKind, SubjectKind, Evaluator, Source, SourceNote,
            NewKind == EvaluationKind.Department ? DepartmentId : null, ids,
            SubjectKind is PlanSubjectKind.Department or PlanSubjectKind.Policy ? DepartmentId : null, PolicyName, PolicyWan * 10_000m,
            StartOn ?? calendar.Today, DueOn ?? calendar.Today, FeeWan * 10_000m), clock.GetUtcNow().UtcDateTime, ct);
        return Redirect($"/EvaluationPlans/Details/{plan.Id}");
    }

    public string Link(EvaluationKind? kind = null, PlanState? state = null, int page = 1) => "/EvaluationPlans" + QueryString.Create(new Dictionary<string, string?>
    {
        ["Year"] = $"{Year}", ["Kind"] = kind?.ToString(), ["State"] = state?.ToString(), ["Q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
        ["PageNumber"] = page > 1 ? $"{page}" : null,
    }.Where(p => p.Value is not null));
}
