using System.Reflection;
using System.Globalization;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// Checks what every API endpoint binds before its handler runs, so no handler has to remember:
/// <list type="bullet">
/// <item>a fiscal year (<c>year</c>, <c>fiscalYear</c>, also as a property of the body) outside <see cref="FiscalYears"/> is a 400;</item>
/// <item>an enum value the enum does not define (the query string binds numbers such as <c>light=99</c>) is a 400;</item>
/// <item>an organisation, monitoring round or region a request filters by (<c>departmentId</c>, <c>unitId</c>, <c>department</c>, <c>division</c>, <c>roundId</c>,
/// <c>region</c>, <c>regionCode</c>) is
/// looked up through the scope-filtered <see cref="JixiaoDbContext"/>: a foreign or missing one is a 404, as a foreign id
/// in the path is — instead of an empty answer that names it (a download titled with another county's department).</item>
/// <item>a page number above <see cref="MaxPage"/>, text from the query string longer than <see cref="MaxQueryText"/> characters, a date outside 2000–2100 or an
/// amount outside <see cref="Money.Max"/> is a 400 (they would only fail deeper down: a LIKE pattern too complex, a date
/// that cannot be moved by a day, an amount that overflows when turned into 元);</item>
/// </list>
/// The checks are worked out once per endpoint at start-up; an endpoint without such parameters runs unchanged, and
/// only a request that names an organisation, round or region costs one lookup by key.
/// </summary>
public static class RequestArguments
{
    public const int MaxQueryText = 200;
    /// <summary>Beyond it, page × page size would overflow the row offset (PostgreSQL refuses a negative OFFSET).</summary>
    public const int MaxPage = 1_000_000;
    private static readonly DateOnly FirstDate = new(2000, 1, 1);
    private static readonly DateOnly LastDate = new(2100, 12, 31);
    private static readonly string[] YearNames = ["year", "fiscalYear"];
    private static readonly string[] OrgNames = ["departmentId", "unitId", "department", "division"];
    private static readonly string[] PageNames = ["page", "pageNumber"];
    private static readonly string[] RegionNames = ["region", "regionCode"];
    private const string RoundName = "roundId";

    /// <summary>Whether a parameter of this name names a record looked up through the scope (a foreign or missing one is a 404).</summary>
    public static bool LooksUp(string name) =>
        OrgNames.Concat(RegionNames).Append(RoundName).Contains(name, StringComparer.OrdinalIgnoreCase);

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
        if (t == typeof(int) && PageNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            return Sync(value =>
            {
                if (value is > MaxPage)
                    throw new DomainException($"参数“{name}”为 {value}，超出范围，页码最大为 {MaxPage:#,##0}。", name);
            });
        if (t == typeof(long) && OrgNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            return async (value, context) => value is long id && !await Db(context).OrgUnits.AnyAsync(o => o.Id == id, context.RequestAborted)
                ? NotFound($"机构（{name}={id}）不存在，或不在您的权限范围内。")
                : null;
        if (t == typeof(long) && string.Equals(name, RoundName, StringComparison.OrdinalIgnoreCase))
            return async (value, context) => value is long id && !await Db(context).MonitoringRounds.AnyAsync(r => r.Id == id, context.RequestAborted)
                ? NotFound($"监控轮次（{name}={id}）不存在，或不在您的权限范围内。")
                : null;
        if (t == typeof(string) && RegionNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            return async (value, context) =>
            {
                if (value is not string { Length: > 0 } code) return null;
                EnsureShort(name, code);
                return await Db(context).Regions.AnyAsync(r => r.Code == code, context.RequestAborted)
                    ? null
                    : NotFound($"区划（{name}={Shorten(code)}）不存在，或不在您的权限范围内。");
            };
        if (t == typeof(string))
            return Sync(value =>
            {
                if (value is string text) EnsureShort(name, text);
            });
        if (t == typeof(DateOnly))
            return Sync(value =>
            {
                if (value is DateOnly date && (date < FirstDate || date > LastDate))
                    throw new DomainException($"日期“{name}”为 {date:yyyy-MM-dd}，超出范围，应在 {FirstDate:yyyy-MM-dd} 至 {LastDate:yyyy-MM-dd} 之间。", name);
            });
        if (t == typeof(decimal))
        {
            // Amounts in 万元 (minWan, maxWan) are turned into 元 by the handlers.
            var max = name.EndsWith("Wan", StringComparison.OrdinalIgnoreCase) ? Money.Max / 10_000m : Money.Max;
            return Sync(value =>
            {
                if (value is decimal amount && Math.Abs(amount) > max)
                    throw new DomainException($"参数“{name}”为 {amount.ToString(CultureInfo.InvariantCulture)}，超出范围（绝对值不超过 {max.ToString("#,##0", CultureInfo.InvariantCulture)}）。", name);
            });
        }
        return null;
    }

    private static Check? YearCheck(string name, Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) == typeof(int) && YearNames.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? Sync(value =>
            {
                if (value is int year) FiscalYears.EnsureValid(year);
            })
            : null;

    private static Check DefinedCheck(string name, Type type)
    {
        var flags = type.GetCustomAttribute<FlagsAttribute>() is not null;
        var all = Enum.GetValues(type).Cast<object>().Aggregate(0L, (mask, v) => mask | Convert.ToInt64(v, CultureInfo.InvariantCulture));
        return Sync(value =>
        {
            if (value is null) return;
            var defined = flags ? (Convert.ToInt64(value, CultureInfo.InvariantCulture) & ~all) == 0 : Enum.IsDefined(type, value);
            if (!defined)
                throw new DomainException($"参数“{name}”的取值“{value}”无效，应为以下之一：{string.Join("、", Enum.GetNames(type))}。", name);
        });
    }

    private static Check Sync(Action<object?> check) => (value, _) =>
    {
        check(value);
        return ValueTask.FromResult<IResult?>(null);
    };

    private static void EnsureShort(string name, string text)
    {
        if (text.Length > MaxQueryText)
            throw new DomainException($"参数“{name}”有 {text.Length} 个字符，太长了，最多 {MaxQueryText} 个字符。", name);
    }

    private static JixiaoDbContext Db(HttpContext context) => context.RequestServices.GetRequiredService<JixiaoDbContext>();

    private static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "未找到");

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
