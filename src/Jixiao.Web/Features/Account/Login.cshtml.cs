using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Account;

/// <summary>Password sign-in; the second factor and a required password change follow on their own pages.</summary>
[AllowAnonymous]
public sealed class LoginModel(PasswordSignIn passwords, SignInThrottle throttle, SystemDbContext db) : PageModel
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
        if (!throttle.TryAcquire(HttpContext, UserName))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", SignInThrottle.Refused);
            return Page();
        }
        var outcome = await passwords.CheckAsync(UserName, Password, "网页登录", ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("", PasswordSignIn.GenericFailure);
            return Page();
        }
        var next = await PendingSignIn.ContinueAsync(HttpContext, db, outcome.User!, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/", ct);
        return LocalRedirect(next);
    }
}
