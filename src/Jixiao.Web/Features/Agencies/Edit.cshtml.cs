using System.ComponentModel.DataAnnotations;
using Jixiao.Domain.Agencies;
using Jixiao.Domain.Engagements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Agencies;

/// <summary>登记 or 修改 an agency (the performance division): details and the scopes it is qualified for, with their certificates.</summary>
[Authorize(Policy = nameof(Role.PerformanceDivision))]
public sealed class EditModel(JixiaoDbContext db, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty, Display(Name = "机构名称")] public string? Name { get; set; }
    [BindProperty, Display(Name = "机构类型")] public AgencyType Type { get; set; } = AgencyType.Consulting;
    [BindProperty, Display(Name = CreditCode.Field)] public string? Code { get; set; }
    [BindProperty, Display(Name = "联系人")] public string? ContactPerson { get; set; }
    [BindProperty, Display(Name = "联系电话")] public string? ContactPhone { get; set; }
    [BindProperty, Display(Name = "电子邮箱")] public string? ContactEmail { get; set; }
    [BindProperty, Display(Name = "地址")] public string? Address { get; set; }
    [BindProperty, Display(Name = "从业人员数")] public int StaffCount { get; set; }
    /// <summary>The qualified scopes, ticked; with the certificate of each by its scope.</summary>
    [BindProperty, Display(Name = "资质范围")] public List<EngagementScope> Scopes { get; set; } = [];
    [BindProperty] public Dictionary<EngagementScope, string?> Certificates { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id && HttpMethods.IsGet(Request.Method))
        {
            if (await AgencyWork.FindAsync(db, id, ct) is not { } a) return NotFound();
            (Name, Type, Code, ContactPerson, ContactPhone, ContactEmail, Address, StaffCount) =
                (a.Name, a.Type, a.CreditCode, a.ContactPerson, a.ContactPhone, a.ContactEmail, a.Address, a.StaffCount);
            Scopes = a.Qualifications.Select(q => q.Scope).ToList();
            Certificates = a.Qualifications.ToDictionary(q => q.Scope, q => (string?)q.Certificate);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var details = new AgencyDetails(Name ?? "", Type, Code ?? "", ContactPerson ?? "", ContactPhone ?? "", ContactEmail ?? "", Address ?? "", StaffCount,
            Scopes.Distinct().Select(s => new AgencyQualification(s, Certificates.GetValueOrDefault(s) ?? "")).ToList());
        if (Id is { } id)
            return await AgencyWork.UpdateAsync(db, id, details, ct) is null ? NotFound() : Redirect($"/Agencies/Details/{id}");
        var created = await AgencyWork.CreateAsync(db, user, details, ct);
        return Redirect($"/Agencies/Details/{created.Id}");
    }
}
