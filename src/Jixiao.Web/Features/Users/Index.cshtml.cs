using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Users;

[Authorize(Policy = nameof(Domain.Access.Role.SystemAdmin))]
public sealed class IndexModel(JixiaoDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Role? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public List<UserDto> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Users.AsQueryable();
        if (Role is { } role) query = query.Where(u => u.Roles.Any(r => r.Role == role));
        if (!string.IsNullOrWhiteSpace(Keyword)) query = query.Where(u => u.UserName!.Contains(Keyword) || u.DisplayName.Contains(Keyword));
        if (Status == "inactive") query = query.Where(u => !u.IsActive);
        Users = await SaveUser.ListAsync(db, query.OrderBy(u => u.RegionCode).ThenBy(u => u.UserName).Take(1000), clock.GetUtcNow().UtcDateTime, ct);
    }
}
