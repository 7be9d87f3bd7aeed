using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Account;

public sealed record MeDto(long Id, string UserName, string DisplayName, string RegionCode, IReadOnlyList<Role> Roles,
    IReadOnlyList<string> RegionCodes, IReadOnlyList<long>? DataOrgIds);

public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("登录与令牌");
        group.MapPost("/tokens", (IssueToken.Request request, HttpContext http, SystemDbContext db, PasswordSignIn passwords,
                SignInThrottle throttle, TimeProvider clock, CancellationToken ct) =>
                IssueToken.ForPasswordAsync(http, db, passwords, throttle, clock, request, ct))
            .AllowAnonymous()
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("IssueToken")
            .WithSummary("用用户名和密码（已启用双因素认证的账号另填 totpCode）换取 API 令牌（Authorization: Bearer …）；连续 5 次错误锁定 15 分钟，锁定只停止密码登录");
        group.MapPost("/password", (IssueToken.PasswordRequest request, HttpContext http, SystemDbContext db, PasswordSignIn passwords,
                SignInThrottle throttle, TimeProvider clock, IPasswordHasher<AppUser> hasher, CancellationToken ct) =>
                IssueToken.ChangePasswordAsync(http, db, passwords, throttle, clock, hasher, request, ct))
            .AllowAnonymous()
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("ChangePassword")
            .WithSummary("用当前密码（及 totpCode）修改自己的密码：管理员设置或已过期的密码须先修改才能申请令牌；修改后该账号的会话和令牌全部失效");
        group.MapGet("/me", Ok<MeDto> (ClaimsPrincipal principal, CurrentUser current) =>
            TypedResults.Ok(new MeDto(current.UserId ?? 0, current.UserName, principal.FindFirstValue(JixiaoClaims.DisplayName) ?? "",
                current.RegionCode ?? "", current.Scope.Roles.Order().ToList(), current.Scope.RegionCodes, current.Scope.DataOrgIds)))
            .WithName("GetMe")
            .WithSummary("当前用户及其权限范围");
        return api;
    }
}
