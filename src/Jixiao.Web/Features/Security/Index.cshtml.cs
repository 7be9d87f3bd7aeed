using Jixiao.Web.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Security;

[Authorize(Policy = nameof(Role.SecurityAdmin))]
public sealed class IndexModel(JixiaoDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Account { get; set; }
    [BindProperty(SupportsGet = true)] public SecurityEventKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public List<UserDto> Locked { get; private set; } = [];
    public List<TokenDto> Tokens { get; private set; } = [];
    public SecurityEventPage Events { get; private set; } = new([], 0, 1, 50);

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Events = await SecurityEvents.PageAsync(db, new SecurityEventFilter(Account, Kind, From, To, PageNumber), ct);
        }
        catch (Domain.DomainException e)
        {
            ModelState.AddModelError(nameof(To), e.Message);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Locked = await SaveUser.LockedAsync(db, now, ct);
        Tokens = await SecurityActions.Project(db.ApiTokens.Where(t => t.RevokedAtUtc == null && t.ExpiresAtUtc > now), now).Take(200).ToListAsync(ct);
    }

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["Account"] = Account, ["Kind"] = Kind?.ToString(), ["From"] = From?.ToString("yyyy-MM-dd"), ["To"] = To?.ToString("yyyy-MM-dd"),
            ["PageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    public async Task<IActionResult> OnPostUnlockAsync(long userId, CancellationToken ct) =>
        await SecurityActions.UnlockAsync(db, userId, ct) ? RedirectToPage() : NotFound();

    public async Task<IActionResult> OnPostRevokeAsync(long tokenId, CancellationToken ct) =>
        await SecurityActions.RevokeAsync(db, tokenId, clock.GetUtcNow().UtcDateTime, ct) ? RedirectToPage() : NotFound();
}
