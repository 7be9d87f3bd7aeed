using Jixiao.Domain.Monitoring;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>The Bootstrap colour of a warning light, the same on every page.</summary>
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
}
