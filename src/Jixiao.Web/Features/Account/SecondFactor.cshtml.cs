using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Account;

/// <summary>
/// The second step of a sign-in: the authenticator code (or a recovery code); or, for an account that must use a
/// second factor and has none yet, enrolment: the secret, a code to prove the app has it, then the recovery codes once.
/// </summary>
[AllowAnonymous]
public sealed class SecondFactorModel(SystemDbContext db, PasswordSignIn passwords, SignInThrottle throttle, TimeProvider clock,
    IDataProtectionProvider protection) : PageModel
{
    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Jixiao.TwoFactor.Enrolment").ToTimeLimitedDataProtector();

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    /// <summary>The secret being enrolled, encrypted for the form (nothing is stored until the code proves it).</summary>
    [BindProperty] public string? ProtectedSecret { get; set; }

    public string UserName { get; private set; } = "";
    public bool Enrolling { get; private set; }
    public string? Secret { get; private set; }
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var pending = await PendingSignIn.ReadAsync(HttpContext, db, ct);
        if (pending is null) return RedirectToPage("/Account/Login");
        if (pending.SecondFactorDone) return LocalRedirect(await pending.NextAsync(HttpContext, db, ct));
        Show(pending, pending.User.TwoFactorEnabled ? null : TwoFactor.NewSecret());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var pending = await PendingSignIn.ReadAsync(HttpContext, db, ct);
        if (pending is null) return RedirectToPage("/Account/Login");
        var user = pending.User;
        var enrolling = !user.TwoFactorEnabled;
        var secret = enrolling ? Unprotect() : user.TotpSecret;
        if (secret is null)
        {
            ModelState.AddModelError("", "绑定页面已超过 10 分钟，请在身份验证器中删除刚添加的条目，按下面的新密钥重新添加。");
            Show(pending, TwoFactor.NewSecret());
            return Page();
        }
        if (!throttle.TryAcquire(HttpContext, user.UserName))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", SignInThrottle.Refused);
            Show(pending, enrolling ? secret : null);
            return Page();
        }

        var now = clock.GetUtcNow();
        var passed = TwoFactor.Verify(secret, Code, now)
                     || (!enrolling && !string.IsNullOrWhiteSpace(RecoveryCode) && await TwoFactor.UseRecoveryCodeAsync(db, user, RecoveryCode, now.UtcDateTime, ct));
        if (!passed)
        {
            await passwords.FailAsync(user, enrolling ? "绑定动态口令：验证码错误" : "网页登录：动态口令错误", ct);
            if (await PendingSignIn.ReadAsync(HttpContext, db, ct) is null)
            {
                ModelState.AddModelError("", PasswordSignIn.GenericFailure);
                return RedirectToPage("/Account/Login");
            }
            ModelState.AddModelError(nameof(Code), enrolling
                ? "验证码不对：请确认身份验证器里添加的是上面的密钥，并输入它当前显示的 6 位数字（手机时间须准确）。"
                : "动态口令或恢复码不对：请输入身份验证器当前显示的 6 位数字，或一个未用过的恢复码。");
            Show(pending, enrolling ? secret : null);
            return Page();
        }

        var done = pending with { SecondFactorDone = true };
        if (!enrolling) return LocalRedirect(await done.NextAsync(HttpContext, db, ct));
        NewRecoveryCodes = await TwoFactor.EnrolAsync(db, user, secret, now.UtcDateTime, ct);
        await done.HoldAsync(HttpContext);
        UserName = user.UserName!;
        return Page();
    }

    /// <summary>After the recovery codes were shown: on to the password change or into the app.</summary>
    public async Task<IActionResult> OnPostContinueAsync(CancellationToken ct)
    {
        var pending = await PendingSignIn.ReadAsync(HttpContext, db, ct);
        if (pending is not { SecondFactorDone: true }) return RedirectToPage("/Account/Login");
        return LocalRedirect(await pending.NextAsync(HttpContext, db, ct));
    }

    private void Show(PendingSignIn pending, string? newSecret)
    {
        UserName = pending.User.UserName!;
        Enrolling = newSecret is not null;
        Secret = newSecret;
        ProtectedSecret = newSecret is null ? null : Protector.Protect(newSecret, TimeSpan.FromMinutes(10));
        ModelState.Remove(nameof(ProtectedSecret));
    }

    private string? Unprotect()
    {
        try
        {
            return ProtectedSecret is null ? null : Protector.Unprotect(ProtectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
