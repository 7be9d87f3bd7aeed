using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Engagements;

/// <summary>A stage's own address (its deliverables' owner page): the engagement's page at that stage.</summary>
[Authorize(Policy = Policies.EngagementParties)]
public sealed class StageModel(JixiaoDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await EngagementWork.FindByStageAsync(db, id, ct) is { } engagement ? Redirect($"/Engagements/Details/{engagement.Id}#stage-{id}") : NotFound();
}
