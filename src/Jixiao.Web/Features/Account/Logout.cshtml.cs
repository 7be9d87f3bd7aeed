using Jixiao.Domain.Audit;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn, SystemDbContext db, CurrentUser current) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = current.UserId is { } id ? await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct) : null;
        await signIn.SignOutAsync();
        if (user is not null) await db.RecordEventAsync(AuditAction.Logout, user, user.UserName!, null, ct);
        return RedirectToPage("/Account/Login");
    }
}
