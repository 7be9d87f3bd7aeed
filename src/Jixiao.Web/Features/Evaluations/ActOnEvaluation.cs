using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>审核: one action on a self-evaluation through its review chain, or the same action on many (批量).</summary>
public static partial class EvaluationWork
{
    public static async Task<SelfEvaluation?> ActAsync(JixiaoDbContext db, CurrentUser user, long id, FormAction action, string? opinion, DateTime nowUtc,
        CancellationToken ct)
    {
        var evaluation = await FindAsync(db, id, ct);
        if (evaluation is null) return null;
        var actor = ActingRole.Pick(user, r => ReviewChains.SelfEvaluation.Allows(evaluation.Subject, evaluation.State, action, r), action.Label() + "自评表");
        var divisionStep = await WorkflowWork.DivisionStepAsync(db, evaluation.RegionCode, evaluation.FiscalYear, ct);
        switch (action)
        {
            case FormAction.Submit:
                evaluation.Submit(actor, await WeightsAsync(db, evaluation.RegionCode, evaluation.FiscalYear, ct), divisionStep, nowUtc);
                break;
            case FormAction.Approve: evaluation.Approve(actor, opinion, divisionStep, nowUtc); break;
            case FormAction.Return: evaluation.Return(actor, opinion, nowUtc); break;
            default: throw new DomainException($"“{action}”不是自评表的动作。", "动作");
        }
        await CommitAsync(db, ct);
        return evaluation;
    }

    /// <summary>批量审核通过 / 退回: the single action on each form, one opinion for all.</summary>
    public static Task<BatchResult> BatchAsync(JixiaoDbContext db, CurrentUser user, FormAction action, BatchRequest request, DateTime nowUtc,
        CancellationToken ct) => action is FormAction.Approve or FormAction.Return
        ? FormBatch.RunAsync(db, request, action == FormAction.Approve ? "通过" : "退回",
            async id => await ActAsync(db, user, id, action, request.Opinion, nowUtc, ct) is not null,
            ids => EvaluationQueries.NamesAsync(db, ids, ct))
        : throw new DomainException($"批量办理只能审核通过或退回修改，不能{action.Label()}。", "动作");
}
