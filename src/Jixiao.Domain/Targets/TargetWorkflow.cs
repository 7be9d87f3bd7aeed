using Jixiao.Domain.Access;

namespace Jixiao.Domain.Targets;

/// <summary>
/// The review chain as a transition table (DOMAIN.md §4.2): unit submits → department first review →
/// finance business division (by the department-to-division mapping) → performance division final approval.
/// A department's overall targets start at the division. Every pair not in the table is illegal and throws.
/// Which records a user may act on (their unit, their departments, the departments their division funds) is
/// the scope's business; this table decides what a role may do in a state.
/// </summary>
public static class TargetWorkflow
{
    /// <summary>The role that writes (and submits, and adjusts) targets of the subject.</summary>
    public static Role FillerOf(TargetSubject subject) =>
        subject == TargetSubject.Project ? Role.UnitFiller : Role.DepartmentReviewer;

    /// <summary>The role whose queue a version in <paramref name="state"/> is in, if any.</summary>
    public static Role? ReviewerOf(TargetState state) => state switch
    {
        TargetState.Submitted => Role.DepartmentReviewer,
        TargetState.DepartmentApproved => Role.BusinessDivision,
        TargetState.DivisionApproved => Role.PerformanceDivision,
        _ => null,
    };

    /// <summary>
    /// The state after <paramref name="action"/>. For <see cref="ReviewAction.Adjust"/> it is the state of the new
    /// version that the adjustment opens (the approved one stays approved until the new one is approved); for
    /// <see cref="ReviewAction.Refine"/> the state does not change.
    /// </summary>
    public static TargetState Next(TargetSubject subject, TargetState state, ReviewAction action, Role role)
    {
        var filler = FillerOf(subject);
        var reviewer = ReviewerOf(state);
        TargetState? next = (state, action) switch
        {
            (TargetState.Draft or TargetState.Returned, ReviewAction.Submit) when role == filler =>
                subject == TargetSubject.Project ? TargetState.Submitted : TargetState.DepartmentApproved,
            (TargetState.Submitted, ReviewAction.Approve) when role == reviewer => TargetState.DepartmentApproved,
            (TargetState.DepartmentApproved, ReviewAction.Approve) when role == reviewer => TargetState.DivisionApproved,
            (TargetState.DivisionApproved, ReviewAction.Approve) when role == reviewer => TargetState.Approved,
            (TargetState.Submitted or TargetState.DepartmentApproved or TargetState.DivisionApproved, ReviewAction.Return)
                when role == reviewer => TargetState.Returned,
            (TargetState.DepartmentApproved or TargetState.DivisionApproved, ReviewAction.Reject) when role == reviewer => TargetState.Rejected,
            (TargetState.DepartmentApproved or TargetState.DivisionApproved, ReviewAction.Refine) when role == reviewer => state,
            // The filler asks for an adjustment, or the performance division requires one (监控整改：目标调整).
            (TargetState.Approved, ReviewAction.Adjust) when role == filler || role == Role.PerformanceDivision => TargetState.Draft,
            _ => null,
        };
        return next ?? throw new ConflictException(Illegal(subject, state, action, role));
    }

    public static bool IsAllowed(TargetSubject subject, TargetState state, ReviewAction action, Role role)
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

    /// <summary>Whether <paramref name="role"/> may change the content (goals, indicators) in this state.</summary>
    public static bool CanEdit(TargetSubject subject, TargetState state, Role role) =>
        (state is TargetState.Draft or TargetState.Returned && role == FillerOf(subject))
        || IsAllowed(subject, state, ReviewAction.Refine, role);

    private static string Illegal(TargetSubject subject, TargetState state, ReviewAction action, Role role)
    {
        var who = role.Label();
        return state switch
        {
            TargetState.Approved when action != ReviewAction.Adjust =>
                $"{subject.Label()}已批复并锁定，不能{action.Label()}；如需变更，请由{FillerOf(subject).Label()}“申请调整”生成新版本。",
            TargetState.Superseded => $"这是已被新版本替代的历史版本，只能查看，不能{action.Label()}。",
            TargetState.Rejected => $"该版本审核为“差”，不得进入预算编制，不能再{action.Label()}。",
            _ when action == ReviewAction.Submit =>
                $"{who}不能在“{state.Label()}”状态提交{subject.Label()}：只有{FillerOf(subject).Label()}能提交草稿或被退回的目标。",
            _ when action == ReviewAction.Adjust => $"只有已批复的目标才能申请调整，当前状态为“{state.Label()}”。",
            _ when ReviewerOf(state) is { } reviewer =>
                action == ReviewAction.Reject && state == TargetState.Submitted
                    ? "主管部门初审只能通过或退回；“差”由财政审核认定。"
                    : $"当前状态“{state.Label()}”应由{reviewer.Label()}审核，{who}不能{action.Label()}。",
            _ => $"“{state.Label()}”状态的{subject.Label()}不能{action.Label()}（{who}）。",
        };
    }
}
