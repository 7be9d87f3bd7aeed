using Jixiao.Domain.Budget;

namespace Jixiao.Web.Features.Projects;

/// <summary>A project's 暂缓拨付 as its page and the API show it.</summary>
/// <param name="Held">payments are held today (not released, or released from a later day)</param>
public sealed record PaymentHoldView(long Id, DateOnly From, decimal Amount, string DocumentNo, string Reason, string HeldBy, long? CorrectiveActionId,
    DateOnly? ReleasedOn, string ReleaseReason, string ReleasedBy, bool Held);

public sealed record ReleaseHoldRequest(DateOnly? On, string? Reason);

/// <summary>
/// 暂缓拨付 of a project (placed by a monitoring corrective action): listed on the project; released by finance's performance division
/// from a date, with a reason — payments dated from then on import again.
/// </summary>
public static class PaymentHolds
{
    private static readonly SaveConflicts Saves = new("该暂缓拨付刚刚被他人办理，请刷新后查看。", new Dictionary<string, string>());

    public static async Task<IReadOnlyList<PaymentHoldView>> ForProjectAsync(JixiaoDbContext db, long projectId, DateOnly today, CancellationToken ct) =>
        (await db.PaymentHolds.AsNoTracking().Where(h => h.ProjectId == projectId).OrderBy(h => h.From).ThenBy(h => h.Id).ToListAsync(ct))
        .Select(h => View(h, today)).ToList();

    public static async Task<PaymentHoldView?> ReleaseAsync(JixiaoDbContext db, CurrentUser user, long id, ReleaseHoldRequest request, DateTime nowUtc,
        CancellationToken ct)
    {
        if (!user.Scope.Has(Role.PerformanceDivision)) throw new ForbiddenException("暂缓拨付由财政绩效股解除。");
        var hold = await db.PaymentHolds.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (hold is null) return null;
        var today = BusinessCalendar.DateOf(nowUtc);
        hold.Release(request.On ?? today, request.Reason, user.UserName, today);
        await Saves.SaveAsync(db, ct);
        return View(hold, today);
    }

    private static PaymentHoldView View(PaymentHold h, DateOnly today) =>
        new(h.Id, h.From, h.Amount, h.DocumentNo, h.Reason, h.HeldBy, h.CorrectiveActionId, h.ReleasedOn, h.ReleaseReason, h.ReleasedBy, h.IsHeldOn(today));
}
