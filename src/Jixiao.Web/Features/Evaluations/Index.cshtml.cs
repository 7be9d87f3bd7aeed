using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>The year's self-evaluations: what waits for the user, every form in scope, and (performance division) issuing them.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; } = true;
    [TempData] public string? Done { get; set; }

    public FormQuery Query { get; private set; } = new();
    public FormChoices Choices { get; private set; } = null!;
    public FormPage<EvaluationRow> Result { get; private set; } = null!;
    public bool Issues => user.Scope.Has(Role.PerformanceDivision);
    public bool SeesStatistics => user.Scope.Has(Role.PerformanceDivision) || user.Scope.Has(Role.BusinessDivision);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Self-evaluation looks back: the year just ended.
        Year ??= calendar.Year - 1;
        Query = FormQuery.ForPage<FormState>(Request.Query, s => s.Label(), ModelState);
        Result = await EvaluationQueries.ListAsync(db, user, Year.Value, Query, Mine, ct);
        Choices = await FormList.ChoicesAsync(db, ct);
    }

    /// <summary>批量审核通过 / 退回 of the ticked forms, then back to the same filtered page with what was done and what failed.</summary>
    public async Task<IActionResult> OnPostBatchAsync(List<long> ids, FormAction action, string? opinion, CancellationToken ct)
    {
        Done = (await EvaluationWork.BatchAsync(db, user, action, new BatchRequest(ids, opinion), clock.GetUtcNow().UtcDateTime, ct)).Summary;
        Query = FormQuery.From(Request.Query);
        return Redirect(Link());
    }

    public FormFilterBar Filters => new("/Evaluations", Query, Choices, new Dictionary<string, string> { ["Year"] = $"{Year}", ["Mine"] = $"{Mine}" },
        Enum.GetValues<FormState>().Select(s => (s.ToString(), s.Label())).ToList(), Grades: true);

    public bool Batches => user.Scope.Has(Role.DepartmentReviewer) || user.Scope.Has(Role.BusinessDivision) || user.Scope.Has(Role.PerformanceDivision);

    public string BatchAction => $"/Evaluations?handler=Batch&Year={Year}&Mine={Mine}&{Query.With()}";

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        var issued = await EvaluationWork.IssueAsync(db, user, Year.Value, clock.GetUtcNow().UtcDateTime, ct);
        Done = $"已下达 {issued.Year} 年度自评任务：项目 {issued.Projects} 个、部门整体 {issued.Departments} 个（此前已下达 {issued.AlreadyIssued} 个）。"
               + (issued.WithoutApprovedTargets > 0
                   ? $"另有 {issued.WithoutApprovedTargets} 个有预算的项目（{Domain.Budget.Money.FormatWan(issued.AmountWithoutTargets)} 万元）绩效目标未批复，暂不能自评。"
                   : "");
        return Redirect($"/Evaluations?Year={Year}&Mine=false");
    }

    public string Link(bool? mine = null, params (string Key, object? Value)[] changes) =>
        $"/Evaluations?Year={Year}&Mine={mine ?? Mine}&{Query.With(changes)}";
}
