using Jixiao.Web.Features.Audit;
using System.Globalization;
using System.Security.Claims;
using Jixiao.Domain.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Access;

/// <summary>
/// A sign-in whose password was right but that is not finished: the second factor, or a password change the user
/// must make, is still to come. Held in Identity's short-lived two-factor cookie (encrypted with the data-protection
/// keys in the database, so any node can carry on); bound to the user's security stamp.
/// </summary>
public sealed record PendingSignIn(AppUser User, bool SecondFactorDone, PasswordChangeReason PasswordChange, string ReturnUrl)
{
    private const string StampClaim = "jixiao:stamp";
    private const string SecondFactorClaim = "jixiao:2fa";
    private const string PasswordClaim = "jixiao:pwd";
    private const string ReturnClaim = "jixiao:return";

    /// <summary>After a right password: signs the browser fully in, or keeps the sign-in pending; returns where to go.</summary>
    public static async Task<string> ContinueAsync(HttpContext http, SystemDbContext db, AppUser user, string returnUrl, CancellationToken ct)
    {
        var settings = await SecuritySettings.ForRegionAsync(db, user.RegionCode, ct);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var change = SignInRules.PasswordChange(user.PasswordSetByAdministrator, user.PasswordChangedAtUtc ?? user.CreatedAtUtc, now, settings.PasswordExpiryDays);
        var secondFactor = user.TwoFactorEnabled || TwoFactor.IsRequired(user, settings);
        return await new PendingSignIn(user, !secondFactor, change, returnUrl).NextAsync(http, db, ct);
    }

    /// <summary>The next step: the second factor, the password change, or the finished sign-in.</summary>
    public async Task<string> NextAsync(HttpContext http, SystemDbContext db, CancellationToken ct)
    {
        if (!SecondFactorDone || PasswordChange != PasswordChangeReason.None)
        {
            await HoldAsync(http);
            return SecondFactorDone ? "/Account/ChangePassword" : "/Account/SecondFactor";
        }
        await UserSessions.SignInAsync(http, db, User, ct);
        await db.RecordEventAsync(AuditAction.Login, User, User.UserName!, "网页登录", ct);
        return ReturnUrl;
    }

    /// <summary>Keeps this state in the browser's two-factor cookie (the sign-in is not finished).</summary>
    public async Task HoldAsync(HttpContext http)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, User.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(StampClaim, User.SecurityStamp ?? ""),
            new Claim(SecondFactorClaim, SecondFactorDone ? "done" : "pending"),
            new Claim(PasswordClaim, ((int)PasswordChange).ToString(CultureInfo.InvariantCulture)),
            new Claim(ReturnClaim, ReturnUrl),
        ], IdentityConstants.TwoFactorUserIdScheme);
        await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The pending sign-in of this browser, if its cookie is valid and the account unchanged since.</summary>
    public static async Task<PendingSignIn?> ReadAsync(HttpContext http, SystemDbContext db, CancellationToken ct)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (!result.Succeeded || !long.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return null;
        var user = await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == userId, ct);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (user is not { IsActive: true } || user.SecurityStamp != result.Principal.FindFirstValue(StampClaim)
            || user.LockoutEnd is { } end && end > now)
            return null;
        return new PendingSignIn(user, result.Principal.FindFirstValue(SecondFactorClaim) == "done",
            (PasswordChangeReason)int.Parse(result.Principal.FindFirstValue(PasswordClaim) ?? "0", CultureInfo.InvariantCulture),
            result.Principal.FindFirstValue(ReturnClaim) ?? "/");
    }
}
