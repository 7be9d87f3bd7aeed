using Jixiao.Domain.Rectifications;

namespace Jixiao.Web.Features.Rectifications;

public sealed record ActRequest(RectificationAction Action, string? Opinion);

public static partial class RectificationWork
{
    /// <summary>提交, the department's 审核通过 or 退回, finance's 核实通过 or 退回.</summary>
    public static Task<Rectification?> ActAsync(JixiaoDbContext db, CurrentUser user, long id, ActRequest request, DateTime nowUtc, CancellationToken ct) =>
        ActAsync(db, id, item => item.Act(request.Action, Actor(user, item, request.Action), request.Opinion, BusinessCalendar.DateOf(nowUtc), nowUtc), ct);
}
