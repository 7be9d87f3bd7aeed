using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.Domain.Access;

namespace Jixiao.Web.Tests.Security;

/// <summary>One operation of the OpenAPI document.</summary>
public sealed record Operation(string Method, string Path, IReadOnlyList<OperationParameter> Parameters, RequestBody? Body)
{
    public string Key => $"{Method} {Path}";
    public bool ChangesData => Method is not ("GET" or "HEAD");
    public IEnumerable<OperationParameter> PathParameters => Parameters.Where(p => p.In == "path");
    public IEnumerable<OperationParameter> QueryParameters => Parameters.Where(p => p.In == "query");

    /// <summary>The path segment before <c>{name}</c>: what kind of record the parameter names.</summary>
    public string SegmentOf(string name)
    {
        var segments = Path.Split('/');
        var at = Array.IndexOf(segments, "{" + name + "}");
        return at > 0 ? segments[at - 1] : name;
    }
}

public sealed record OperationParameter(string Name, string In, JsonElement Schema);

/// <summary>A request body: JSON or a multipart form, with its schema.</summary>
public sealed record RequestBody(string ContentType, JsonElement Schema);

/// <summary>Reads the app's OpenAPI document and makes values from its schemas.</summary>
public sealed partial class ApiSurface(JsonDocument document)
{
    private readonly JsonElement _schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

    public IReadOnlyList<Operation> Operations()
    {
        var operations = new List<Operation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name != "parameters"))
            {
                var parameters = method.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new OperationParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var s) ? s : default)).ToList()
                    : [];
                RequestBody? body = null;
                if (method.Value.TryGetProperty("requestBody", out var rb) && rb.GetProperty("content").EnumerateObject().FirstOrDefault() is { Name: { } type } content)
                    body = new RequestBody(type, content.Value.GetProperty("schema"));
                operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, parameters, body));
            }
        }
        return operations;
    }

    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
            schema = _schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("oneOf", out var oneOf))
            return Resolve(oneOf.EnumerateArray().First(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")));
        return schema;
    }

    /// <summary>What a schema is: enum, integer, number, boolean, date, file, array, object or string.</summary>
    public string KindOf(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object) return "string";
        if (schema.TryGetProperty("enum", out _)) return "enum";
        if (schema.TryGetProperty("allOf", out _)) return "object";
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var types = !schema.TryGetProperty("type", out var t) ? []
            : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).ToList() : [t.GetString()];
        if (format == "binary") return "file";
        if (format == "date") return "date";
        if (format == "date-time") return "datetime";
        foreach (var kind in new[] { "integer", "number", "boolean", "array", "object" })
            if (types.Contains(kind)) return kind;
        return schema.TryGetProperty("properties", out _) ? "object" : "string";
    }

    public IReadOnlyList<string> EnumValues(JsonElement schema) =>
        Resolve(schema).GetProperty("enum").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();

    /// <summary>The properties of an object schema (merging allOf, as multipart forms are described).</summary>
    public IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("properties", out var properties))
            foreach (var p in properties.EnumerateObject()) yield return (p.Name, p.Value);
        if (schema.TryGetProperty("allOf", out var all))
            foreach (var part in all.EnumerateArray())
                foreach (var p in Properties(part)) yield return p;
    }

    /// <summary>A plausible value of a schema: the year for a year, the first name of an enum, one element in an array.</summary>
    public JsonNode? Sample(string name, JsonElement schema, int year, int depth = 0)
    {
        var kind = KindOf(schema);
        return kind switch
        {
            "enum" => JsonValue.Create(EnumValues(schema)[0]),
            "integer" when YearName().IsMatch(name) => JsonValue.Create(year),
            "integer" when name.Equals("month", StringComparison.OrdinalIgnoreCase) => JsonValue.Create(6),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(false),
            "date" => JsonValue.Create($"{year}-06-30"),
            "datetime" => JsonValue.Create($"{year}-06-30T00:00:00Z"),
            "array" when depth < 3 => new JsonArray(Sample(name, Resolve(schema).GetProperty("items"), year, depth + 1)),
            "array" => new JsonArray(),
            "object" when depth < 3 => new JsonObject(Properties(schema).Select(p => KeyValuePair.Create(p.Name, Sample(p.Name, p.Schema, year, depth + 1)))),
            "object" => new JsonObject(),
            _ => JsonValue.Create("探针"),
        };
    }

    /// <summary>A value for a query parameter (as text): the year for a year, the first name of an enum.</summary>
    public string QueryValue(OperationParameter parameter, int year) => Sample(parameter.Name, parameter.Schema, year) switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString().ToLower(CultureInfo.InvariantCulture),
        var other => other?.ToJsonString() ?? "",
    };

    [GeneratedRegex("^(year|fiscalYear)$", RegexOptions.IgnoreCase)]
    private static partial Regex YearName();
}

