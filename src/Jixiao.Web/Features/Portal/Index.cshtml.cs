namespace Jixiao.Web.Features.Portal;

/// <summary>The portal's front page: every region with published batches and its years.</summary>
public sealed class IndexModel(SystemDbContext db) : PortalPage
{
    public IReadOnlyList<PortalRegion> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Regions = await PortalQueries.RegionsAsync(db, ct);
}
