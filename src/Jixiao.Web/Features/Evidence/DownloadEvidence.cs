using Jixiao.Domain.Audit;
using Jixiao.Web.Features.Audit;

namespace Jixiao.Web.Features.Evidence;

public static partial class EvidenceWork
{
    /// <summary>
    /// The file to send, when the user can see its owner (null: 404); the download is in the audit trail before a byte is sent.
    /// The content is then streamed by <see cref="IEvidenceStore.CopyToAsync"/>.
    /// </summary>
    public static async Task<EvidenceFile?> OpenAsync(JixiaoDbContext db, long fileId, CancellationToken ct)
    {
        if (await FindFileAsync(db, fileId, ct) is not { } found) return null;
        var file = found.File;
        await db.RecordEventAsync(AuditAction.Downloaded, nameof(EvidenceFile), file.Id, file.RegionCode,
            $"{file.FileName}（{file.Size} 字节，SHA-256 {file.Sha256}）", ct);
        return file;
    }
}
