using Jixiao.Domain.Budget;

namespace Jixiao.Web.Features.Projects;

/// <summary>A project's 暂缓拨付 as its page and the API show it.</summary>
public sealed record PaymentHoldView(long Id, DateOnly From, decimal Amount, string DocumentNo, string Reason, string HeldBy, long? CorrectiveActionId,
    DateOnly? ReleasedOn, string ReleaseReason, string ReleasedBy);

public sealed record ReleaseHoldRequest(DateOnly? On, string? Reason);

/// <summary>
/// 暂缓拨付 of a project (placed by a monitoring corrective action): listed on the project; released by finance's performance division
/// from a date, with a reason — payments dated from then on import again.
/// </summary>
public static class PaymentHolds
{
    private static readonly SaveConflicts Saves = new("该暂缓拨付刚刚被他人办理，请刷新后查看。", new Dictionary<string, string>());

    public static async Task<IReadOnlyList<PaymentHoldView>> ForProjectAsync(JixiaoDbContext db, long projectId, CancellationToken ct) =>
        (await db.PaymentHolds.AsNoTracking().Where(h => h.ProjectId == projectId).OrderBy(h => h.From).ThenBy(h => h.Id).ToListAsync(ct))
        .Select(View).ToList();

    public static async Task<PaymentHoldView?> ReleaseAsync(JixiaoDbContext db, CurrentUser user, long id, ReleaseHoldRequest request, DateTime nowUtc,
        CancellationToken ct)
    {
        if (!user.Scope.Has(Role.PerformanceDivision)) throw new ForbiddenException("暂缓拨付由财政绩效股解除。");
        var hold = await db.PaymentHolds.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (hold is null) return null;
        var today = BusinessCalendar.DateOf(nowUtc);
        hold.Release(request.On ?? today, request.Reason, user.UserName, today);
        await Saves.SaveAsync(db, ct);
        return View(hold);
    }

    private static PaymentHoldView View(PaymentHold h) =>
        new(h.Id, h.From, h.Amount, h.DocumentNo, h.Reason, h.HeldBy, h.CorrectiveActionId, h.ReleasedOn, h.ReleaseReason, h.ReleasedBy);
}
