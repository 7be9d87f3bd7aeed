using Jixiao.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Features.Shared;

/// <summary>The one place domain errors become HTTP answers: 400 (409 for conflicts) ProblemDetails in Chinese.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain) return false;
        var status = domain is ConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        context.Response.StatusCode = status;
        var details = new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status409Conflict ? "操作与当前状态冲突" : "输入有误",
            Detail = domain.Message,
        };
        if (domain.Field is not null) details.Extensions["field"] = domain.Field;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }
}
