using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// The one place errors become HTTP answers: domain errors 400 (409 for conflicts, 403 for what the role may not
/// do); malformed requests that ASP.NET Core refuses itself (a value of the wrong type, unreadable JSON, a wrong
/// content type, a missing body or file) 400/415 naming the parameter; anything else under /api a 500 — all
/// ProblemDetails in Chinese.
/// </summary>
public sealed partial class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> logger) : IExceptionHandler
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
                details = Unreadable(context, bad);
                break;
            // The middleware has moved the request to /Error by now: the feature keeps where it came from.
            case not OperationCanceledException when context.Features.Get<IExceptionHandlerFeature>()?.Path is { } path && new PathString(path).StartsWithSegments("/api"):
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, path);
                details = new ProblemDetails { Status = StatusCodes.Status500InternalServerError };
                break;
            default:
                return false;
        }
        context.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    /// <summary>Gives every ProblemDetails without a message (404 of a foreign id, 401, 403, 405 …) a Chinese title and detail.</summary>
    public static void InChinese(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        var (title, detail) = details.Status switch
        {
            StatusCodes.Status400BadRequest => ("请求有误", "请求有误，请检查参数后重试。"),
            StatusCodes.Status401Unauthorized => ("需要登录", "请先登录，或在 Authorization 头中提供有效的 API 令牌（Bearer jx_…）。"),
            StatusCodes.Status403Forbidden => ("没有权限", "您的角色不能执行此操作。"),
            StatusCodes.Status404NotFound => ("未找到", "要找的记录不存在，或不在您的权限范围内。"),
            StatusCodes.Status405MethodNotAllowed => ("请求方法不支持", $"此地址不支持 {context.HttpContext.Request.Method} 请求，请查阅 /swagger 中的接口说明。"),
            StatusCodes.Status409Conflict => ("操作与当前状态冲突", "操作与记录的当前状态冲突，请刷新后再操作。"),
            StatusCodes.Status413PayloadTooLarge => ("请求过大", "请求正文超过了允许的大小。"),
            StatusCodes.Status415UnsupportedMediaType => ("内容类型不支持",
                $"此接口不接受内容类型“{context.HttpContext.Request.ContentType}”：JSON 接口请用 application/json，上传文件请用 multipart/form-data。"),
            StatusCodes.Status422UnprocessableEntity => ("内容有误", "提交的内容未通过检查。"),
            StatusCodes.Status429TooManyRequests => ("请求过于频繁", "请求过于频繁，请稍后再试。"),
            >= 500 => ("服务器内部错误", "服务器处理请求时出错，请稍后重试；如持续出现请联系系统管理员。"),
            _ => ("请求未完成", "请求未能完成。"),
        };
        if (details.Title is null || !HasChinese(details.Title)) details.Title = title;
        details.Detail ??= detail;
    }

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>The messages of ASP.NET Core's request delegate (RequestDelegateFactory), which name the parameter.</summary>
    private static ProblemDetails Unreadable(HttpContext context, BadHttpRequestException bad)
    {
        var message = bad.Message;
        var status = bad.StatusCode;
        string detail;
        if (bad.InnerException is JsonException json)
            detail = JsonDetail(json);
        else if (ParameterPattern().Match(message) is { Success: true } named)
        {
            var name = named.Groups["name"].Value;
            var type = ParameterType(context, name);
            detail = message switch
            {
                _ when message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) =>
                    $"参数“{name}”的值“{Shorten(ValuePattern().Match(message).Groups["value"].Value)}”无法识别，应为{Expected(type)}。",
                _ when message.StartsWith("Required parameter", StringComparison.Ordinal) && message.Contains("form file", StringComparison.Ordinal) =>
                    $"缺少上传的文件（表单字段“{name}”），请以 multipart/form-data 上传文件。",
                _ when message.StartsWith("Required parameter", StringComparison.Ordinal) && message.Contains("from body", StringComparison.Ordinal) =>
                    $"缺少请求正文：请以 JSON（Content-Type: application/json）提交“{name}”。",
                _ when message.StartsWith("Required parameter", StringComparison.Ordinal) => $"缺少必填参数“{name}”，应为{Expected(type)}。",
                _ when message.Contains("anti-forgery", StringComparison.OrdinalIgnoreCase) => "缺少或无效的防伪令牌，请刷新页面后重新提交。",
                _ when message.Contains("as form", StringComparison.Ordinal) => $"表单无法读取（参数“{name}”），请以 multipart/form-data 提交。",
                _ => $"参数“{name}”无法读取，应为{Expected(type)}。",
            };
        }
        else if (message.StartsWith("Expected a supported JSON media type", StringComparison.Ordinal))
            detail = $"请求正文应为 JSON（Content-Type: application/json），收到的是“{Shorten(QuotedPattern().Match(message).Groups["value"].Value)}”。";
        else if (message.StartsWith("Expected a supported form media type", StringComparison.Ordinal))
            detail = $"此接口接受表单上传（Content-Type: multipart/form-data），收到的是“{Shorten(QuotedPattern().Match(message).Groups["value"].Value)}”。";
        else if (status == StatusCodes.Status413PayloadTooLarge)
            detail = "请求正文超过了允许的大小。";
        else if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
            detail = "缺少请求正文：请以 JSON（Content-Type: application/json）提交。";
        else
            detail = "请求无法读取，请检查参数与请求正文。";
        return new ProblemDetails { Status = status, Title = "请求格式有误", Detail = detail };
    }

    private static string JsonDetail(JsonException json)
    {
        var field = json.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : null;
        if (ConvertPattern().Match(json.Message) is { Success: true } converted)
        {
            var expected = Expected(TypeNamed(converted.Groups["type"].Value));
            return field is null ? $"请求正文的结构不对，应为{expected}。" : $"请求正文中“{field}”的取值类型不对，应为{expected}。";
        }
        var where = json.LineNumber is { } line ? $"（第 {line + 1} 行第 {(json.BytePositionInLine ?? 0) + 1} 个字节附近）" : "";
        return field is null
            ? $"请求正文不是有效的 JSON{where}，请检查括号、引号和逗号。"
            : $"请求正文中“{field}”附近不是有效的 JSON{where}，请检查括号、引号和逗号。";
    }

    private static Type? ParameterType(HttpContext context, string name)
    {
        var method = (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint())?.Metadata.GetMetadata<MethodInfo>();
        foreach (var parameter in method?.GetParameters() ?? [])
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase)) return parameter.ParameterType;
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null
                && parameter.ParameterType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
                return property.PropertyType;
        }
        return null;
    }

    private static Type? TypeNamed(string fullName)
    {
        if (NullablePattern().Match(fullName) is { Success: true } nullable) fullName = nullable.Groups["inner"].Value;
        return Type.GetType(fullName)
               ?? typeof(DomainException).Assembly.GetType(fullName)
               ?? typeof(DomainExceptionHandler).Assembly.GetType(fullName);
    }

    /// <summary>What a value of <paramref name="type"/> looks like, in words a user reads.</summary>
    private static string Expected(Type? type)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (t is { IsEnum: true }) return $"以下之一：{string.Join("、", Enum.GetNames(t))}";
        if (t is { IsArray: true } || (t is { IsGenericType: true } && t.GetInterface("IEnumerable`1") is not null && t != typeof(string)))
            return "数组（[…]）";
        return t switch
        {
            null => "正确的类型",
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) => "整数",
            _ when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => "数字",
            _ when t == typeof(bool) => "true 或 false",
            _ when t == typeof(DateOnly) => "日期（如 2025-07-31）",
            _ when t == typeof(DateTime) || t == typeof(DateTimeOffset) => "时间（如 2025-07-31T08:00:00Z）",
            _ when t == typeof(string) => "文字",
            _ => "对象（{…}）",
        };
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"parameter ""(?<type>[^""]*?) (?<name>[A-Za-z_][A-Za-z0-9_]*)""")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex("""from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex ValuePattern();

    [GeneratedRegex("""got "(?<value>.*)"\.?$""", RegexOptions.Singleline)]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+?)\.(\s|$)")]
    private static partial Regex ConvertPattern();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?(?<inner>[^,\]]+)")]
    private static partial Regex NullablePattern();
}
