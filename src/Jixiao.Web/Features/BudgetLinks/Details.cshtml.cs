using System.ComponentModel.DataAnnotations;
using Jixiao.Domain.BudgetLinks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.BudgetLinks;

/// <summary>One suggestion: the result it rests on, the rules' arithmetic, and the budget division's decision.</summary>
[Authorize(Policy = Policies.FinanceStaff)]
public sealed class DetailsModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty, Display(Name = "下年度处理")] public NextYearAction? Action { get; set; }
    [BindProperty, Display(Name = "建议安排数")] public string? BudgetWan { get; set; }
    [BindProperty, Display(Name = "本年处理")] public ThisYearAction? ThisYear { get; set; }
    [BindProperty, Display(Name = "本年金额")] public string? ThisYearWan { get; set; }
    [BindProperty, Display(Name = "理由")] public string? Reason { get; set; }
    // 文号 and 确认 have no place of their own on the form: their refusals stand above it.
    [BindProperty] public string? DocumentNo { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public LinkRow Link { get; private set; } = null!;
    public bool Keeper => user.Scope.Has(Role.PerformanceDivision);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await BudgetLinkQueries.ViewAsync(db, id, ct) is not { } link) return NotFound();
        Link = link;
        if (!HttpMethods.IsPost(Request.Method))
            (Action, BudgetWan, ThisYear, ThisYearWan) = (link.Action, WanInput.Show(link.Budget), link.ThisYear,
                link.ThisYear == ThisYearAction.None ? "" : WanInput.Show(link.ThisYearAmount));
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) =>
        DecideAsync(id, new DecideLinkRequest(true, DocumentNo: DocumentNo, Confirmed: Confirmed), ct);

    public Task<IActionResult> OnPostOverrideAsync(long id, CancellationToken ct) =>
        DecideAsync(id, new DecideLinkRequest(false, Action, WanInput.Yuan(BudgetWan, "建议安排数"), ThisYear, WanInput.Yuan(ThisYearWan, "本年金额"), Reason,
            DocumentNo, Confirmed), ct);

    private async Task<IActionResult> DecideAsync(long id, DecideLinkRequest request, CancellationToken ct)
    {
        if (await BudgetLinkWork.DecideAsync(db, user, id, request, clock.GetUtcNow().UtcDateTime, ct) is null) return NotFound();
        return Redirect($"/BudgetLinks/Details/{id}");
    }
}
