using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Jixiao.Web.Features.Shared;

/// <summary>Describes every enum of the API with its members' Chinese names ("Plan = 计划标准；Industry = 行业标准 …").</summary>
public sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && EnumLabels.Of(type) is { Count: > 0 } names)
            schema.Description = string.Join("；", names.Select(n => $"{n.Key} = {n.Value}"));
        return Task.CompletedTask;
    }
}
