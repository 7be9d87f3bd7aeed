using System.Security.Cryptography;
using Jixiao.Domain.Evidence;

namespace Jixiao.Web.Features.Evidence;

public static partial class EvidenceWork
{
    /// <summary>
    /// Attaches a file: the content is copied to a scratch file as it arrives (hashed on the way, refused as soon as it passes
    /// the size limit), told apart by its bytes, then its row and its chunks are written in one transaction — a refused or
    /// failed upload leaves nothing. Null when the user cannot see the owner (404).
    /// </summary>
    public static async Task<EvidenceItem?> UploadAsync(JixiaoDbContext db, IEvidenceStore store, CurrentUser user, EvidenceLimits limits,
        EvidenceOwner kind, long ownerId, string? fileName, Stream content, string? note, DateTime nowUtc, CancellationToken ct)
    {
        if (await EvidenceOwners.Of(kind).Find(db, ownerId, ct) is not { } owner) return null;
        if (EvidenceRules.RefuseAttach(owner, user.Scope.Roles) is { } refusal) throw refusal;
        var name = EvidenceName.Tidy(fileName);
        note = (note ?? "").Trim();
        if (note.Length > 500) throw new DomainException($"附件《{name}》的说明有 {note.Length} 个字，超过 500 字的上限，请精简后再上传。", "说明");

        await using var scratch = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var sha256 = await CopyHashedAsync(content, scratch, name, limits, ct);
        var fileKind = EvidenceContent.Inspect(scratch, name, limits);

        var file = new EvidenceFile
        {
            RegionCode = owner.RegionCode, FiscalYear = owner.FiscalYear, OwnerKind = kind, OwnerId = ownerId, FileName = EvidenceName.Clean(fileName, fileKind),
            Kind = fileKind, Size = scratch.Length, Sha256 = sha256, UploadedById = user.UserId, UploadedByName = user.UserName, UploadedAtUtc = nowUtc, Note = note,
        };
        await using var transaction = await db.OwnTransactionAsync(ct);
        db.EvidenceFiles.Add(file);
        await db.SaveChangesAsync(ct);
        scratch.Position = 0;
        await store.WriteAsync(file.Id, scratch, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return Item(file, mayDelete: true);
    }

    /// <summary>Copies the upload to the scratch file and hashes it; stops at the first byte over the limit.</summary>
    private static async Task<string> CopyHashedAsync(Stream content, Stream scratch, string name, EvidenceLimits limits, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var total = 0L;
        for (int read; (read = await content.ReadAsync(buffer, ct)) > 0;)
        {
            total += read;
            if (total > limits.MaxFileBytes) EvidenceContent.EnsureSize(total, name, limits);
            hash.AppendData(buffer, 0, read);
            await scratch.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        EvidenceContent.EnsureSize(total, name, limits);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
