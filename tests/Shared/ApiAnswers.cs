using System.Net;

namespace Jixiao.Tests.Shared;

/// <summary>A refusal as the API writes it (ProblemDetails): the Chinese message and the field it names.</summary>
public sealed record ApiProblem(string Detail, string? Field);

/// <summary>Reading the API's answers in tests: a success's body, or a refusal of the expected status; either way the answer's text on a mismatch.</summary>
public static class ApiAnswers
{
    public static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadJsonAsync<T>())!;
    }

    public static async Task<ApiProblem> RefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadJsonAsync<ApiProblem>())!;
    }
}
