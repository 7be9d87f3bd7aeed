using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Security;

/// <summary>
/// The outside probe as a test: every route and method of the OpenAPI document (so a new endpoint is probed without
/// anyone remembering to), called as every demo account and without credentials, with the account's own ids, with ids
/// of the other county, of another unit and that do not exist; then bad values in every parameter and body field.
/// All violations are listed in one message: route, method, account, what was sent, status and what went wrong.
/// </summary>
public sealed partial class ApiProbeTests(ProbeApps apps) : IClassFixture<ProbeApps>
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private const int Parallelism = 4;
    /// <summary>100,000 characters: Chinese in bodies, ASCII in URLs (a URL of Chinese would be 900 kB to encode and decode).</summary>
    private static readonly string Huge = new('测', 100_000);
    private static readonly string HugeUrl = new('x', 100_000);

    [Theory, MemberData(nameof(Providers))]
    public async Task EveryRoute_EveryAccountAndForeignIds_AnswersOnlyWhatTheScopeAllows(DatabaseProvider provider)
    {
        var world = await apps.GetAsync(provider);
        var (surface, operations) = await SurfaceAsync(world);
        var violations = new ConcurrentBag<string>();
        var year = Year(world);
        var refused = new List<Call>();
        var changing = new List<Call>();
        foreach (var operation in operations)
        {
            var allowed = AccessRules.Allowed(operation);
            if (allowed is null)
            {
                violations.Add($"{operation.Key}：AccessRules 中没有这条路由的访问规则（谁可以用它），请补充。");
                continue;
            }
            foreach (var who in world.Principals)
            {
                foreach (var call in Calls(world, surface, operation, who, allowed, year, violations))
                {
                    // State-changing calls that may succeed run after everything else, one by one per route.
                    if (operation.ChangesData && call.Expect == Expect.Allowed) changing.Add(call);
                    else refused.Add(call);
                }
            }
        }
        await Parallel.ForEachAsync(refused, new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (call, _) => await RunAsync(call, violations));
        await RunInOrderAsync(changing, violations);
        Report(violations, refused.Count + changing.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task EveryParameterAndBodyField_BadValues_AnswerChineseProblemDetailsNever5xx(DatabaseProvider provider)
    {
        var world = await apps.GetAsync(provider);
        var (surface, operations) = await SurfaceAsync(world);
        var violations = new ConcurrentBag<string>();
        var year = Year(world);
        var reading = new List<Call>();
        var changing = new List<Call>();
        foreach (var operation in operations)
        {
            if (AccessRules.Allowed(operation) is not { } allowed) continue;
            var who = world.Principals.FirstOrDefault(p => !p.IsAnonymous && (AccessRules.AnonymousByDesign.Contains(operation.Key) || p.Roles.Overlaps(allowed))
                                                           && OwnPath(world, operation, p, year) is not null);
            if (who is null)
            {
                violations.Add($"{operation.Key}：没有哪个演示账号既能使用它又有自己的 id，无法探测坏参数。");
                continue;
            }
            foreach (var call in BadValueCalls(world, surface, operation, who, year))
                (operation.ChangesData ? changing : reading).Add(call);
        }
        await Parallel.ForEachAsync(reading, new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (call, _) => await RunAsync(call, violations));
        await RunInOrderAsync(changing, violations);
        Report(violations, reading.Count + changing.Count);
    }

    private enum Expect
    {
        /// <summary>Without credentials: 401.</summary>
        Unauthenticated,
        /// <summary>A role that may not use the route: 403 or 404.</summary>
        Forbidden,
        /// <summary>A foreign or missing id: 404 (403 for a role that may not use the route at all).</summary>
        NotFound,
        /// <summary>The account's own ids on a route its role may use: anything but 401/403.</summary>
        Allowed,
        /// <summary>Bad values: no 5xx; errors as Chinese ProblemDetails.</summary>
        Robust,
        /// <summary>Routes anonymous by design: no 5xx, no leak.</summary>
        Anything,
    }

    private sealed record Call(Operation Operation, Principal Who, string Sent, Expect Expect, Func<HttpRequestMessage> Request);

    private static int Year(ProbeWorld world) => world.App.Services.GetRequiredService<BusinessClock>().Year;

    private static async Task<(ApiSurface, IReadOnlyList<Operation>)> SurfaceAsync(ProbeWorld world)
    {
        using var client = world.App.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var surface = new ApiSurface(document);
        var operations = surface.Operations();
        Assert.True(operations.Count > 50, $"OpenAPI 文档只有 {operations.Count} 个操作");
        return (surface, operations);
    }

    /// <summary>The path with the account's own ids, or null when it has no record of some kind the path names.</summary>
    private static Dictionary<string, string>? OwnPath(ProbeWorld world, Operation operation, Principal who, int year)
    {
        var values = new Dictionary<string, string>();
        foreach (var parameter in operation.PathParameters)
        {
            var segment = operation.SegmentOf(parameter.Name);
            if (ProbeWorld.Shared.Contains(segment)) values[parameter.Name] = world.LibraryId.ToString(CultureInfo.InvariantCulture);
            else if (ProbeWorld.Years.Contains(segment)) values[parameter.Name] = year.ToString(CultureInfo.InvariantCulture);
            else if (who.Own.TryGetValue(segment, out var id)) values[parameter.Name] = id.ToString(CultureInfo.InvariantCulture);
            else return null;
        }
        return values;
    }

    /// <summary>Query parameters that name a record the scope must cover, with the kind of record (a segment of <see cref="ProbeWorld.Sources"/>).</summary>
    private static string? QueryIdKind(OperationParameter parameter) => parameter.Name.ToLowerInvariant() switch
    {
        "departmentid" or "department" => "departments",
        "unitid" or "division" => "orgs",
        "roundid" => "rounds",
        "region" or "regioncode" => "region",
        _ => null,
    };

    private static IEnumerable<Call> Calls(ProbeWorld world, ApiSurface surface, Operation operation, Principal who, IReadOnlySet<Jixiao.Domain.Access.Role> allowed,
        int year, ConcurrentBag<string> violations)
    {
        foreach (var parameter in operation.PathParameters)
        {
            var segment = operation.SegmentOf(parameter.Name);
            if (!ProbeWorld.Sources.ContainsKey(segment) && !ProbeWorld.Shared.Contains(segment) && !ProbeWorld.Years.Contains(segment))
            {
                if (who == world.Principals[0])
                    violations.Add($"{operation.Key}：路径参数 {{{parameter.Name}}}（{segment}）在 ProbeWorld.Sources 中没有取 id 的方法，请补充。");
                yield break;
            }
        }
        var anonymousByDesign = AccessRules.AnonymousByDesign.Contains(operation.Key);
        var may = anonymousByDesign || who.Roles.Overlaps(allowed);
        var own = OwnPath(world, operation, who, year);
        var body = Body(surface, operation, year);

        Expect ForOwn() => anonymousByDesign ? Expect.Anything : who.IsAnonymous ? Expect.Unauthenticated : may ? Expect.Allowed : Expect.Forbidden;
        Expect ForForeign() => anonymousByDesign ? Expect.Anything : who.IsAnonymous ? Expect.Unauthenticated : may ? Expect.NotFound : Expect.Forbidden;

        if (own is not null)
            yield return new Call(operation, who, "本人的 id", ForOwn(), () => Build(operation, own, [], body));

        // Foreign ids in the path, one parameter at a time (the others the account's own).
        foreach (var parameter in operation.PathParameters)
        {
            var segment = operation.SegmentOf(parameter.Name);
            if (ProbeWorld.Years.Contains(segment)) continue;
            var foreign = new List<(string What, long Id)> { ("不存在的 id", 999_999) };
            if (!ProbeWorld.Shared.Contains(segment))
            {
                if (who.OtherCounty.TryGetValue(segment, out var county)) foreign.Add(($"{who.OtherCountyName}的 id", county));
                if (who.OtherUnit.TryGetValue(segment, out var unit)) foreign.Add(("其他单位的 id", unit));
            }
            var path = own ?? operation.PathParameters.ToDictionary(p => p.Name, _ => "999999");
            foreach (var (what, id) in foreign)
            {
                var values = new Dictionary<string, string>(path) { [parameter.Name] = id.ToString(CultureInfo.InvariantCulture) };
                yield return new Call(operation, who, $"{{{parameter.Name}}}={id}（{what}）", ForForeign(), () => Build(operation, values, [], body));
            }
        }

        // Foreign ids in the query (filters such as departmentId, region).
        if (own is null) yield break;
        foreach (var parameter in operation.QueryParameters)
        {
            if (QueryIdKind(parameter) is not { } kind) continue;
            var foreign = new List<(string What, string Value)>();
            if (kind == "region")
            {
                foreign.Add(($"{who.OtherCountyName}", who.OtherRegion));
                foreign.Add(("不存在的区划", "999999"));
            }
            else
            {
                foreign.Add(("不存在的 id", "999999"));
                if (who.OtherCounty.TryGetValue(kind, out var county)) foreign.Add(($"{who.OtherCountyName}的 id", county.ToString(CultureInfo.InvariantCulture)));
                if (who.OtherUnit.TryGetValue(kind, out var unit)) foreign.Add(("其他单位的 id", unit.ToString(CultureInfo.InvariantCulture)));
            }
            foreach (var (what, value) in foreign)
                yield return new Call(operation, who, $"{parameter.Name}={value}（{what}）", ForForeign(),
                    () => Build(operation, own, new() { [parameter.Name] = value }, body));
        }
    }

    private static IEnumerable<Call> BadValueCalls(ProbeWorld world, ApiSurface surface, Operation operation, Principal who, int year)
    {
        var own = OwnPath(world, operation, who, year)!;
        var body = Body(surface, operation, year);
        Call Bad(string sent, Func<HttpRequestMessage> request) => new(operation, who, sent, Expect.Robust, request);

        foreach (var parameter in operation.PathParameters)
            foreach (var value in BadValues("integer"))
                yield return Bad($"{{{parameter.Name}}}={Show(value)}", () => Build(operation, new(own) { [parameter.Name] = value }, [], body));

        foreach (var parameter in operation.QueryParameters)
            foreach (var value in BadValues(surface.KindOf(parameter.Schema)))
                yield return Bad($"{parameter.Name}={Show(value)}", () => Build(operation, own, new() { [parameter.Name] = value }, body));

        if (body is null) yield break;
        if (body.Json is { } json)
        {
            foreach (var (path, kind) in Leaves(surface, operation.Body!.Schema, json))
                foreach (var bad in BadJson(kind))
                {
                    var changed = json.DeepClone();
                    Replace(changed, path, bad);
                    var text = changed.ToJsonString(Relaxed);
                    yield return Bad($"正文 {string.Join('.', path)}={Show(bad?.ToJsonString(Relaxed) ?? "null")}", () => Build(operation, own, [], body with { Json = JsonNode.Parse(text) }));
                }
            foreach (var (what, content, type) in new (string, string, string)[]
                     {
                         ("不完整的 JSON", "{\"a\":", "application/json"), ("JSON 数组", "[]", "application/json"), ("JSON null", "null", "application/json"),
                         ("空正文", "", "application/json"), ("错误的内容类型 text/plain", json.ToJsonString(), "text/plain"),
                         ("表单代替 JSON", "a=1", "application/x-www-form-urlencoded"),
                     })
                yield return Bad($"正文：{what}", () => Build(operation, own, [], body with { Json = null, Raw = (content, type) }));
            yield return Bad("没有正文", () => Build(operation, own, [], null));
        }
        else if (body.Form is { } form)
        {
            foreach (var field in form.Keys)
                foreach (var value in BadValues("integer").Append("abc"))
                    yield return Bad($"表单 {field}={Show(value)}", () => Build(operation, own, [], body with { Form = new(form) { [field] = value } }));
            yield return Bad("表单没有文件", () => Build(operation, own, [], body with { File = null }));
            yield return Bad("表单中的空文件", () => Build(operation, own, [], body with { File = [] }));
            yield return Bad("错误的内容类型（JSON 代替表单）", () => Build(operation, own, [], body with { Form = null, File = null, Raw = ("{}", "application/json") }));
            yield return Bad("没有正文", () => Build(operation, own, [], null));
        }
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Show(string value) => value.Length > 30 ? $"{value[..10]}…（{value.Length} 个字符）" : value;

    private static IEnumerable<string> BadValues(string kind)
    {
        string[] numbers = ["99999", "-1", "2147483647", "9223372036854775807", "0"];
        return kind switch
        {
            "integer" or "number" => [.. numbers, "abc", "1.5", HugeUrl],
            "enum" => ["99", "-1", "abc", HugeUrl],
            "boolean" => ["abc", "2", HugeUrl],
            "date" or "datetime" => ["abc", "99999-01-01", "0001-01-01", "9999-12-31", HugeUrl],
            _ => [HugeUrl, .. numbers],
        };
    }

    private static IEnumerable<JsonNode?> BadJson(string kind)
    {
        JsonNode?[] numbers = [99999, -1, int.MaxValue, long.MaxValue, 0];
        return kind switch
        {
            "integer" or "number" => [.. numbers, "abc"],
            "enum" => [99, "abc"],
            "boolean" => ["abc"],
            "date" or "datetime" => ["abc", "99999-01-01", 5],
            "array" or "object" => ["abc"],
            _ => [Huge, 99999],
        };
    }

    /// <summary>Every field of a sample body (and of the first element of its arrays), with its kind.</summary>
    private static IEnumerable<(List<string> Path, string Kind)> Leaves(ApiSurface surface, JsonElement schema, JsonNode node, List<string>? at = null)
    {
        at ??= [];
        var kind = surface.KindOf(schema);
        if (at.Count > 0) yield return (at, kind);
        if (kind == "object" && node is JsonObject obj)
        {
            var properties = surface.Properties(schema).ToDictionary(p => p.Name, p => p.Schema);
            foreach (var (name, _) in obj)
                if (properties.TryGetValue(name, out var child) && obj[name] is { } value)
                    foreach (var leaf in Leaves(surface, child, value, [.. at, name])) yield return leaf;
        }
        else if (kind == "array" && node is JsonArray { Count: > 0 } array && array[0] is { } first)
        {
            foreach (var leaf in Leaves(surface, surface.Resolve(schema).GetProperty("items"), first, [.. at, "0"])) yield return leaf;
        }
    }

    private static void Replace(JsonNode root, List<string> path, JsonNode? value)
    {
        var parent = root;
        foreach (var key in path[..^1])
            parent = parent is JsonArray a ? a[int.Parse(key, CultureInfo.InvariantCulture)]! : parent[key]!;
        if (parent is JsonArray array) array[int.Parse(path[^1], CultureInfo.InvariantCulture)] = value?.DeepClone();
        else parent[path[^1]] = value?.DeepClone();
    }

    /// <summary>What a request carries: JSON, a multipart form with a file, or raw text with a content type.</summary>
    private sealed record Payload(JsonNode? Json, Dictionary<string, string>? Form, byte[]? File, (string Content, string Type)? Raw);

    private static Payload? Body(ApiSurface surface, Operation operation, int year)
    {
        if (operation.Body is not { } body) return null;
        if (body.ContentType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var fields = new Dictionary<string, string>();
            foreach (var (name, schema) in surface.Properties(body.Schema))
                if (surface.KindOf(schema) != "file")
                    fields[name] = surface.QueryValue(new OperationParameter(name, "form", schema), year);
            return new Payload(null, fields, Encoding.UTF8.GetBytes("探针，不是表格"), null);
        }
        return new Payload(surface.Sample("body", body.Schema, year), null, null, null);
    }

    private static HttpRequestMessage Build(Operation operation, Dictionary<string, string> path, Dictionary<string, string> query, Payload? body)
    {
        var url = ParameterPattern().Replace(operation.Path, m => Uri.EscapeDataString(path[m.Groups[1].Value]));
        if (query.Count > 0) url += "?" + string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        if (body?.Raw is { } raw) request.Content = new StringContent(raw.Content, new MediaTypeHeaderValue(raw.Type));
        else if (body?.Json is { } json) request.Content = new StringContent(json.ToJsonString(Relaxed), Encoding.UTF8, "application/json");
        else if (body?.Form is { } form)
        {
            var content = new MultipartFormDataContent();
            foreach (var (name, value) in form) content.Add(new StringContent(value), name);
            if (body.File is { } file) content.Add(new ByteArrayContent(file), "file", "探针.csv");
            request.Content = content;
        }
        return request;
    }

    /// <summary>State-changing calls: one route at a time each, in the order made (routes side by side).</summary>
    private static Task RunInOrderAsync(List<Call> calls, ConcurrentBag<string> violations) =>
        Parallel.ForEachAsync(calls.GroupBy(c => c.Operation.Key).OrderByDescending(g => g.Count()), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (route, _) =>
        {
            foreach (var call in route) await RunAsync(call, violations);
        });

    private static async Task RunAsync(Call call, ConcurrentBag<string> violations)
    {
        using var request = call.Request();
        var target = request.RequestUri!.OriginalString;
        using var response = await call.Who.Client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = (int)response.StatusCode;
        var route = $"{call.Operation.Key}（{(target.Length > 120 ? target[..120] + "…" : target)}）以 {call.Who.Name}，{call.Sent}：{status}";

        if (status >= 500) violations.Add($"{route} 服务器错误 {Excerpt(body)}");
        var expected = call.Expect switch
        {
            Expect.Unauthenticated => status == 401 ? null : "应为 401（未登录）",
            Expect.Forbidden => status is 403 or 404 ? null : "该角色不能使用此路由，应为 403/404",
            Expect.NotFound => status == 404 ? null : "外地区、其他单位或不存在的 id 应为 404",
            Expect.Allowed => status is 401 or 403 ? "该角色可以使用此路由，却被拒绝" : null,
            _ => null,
        };
        if (expected is not null) violations.Add($"{route} {expected} {Excerpt(body)}");
        if (status >= 400 && ProblemFault(response, body) is { } fault) violations.Add($"{route} {fault}");
        if (status is >= 200 and < 300 && Leak(call.Who, response, body) is { } leak) violations.Add($"{route} 泄露：{leak}");
    }

    /// <summary>Why an error answer is not a Chinese ProblemDetails (422 reports of imports are JSON with Chinese messages).</summary>
    private static string? ProblemFault(HttpResponseMessage response, byte[] body)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        if ((int)response.StatusCode == 422 && type == "application/json")
            return HasChinese(Encoding.UTF8.GetString(body)) ? null : "422 报告中没有中文说明";
        if (type != "application/problem+json") return $"错误答复不是 ProblemDetails（Content-Type: {type ?? "无"}）{Excerpt(body)}";
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { } text && HasChinese(text)
                ? null
                : $"ProblemDetails 没有中文 detail {Excerpt(body)}";
        }
        catch (JsonException)
        {
            return $"ProblemDetails 不是 JSON {Excerpt(body)}";
        }
    }

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>The first foreign name, code or region found in an answer (JSON, xlsx, docx or text).</summary>
    private static string? Leak(Principal who, HttpResponseMessage response, byte[] body)
    {
        foreach (var text in Texts(response, body))
        {
            if (text.Contains(who.OtherCountyName, StringComparison.Ordinal) || text == who.OtherRegion)
                return $"“{Shorten(text)}”（{who.OtherCountyName}）";
            if (who.ForeignTokens.Count == 0) continue;
            if (who.ForeignTokens.Contains(text)) return $"“{Shorten(text)}”（其他单位）";
            foreach (var token in Separators().Split(text))
                if (token.Length > 0 && who.ForeignTokens.Contains(token))
                    return $"“{Shorten(token)}”在“{Shorten(text)}”中（其他单位）";
        }
        return null;
    }

    private static IEnumerable<string> Texts(HttpResponseMessage response, byte[] body)
    {
        if (body.Length > 1 && body[0] == 'P' && body[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read);
            var texts = new List<string>();
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                texts.AddRange(XmlText().Matches(reader.ReadToEnd()).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
            }
            return texts;
        }
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (type.Contains("json", StringComparison.Ordinal) && body.Length > 0)
        {
            var strings = new List<string>();
            Walk(JsonNode.Parse(body), strings);
            return strings;
        }
        return [Encoding.UTF8.GetString(body)];
    }

    private static void Walk(JsonNode? node, List<string> strings)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj) Walk(value, strings);
                break;
            case JsonArray array:
                foreach (var value in array) Walk(value, strings);
                break;
            case JsonValue value when value.TryGetValue<string>(out var s):
                strings.Add(s);
                break;
            case JsonValue value:
                strings.Add(value.ToJsonString());
                break;
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 600));
        return text.Length == 0 ? "" : $"[{(text.Length > 200 ? text[..200] + "…" : text)}]";
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static void Report(ConcurrentBag<string> violations, int calls)
    {
        var defects = violations.Distinct().Order(StringComparer.Ordinal).ToList();
        var message = new StringBuilder();
        message.AppendLine(CultureInfo.InvariantCulture, $"{calls} 次调用中 {defects.Count} 处违规：");
        foreach (var line in defects.Take(300)) message.AppendLine(line);
        if (defects.Count > 300) message.AppendLine(CultureInfo.InvariantCulture, $"……另有 {defects.Count - 300} 处");
        Assert.True(defects.Count == 0, message.ToString());
    }

    [GeneratedRegex(@"\{([^}:]+)(:[^}]*)?\}")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)</(?:\w+:)?t>")]
    private static partial Regex XmlText();

    [GeneratedRegex(@"[\s,，、;；:：()（）\[\]【】“”""'/|]+")]
    private static partial Regex Separators();
}
