using Jixiao.Web.Features.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Security;

public static class SecurityApi
{
    public static RouteGroupBuilder MapSecurityApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/security").WithTags("安全管理").RequireAuthorization(Policies.For(Role.SecurityAdmin));
        group.MapGet("/events", async Task<Ok<SecurityEventPage>> (JixiaoDbContext db, string? user, SecurityEventKind? kind,
                DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await SecurityEvents.PageAsync(db, new SecurityEventFilter(user, kind, from, to, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListSecurityEvents")
            .WithSummary("安全事件：登录成功/失败/锁定/退出、令牌签发与吊销、角色/密码/启用状态变更（限管辖区划，可按用户、类型、日期筛选，分页）");
        group.MapGet("/locked-users", async Task<Ok<List<UserDto>>> (JixiaoDbContext db, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await SaveUser.LockedAsync(db, clock.GetUtcNow().UtcDateTime, ct)))
            .WithName("ListLockedUsers")
            .WithSummary("被锁定的账号");
        group.MapPost("/users/{id:long}/unlock", async Task<Results<NoContent, NotFound>> (long id, JixiaoDbContext db, CancellationToken ct) =>
                await SecurityActions.UnlockAsync(db, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("UnlockUser")
            .WithSummary("解锁账号");
        group.MapGet("/tokens", async Task<Ok<List<TokenDto>>> (JixiaoDbContext db, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await SecurityActions.Project(db.ApiTokens, clock.GetUtcNow().UtcDateTime).Take(500).ToListAsync(ct)))
            .WithName("ListTokens")
            .WithSummary("API 令牌");
        group.MapPost("/tokens/{id:long}/revoke", async Task<Results<NoContent, NotFound>> (long id, JixiaoDbContext db, TimeProvider clock, CancellationToken ct) =>
                await SecurityActions.RevokeAsync(db, id, clock.GetUtcNow().UtcDateTime, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("RevokeToken")
            .WithSummary("吊销 API 令牌");
        return api;
    }
}
