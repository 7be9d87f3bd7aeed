using Jixiao.Domain;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Account;

/// <summary>我的 API 令牌: a user issues tokens for their own scripts and revokes them.</summary>
public sealed class TokensModel(JixiaoDbContext db, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int Days { get; set; } = 90;
    public string? IssuedToken { get; private set; }
    public List<TokenDto> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Tokens = await SecurityActions.Project(db.ApiTokens.Where(t => t.UserId == current.UserId), clock.GetUtcNow().UtcDateTime).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = await db.Users.SingleAsync(u => u.Id == current.UserId, ct);
        try
        {
            IssuedToken = (await IssueToken.ForUserAsync(db, clock, me, Name, Days, ct)).Token;
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? "", e.Message);
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long tokenId, CancellationToken ct)
    {
        var mine = await db.ApiTokens.AnyAsync(t => t.Id == tokenId && t.UserId == current.UserId, ct);
        if (!mine) return NotFound();
        await SecurityActions.RevokeAsync(db, tokenId, clock.GetUtcNow().UtcDateTime, ct);
        return RedirectToPage();
    }
}
