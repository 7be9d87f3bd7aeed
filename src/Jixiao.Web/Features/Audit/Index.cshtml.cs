using Jixiao.Domain.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Audit;

[Authorize(Policy = nameof(Role.AuditAdmin))]
public sealed class IndexModel(JixiaoDbContext db, BusinessClock calendar) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Operator { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 0, 1, 50);
    public AuditVerification? Verification { get; private set; }

    /// <summary>The export form's range: the filter's dates, or the last 30 days (Beijing).</summary>
    public DateOnly ExportTo => To ?? calendar.Today;
    public DateOnly ExportFrom => From ?? ExportTo.AddDays(-29);

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Result = await AuditQueries.PageAsync(db, new AuditFilter(Region, Operator, EntityType, Action, From, To, PageNumber), ct);
        }
        catch (Domain.DomainException e)
        {
            ModelState.AddModelError(nameof(To), e.Message);
        }
    }

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await AuditVerifier.VerifyAsync(db, ct, string.IsNullOrWhiteSpace(Region) ? null : Region);
        await OnGetAsync(ct);
    }

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["Region"] = Region, ["Operator"] = Operator, ["EntityType"] = EntityType, ["Action"] = Action?.ToString(),
            ["From"] = From?.ToString("yyyy-MM-dd"), ["To"] = To?.ToString("yyyy-MM-dd"), ["PageNumber"] = page.ToString(),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
}
