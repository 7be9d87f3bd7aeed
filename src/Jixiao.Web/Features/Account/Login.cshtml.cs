using System.ComponentModel.DataAnnotations;
using Jixiao.Domain.Audit;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, SystemDbContext db) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入用户名")]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请输入密码"), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await signIn.UserManager.FindByNameAsync(UserName.Trim());
        if (user is null || !user.IsActive)
        {
            await db.RecordEventAsync(AuditAction.LoginFailed, null, UserName.Trim(), user is null ? "用户不存在" : "账号已停用", ct);
            ModelState.AddModelError("", "用户名或密码错误。");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await db.RecordEventAsync(AuditAction.Login, user, user.UserName!, "网页登录", ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            await db.RecordEventAsync(AuditAction.LockedOut, user, user.UserName!, "连续密码错误，账号锁定", ct);
            ModelState.AddModelError("", $"账号已被锁定：连续 {AuthSetup.MaxFailedAttempts} 次密码错误，请 {AuthSetup.LockoutDuration.TotalMinutes:0} 分钟后再试，或联系安全管理员解锁。");
            return Page();
        }
        await db.RecordEventAsync(AuditAction.LoginFailed, user, user.UserName!, "密码错误", ct);
        var left = AuthSetup.MaxFailedAttempts - await signIn.UserManager.GetAccessFailedCountAsync(user);
        ModelState.AddModelError("", $"用户名或密码错误。再错 {left} 次账号将被锁定 {AuthSetup.LockoutDuration.TotalMinutes:0} 分钟。");
        return Page();
    }
}
