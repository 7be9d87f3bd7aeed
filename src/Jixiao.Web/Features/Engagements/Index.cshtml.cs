using Jixiao.Domain.Engagements;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Engagements;

/// <summary>第三方委托: the user's to-dos (stages waiting for their party, overdue first) and the engagements of their scope.</summary>
[Authorize(Policy = Policies.EngagementParties)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public EngagementScope? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public EngagementState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<StageToDo> ToDo { get; private set; } = [];
    public FormPage<EngagementRow> Result { get; private set; } = new([], 0, 1, 50);
    public bool Keeps => User.IsInRole(Policies.For(Role.PerformanceDivision));
    public bool Finance => user.Scope.SeesRegisters;
    public int CurrentYear => calendar.Year;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ToDo = await EngagementQueries.ToDoAsync(db, user, calendar.Today, ct);
        Result = await EngagementQueries.ListAsync(db, Year, Scope, State, Q, PageNumber, 50, calendar.Today, ct);
    }

    public string PageLink(int page) => "/Engagements" + QueryString.Create(new Dictionary<string, string?>
        { ["Year"] = Year?.ToString(), ["Scope"] = Scope?.ToString(), ["State"] = State?.ToString(), ["Q"] = Q, ["PageNumber"] = $"{page}" });
}
