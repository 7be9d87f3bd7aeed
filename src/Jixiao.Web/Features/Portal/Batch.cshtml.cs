using Jixiao.Domain.Disclosure;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Features.Portal;

/// <summary>One batch as published: what it released, with the downloads.</summary>
public sealed class BatchModel(SystemDbContext db) : PortalPage
{
    public PortalBatch Batch { get; private set; } = null!;
    public IReadOnlyList<PublishedItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await PortalQueries.BatchAsync(db, id, ct) is not { } batch) return NotFound();
        (Batch, Items) = (batch, await PortalQueries.BatchItemsAsync(db, id, ct));
        return Page();
    }
}
