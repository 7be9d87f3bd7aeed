using Jixiao.Domain.Rectifications;

namespace Jixiao.Web.Features.Rectifications;

public sealed record ReplyRequest(string? Measures, bool Submit = false);

public static partial class RectificationWork
{
    /// <summary>The responsible side saves its measures (and submits them when asked): load, write, save.</summary>
    public static Task<Rectification?> ReplyAsync(JixiaoDbContext db, CurrentUser user, long id, ReplyRequest request, DateTime nowUtc, CancellationToken ct) =>
        ActAsync(db, id, item =>
        {
            var actor = Actor(user, item, RectificationAction.Submit);
            item.Reply(request.Measures, actor, nowUtc);
            if (request.Submit) item.Act(RectificationAction.Submit, actor, null, BusinessCalendar.DateOf(nowUtc), nowUtc);
        }, ct);
}
