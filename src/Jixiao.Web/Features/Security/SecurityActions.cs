namespace Jixiao.Web.Features.Security;

public sealed record TokenDto(long Id, string Name, string Prefix, string UserName, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, bool IsActive);

/// <summary>The security administrator's work: unlock accounts, see and revoke API tokens.</summary>
public static class SecurityActions
{
    /// <returns>false when the user is not in scope (404)</returns>
    public static async Task<bool> UnlockAsync(JixiaoDbContext db, long userId, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Filter <paramref name="tokens"/> before calling: the DTO's constructor cannot be filtered on in SQL.</summary>
    public static IQueryable<TokenDto> Project(IQueryable<ApiToken> tokens, DateTime nowUtc) =>
        tokens.AsNoTracking().OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new TokenDto(t.Id, t.Name, t.Prefix, t.User!.UserName!, t.CreatedAtUtc, t.ExpiresAtUtc,
                t.RevokedAtUtc == null && t.ExpiresAtUtc > nowUtc));

    /// <returns>false when the token is not in scope (404)</returns>
    public static async Task<bool> RevokeAsync(JixiaoDbContext db, long tokenId, DateTime nowUtc, CancellationToken ct)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, ct);
        if (token is null) return false;
        token.RevokedAtUtc ??= nowUtc;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