/// <summary>
/// Who may use which route, as DOMAIN.md §1 and 三员分立 say: stated here, independently of the code, so that a route
/// that forgets its policy fails. First match wins; a route no rule matches fails the probe (add a rule).
/// </summary>
public static class AccessRules
{
    private static readonly Role[] Business = [Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision];
    private static readonly Role[] Finance = [Role.BusinessDivision, Role.PerformanceDivision];
    private static readonly Role[] Performance = [Role.PerformanceDivision];
    private static readonly Role[] Everyone = Roles.All.ToArray();

    /// <summary>Routes that answer without credentials by design.</summary>
    public static readonly IReadOnlySet<string> AnonymousByDesign = new HashSet<string> { "POST /api/auth/tokens", "POST /api/auth/password" };

    private static readonly (string Method, Regex Path, Role[] Roles)[] Rules =
    [
        ("*", Rx("^/api/auth(/|$)"), Everyone),
        // 消息提醒: every account reads its own (the scope filter shows no one else's).
        ("*", Rx("^/api/notices(/|$)"), Everyone),
        ("GET", Rx("^/api/(regions|orgs)(/|$)"), Everyone),
        ("*", Rx("^/api/orgs(/|$)"), [Role.SystemAdmin]),
        ("*", Rx("^/api/users(/|$)"), [Role.SystemAdmin]),
        ("*", Rx("^/api/security(/|$)"), [Role.SecurityAdmin]),
        ("*", Rx("^/api/audit(/|$)"), [Role.AuditAdmin]),
        ("*", Rx("^/api/imports(/|$)"), Performance),
        ("GET", Rx("^/api/(projects/pools|targets/coverage|evaluations/statistics)$"), Finance),
        ("POST", Rx("^/api/projects/holds/\\{[^}]+\\}/release$"), Performance),
        ("PUT", Rx("^/api/(evaluations/weights|targets/frame|monitoring/rules|workflow/settings)$"), Performance),
        ("GET", Rx("^/api/workflow/settings$"), Business),
        ("POST", Rx("^/api/evaluations/(refigure|issue)$"), Performance),
        ("*", Rx("^/api/evaluations/spot-checks(/|$)"), Performance),
        ("POST", Rx("^/api/monitoring/rounds$"), Performance),
        ("POST", Rx("^/api/monitoring/rounds/\\{[^}]+\\}/(refigure|close)$"), Performance),
        ("*", Rx("^/api/monitoring/tasks/\\{[^}]+\\}/(key|corrections)$"), Performance),
        // A form's PDF is for whoever may view the form (scope makes another unit's a 404).
        ("GET", Rx("^/api/(targets|monitoring/tasks|evaluations)/\\{[^}]+\\}/pdf$"), Business),
        ("GET", Rx("^/api/library/proposals$"), Performance),
        ("POST", Rx("^/api/library/\\{[^}]+\\}/decision$"), Performance),
        // Evidence files are for whoever may see their owner (scope makes another unit's a 404); attaching is checked per owner.
        // A stage's deliverable is the engaged agency's to attach.
        ("POST", Rx("^/api/evidence/stages/\\{[^}]+\\}$"), [Role.Agency]),
        // A panel's review materials are finance's to attach; the experts sitting on it and the reviewed units read them.
        ("POST", Rx("^/api/evidence/panels/\\{[^}]+\\}$"), Finance),
        // A department or key evaluation's evidence is gathered by the department reviewers and finance.
        ("POST", Rx("^/api/evidence/plans/\\{[^}]+\\}$"), [Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision]),
        // A rectification reply's evidence is attached by the responsible unit or the department.
        ("POST", Rx("^/api/evidence/rectifications/\\{[^}]+\\}$"), [Role.UnitFiller, Role.DepartmentReviewer]),
        ("*", Rx("^/api/evidence(/|$)"), [.. Business, Role.Agency, Role.Expert]),
        ("*", Rx("^/api/(projects|targets|library|monitoring|evaluations)(/|$)"), Business),
        // The agency register: finance reads it and exports it, an agency account reads its own record; the performance division keeps it
        // and rates the agencies each year.
        ("GET", Rx("^/api/agencies/sheet$"), Finance),
        ("GET", Rx("^/api/agencies(/|$)"), [.. Finance, Role.Agency]),
        ("*", Rx("^/api/agencies(/|$)"), Performance),
        // 委托: finance and the evaluated units read theirs, the engaged agency its own; the agency submits each stage's deliverable,
        // the unit and finance confirm or object; the performance division plans, checks eligibility, draws, sets aside, cancels, scores the
        // final report and keeps the year's settings.
        ("POST", Rx("^/api/engagements/stages/\\{[^}]+\\}/submit$"), [Role.Agency]),
        ("POST", Rx("^/api/engagements/stages/\\{[^}]+\\}/(confirm|object)$"), Business),
        ("GET", Rx("^/api/engagements/\\{[^}]+\\}/eligibility$"), Performance),
        // The year's settings, statistics and a draw record are finance's to read (the draw record names the agencies excluded and why).
        ("GET", Rx("^/api/engagements/(settings/\\{[^}]+\\}|statistics|statistics\\.xlsx|\\{[^}]+\\}/draw-record/pdf)$"), Finance),
        ("GET", Rx("^/api/engagements(/|$)"), [.. Business, Role.Agency]),
        ("*", Rx("^/api/engagements(/|$)"), Performance),
        // The expert pool: finance reads it and exports it, an expert account reads its own record; the performance division keeps it.
        // 评审组: finance and the reviewed units read theirs, an expert the panels it sits on and scores its own line; the
        // performance division draws and replaces.
        ("POST", Rx("^/api/panels/\\{[^}]+\\}/score$"), [Role.Expert]),
        ("GET", Rx("^/api/panels/\\{[^}]+\\}/draw-record/pdf$"), Finance),
        ("GET", Rx("^/api/panels(/|$)"), [.. Business, Role.Expert]),
        ("*", Rx("^/api/panels(/|$)"), Performance),
        // 事前评估: the unit (or its department) writes its report and its revision; finance and the units read theirs; the performance
        // division screens, adds, returns, concludes, accepts revisions and keeps the year's settings.
        ("POST", Rx("^/api/exante/\\{[^}]+\\}/(submit|revise)$"), [Role.UnitFiller, Role.DepartmentReviewer]),
        ("*", Rx("^/api/exante/scoring-sheet$"), Performance),
        ("GET", Rx("^/api/exante/statistics(\\.xlsx)?$"), Finance),
        ("GET", Rx("^/api/exante(/|$)"), Business),
        ("*", Rx("^/api/exante(/|$)"), Performance),
        // 部门评价 / 重点评价: finance and the evaluated departments and units read theirs; the organiser (the performance division, and
        // for a 部门评价 the reviewer of its department) plans, scores, writes the report, records findings and concludes; the performance
        // division links engagements and panels and keeps the year's settings.
        ("POST", Rx("^/api/evaluation-plans$"), [Role.DepartmentReviewer, Role.PerformanceDivision]),
        ("*", Rx("^/api/evaluation-plans/\\{[^}]+\\}/(framework|scores|panel-scores|report|findings|conclude|cancel)$"), [Role.DepartmentReviewer, Role.PerformanceDivision]),
        ("POST", Rx("^/api/evaluation-plans/\\{[^}]+\\}/link$"), Performance),
        ("GET", Rx("^/api/evaluation-plans/statistics(\\.xlsx)?$"), Finance),
        ("PUT", Rx("^/api/evaluation-plans/settings/\\{[^}]+\\}$"), Performance),
        ("GET", Rx("^/api/evaluation-plans(/|$)"), Business),
        ("POST", Rx("^/api/rectifications(/batch)?$"), Performance),
        ("POST", Rx("^/api/rectifications/\\{[^}]+\\}/(extend|cancel)$"), Performance),
        ("PUT", Rx("^/api/rectifications/\\{[^}]+\\}/reply$"), [Role.UnitFiller, Role.DepartmentReviewer]),
        ("POST", Rx("^/api/rectifications/\\{[^}]+\\}/actions$"), [Role.UnitFiller, Role.DepartmentReviewer, Role.PerformanceDivision]),
        ("GET", Rx("^/api/rectifications/statistics(\\.xlsx)?$"), Finance),
        // 结果与预算挂钩: finance reads the suggestions; the performance division (and budget division) suggests, decides and sets the rules.
        ("POST", Rx("^/api/budget-links/(suggest|\\{[^}]+\\}/decide)$"), Performance),
        ("PUT", Rx("^/api/budget-links/rules$"), Performance),
        ("GET", Rx("^/api/budget-links(/|$)"), Finance),
        // 信息公开: finance reads the figures and items; the performance division publishes, withholds and sets the reasons.
        ("POST", Rx("^/api/disclosure/(batches|withholdings)$"), Performance),
        ("DELETE", Rx("^/api/disclosure/withholdings/\\{[^}]+\\}$"), Performance),
        ("PUT", Rx("^/api/disclosure/reasons$"), Performance),
        ("GET", Rx("^/api/disclosure(/|/items|/statistics\\.xlsx)?$"), Finance),
        // 结果应用台账: finance only (it prints it for the 人大).
        ("GET", Rx("^/api/results-chain(/|/xlsx|/pdf)?$"), Finance),
        ("GET", Rx("^/api/rectifications(/|$)"), Business),
        ("GET", Rx("^/api/experts/sheet$"), Finance),
        ("GET", Rx("^/api/experts(/|$)"), [.. Finance, Role.Expert]),
        ("*", Rx("^/api/experts(/|$)"), Performance),
    ];

    public static IReadOnlySet<Role>? Allowed(Operation operation)
    {
        foreach (var (method, path, roles) in Rules)
            if ((method == "*" || method == operation.Method) && path.IsMatch(operation.Path))
                return roles.ToHashSet();
        return null;
    }

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.CultureInvariant);
}
