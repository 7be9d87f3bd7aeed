using Jixiao.Web.Features.Audit;
using Jixiao.Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Account;

/// <summary>Ends this browser's session on the server, so a copy of the cookie is worthless from now on.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, SystemDbContext db, CurrentUser current, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = current.UserId is { } id ? await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct) : null;
        if (user is not null && UserSessions.Current(HttpContext) is { } session)
            await UserSessions.EndAsync(db, session, user.Id, "退出登录", clock.GetUtcNow().UtcDateTime, ct);
        await signIn.SignOutAsync();
        if (user is not null) await db.RecordEventAsync(AuditAction.Logout, user, user.UserName!, null, ct);
        return RedirectToPage("/Account/Login");
    }
}
