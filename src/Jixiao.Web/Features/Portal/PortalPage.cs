using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Portal;

/// <summary>
/// A portal page: anonymous, read-only, no antiforgery (nothing is posted), rate-limited per client, and cacheable by browsers and proxies for a few minutes —
/// published data never changes in place, only new batches add to the lists.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken, Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(PortalLimits.Policy)]
public abstract class PortalPage : PageModel
{
    public const string CacheControl = "public, max-age=300";

    public override void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context) =>
        Response.Headers.CacheControl = CacheControl;
}
