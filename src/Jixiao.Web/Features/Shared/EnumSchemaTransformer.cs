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
        {
            // After the enum's own XML summary, where it has one (the XML comment transformer runs first).
            var members = string.Join("；", names.Select(n => $"{n.Key} = {n.Value}"));
            schema.Description = string.IsNullOrEmpty(schema.Description) ? members : $"{schema.Description}\n{members}";
        }
        return Task.CompletedTask;
    }
}
