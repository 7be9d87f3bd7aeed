using Jixiao.Domain.Access;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Reviews;

/// <summary>Where a form (a monitoring return, a self-evaluation) is in its review chain.</summary>
public enum FormState
{
    [Label("待填报")]
    Pending = 1,
    [Label("待主管部门审核")]
    Submitted = 2,
    /// <summary>待业务股室审核: the department has passed it (or a department submitted its own overall form); the division that funds the department reviews it</summary>
    [Label("待业务股室审核")]
    DepartmentApproved = 3,
    [Label("已审核")]
    Approved = 4,
    /// <summary>被退回, with a reason</summary>
    [Label("被退回")]
    Returned = 5,
    /// <summary>待绩效股审核: the funding division has passed it, or the region-year reviews without the division step</summary>
    [Label("待绩效股终审")]
    DivisionApproved = 6,
}

/// <summary>What a user does to a form.</summary>
public enum FormAction
{
    [Label("提交")]
    Submit = 1,
    [Label("审核通过")]
    Approve = 2,
    /// <summary>退回修改, with a reason</summary>
    [Label("退回修改")]
    Return = 3,
}

/// <summary>One stamped step of a form's review chain.</summary>
public sealed class FormStep
{
    private FormStep() { }

    public int Seq { get; private set; }
    public FormAction Action { get; private set; }
    public FormState FromState { get; private set; }
    public FormState ToState { get; private set; }
    public Role Role { get; private set; }
    public long? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string Opinion { get; private set; } = "";

    public static FormStep Stamp(int seq, FormAction action, FormState from, FormState to, ReviewActor actor, DateTime atUtc, string? opinion) => new()
    {
        Seq = seq, Action = action, FromState = from, ToState = to, Role = actor.Role, UserId = actor.UserId, UserName = actor.UserName,
        AtUtc = atUtc, Opinion = (opinion ?? "").Trim(),
    };
}

/// <summary>A form units fill and the chain reviews (monitoring return, self-evaluation): what an inbox filters on.</summary>
public interface IReviewedForm
{
    TargetSubject Subject { get; }
    FormState State { get; }
}

/// <summary>
/// The review chain of the forms units fill after targets are approved (DOMAIN.md §4.3, §4.4) as a transition table:
/// the unit fills and submits, its department reviews, then the business division that funds the department
/// ("谁分配资金，谁审核"), then the finance performance division. A department's overall form starts at the division.
/// Whether the division step is taken is a region-year setting (<c>divisionStep</c>, default on as for targets); a
/// form already at the division's step stays with the division when the setting is turned off. Every reviewer may
/// return a form, with a reason, to its filler. Every row not in the table is illegal and throws.
/// </summary>
/// <param name="form">the form's name in messages (监控表, 自评表)</param>
public sealed class FormChain(string form)
{
    public static readonly FormChain Monitoring = new("监控表");
    public static readonly FormChain SelfEvaluation = new("自评表");

    /// <summary>
    /// One row: in <paramref name="From"/>, <paramref name="By"/> (null: the filler of the subject) doing <paramref name="Action"/>
    /// moves the form to <paramref name="To"/>; for the subject given (null: either) and the setting given (null: either).
    /// </summary>
    private sealed record Transition(FormState From, FormAction Action, Role? By, FormState To, TargetSubject? Subject = null, bool? DivisionStep = null);

    private static readonly Transition[] Table =
    [
        new(FormState.Pending, FormAction.Submit, null, FormState.Submitted, TargetSubject.Project),
        new(FormState.Returned, FormAction.Submit, null, FormState.Submitted, TargetSubject.Project),
        new(FormState.Pending, FormAction.Submit, null, FormState.DepartmentApproved, TargetSubject.Department, DivisionStep: true),
        new(FormState.Returned, FormAction.Submit, null, FormState.DepartmentApproved, TargetSubject.Department, DivisionStep: true),
        new(FormState.Pending, FormAction.Submit, null, FormState.DivisionApproved, TargetSubject.Department, DivisionStep: false),
        new(FormState.Returned, FormAction.Submit, null, FormState.DivisionApproved, TargetSubject.Department, DivisionStep: false),
        new(FormState.Submitted, FormAction.Approve, Role.DepartmentReviewer, FormState.DepartmentApproved, DivisionStep: true),
        new(FormState.Submitted, FormAction.Approve, Role.DepartmentReviewer, FormState.DivisionApproved, DivisionStep: false),
        new(FormState.Submitted, FormAction.Return, Role.DepartmentReviewer, FormState.Returned),
        new(FormState.DepartmentApproved, FormAction.Approve, Role.BusinessDivision, FormState.DivisionApproved),
        new(FormState.DepartmentApproved, FormAction.Return, Role.BusinessDivision, FormState.Returned),
        new(FormState.DivisionApproved, FormAction.Approve, Role.PerformanceDivision, FormState.Approved),
        new(FormState.DivisionApproved, FormAction.Return, Role.PerformanceDivision, FormState.Returned),
    ];

    public string Form { get; } = form;

    public Role FillerOf(TargetSubject subject) =>
        subject == TargetSubject.Project ? Role.UnitFiller : Role.DepartmentReviewer;

    /// <summary>Who reviews a form in this state, or null when no one does.</summary>
    public Role? ReviewerOf(FormState state) =>
        Table.FirstOrDefault(t => t.From == state && t.Action == FormAction.Approve)?.By;

    /// <param name="divisionStep">the region-year's setting: the funding division reviews before the performance division</param>
    public FormState Next(TargetSubject subject, FormState state, FormAction action, Role role, bool divisionStep) =>
        Table.FirstOrDefault(t => t.From == state && t.Action == action && (t.By ?? FillerOf(subject)) == role
                                  && (t.Subject is null || t.Subject == subject) && (t.DivisionStep is null || t.DivisionStep == divisionStep))?.To
        ?? throw new ConflictException(Illegal(subject, state, action, role));

    /// <summary>Whether the role may act so; the setting only changes where a form goes, never who may act.</summary>
    public bool IsAllowed(TargetSubject subject, FormState state, FormAction action, Role role)
    {
        try
        {
            Next(subject, state, action, role, divisionStep: true);
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }

    /// <summary>Only the filler writes a form, and only while it is with them.</summary>
    public bool CanEdit(TargetSubject subject, FormState state, Role role) =>
        state is FormState.Pending or FormState.Returned && role == FillerOf(subject);

    private string Illegal(TargetSubject subject, FormState state, FormAction action, Role role) => state switch
    {
        FormState.Approved => $"{Form}已审核，不能再{action.Label()}。",
        _ when action == FormAction.Submit =>
            $"{role.Label()}不能在“{state.Label()}”状态提交{Form}：只有{FillerOf(subject).Label()}能提交待填报或被退回的{Form}。",
        _ when ReviewerOf(state) is { } reviewer => $"当前状态“{state.Label()}”应由{reviewer.Label()}审核，{role.Label()}不能{action.Label()}。",
        _ => $"“{state.Label()}”的{Form}不能{action.Label()}（{role.Label()}）。",
    };
}
