using Jixiao.Domain.Access;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Security;

[Authorize(Policy = nameof(Role.SecurityAdmin))]
public sealed class IndexModel(JixiaoDbContext db, TimeProvider clock) : PageModel
{
    public List<UserDto> Locked { get; private set; } = [];
    public List<TokenDto> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Locked = await SaveUser.LockedAsync(db, now, ct);
        Tokens = await SecurityActions.Project(db.ApiTokens.Where(t => t.RevokedAtUtc == null && t.ExpiresAtUtc > now), now).Take(200).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostUnlockAsync(long userId, CancellationToken ct) =>
        await SecurityActions.UnlockAsync(db, userId, ct) ? RedirectToPage() : NotFound();

    public async Task<IActionResult> OnPostRevokeAsync(long tokenId, CancellationToken ct) =>
        await SecurityActions.RevokeAsync(db, tokenId, clock.GetUtcNow().UtcDateTime, ct) ? RedirectToPage() : NotFound();
}
