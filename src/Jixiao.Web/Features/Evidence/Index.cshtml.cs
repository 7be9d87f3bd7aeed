using Jixiao.Domain.Evidence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Evidence;

/// <summary>
/// The files of one owner, and where the partial <c>_Evidence</c> on the owner's page posts: an upload or a delete goes back to
/// the page it came from; a refusal shows this page with the message above the form.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.EvidenceParties)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, TimeProvider clock, IOptions<EvidenceLimits> limits, IEvidenceStore store) : PageModel
{
    public EvidenceList List { get; private set; } = null!;
    public string OwnerPage { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string owner, long id, CancellationToken ct)
    {
        if (EvidenceOwners.BySegment(owner) is not { } registration || await EvidenceWork.ListAsync(db, user, registration.Kind, id, ct) is not { } list)
            return NotFound();
        List = list;
        OwnerPage = registration.Page(id);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(string owner, long id, IFormFile? file, string? note, string? returnUrl, CancellationToken ct)
    {
        if (EvidenceOwners.BySegment(owner) is not { } registration) return NotFound();
        if (file is null) throw new DomainException("请选择要上传的文件。", "附件");
        await using var content = file.OpenReadStream();
        var item = await EvidenceWork.UploadAsync(db, store, user, limits.Value, registration.Kind, id, file.FileName, content, note,
            clock.GetUtcNow().UtcDateTime, ct);
        if (item is null) return NotFound();
        TempData[EvidencePanel.Done] = $"已上传附件《{item.FileName}》。";
        return Back(registration, id, returnUrl);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string owner, long id, long fileId, string? returnUrl, CancellationToken ct)
    {
        if (EvidenceOwners.BySegment(owner) is not { } registration) return NotFound();
        if (!await EvidenceWork.DeleteAsync(db, user, fileId, clock.GetUtcNow().UtcDateTime, ct)) return NotFound();
        TempData[EvidencePanel.Done] = "已删除附件。";
        return Back(registration, id, returnUrl);
    }

    private RedirectResult Back(EvidenceOwners.Registration registration, long id, string? returnUrl) =>
        Redirect(Url.IsLocalUrl(returnUrl) ? returnUrl + "#evidence" : registration.Page(id) + "#evidence");
}

/// <summary>What the partial <c>_Evidence.cshtml</c> shows: an owner's files and, for its writers, the upload form.</summary>
public static class EvidencePanel
{
    public const string Done = "EvidenceDone";
}
