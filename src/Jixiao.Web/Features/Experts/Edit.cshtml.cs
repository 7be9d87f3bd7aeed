using System.ComponentModel.DataAnnotations;
using Jixiao.Domain.Experts;
using Jixiao.Domain.Organisation;
using Jixiao.Web.Features.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Experts;

/// <summary>
/// 新增 or 修改 an expert (the performance division): fields, title, organisation — linked to one of the region's units or
/// departments when it is inside the county — contact, and the organisations and persons the expert stands aside for.
/// </summary>
[Authorize(Policy = nameof(Role.PerformanceDivision))]
public sealed class EditModel(JixiaoDbContext db, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty, Display(Name = "姓名")] public string? Name { get; set; }
    /// <summary>行业领域 codes, ticked.</summary>
    [BindProperty, Display(Name = "行业领域")] public List<string> Fields { get; set; } = [];
    [BindProperty, Display(Name = "职称")] public string? Title { get; set; }
    [BindProperty, Display(Name = "工作单位")] public string? Organisation { get; set; }
    [BindProperty] public long? OrgUnitId { get; set; }
    [BindProperty, Display(Name = "联系电话")] public string? Phone { get; set; }
    [BindProperty, Display(Name = "电子邮箱")] public string? Email { get; set; }
    [BindProperty, Display(Name = "回避单位")] public List<long> AvoidOrgUnitIds { get; set; } = [];
    /// <summary>One per line, or separated by 、.</summary>
    [BindProperty, Display(Name = "回避人员")] public string? AvoidPersons { get; set; }

    /// <summary>The region's departments and units, "code name", to link the organisation and to avoid.</summary>
    public List<(long Id, string Name)> Orgs { get; private set; } = [];
    /// <summary>The avoided organisations ticked, by name, so that those out of sight in the list are seen.</summary>
    public List<string> Avoided { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var region = user.RegionCode ?? "";
        if (Id is { } id)
        {
            if (await ExpertWork.FindAsync(db, id, ct) is not { } e) return NotFound();
            region = e.RegionCode;
            if (HttpMethods.IsGet(Request.Method))
            {
                (Name, Fields, Title, Organisation, OrgUnitId, Phone, Email, AvoidOrgUnitIds) =
                    (e.Name, e.Fields, e.Title, e.Organisation, e.OrgUnitId, e.Phone, e.Email, e.AvoidOrgUnitIds);
                AvoidPersons = string.Join("\n", e.AvoidPersons);
            }
        }
        Orgs = (await db.OrgUnits.AsNoTracking().Where(o => o.RegionCode == region && (o.Kind == OrgKind.Department || o.Kind == OrgKind.Unit))
                .OrderBy(o => o.Code).Select(o => new { o.Id, o.Code, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, $"{o.Code} {o.Name}")).ToList();
        Avoided = Orgs.Where(o => AvoidOrgUnitIds.Contains(o.Id)).Select(o => o.Name).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var details = new ExpertDetails(Name ?? "", Fields, Title ?? "", Organisation ?? "", OrgUnitId, Phone ?? "", Email ?? "", AvoidOrgUnitIds,
            RegisterImport.List(AvoidPersons ?? ""));
        if (Id is { } id)
            return await ExpertWork.UpdateAsync(db, id, details, ct) is null ? NotFound() : Redirect($"/Experts/Details/{id}");
        var created = await ExpertWork.CreateAsync(db, user, details, ct);
        return Redirect($"/Experts/Details/{created.Id}");
    }
}
