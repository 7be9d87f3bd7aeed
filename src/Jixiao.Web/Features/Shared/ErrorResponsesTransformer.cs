using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// Declares the error answers every API operation can give besides its own, as <see cref="DomainExceptionHandler"/> and the
/// pipeline give them: 401 without a valid sign-in, 403 where a role is required, 404 where the path or a filter
/// (<see cref="RequestArguments.LooksUp"/>) names a record, 409 where data changes (a state conflict, a concurrent change),
/// 413 for uploads — and every error answer as a ProblemDetails (application/problem+json).
/// </summary>
public sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    private const string Problem = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var statuses = new List<int>();
        if (!anonymous) statuses.Add(StatusCodes.Status401Unauthorized);
        if (!anonymous && metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null)) statuses.Add(StatusCodes.Status403Forbidden);
        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path || (p.In == ParameterLocation.Query && RequestArguments.LooksUp(p.Name!))) == true)
            statuses.Add(StatusCodes.Status404NotFound);
        if (!anonymous && !HttpMethods.IsGet(context.Description.HttpMethod ?? "")) statuses.Add(StatusCodes.Status409Conflict);
        if (operation.RequestBody?.Content?.ContainsKey("multipart/form-data") == true) statuses.Add(StatusCodes.Status413PayloadTooLarge);

        operation.Responses ??= [];
        foreach (var status in statuses)
            operation.Responses.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status) });

        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (code, response) in ordered) operation.Responses.Add(code, response);

        OpenApiSchemaReference? problem = null;
        foreach (var (code, response) in operation.Responses)
        {
            if (code[0] is not ('4' or '5') || response.Content is { Count: > 0 } || response is not OpenApiResponse writable) continue;
            problem ??= await ProblemSchemaAsync(context, cancellationToken);
            writable.Content = new Dictionary<string, OpenApiMediaType> { [Problem] = new() { Schema = problem } };
        }
    }

    private static async Task<OpenApiSchemaReference> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(nameof(ProblemDetails)) != true)
            document.AddComponent(nameof(ProblemDetails), await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: ct));
        return new OpenApiSchemaReference(nameof(ProblemDetails), document);
    }
}
