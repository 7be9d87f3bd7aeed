using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Jixiao.Web.Features.Portal;

/// <summary>How much one client may ask of the public portal (section <c>Portal</c>).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Requests a minute from one client address to portal pages and downloads; beyond it a 429 that says when to come back.</summary>
    public int RequestsPerMinute { get; set; } = 600;
}

/// <summary>
/// The portal is what the public and crawlers hit: each client address gets a fixed window of requests a minute (per node: the limit is a
/// guard against one client's flood, not an account). Behind a reverse proxy the deployment forwards the client's address (docs/SECURITY.md).
/// </summary>
public static class PortalLimits
{
    public const string Policy = "portal";

    public static IServiceCollection AddPortalLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        return services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.RequestsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync($"请求过于频繁：每个地址每分钟最多 {options.RequestsPerMinute} 次，请一分钟后再试。批量获取数据请下载各批次的公开数据文件。", ct);
            };
        });
    }
}
