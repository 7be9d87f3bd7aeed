using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Users;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("用户与角色").RequireAuthorization(Policies.For(Role.SystemAdmin));
        group.MapGet("/", ListUsers)
            .WithName(nameof(ListUsers))
            .WithSummary("用户列表（系统管理员，限管辖区划）");
        group.MapGet("/{id:long}", async Task<Results<Ok<UserDto>, NotFound>> (long id, JixiaoDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await SaveUser.ListAsync(db, db.Users.Where(u => u.Id == id), clock.GetUtcNow().UtcDateTime, ct)).SingleOrDefault() is { } user
                    ? TypedResults.Ok(user)
                    : TypedResults.NotFound())
            .WithName("GetUser")
            .WithSummary("用户详情");
        group.MapPost("/", CreateUser)
            .WithName(nameof(CreateUser))
            .WithSummary("新建业务用户：角色须符合所属机构要求；管理员账号只能在服务器上用 users grant-admin 建立");
        group.MapPut("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, SaveUser.Command command, JixiaoDbContext db, UserManager<AppUser> users,
                CurrentUser actor, CancellationToken ct) =>
                await SaveUser.UpdateAsync(db, users, actor.Scope.Roles, id, command, ct) is null ? TypedResults.NotFound() : TypedResults.NoContent())
            .WithName("UpdateUser")
            .WithSummary("修改用户（角色变更后该用户需重新登录）；管理员账号的角色、密码、机构与启用状态只能在服务器上用 users 命令修改");
        return api;
    }

    private static async Task<Ok<List<UserDto>>> ListUsers(JixiaoDbContext db, TimeProvider clock, string? region, Role? role, string? keyword,
        CancellationToken ct)
    {
        var query = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(region)) query = query.Where(u => u.RegionCode == region);
        if (role is { } r) query = query.Where(u => u.Roles.Any(x => x.Role == r));
        if (!string.IsNullOrWhiteSpace(keyword)) query = query.Where(u => u.UserName!.Contains(keyword) || u.DisplayName.Contains(keyword));
        return TypedResults.Ok(await SaveUser.ListAsync(db, query.OrderBy(u => u.UserName).Take(1000), clock.GetUtcNow().UtcDateTime, ct));
    }

    private static async Task<Created<UserDto>> CreateUser(SaveUser.Command command, JixiaoDbContext db, UserManager<AppUser> users, TimeProvider clock,
        CurrentUser actor, CancellationToken ct)
    {
        var user = await SaveUser.CreateAsync(db, users, clock, actor.Scope.Roles, command, ct);
        var dto = (await SaveUser.ListAsync(db, db.Users.Where(u => u.Id == user.Id), clock.GetUtcNow().UtcDateTime, ct)).Single();
        return TypedResults.Created($"/api/users/{user.Id}", dto);
    }
}
