using Jixiao.Domain.Access;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Reviews;

/// <summary>Where a form (a monitoring return, a self-evaluation) is in its review chain.</summary>
public enum FormState
{
    /// <summary>待填报</summary>
    Pending = 1,
    /// <summary>待主管部门审核</summary>
    Submitted = 2,
    /// <summary>待财政审核 (the department has passed it, or a department submitted its own overall form)</summary>
    DepartmentApproved = 3,
    /// <summary>已审核</summary>
    Approved = 4,
    /// <summary>被退回, with a reason</summary>
    Returned = 5,
}

/// <summary>What a user does to a form.</summary>
public enum FormAction
{
    /// <summary>提交</summary>
    Submit = 1,
    /// <summary>审核通过</summary>
    Approve = 2,
    /// <summary>退回修改, with a reason</summary>
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

/// <summary>
/// The review chain of the forms units fill after targets are approved (DOMAIN.md §4.3, §4.4): the unit fills and
/// submits, its department reviews, then the finance performance division. A department's overall form goes
/// straight to finance. Either reviewer may return it, with a reason, to the filler.
/// </summary>
/// <param name="form">the form's name in messages (监控表, 自评表)</param>
public sealed class FormChain(string form)
{
    public static readonly FormChain Monitoring = new("监控表");
    public static readonly FormChain SelfEvaluation = new("自评表");

    public string Form { get; } = form;

    public Role FillerOf(TargetSubject subject) =>
        subject == TargetSubject.Project ? Role.UnitFiller : Role.DepartmentReviewer;

    /// <summary>Who reviews a form in this state, or null when no one does.</summary>
    public Role? ReviewerOf(FormState state) => state switch
    {
        FormState.Submitted => Role.DepartmentReviewer,
        FormState.DepartmentApproved => Role.PerformanceDivision,
        _ => null,
    };

    public FormState Next(TargetSubject subject, FormState state, FormAction action, Role role)
    {
        var filler = FillerOf(subject);
        var reviewer = ReviewerOf(state);
        FormState? next = (state, action) switch
        {
            (FormState.Pending or FormState.Returned, FormAction.Submit) when role == filler =>
                subject == TargetSubject.Project ? FormState.Submitted : FormState.DepartmentApproved,
            (FormState.Submitted, FormAction.Approve) when role == reviewer => FormState.DepartmentApproved,
            (FormState.DepartmentApproved, FormAction.Approve) when role == reviewer => FormState.Approved,
            (FormState.Submitted or FormState.DepartmentApproved, FormAction.Return) when role == reviewer => FormState.Returned,
            _ => null,
        };
        return next ?? throw new ConflictException(Illegal(subject, state, action, role));
    }

    public bool IsAllowed(TargetSubject subject, FormState state, FormAction action, Role role)
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

public static class FormLabels
{
    public static string Label(this FormState s) => s switch
    {
        FormState.Pending => "待填报",
        FormState.Submitted => "待主管部门审核",
        FormState.DepartmentApproved => "待财政审核",
        FormState.Approved => "已审核",
        FormState.Returned => "被退回",
        _ => s.ToString(),
    };

    public static string Label(this FormAction a) => a switch
    {
        FormAction.Submit => "提交",
        FormAction.Approve => "审核通过",
        FormAction.Return => "退回修改",
        _ => a.ToString(),
    };
}
