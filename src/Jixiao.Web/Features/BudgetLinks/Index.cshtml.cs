using System.ComponentModel.DataAnnotations;
using Jixiao.Domain.BudgetLinks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.BudgetLinks;

/// <summary>结果与预算挂钩: next year's proposals of continuing projects with their results, suggestions and decisions; the year's rules.</summary>
[Authorize(Policy = Policies.FinanceStaff)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public LinkState? State { get; set; }
    [BindProperty(SupportsGet = true)] public NextYearAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    [BindProperty, Display(Name = "“中”调减比例")] public decimal FairReducePercent { get; set; }
    [BindProperty, Display(Name = "“差”调减比例")] public decimal PoorReducePercent { get; set; }
    [BindProperty] public bool CancelPoor { get; set; }
    [BindProperty] public bool SuspendPoor { get; set; }
    [BindProperty, Display(Name = "收回闲置资金的执行率")] public decimal RecoverBelowPercent { get; set; }
    [BindProperty] public bool BlockIncrease { get; set; }
    [TempData] public string? Done { get; set; }

    public LinkPage Links { get; private set; } = null!;
    public bool Keeper => user.Scope.Has(Role.PerformanceDivision);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year + 1;
        Links = await BudgetLinkQueries.ListAsync(db, new LinkQuery(Year, State, Action, Q, PageNumber), Year.Value, ct);
        if (HttpMethods.IsPost(Request.Method)) return;
        var r = await BudgetLinkWork.RulesAsync(db, user.RegionCode ?? "", Year.Value, ct);
        (FairReducePercent, PoorReducePercent, CancelPoor, SuspendPoor, RecoverBelowPercent, BlockIncrease) =
            (r.FairReducePercent, r.PoorReducePercent, r.CancelPoor, r.SuspendPoor, r.RecoverBelowPercent, r.BlockIncrease);
    }

    public async Task<IActionResult> OnPostSuggestAsync(CancellationToken ct)
    {
        Year ??= calendar.Year + 1;
        var run = await BudgetLinkWork.SuggestAsync(db, user, Year.Value, clock.GetUtcNow().UtcDateTime, ct);
        Done = $"{run.Year} 年度申报项目 {run.Proposals} 个，其中延续项目 {run.Continuing} 个：生成或更新建议 {run.Suggested} 个，已决定的 {run.Decided} 个保持不变，"
               + $"{run.WithoutResult} 个没有评价结果（按常规审核）。";
        return Redirect($"/BudgetLinks?Year={Year}");
    }

    public async Task<IActionResult> OnPostRulesAsync(CancellationToken ct)
    {
        Year ??= calendar.Year + 1;
        if (BindingErrors.Explain(ModelState, "", new Dictionary<string, string>
            {
                [nameof(FairReducePercent)] = "比例应为 0–100 的数字", [nameof(PoorReducePercent)] = "比例应为 0–100 的数字",
                [nameof(RecoverBelowPercent)] = "执行率应为 0–100 的数字",
            }))
        {
            await OnGetAsync(ct);
            return Page();
        }
        await BudgetLinkWork.SetRulesAsync(db, user, Year.Value,
            new LinkRuleValues(FairReducePercent, PoorReducePercent, CancelPoor, SuspendPoor, RecoverBelowPercent, BlockIncrease), clock.GetUtcNow().UtcDateTime, ct);
        Done = $"{Year} 年度挂钩规则已保存；点“生成挂钩建议”按新规则更新未决定的建议。";
        return Redirect($"/BudgetLinks?Year={Year}");
    }

    public string Link(LinkState? state, NextYearAction? action) =>
        $"/BudgetLinks?Year={Year}" + (state is { } s ? $"&State={s}" : "") + (action is { } a ? $"&Action={a}" : "") + (string.IsNullOrEmpty(Q) ? "" : $"&Q={Uri.EscapeDataString(Q)}");

    public static string Badge(NextYearAction action) => action switch
    {
        NextYearAction.Prioritise => "text-bg-success",
        NextYearAction.Keep => "text-bg-light border",
        NextYearAction.Reduce => "text-bg-warning",
        _ => "text-bg-danger",
    };
}
