using Microsoft.AspNetCore.Antiforgery;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// A browser sends the sign-in cookie with any request, also one another site makes it send. So a call under /api
/// that changes data (POST, PUT, PATCH, DELETE) and is authenticated by the cookie must come from this site: its
/// <c>Origin</c> names this host, or — without an <c>Origin</c> — it carries the antiforgery token of one of our pages.
/// Bearer-token calls (scripts) and anonymous ones carry no ambient credential and pass unchecked. The check reads
/// headers only; the antiforgery token is validated only for the rare cookie call without an Origin.
/// </summary>
public sealed class CrossSiteGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            && context.User.Identity?.IsAuthenticated == true
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !await FromThisSiteAsync(context, antiforgery))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Results.Problem(
                "跨站请求被拒绝：用登录会话（Cookie）调用修改数据的接口时，请求须来自本站页面（Origin 与本站一致）或携带防伪令牌（RequestVerificationToken）。脚本请改用 API 令牌（Authorization: Bearer …）。",
                statusCode: StatusCodes.Status403Forbidden, title: "跨站请求被拒绝").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static async Task<bool> FromThisSiteAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0)
            return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                   && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
        return await antiforgery.IsRequestValidAsync(context);
    }
}
