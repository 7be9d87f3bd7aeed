using Jixiao.Domain.Rectifications;

namespace Jixiao.Web.Features.Rectifications;

public sealed record CancelRequest(string? Reason);

public static partial class RectificationWork
{
    /// <summary>撤销: finance withdraws an item raised in error, with a reason.</summary>
    public static Task<Rectification?> CancelAsync(JixiaoDbContext db, CurrentUser user, long id, CancelRequest request, DateTime nowUtc, CancellationToken ct) =>
        ActAsync(db, id, item => item.Cancel(request.Reason, Finance(user), nowUtc), ct);
}
