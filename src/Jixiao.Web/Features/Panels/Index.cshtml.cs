using Jixiao.Domain.Panels;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Panels;

/// <summary>专家评审: the user's to-dos (an expert's panels to score; finance's overdue ones) and the panels of their scope.</summary>
[Authorize(Policy = Policies.PanelParties)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public PanelPurpose? Purpose { get; set; }
    [BindProperty(SupportsGet = true)] public PanelState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PanelToDo> ToDo { get; private set; } = [];
    public FormPage<PanelRow> Result { get; private set; } = new([], 0, 1, 50);
    public bool Keeps => User.IsInRole(Policies.For(Role.PerformanceDivision));
    public bool IsExpert => user.Scope.ExpertId is not null;
    public int CurrentYear => calendar.Year;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ToDo = await PanelQueries.ToDoAsync(db, user, calendar.Today, ct);
        Result = await PanelQueries.ListAsync(db, user, Year, Purpose, State, Q, PageNumber, 50, calendar.Today, ct);
    }

    public string PageLink(int page) => "/Panels" + QueryString.Create(new Dictionary<string, string?>
        { ["Year"] = Year?.ToString(), ["Purpose"] = Purpose?.ToString(), ["State"] = State?.ToString(), ["Q"] = Q, ["PageNumber"] = $"{page}" });
}
