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
/// one CLR type. (Tests/Jixiao.Client.Tests generates a client from it and calls the API through that client.)
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
        Assert.Equal(["userName", "displayName", "orgUnitId", "roles", "isActive", "password", "regionCode"], properties);
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
