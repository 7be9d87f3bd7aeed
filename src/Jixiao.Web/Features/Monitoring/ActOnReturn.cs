using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>审核: one action on a return through the monitoring review chain, or the same action on many (批量).</summary>
public static partial class ReturnWork
{
    public static async Task<MonitoringTask?> ActAsync(JixiaoDbContext db, CurrentUser user, long id, FormAction action, string? opinion,
        DateTime nowUtc, CancellationToken ct)
    {
        var task = await FindAsync(db, id, ct);
        if (task is null) return null;
        var round = await db.MonitoringRounds.AsNoTracking().SingleAsync(r => r.Id == task.RoundId, ct);
        var actor = ActingRole.Pick(user, r => ReviewChains.Monitoring.Allows(task.Subject, task.State, action, r), action.Label() + "监控表");
        var divisionStep = await WorkflowWork.DivisionStepAsync(db, task.RegionCode, task.FiscalYear, ct);
        switch (action)
        {
            case FormAction.Submit: task.Submit(actor, round, divisionStep, nowUtc); break;
            case FormAction.Approve: task.Approve(actor, opinion, round, divisionStep, nowUtc); break;
            case FormAction.Return: task.Return(actor, opinion, round, nowUtc); break;
            default: throw new DomainException($"“{action}”不是监控表的动作。", "动作");
        }
        await CommitAsync(db, ct);
        return task;
    }

    /// <summary>Whether the user reviews returns in any of their roles (a round's batch bar): one the chain names as a state's reviewer.</summary>
    public static bool Reviews(CurrentUser user) =>
        Enum.GetValues<FormState>().Any(s => ReviewChains.Monitoring.ReviewerOf(s) is { } reviewer && user.Scope.Has(reviewer));

    /// <summary>批量审核通过 / 退回: the single action on each return, one opinion for all.</summary>
    public static Task<BatchResult> BatchAsync(JixiaoDbContext db, CurrentUser user, FormAction action, BatchRequest request, DateTime nowUtc,
        CancellationToken ct) => action is FormAction.Approve or FormAction.Return
        ? FormBatch.RunAsync(db, request, action == FormAction.Approve ? "通过" : "退回",
            async id => await ActAsync(db, user, id, action, request.Opinion, nowUtc, ct) is not null,
            async ids => await (from t in db.MonitoringTasks.Where(t => ids.Contains(t.Id))
                                join p in db.Projects on t.ProjectId equals p.Id into ps
                                from p in ps.DefaultIfEmpty()
                                join o in db.OrgUnits on t.OrgUnitId equals o.Id into os
                                from o in os.DefaultIfEmpty()
                                select new { t.Id, Name = p != null ? p.Code + " " + p.Name : (o != null ? o.Name : "") + "（部门整体）" })
                .ToDictionaryAsync(x => x.Id, x => x.Name, ct))
        : throw new DomainException($"批量办理只能审核通过或退回修改，不能{action.Label()}。", "动作");
}
