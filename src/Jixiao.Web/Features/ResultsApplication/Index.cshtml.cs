using Jixiao.Domain.BudgetLinks;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.ResultsApplication;

/// <summary>结果应用台账: the region-year view of every chain from an evaluation to the money, for finance and (printed) the 人大.</summary>
[Authorize(Policy = Policies.FinanceStaff)]
public sealed class IndexModel(JixiaoDbContext db, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public long? Department { get; set; }
    [BindProperty(SupportsGet = true)] public ChainStage? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public ChainPage Chain { get; private set; } = null!;
    public IReadOnlyList<Choice> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= calendar.Year - 1;
        Chain = await ResultsChain.PageAsync(db, Query(PageNumber), Year.Value, calendar.Today, ct);
        Departments = (await FormList.ChoicesAsync(db, ct)).Departments;
    }

    private ChainQuery Query(int? page) => new(Year, Department, Stage, Q, page);

    /// <summary>The same filter for the files and the other pages of the list.</summary>
    public string Filter(int? page = null) =>
        $"Year={Year}" + (Department is { } d ? $"&Department={d}" : "") + (Stage is { } s ? $"&Stage={s}" : "")
        + (string.IsNullOrEmpty(Q) ? "" : $"&Q={Uri.EscapeDataString(Q)}") + (page is { } p ? $"&p={p}" : "");

    public static string Badge(ChainStage stage) => stage switch
    {
        ChainStage.Rectifying => "text-bg-warning",
        ChainStage.Deciding => "text-bg-info",
        _ => "text-bg-success",
    };
}
