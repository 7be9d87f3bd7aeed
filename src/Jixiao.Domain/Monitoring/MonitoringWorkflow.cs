using Jixiao.Domain.Access;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Monitoring;

/// <summary>
/// The review chain of a monitoring return (DOMAIN.md §4.3): the unit fills and submits, its department reviews,
/// then the finance performance division. A department's overall return goes straight to finance. Either
/// reviewer may return it, with a reason, to the filler.
/// </summary>
public static class MonitoringWorkflow
{
    public static Role FillerOf(TargetSubject subject) =>
        subject == TargetSubject.Project ? Role.UnitFiller : Role.DepartmentReviewer;

    /// <summary>Who reviews a return in this state, or null when no one does.</summary>
    public static Role? ReviewerOf(ReturnState state) => state switch
    {
        ReturnState.Submitted => Role.DepartmentReviewer,
        ReturnState.DepartmentApproved => Role.PerformanceDivision,
        _ => null,
    };

    public static ReturnState Next(TargetSubject subject, ReturnState state, ReturnAction action, Role role)
    {
        var filler = FillerOf(subject);
        var reviewer = ReviewerOf(state);
        ReturnState? next = (state, action) switch
        {
            (ReturnState.Pending or ReturnState.Returned, ReturnAction.Submit) when role == filler =>
                subject == TargetSubject.Project ? ReturnState.Submitted : ReturnState.DepartmentApproved,
            (ReturnState.Submitted, ReturnAction.Approve) when role == reviewer => ReturnState.DepartmentApproved,
            (ReturnState.DepartmentApproved, ReturnAction.Approve) when role == reviewer => ReturnState.Approved,
            (ReturnState.Submitted or ReturnState.DepartmentApproved, ReturnAction.Return) when role == reviewer => ReturnState.Returned,
            _ => null,
        };
        return next ?? throw new ConflictException(Illegal(subject, state, action, role));
    }

    public static bool IsAllowed(TargetSubject subject, ReturnState state, ReturnAction action, Role role)
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

    /// <summary>Only the filler writes a return, and only while it is with them.</summary>
    public static bool CanEdit(TargetSubject subject, ReturnState state, Role role) =>
        state is ReturnState.Pending or ReturnState.Returned && role == FillerOf(subject);

    private static string Illegal(TargetSubject subject, ReturnState state, ReturnAction action, Role role) => state switch
    {
        ReturnState.Approved => $"监控表已审核，不能再{action.Label()}。",
        _ when action == ReturnAction.Submit =>
            $"{role.Label()}不能在“{state.Label()}”状态提交监控表：只有{FillerOf(subject).Label()}能提交待填报或被退回的监控表。",
        _ when ReviewerOf(state) is { } reviewer => $"当前状态“{state.Label()}”应由{reviewer.Label()}审核，{role.Label()}不能{action.Label()}。",
        _ => $"“{state.Label()}”的监控表不能{action.Label()}（{role.Label()}）。",
    };
}
