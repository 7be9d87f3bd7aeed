using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>The Bootstrap colours of lights and return states, the same on every page.</summary>
public static class MonitoringBadge
{
    public static string For(Light? light) => light switch
    {
        Light.Red => "text-bg-danger",
        Light.Yellow => "text-bg-warning",
        Light.Green => "text-bg-success",
        Light.Blue => "text-bg-primary",
        _ => "text-bg-light border",
    };

    public static string For(FormState state) => state switch
    {
        FormState.Approved => "text-bg-success",
        FormState.Returned => "text-bg-danger",
        FormState.Pending => "text-bg-secondary",
        _ => "text-bg-primary",
    };
}
