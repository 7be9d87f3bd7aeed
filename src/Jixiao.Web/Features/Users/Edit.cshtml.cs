using Jixiao.Web.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Users;

[Authorize(Policy = nameof(Role.SystemAdmin))]
public sealed class EditModel(JixiaoDbContext db, UserManager<AppUser> users, TimeProvider clock, CurrentUser actor) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public long? OrgUnitId { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public List<Role> SelectedRoles { get; set; } = [];
    [BindProperty] public bool IsActive { get; set; } = true;
    [BindProperty] public string? Password { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "电子邮箱")] public string? Email { get; set; }

    /// <summary>An administrator account: only its name can be changed here (三员分立).</summary>
    public bool IsAdminAccount => Id is not null && SelectedRoles.Any(Roles.Administrators.Contains);

    public List<OrgDto> Orgs { get; private set; } = [];
    public List<RegionDto> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var user = (await SaveUser.ListAsync(db, db.Users.Where(u => u.Id == id), clock.GetUtcNow().UtcDateTime, ct)).SingleOrDefault();
            if (user is null) return NotFound();
            if (HttpMethods.IsGet(Request.Method))
                (UserName, DisplayName, OrgUnitId, RegionCode, SelectedRoles, IsActive, Email) =
                    (user.UserName, user.DisplayName, user.OrgUnitId, user.RegionCode, user.Roles.ToList(), user.IsActive, user.Email);
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var command = new SaveUser.Command(UserName, DisplayName, OrgUnitId, SelectedRoles, IsActive, Password, RegionCode, Email);
        if (Id is { } id)
        {
            if (await SaveUser.UpdateAsync(db, users, actor.Scope.Roles, id, command, ct) is null) return NotFound();
        }
        else
        {
            await SaveUser.CreateAsync(db, users, clock, actor.Scope.Roles, command, ct);
        }
        return Redirect("/Users");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Orgs = await OrganisationQueries.ListAsync(db, null, null, null, ct);
        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new RegionDto(r.Code, r.Name, r.ParentCode, r.Level)).ToListAsync(ct);
    }
}
