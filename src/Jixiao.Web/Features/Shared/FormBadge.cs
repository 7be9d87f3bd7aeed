using Jixiao.Domain.Reviews;

namespace Jixiao.Web.Features.Shared;

/// <summary>The Bootstrap colour of a form's state (monitoring returns, self-evaluations), the same on every page.</summary>
public static class FormBadge
{
    public static string For(FormState state) => state switch
    {
        FormState.Approved => "text-bg-success",
        FormState.Returned => "text-bg-danger",
        FormState.Pending => "text-bg-secondary",
        _ => "text-bg-primary",
    };
}
