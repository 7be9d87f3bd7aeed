using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Jixiao.Web.Features.Shared;

/// <summary>Declares the bearer-token scheme in the OpenAPI document so Swagger UI can send a token.</summary>
public sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "绩效 Jixiao API";
        document.Info.Description = "预算绩效管理信息系统接口。脚本使用 Authorization: Bearer jx_… 令牌（POST /api/auth/tokens 获取）。";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "API 令牌（jx_ 开头）",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
