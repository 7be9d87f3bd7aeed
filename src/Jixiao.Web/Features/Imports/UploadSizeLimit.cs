using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Jixiao.Domain.Evidence;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Imports;

/// <summary>
/// Every upload (a multipart form, on a page or the API) is held to <see cref="UploadLimits.MaxRequestBytes"/> before its
/// form is read: a declared length over it is answered at once, and a body that grows past it while being read (chunked)
/// is stopped by the server. Either way the answer is 413 with a Chinese ProblemDetails (pages show their error page). An evidence
/// file (<c>/api/evidence</c>, <c>/Evidence</c>) is held to <see cref="EvidenceLimits.MaxFileBytes"/> and its form fields instead.
/// </summary>
public sealed class UploadSizeLimit(RequestDelegate next, IOptions<UploadLimits> limits, IOptions<EvidenceLimits> evidence)
{
    /// <summary>Room for the form fields beside an evidence file (its note, the antiforgery token, the multipart boundaries).</summary>
    private const long FormBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (!context.Request.HasFormContentType || !context.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        var isEvidence = context.Request.Path.StartsWithSegments("/api/evidence") || context.Request.Path.StartsWithSegments("/Evidence");
        var max = isEvidence ? evidence.Value.MaxFileBytes + FormBytes : limits.Value.MaxRequestBytes;
        if (context.Request.ContentLength > max)
        {
            await RefuseAsync(context, problems, max, isEvidence);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = max;
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await RefuseAsync(context, problems, max, isEvidence);
        }
    }

    private static async Task RefuseAsync(HttpContext context, IProblemDetailsService problems, long max, bool isEvidence)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        if (!context.Request.Path.StartsWithSegments("/api")) return;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "上传的文件太大",
                Detail = isEvidence
                    ? $"附件超过 {(max - FormBytes) / 1024 / 1024} MB 的上限，未上传。请压缩图片、删减页数，或拆分成几个文件分别上传。"
                    : $"上传内容超过 {max / 1024 / 1024} MB 的上限，未读取。请删除多余的行、列和工作表，或拆分成几个文件分批导入。",
            },
        });
    }
}
