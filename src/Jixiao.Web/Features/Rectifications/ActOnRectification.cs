using Jixiao.Domain.Rectifications;

namespace Jixiao.Web.Features.Rectifications;

public sealed record ReplyRequest(string? Measures, bool Submit = false);

public sealed record ActRequest(RectificationAction Action, string? Opinion);

public sealed record ExtendRequest(DateOnly? Deadline, string? Reason);

public sealed record CancelRequest(string? Reason);

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

    /// <summary>提交, the department's 审核通过 or 退回, finance's 核实通过 or 退回.</summary>
    public static Task<Rectification?> ActAsync(JixiaoDbContext db, CurrentUser user, long id, ActRequest request, DateTime nowUtc, CancellationToken ct) =>
        ActAsync(db, id, item => item.Act(request.Action, Actor(user, item, request.Action), request.Opinion, BusinessCalendar.DateOf(nowUtc), nowUtc), ct);

    public static Task<Rectification?> ExtendAsync(JixiaoDbContext db, CurrentUser user, long id, ExtendRequest request, DateTime nowUtc, CancellationToken ct) =>
        ActAsync(db, id, item => item.Extend(request.Deadline, request.Reason, Finance(user), BusinessCalendar.DateOf(nowUtc), nowUtc), ct);

    public static Task<Rectification?> CancelAsync(JixiaoDbContext db, CurrentUser user, long id, CancelRequest request, DateTime nowUtc, CancellationToken ct) =>
        ActAsync(db, id, item => item.Cancel(request.Reason, Finance(user), nowUtc), ct);

    /// <summary>One act on an item: load it (null: not found for this user), apply, save.</summary>
    private static async Task<Rectification?> ActAsync(JixiaoDbContext db, long id, Action<Rectification> act, CancellationToken ct)
    {
        var item = await FindAsync(db, id, ct);
        if (item is null) return null;
        act(item);
        await Saves.SaveAsync(db, ct);
        return item;
    }
}
