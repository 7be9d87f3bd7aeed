using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Access;

/// <summary>
/// <c>Authorization: Bearer jx_…</c> for scripts. The token's hash is looked up in the database on every
/// request (stateless across app instances); an expired or revoked token, or a disabled user, fails (a
/// locked account's tokens keep working; a password, role or status change revokes them).
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SystemDbContext db,
    IOptions<IdentityOptions> identity,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenPrefix = "jx_";

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal)) return AuthenticateResult.Fail("令牌格式不正确。");

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = HashOf(token);
        var found = await db.ApiTokens.AsNoTracking().Include(t => t.User).ThenInclude(u => u!.Roles)
            .SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        // Lockout stops password sign-in only: a stranger's wrong passwords must not switch off the owner's scripts.
        if (found?.User is not { IsActive: true } user || found.RevokedAtUtc is not null || found.ExpiresAtUtc <= now)
            return AuthenticateResult.Fail("令牌无效、已过期或已吊销。");

        // The user and roles just read serve the scope of this request too (ScopeMiddleware): one round trip.
        Context.Items[typeof(AppUser)] = user;
        var claims = identity.Value.ClaimsIdentity;
        var principal = new ClaimsIdentity(
            [new Claim(claims.UserIdClaimType, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(claims.UserNameClaimType, user.UserName ?? "")],
            SchemeName, claims.UserNameClaimType, claims.RoleClaimType);
        JixiaoClaimsFactory.AddJixiaoClaims(principal, user, user.Roles.Select(r => r.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(principal), SchemeName));
    }
}
