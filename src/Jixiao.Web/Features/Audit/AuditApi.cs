using Jixiao.Domain.Access;
using Jixiao.Domain.Audit;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Audit;

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("审计日志").RequireAuthorization(Policies.For(Role.AuditAdmin));
        group.MapGet("/", async Task<Ok<AuditPage>> (JixiaoDbContext db, string? region, string? user, string? entityType,
                AuditAction? action, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await AuditQueries.PageAsync(db, new AuditFilter(region, user, entityType, action, from, to, page ?? 1, pageSize ?? 50), ct)))
            .WithSummary("查询审计日志（仅审计管理员，限本人管辖区划）");
        group.MapGet("/verify", async Task<Ok<AuditVerification>> (JixiaoDbContext db, string? region, CancellationToken ct) =>
            TypedResults.Ok(await AuditVerifier.VerifyAsync(db, ct, region)))
            .WithSummary("校验审计日志哈希链");
        return api;
    }
}
