using Jixiao.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// The one place errors a user can cause become HTTP answers: domain errors 400 (409 for conflicts, 403 for what the role may not do), and
/// malformed requests (unreadable JSON, a value of the wrong type) 400 — ProblemDetails in Chinese.
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails details;
        switch (exception)
        {
            case DomainException domain:
                var (status, title) = domain switch
                {
                    ConflictException => (StatusCodes.Status409Conflict, "操作与当前状态冲突"),
                    ForbiddenException => (StatusCodes.Status403Forbidden, "无权进行此操作"),
                    _ => (StatusCodes.Status400BadRequest, "输入有误"),
                };
                details = new ProblemDetails
                {
                    Status = status,
                    Title = title,
                    Detail = domain.Message,
                };
                if (domain.Field is not null) details.Extensions["field"] = domain.Field;
                break;
            case BadHttpRequestException bad:
                details = new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = "请求格式有误",
                    Detail = $"请求无法读取，请检查 JSON 字段名与取值类型（枚举用英文名，如 UnitFiller）。原因：{bad.InnerException?.Message ?? bad.Message}",
                };
                break;
            default:
                return false;
        }
        context.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }
}
