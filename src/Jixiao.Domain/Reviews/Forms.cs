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
public sealed class FormStep : ChainStep<FormState, FormAction>
{
    private FormStep() { }

    public static FormStep Stamp(int seq, FormAction action, FormState from, FormState to, ReviewActor actor, DateTime atUtc, string? opinion)
    {
        var step = new FormStep();
        step.Record(seq, action, from, to, actor, atUtc, opinion);
        return step;
    }
}
