using Jixiao.Domain.Evidence;

namespace Jixiao.Web.Features.Evidence;

/// <summary>One file as lists and the API show it.</summary>
public sealed record EvidenceItem(long Id, string FileName, EvidenceKind Kind, long Size, string Sha256, string UploadedBy, DateTime UploadedAtUtc,
    string Note, bool MayDelete)
{
    public string SizeText => Size >= 1024 * 1024 ? $"{Size / 1024.0 / 1024.0:0.#} MB" : $"{Math.Max(1, Size / 1024)} KB";
}

/// <summary>The files of one owner, and whether the user may add to them (with the reason when not).</summary>
public sealed record EvidenceList(EvidenceOwner Owner, string Segment, long OwnerId, string Title, bool MayAttach, string? AttachRefusal,
    IReadOnlyList<EvidenceItem> Files);

/// <summary>The use cases of evidence files (ADR 0009): upload, list, download, delete. The owner's scope is the files' scope.</summary>
public static partial class EvidenceWork
{
    /// <summary>How many files (not deleted) an owner has now: what its page shows and what a submission that needs one checks.</summary>
    public static Task<int> CountAsync(JixiaoDbContext db, EvidenceOwner kind, long ownerId, CancellationToken ct) =>
        db.EvidenceFiles.CountAsync(f => f.OwnerKind == kind && f.OwnerId == ownerId && f.DeletedAtUtc == null, ct);

    /// <summary>A file not deleted, with its owner's facts, when the user can load the owner; null otherwise (404).</summary>
    private static async Task<(EvidenceFile File, EvidenceOwnerFacts Owner)?> FindFileAsync(JixiaoDbContext db, long fileId, CancellationToken ct)
    {
        var file = await db.EvidenceFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.DeletedAtUtc == null, ct);
        if (file is null || await EvidenceOwners.Of(file.OwnerKind).Find(db, file.OwnerId, ct) is not { } owner) return null;
        return (file, owner);
    }

    public static async Task<EvidenceList?> ListAsync(JixiaoDbContext db, CurrentUser user, EvidenceOwner kind, long ownerId, CancellationToken ct)
    {
        var registration = EvidenceOwners.Of(kind);
        if (await registration.Find(db, ownerId, ct) is not { } owner) return null;
        var files = await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.OwnerKind == kind && f.OwnerId == ownerId && f.DeletedAtUtc == null)
            .OrderBy(f => f.UploadedAtUtc).ThenBy(f => f.Id)
            .ToListAsync(ct);
        var refusal = EvidenceRules.RefuseAttach(owner, user.Scope.Roles);
        return new EvidenceList(kind, registration.Segment, ownerId, owner.Title, refusal is null, refusal?.Message,
            files.Select(f => Item(f, EvidenceRules.RefuseDelete(owner, f.FileName, f.UploadedById, f.UploadedByName, user.UserId, user.Scope.Roles) is null)).ToList());
    }

    private static EvidenceItem Item(EvidenceFile f, bool mayDelete) =>
        new(f.Id, f.FileName, f.Kind, f.Size, f.Sha256, f.UploadedByName, f.UploadedAtUtc, f.Note, mayDelete);
}
