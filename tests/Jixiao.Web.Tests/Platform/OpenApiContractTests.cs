using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Tests.Platform;

/// <summary>
/// The app's OpenAPI document (/openapi/v1.json) as a client generator reads it: every operation named, every schema name
/// one CLR type, numbers as numbers, every answer an operation can give declared (errors as ProblemDetails, files as binary),
/// descriptions from the XML docs. (tests/Jixiao.Client.Tests generates a client from it and calls the API through that client.)
/// </summary>
public sealed class OpenApiContractTests(OpenApiContractTests.DocumentApp app) : IClassFixture<OpenApiContractTests.DocumentApp>
{
    [Fact]
    public void EveryOperation_HasAUniqueOperationId()
    {
        var operations = Operations().ToList();
        Assert.True(operations.Count > 50, $"OpenAPI 文档只有 {operations.Count} 个操作");
        Assert.All(operations, o => Assert.Matches("^[A-Z][A-Za-z0-9]+$", o.Id ?? $"{o.Key}: no operationId"));
        var repeated = operations.GroupBy(o => o.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(o => o.Key))}");
        Assert.Empty(repeated);
    }

    [Fact]
    public void SchemaNames_EachNameOneClrType()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenApiOptions>>().Get(JixiaoHost.OpenApiDocument);
        var named = app.SchemaTypes
            .Select(t => (Type: Nullable.GetUnderlyingType(t.Type) ?? t.Type, Id: options.CreateSchemaReferenceId(t)))
            .Where(t => t.Id is not null)
            .Distinct()
            .ToList();
        var shared = named.GroupBy(t => t.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Type.FullName))}");
        Assert.Empty(shared);
        // Every schema of the document was seen above, so no name escaped the check.
        Assert.Subset(named.Select(t => t.Id!).ToHashSet(), Schemas().EnumerateObject().Select(s => s.Name).ToHashSet());
    }

    [Fact]
    public void CreateUser_Body_IsTheUserForm()
    {
        var body = Resolve(app.Document.RootElement.GetProperty("paths").GetProperty("/api/users").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var properties = body.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["userName", "displayName", "orgUnitId", "roles", "isActive", "password", "regionCode", "email"], properties);
    }

    [Fact]
    public void Numbers_AreNumbersOnly()
    {
        var mixed = new List<string>();
        Walk(app.Document.RootElement, "", (path, node) =>
        {
            if (node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array)
            {
                var types = type.EnumerateArray().Select(t => t.GetString()).ToList();
                if (types.Contains("string") && (types.Contains("integer") || types.Contains("number"))) mixed.Add(path);
            }
        });
        Assert.Empty(mixed);
        Assert.Equal("integer", Schemas().GetProperty("IssueRequest").GetProperty("properties").GetProperty("year").GetProperty("type").GetString());
    }

    [Fact]
    public void EveryErrorResponse_IsAProblemDetails()
    {
        var wrong = new List<string>();
        foreach (var operation in Operations())
        {
            foreach (var response in operation.Element.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                // 422: an import's row-by-row report, as its schema says.
                if (response.Name == "422") continue;
                var problem = response.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out var media)
                              && media.GetProperty("schema").GetProperty("$ref").GetString() == "#/components/schemas/ProblemDetails";
                if (!problem) wrong.Add($"{operation.Key} {response.Name}");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void Operations_DeclareSignInRoleMissingRecordAndConflictAnswers()
    {
        var operations = Operations().ToDictionary(o => o.Key);
        var missing = new List<string>();
        foreach (var operation in operations.Values)
        {
            var declared = operation.Element.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
            // Signing in and changing a password are the anonymous operations; they declare their own answers.
            var anonymous = operation.Key.StartsWith("POST /api/auth/", StringComparison.Ordinal);
            var expected = new List<string>();
            if (!anonymous) expected.Add("401");
            if (operation.Key.Contains('{')) expected.Add("404");
            if (!anonymous && !operation.Key.StartsWith("GET ", StringComparison.Ordinal)) expected.Add("409");
            missing.AddRange(expected.Where(e => !declared.Contains(e)).Select(e => $"{operation.Key} {e}"));
        }
        Assert.Empty(missing);
        // A role policy: 403; signed in is enough: none. A filter that names a record of the scope: 404.
        Assert.Contains("403", Responses(operations["GET /api/users"]));
        Assert.DoesNotContain("403", Responses(operations["GET /api/regions"]));
        Assert.Contains("404", Responses(operations["GET /api/targets/sheet"]));
        Assert.Contains("413", Responses(operations["POST /api/imports"]));
    }

    [Theory]
    [InlineData("GET /api/targets/sheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("GET /api/evaluations/{id}/report", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("GET /api/targets/{id}/pdf", "application/pdf")]
    [InlineData("GET /api/audit/export", "text/csv")]
    public void FileDownload_DeclaresItsContentTypeAsBinary(string operation, string contentType)
    {
        var ok = Operations().Single(o => o.Key == operation).Element.GetProperty("responses").GetProperty("200").GetProperty("content");
        var schema = Resolve(ok.GetProperty(contentType).GetProperty("schema"));
        Assert.Equal("string", schema.GetProperty("type").GetString());
        Assert.Equal("binary", schema.GetProperty("format").GetString());
    }

    [Fact]
    public void Schemas_TakeTheirDescriptionsFromTheXmlDocs()
    {
        var draw = Schemas().GetProperty("DrawRequest");
        Assert.Contains("seed", draw.GetProperty("properties").GetProperty("seed").GetProperty("description").GetString());
        Assert.StartsWith("The year a request is about", Schemas().GetProperty("IssueRequest").GetProperty("description").GetString());
    }

    private static HashSet<string> Responses(OperationInfo operation) =>
        operation.Element.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();

    private static void Walk(JsonElement node, string path, Action<string, JsonElement> visit)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            visit(path, node);
            foreach (var property in node.EnumerateObject()) Walk(property.Value, $"{path}/{property.Name}", visit);
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in node.EnumerateArray()) Walk(item, $"{path}/{i++}", visit);
        }
    }

    private sealed record OperationInfo(string Key, string? Id, JsonElement Element);

    private IEnumerable<OperationInfo> Operations() =>
        from path in app.Document.RootElement.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where method.Name != "parameters"
        select new OperationInfo($"{method.Name.ToUpperInvariant()} {path.Name}",
            method.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null, method.Value);

    private JsonElement Schemas() => app.Document.RootElement.GetProperty("components").GetProperty("schemas");

    private JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? Schemas().GetProperty(reference.GetString()!.Split('/')[^1]) : schema;

    /// <summary>
    /// The app without demo data (the document does not depend on it), whose document generator also records the type
    /// behind every schema it writes.
    /// </summary>
    public sealed class DocumentApp : IAsyncLifetime
    {
        private JixiaoApp? _app;
        private WebApplicationFactory<Program>? _recording;

        public ConcurrentBag<JsonTypeInfo> SchemaTypes { get; } = [];
        public JsonDocument Document { get; private set; } = JsonDocument.Parse("{}");
        public IServiceProvider Services => _recording!.Services;

        public async ValueTask InitializeAsync()
        {
            _app = await JixiaoApp.StartAsync(DatabaseProvider.Sqlite, seedDemo: false);
            _recording = _app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
                services.Configure<OpenApiOptions>(JixiaoHost.OpenApiDocument, o => o.AddSchemaTransformer((_, context, _) =>
                {
                    SchemaTypes.Add(context.JsonTypeInfo);
                    return Task.CompletedTask;
                }))));
            using var client = _recording.CreateClient();
            Document = JsonDocument.Parse(await client.GetStringAsync($"/openapi/{JixiaoHost.OpenApiDocument}.json"));
        }

        public async ValueTask DisposeAsync()
        {
            Document.Dispose();
            if (_recording is not null) await _recording.DisposeAsync();
            if (_app is not null) await _app.DisposeAsync();
        }
    }
}
