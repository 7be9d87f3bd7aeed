using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Targets;

/// <summary>The Bootstrap badge colour of a target state, the same on every page.</summary>
public static class TargetBadge
{
    public static string For(TargetState? state) => state switch
    {
        TargetState.Approved => "text-bg-success",
        TargetState.Returned => "text-bg-danger",
        TargetState.Rejected => "text-bg-dark",
        TargetState.Draft => "text-bg-secondary",
        TargetState.Superseded => "text-bg-light border",
        _ => "text-bg-primary",
    };
}
