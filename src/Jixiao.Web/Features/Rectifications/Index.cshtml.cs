using Jixiao.Domain.Rectifications;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>
/// 问题整改: the items the user answers for, reviews or verifies (待我办理), the overdue ones, or all in scope — by source year, source, state,
/// department and search, the most urgent deadline first.
/// </summary>
[Authorize(Policy = Policies.BusinessStaff)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public RectificationSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public RectificationState? State { get; set; }
    [BindProperty(SupportsGet = true)] public long? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>Mine (待我办理), Overdue (逾期) or All (全部).</summary>
    [BindProperty(SupportsGet = true)] public string? Box { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public FormPage<RectificationRow> Items { get; private set; } = null!;
    public RectificationToDo ToDo { get; private set; } = null!;
    public IReadOnlyList<Choice> Departments { get; private set; } = [];
    public bool Finance => user.Scope.Has(Role.PerformanceDivision);
    public bool FinanceStaff => user.Scope.Has(Role.PerformanceDivision) || user.Scope.Has(Role.BusinessDivision);
    /// <summary>What the last batch did (set by the Raise page).</summary>
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ToDo = await RectificationQueries.ToDoAsync(db, user, calendar.Today, ct);
        Box ??= ToDo.ToReply + ToDo.ToReview + ToDo.ToVerify > 0 ? "Mine" : "All";
        Items = await RectificationQueries.ListAsync(db, user, new RectificationQuery
        {
            Year = Year, Source = Source, State = State, Department = Department, Q = Q, PageNumber = PageNumber,
            Mine = Box == "Mine", Overdue = Box == "Overdue",
        }, calendar.Today, ct);
        Departments = (await FormList.ChoicesAsync(db, ct)).Departments;
    }

    /// <summary>The 整改台账 of what the list shows (every page), as the API's filters.</summary>
    public string LedgerLink => QueryString.Create(new Dictionary<string, string?>
    {
        ["mine"] = Box == "Mine" ? "true" : null, ["overdue"] = Box == "Overdue" ? "true" : null, ["year"] = Year?.ToString(), ["source"] = Source?.ToString(),
        ["state"] = State?.ToString(), ["department"] = Department?.ToString(), ["q"] = Q,
    }.Where(p => p.Value is not null)).ToString();

    /// <summary>This list's query string with one value changed (tabs and pages keep the filters).</summary>
    public string Link(string? box = null, int? page = null) => QueryString.Create(new Dictionary<string, string?>
    {
        ["Box"] = box ?? Box, ["Year"] = Year?.ToString(), ["Source"] = Source?.ToString(), ["State"] = State?.ToString(),
        ["Department"] = Department?.ToString(), ["Q"] = Q, ["PageNumber"] = page?.ToString(),
    }.Where(p => p.Value is not null)).ToString();
}
