using Jixiao.Domain.Rectifications;

namespace Jixiao.Web.Features.Rectifications;

public sealed record ExtendRequest(DateOnly? Deadline, string? Reason);

public static partial class RectificationWork
{
    /// <summary>延期: finance moves the deadline on, with a reason (not once the reply is with finance).</summary>
    public static Task<Rectification?> ExtendAsync(JixiaoDbContext db, CurrentUser user, long id, ExtendRequest request, DateTime nowUtc, CancellationToken ct) =>
        ActAsync(db, id, item => item.Extend(request.Deadline, request.Reason, Finance(user), BusinessCalendar.DateOf(nowUtc), nowUtc), ct);
}
