using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Features.Portal;

/// <summary>One published version: its goals and indicators (a result's actuals and scores), printable; its other versions listed with their dates.</summary>
public sealed class ItemModel(SystemDbContext db) : PortalPage
{
    public PortalItemView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await PortalQueries.ItemAsync(db, id, ct) is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
