using Jixiao.Domain.Reviews;

namespace Jixiao.Web.Features.Printing;

/// <summary>The steps of the forms units fill after targets are approved (监控表, 自评表) as the stamps read them.</summary>
public static class FormSteps
{
    public static StampedStep Stamped(int seq, FormAction action, Role role, long? userId, string userName, DateTime atUtc, string opinion) =>
        new(seq, action switch
        {
            FormAction.Submit => StepEffect.Submits,
            FormAction.Approve => StepEffect.Approves,
            _ => StepEffect.Restarts,
        }, role, userId, userName, atUtc, opinion);
}
