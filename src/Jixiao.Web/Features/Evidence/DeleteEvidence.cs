using Jixiao.Domain.Evidence;

namespace Jixiao.Web.Features.Evidence;

public static partial class EvidenceWork
{
    /// <summary>
    /// Marks a file deleted (its row and content stay, for the audit trail and a later dispute): by its uploader or finance, while
    /// the owner is open. False when the user cannot see it (404).
    /// </summary>
    public static async Task<bool> DeleteAsync(JixiaoDbContext db, CurrentUser user, long fileId, DateTime nowUtc, CancellationToken ct)
    {
        if (await FindFileAsync(db, fileId, ct) is not { } found) return false;
        var (file, owner) = found;
        if (EvidenceRules.RefuseDelete(owner, file.FileName, file.UploadedById, file.UploadedByName, user.UserId, user.Scope.Roles) is { } refusal) throw refusal;
        file.DeletedAtUtc = nowUtc;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
