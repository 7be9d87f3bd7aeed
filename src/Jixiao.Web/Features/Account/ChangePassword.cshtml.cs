using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Account;

/// <summary>
/// 修改密码: a signed-in user changes theirs (with the current one); or a sign-in that must change it first (set by an
/// administrator, or expired) does so before it enters the app.
/// </summary>
[AllowAnonymous]
public sealed class ChangePasswordModel(SystemDbContext db, IPasswordHasher<AppUser> hasher, PasswordSignIn passwords, CurrentUser current)
    : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    /// <summary>Why the sign-in must change the password; null for a signed-in user changing it of their own accord.</summary>
    public PasswordChangeReason? Required { get; private set; }
    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.UserId is not null) return Page();
        var pending = await PendingSignIn.ReadAsync(HttpContext, db, ct);
        if (pending is not { SecondFactorDone: true }) return RedirectToPage("/Account/Login");
        Required = pending.PasswordChange;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var pending = current.UserId is null ? await PendingSignIn.ReadAsync(HttpContext, db, ct) : null;
        if (current.UserId is null && pending is not { SecondFactorDone: true }) return RedirectToPage("/Account/Login");
        var user = pending?.User ?? await db.Users.SingleAsync(u => u.Id == current.UserId, ct);
        Required = pending?.PasswordChange;
        if (pending is null && (user.PasswordHash is null
                                || hasher.VerifyHashedPassword(user, user.PasswordHash, CurrentPassword ?? "") == PasswordVerificationResult.Failed))
        {
            await passwords.FailAsync(user, "修改密码：当前密码错误", ct);
            throw new DomainException("当前密码不正确，请重新输入。", "当前密码");
        }
        await PasswordChange.ChangeAsync(db, hasher, user, NewPassword, ConfirmPassword, ct);
        if (pending is not null)
            return LocalRedirect(await (pending with { PasswordChange = PasswordChangeReason.None }).NextAsync(HttpContext, db, ct));
        // Every session of the user ended with the change; this browser carries on in a new one.
        await UserSessions.SignInAsync(HttpContext, db, user, ct);
        Changed = true;
        return Page();
    }
}
