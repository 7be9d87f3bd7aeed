using Jixiao.Domain;
using Jixiao.Domain.Access;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>The year's self-evaluations: what waits for the user, every form in scope, and (performance division) issuing them.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.BusinessStaff)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public FormState? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; } = true;
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [TempData] public string? Done { get; set; }

    public EvaluationPage Result { get; private set; } = null!;
    public bool Issues => user.Scope.Has(Role.PerformanceDivision);
    public bool SeesStatistics => user.Scope.Has(Role.PerformanceDivision) || user.Scope.Has(Role.BusinessDivision);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Self-evaluation looks back: the year just ended.
        Year ??= clock.GetUtcNow().Year - 1;
        Result = await EvaluationQueries.ListAsync(db, user, Year.Value, State, Mine, PageNumber, 50, ct);
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        Year ??= clock.GetUtcNow().Year - 1;
        try
        {
            var issued = await EvaluationWork.IssueAsync(db, user, Year.Value, clock.GetUtcNow().UtcDateTime, ct);
            Done = $"已下达 {issued.Year} 年度自评任务：项目 {issued.Projects} 个、部门整体 {issued.Departments} 个（此前已下达 {issued.AlreadyIssued} 个）。"
                   + (issued.WithoutApprovedTargets > 0
                       ? $"另有 {issued.WithoutApprovedTargets} 个有预算的项目（{Domain.Budget.Money.FormatWan(issued.AmountWithoutTargets)} 万元）绩效目标未批复，暂不能自评。"
                       : "");
            return Redirect($"/Evaluations?Year={Year}&Mine=false");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            db.ChangeTracker.Clear();
            await OnGetAsync(ct);
            return Page();
        }
    }

    public string Link(int page = 1, bool? mine = null, FormState? state = null, bool keepState = true) =>
        $"/Evaluations?Year={Year}&Mine={mine ?? Mine}&State={(keepState ? State : state)}&PageNumber={page}";
}
