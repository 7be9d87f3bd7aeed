using Jixiao.Web.Features.Audit;
using System.Globalization;
using System.Security.Claims;
using Jixiao.Domain.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Access;

/// <summary>
/// Server-side browser sessions (ADR 0008). The sign-in cookie names its session by a random key; each cookie request
/// reads the session with its user and roles in one statement (the read the scope needs anyway, so a request costs no
/// extra statement), refuses it if it was ended or idled out, and moves "last seen" at most once a minute.
/// </summary>
public static class UserSessions
{
    public const string Claim = "jixiao:sid";
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Starts a session for <paramref name="user"/> and signs the browser in with it.</summary>
    public static async Task SignInAsync(HttpContext http, SystemDbContext db, AppUser user, CancellationToken ct)
    {
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var key = ApiTokenHandler.NewToken();
        db.UserSessions.Add(new UserSession
        {
            UserId = user.Id,
            RegionCode = user.RegionCode,
            KeyHash = ApiTokenHandler.HashOf(key),
            CreatedAtUtc = now,
            LastSeenAtUtc = now,
            ClientAddress = Truncate(http.Connection.RemoteIpAddress?.ToString() ?? "", 64),
            UserAgent = Truncate(http.Request.Headers.UserAgent.ToString(), 256),
        });
        await db.SaveChangesAsync(ct);

        var principal = await http.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(Claim, key));
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal, new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>The cookie's <c>OnValidatePrincipal</c>: replaces Identity's security-stamp validator.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var key = context.Principal?.FindFirstValue(Claim);
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var db = http.RequestServices.GetRequiredService<SystemDbContext>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var session = key is null
            ? null
            : await db.UserSessions.AsNoTracking().Include(s => s.User!).ThenInclude(u => u.Roles)
                .SingleOrDefaultAsync(s => s.KeyHash == ApiTokenHandler.HashOf(key), http.RequestAborted);
        if (session is not { EndedAtUtc: null, User.IsActive: true } || session.LastSeenAtUtc + AuthSetup.IdleTimeout <= now
            || session.UserId.ToString(CultureInfo.InvariantCulture) != userId)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        if (now - session.LastSeenAtUtc >= TouchInterval)
            await db.UserSessions.Where(s => s.Id == session.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, now), http.RequestAborted);
        // The user and roles just read serve the scope of this request too (ScopeMiddleware).
        http.Items[typeof(AppUser)] = session.User;
        http.Items[typeof(UserSession)] = session.Id;
    }

    /// <summary>The id of this request's session, if it came with a cookie.</summary>
    public static long? Current(HttpContext http) => http.Items[typeof(UserSession)] as long?;

    /// <summary>Ends one session (logout, or the user ends it on 我的会话与令牌).</summary>
    public static async Task<bool> EndAsync(JixiaoDbContext db, long sessionId, long userId, string reason, DateTime nowUtc, CancellationToken ct) =>
        await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAtUtc, nowUtc).SetProperty(x => x.EndReason, reason), ct) > 0;

    /// <summary>Ends every session and revokes every API token of a user, and records why.</summary>
    public static async Task EndAllAsync(JixiaoDbContext db, long userId, string reason, DateTime nowUtc, CancellationToken ct)
    {
        var sessions = await db.UserSessions.IgnoreQueryFilters().Where(s => s.UserId == userId && s.EndedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAtUtc, nowUtc).SetProperty(x => x.EndReason, reason), ct);
        var tokens = await db.ApiTokens.IgnoreQueryFilters().Where(t => t.UserId == userId && t.RevokedAtUtc == null && t.ExpiresAtUtc > nowUtc)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAtUtc, nowUtc).SetProperty(x => x.RevokedReason, reason), ct);
        if (sessions + tokens == 0) return;
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        await db.RecordEventAsync(AuditAction.SessionsEnded, user, user.UserName!,
            $"{reason}：结束 {sessions} 个会话，吊销 {tokens} 个 API 令牌", ct);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
