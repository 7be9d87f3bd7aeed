using System.Reflection;
using Jixiao.Domain;
using Jixiao.Domain.Organisation;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// Checks what every API endpoint binds before its handler runs, so no handler has to remember:
/// <list type="bullet">
/// <item>a fiscal year (<c>year</c>, <c>fiscalYear</c>, also as a property of the body) outside <see cref="FiscalYears"/> is a 400;</item>
/// <item>an enum value the enum does not define (the query string binds numbers such as <c>light=99</c>) is a 400;</item>
/// <item>an organisation or region a request filters by (<c>departmentId</c>, <c>unitId</c>, <c>region</c>, <c>regionCode</c>) is
/// looked up through the scope-filtered <see cref="JixiaoDbContext"/>: a foreign or missing one is a 404, as a foreign id
/// in the path is — instead of an empty answer that names it (a download titled with another county's department).</item>
/// </list>
/// The checks are worked out once per endpoint at start-up; an endpoint without such parameters runs unchanged, and
/// only a request that names an organisation or region costs one lookup by key.
/// </summary>
public static class RequestArguments
{
    private static readonly string[] YearNames = ["year", "fiscalYear"];
    private static readonly string[] OrgNames = ["departmentId", "unitId"];
    private static readonly string[] RegionNames = ["region", "regionCode"];

    private delegate ValueTask<IResult?> Check(object? value, HttpContext context);

    private sealed record Bound(int Index, Func<object?, object?> Read, Check Check);

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var isService = factory.ApplicationServices.GetService<IServiceProviderIsService>();
        var checks = new List<Bound>();
        foreach (var (parameter, index) in factory.MethodInfo.GetParameters().Select((p, i) => (p, i)))
        {
            if (parameter.Name is not { } name) continue;
            var type = parameter.ParameterType;
            if (ValueCheck(name, type) is { } direct)
            {
                checks.Add(new Bound(index, v => v, direct));
                continue;
            }
            if (!IsModel(type) || isService?.IsService(type) == true) continue;
            // [AsParameters] records bind each property from the query; bodies are checked for their year only.
            var asParameters = parameter.GetCustomAttribute<AsParametersAttribute>() is not null;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead))
            {
                var check = asParameters ? ValueCheck(property.Name, property.PropertyType) : YearCheck(property.Name, property.PropertyType);
                if (check is not null) checks.Add(new Bound(index, v => v is null ? null : property.GetValue(v), check));
            }
        }
        if (checks.Count == 0) return next;
        return async invocation =>
        {
            foreach (var bound in checks)
            {
                if (await bound.Check(bound.Read(invocation.Arguments[bound.Index]), invocation.HttpContext) is { } refused)
                    return refused;
            }
            return await next(invocation);
        };
    }

    private static bool IsModel(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Jixiao.", StringComparison.Ordinal) == true;

    private static Check? ValueCheck(string name, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (YearCheck(name, type) is { } year) return year;
        if (t.IsEnum) return DefinedCheck(name, t);
        if (t == typeof(long) && OrgNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            return async (value, context) => value is long id && !await Db(context).OrgUnits.AnyAsync(o => o.Id == id, context.RequestAborted)
                ? NotFound($"机构（{name}={id}）不存在，或不在您的权限范围内。")
                : null;
        if (t == typeof(string) && RegionNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            return async (value, context) => value is string { Length: > 0 } code && !await Db(context).Regions.AnyAsync(r => r.Code == code, context.RequestAborted)
                ? NotFound($"区划（{name}={Shorten(code)}）不存在，或不在您的权限范围内。")
                : null;
        return null;
    }

    private static Check? YearCheck(string name, Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) == typeof(int) && YearNames.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? (value, _) =>
            {
                if (value is int year) FiscalYears.EnsureValid(year);
                return ValueTask.FromResult<IResult?>(null);
            }
            : null;

    private static Check DefinedCheck(string name, Type type)
    {
        var flags = type.GetCustomAttribute<FlagsAttribute>() is not null;
        var all = Enum.GetValues(type).Cast<object>().Aggregate(0L, (mask, v) => mask | Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture));
        return (value, _) =>
        {
            if (value is null) return ValueTask.FromResult<IResult?>(null);
            var defined = flags
                ? (Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) & ~all) == 0
                : Enum.IsDefined(type, value);
            if (!defined)
                throw new DomainException($"参数“{name}”的取值“{value}”无效，应为以下之一：{string.Join("、", Enum.GetNames(type))}。", name);
            return ValueTask.FromResult<IResult?>(null);
        };
    }

    private static JixiaoDbContext Db(HttpContext context) => context.RequestServices.GetRequiredService<JixiaoDbContext>();

    private static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "未找到");

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
