using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jixiao.Tests.Shared;

/// <summary>The API's JSON conventions (web casing, enums by name), for reading its answers in tests.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Task<T?> GetJsonAsync<T>(this HttpClient client, string url) => client.GetFromJsonAsync<T>(url, Options);

    public static Task<T?> ReadJsonAsync<T>(this HttpContent content) => content.ReadFromJsonAsync<T>(Options);
}
