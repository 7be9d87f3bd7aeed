using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Targets;

/// <summary>审核: one action on a version through the targets' review chain, or the same action on many (批量).</summary>
public static partial class TargetWork
{
    /// <summary>Submit, approve, return, reject. Approving a later version retires the one it adjusts.</summary>
    public static async Task<PerformanceTarget?> ActAsync(JixiaoDbContext db, CurrentUser user, long id, ReviewAction action,
        ReviewGrade? grade, string? opinion, DateTime nowUtc, CancellationToken ct)
    {
        var target = await FindAsync(db, id, ct);
        if (target is null) return null;
        var actor = Actor(user, target.Subject, target.State, action);
        switch (action)
        {
            case ReviewAction.Submit:
                target.Submit(actor, await ContextAsync(db, target, ct), nowUtc);
                break;
            case ReviewAction.Approve:
                target.Approve(actor, grade ?? throw new DomainException("请选择审核等级（优、良）。", "等级"), opinion, nowUtc);
                if (target.State == TargetState.Approved && target.Version > 1)
                {
                    var previous = await db.Targets.SingleAsync(t => t.SubjectKey == target.SubjectKey && t.State == TargetState.Approved
                                                                     && t.Version < target.Version, ct);
                    previous.Supersede(target);
                }
                break;
            case ReviewAction.Return:
                target.Return(actor, opinion, nowUtc);
                break;
            case ReviewAction.Reject:
                target.Reject(actor, opinion, nowUtc);
                break;
            default:
                throw new DomainException($"“{action.Label()}”不是审核动作。", "动作");
        }
        await CommitAsync(db, ct);
        return target;
    }

    /// <summary>批量审核通过 / 退回: the single action on each target, one opinion (and grade) for all.</summary>
    public static Task<BatchResult> BatchAsync(JixiaoDbContext db, CurrentUser user, ReviewAction action, BatchRequest request, DateTime nowUtc,
        CancellationToken ct) => action is ReviewAction.Approve or ReviewAction.Return
        ? FormBatch.RunAsync(db, request, action == ReviewAction.Approve ? "通过" : "退回",
            async id => await ActAsync(db, user, id, action, request.Grade, request.Opinion, nowUtc, ct) is not null,
            ids => TargetQueries.NamesAsync(db, ids, ct))
        : throw new DomainException($"批量办理只能审核通过或退回修改，不能{action.Label()}。", "动作");
}
