using Jixiao.Web.Features.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Account;

public sealed record SessionDto(long Id, string ClientAddress, string UserAgent, DateTime CreatedAtUtc, DateTime LastSeenAtUtc, bool IsThisOne);

/// <summary>我的会话与令牌: a user sees where they are signed in and ends sessions; issues tokens for their scripts and revokes them.</summary>
public sealed class TokensModel(JixiaoDbContext db, CurrentUser current, TimeProvider clock, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int Days { get; set; } = 90;
    public string? IssuedToken { get; private set; }
    public List<TokenDto> Tokens { get; private set; } = [];
    public List<SessionDto> Sessions { get; private set; } = [];
    public bool TwoFactorEnabled { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Tokens = await SecurityActions.Project(db.ApiTokens.Where(t => t.UserId == current.UserId), now).ToListAsync(ct);
        var thisOne = UserSessions.Current(HttpContext);
        var idleSince = now - AuthSetup.IdleTimeout;
        Sessions = (await db.UserSessions.AsNoTracking()
                .Where(s => s.UserId == current.UserId && s.EndedAtUtc == null && s.LastSeenAtUtc > idleSince)
                .OrderByDescending(s => s.LastSeenAtUtc).ToListAsync(ct))
            .Select(s => new SessionDto(s.Id, s.ClientAddress, s.UserAgent, s.CreatedAtUtc, s.LastSeenAtUtc, s.Id == thisOne)).ToList();
        TwoFactorEnabled = await db.Users.Where(u => u.Id == current.UserId).Select(u => u.TwoFactorEnabled).SingleAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = await db.Users.SingleAsync(u => u.Id == current.UserId, ct);
        IssuedToken = (await IssueToken.ForUserAsync(db, clock, me, Name, Days, ct)).Token;
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

    public async Task<IActionResult> OnPostEndSessionAsync(long sessionId, CancellationToken ct)
    {
        if (!await UserSessions.EndAsync(db, sessionId, current.UserId!.Value, "用户在“我的会话与令牌”中结束", clock.GetUtcNow().UtcDateTime, ct))
            return NotFound();
        if (sessionId != UserSessions.Current(HttpContext)) return RedirectToPage();
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
