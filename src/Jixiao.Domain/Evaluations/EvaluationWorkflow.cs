using Jixiao.Domain.Access;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Evaluations;

/// <summary>
/// The review chain of a self-evaluation (DOMAIN.md §4.4): the unit fills and submits, its department reviews, then
/// the finance performance division. A department's overall self-evaluation goes straight to finance. Either reviewer
/// may return it, with a reason, to the filler. Every pair not in the table is illegal and throws.
/// </summary>
public static class EvaluationWorkflow
{
    public static Role FillerOf(TargetSubject subject) =>
        subject == TargetSubject.Project ? Role.UnitFiller : Role.DepartmentReviewer;

    /// <summary>Who reviews a self-evaluation in this state, or null when no one does.</summary>
    public static Role? ReviewerOf(EvaluationState state) => state switch
    {
        EvaluationState.Submitted => Role.DepartmentReviewer,
        EvaluationState.DepartmentApproved => Role.PerformanceDivision,
        _ => null,
    };

    public static EvaluationState Next(TargetSubject subject, EvaluationState state, EvaluationAction action, Role role)
    {
        var filler = FillerOf(subject);
        var reviewer = ReviewerOf(state);
        EvaluationState? next = (state, action) switch
        {
            (EvaluationState.Pending or EvaluationState.Returned, EvaluationAction.Submit) when role == filler =>
                subject == TargetSubject.Project ? EvaluationState.Submitted : EvaluationState.DepartmentApproved,
            (EvaluationState.Submitted, EvaluationAction.Approve) when role == reviewer => EvaluationState.DepartmentApproved,
            (EvaluationState.DepartmentApproved, EvaluationAction.Approve) when role == reviewer => EvaluationState.Approved,
            (EvaluationState.Submitted or EvaluationState.DepartmentApproved, EvaluationAction.Return) when role == reviewer => EvaluationState.Returned,
            _ => null,
        };
        return next ?? throw new ConflictException(Illegal(subject, state, action, role));
    }

    public static bool IsAllowed(TargetSubject subject, EvaluationState state, EvaluationAction action, Role role)
    {
        try
        {
            Next(subject, state, action, role);
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }

    /// <summary>Only the filler writes a self-evaluation, and only while it is with them.</summary>
    public static bool CanEdit(TargetSubject subject, EvaluationState state, Role role) =>
        state is EvaluationState.Pending or EvaluationState.Returned && role == FillerOf(subject);

    private static string Illegal(TargetSubject subject, EvaluationState state, EvaluationAction action, Role role) => state switch
    {
        EvaluationState.Approved => $"自评表已审核，不能再{action.Label()}。",
        _ when action == EvaluationAction.Submit =>
            $"{role.Label()}不能在“{state.Label()}”状态提交自评表：只有{FillerOf(subject).Label()}能提交待填报或被退回的自评表。",
        _ when ReviewerOf(state) is { } reviewer => $"当前状态“{state.Label()}”应由{reviewer.Label()}审核，{role.Label()}不能{action.Label()}。",
        _ => $"“{state.Label()}”的自评表不能{action.Label()}（{role.Label()}）。",
    };
}
