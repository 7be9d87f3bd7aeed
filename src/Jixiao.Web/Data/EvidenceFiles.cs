using Jixiao.Domain.Organisation;
using Jixiao.Domain.Evidence;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

/// <summary>
/// One evidence file (附件) attached to a record (ADR 0009): what it is, who uploaded it, its SHA-256. The bytes are in
/// <see cref="EvidenceChunk"/> rows. Scoped by region here; whether a user sees it is whether they can load its owner.
/// A deleted file is kept (<see cref="DeletedAtUtc"/>), listed and sent no more.
/// </summary>
public sealed class EvidenceFile : IRegionOwned
{
    public long Id { get; set; }
    public string RegionCode { get; set; } = "";
    /// <summary>The owner's fiscal year, when it has one.</summary>
    public int? FiscalYear { get; set; }
    public EvidenceOwner OwnerKind { get; set; }
    public long OwnerId { get; set; }
    /// <summary>Cleaned (<see cref="EvidenceName.Clean"/>).</summary>
    public string FileName { get; set; } = "";
    public EvidenceKind Kind { get; set; }
    public long Size { get; set; }
    /// <summary>Lower-case hex of the content's SHA-256.</summary>
    public string Sha256 { get; set; } = "";
    public long? UploadedById { get; set; }
    public string UploadedByName { get; set; } = "";
    public DateTime UploadedAtUtc { get; set; }
    public string Note { get; set; } = "";
    public DateTime? DeletedAtUtc { get; set; }
}

/// <summary>One piece of a file's content, <see cref="EvidenceStore.ChunkBytes"/> long except the last; read and written one at a time.</summary>
public sealed class EvidenceChunk
{
    public long FileId { get; set; }
    public int Index { get; set; }
    public byte[] Bytes { get; set; } = [];
}

/// <summary>Where the content of evidence files is kept (ADR 0009): the database by default, so every app node reads the same files.</summary>
public interface IEvidenceStore
{
    /// <summary>Writes the content of a saved <see cref="EvidenceFile"/>, inside the context's open transaction when there is one.</summary>
    Task WriteAsync(long fileId, Stream content, CancellationToken ct);

    Task CopyToAsync(long fileId, Stream destination, CancellationToken ct);
}

/// <summary>
/// Content as 1 MiB rows of <c>EvidenceChunks</c>: a write inserts one chunk at a time on the context's transaction (no change
/// tracking, no audit record of the bytes — the file's row is audited), a read sends one chunk at a time, so memory per
/// transfer stays at a chunk or two whatever the file's size.
/// </summary>
public sealed class EvidenceStore(JixiaoDbContext db) : IEvidenceStore
{
    public const int ChunkBytes = 1024 * 1024;

    public async Task WriteAsync(long fileId, Stream content, CancellationToken ct)
    {
        var buffer = new byte[ChunkBytes];
        for (var index = 0; ; index++)
        {
            var read = await content.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, ct);
            if (read == 0) return;
            await BulkInsert.InsertAsync(db, [new EvidenceChunk { FileId = fileId, Index = index, Bytes = read == ChunkBytes ? buffer : buffer[..read] }], ct);
            if (read < ChunkBytes) return;
        }
    }

    public async Task CopyToAsync(long fileId, Stream destination, CancellationToken ct)
    {
        for (var index = 0; ; index++)
        {
            var i = index;
            var bytes = await db.EvidenceChunks.AsNoTracking().Where(c => c.FileId == fileId && c.Index == i).Select(c => c.Bytes).FirstOrDefaultAsync(ct);
            if (bytes is null) return;
            await destination.WriteAsync(bytes, ct);
        }
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable("EvidenceFiles");
        b.Property(f => f.RegionCode).HasMaxLength(6);
        b.Property(f => f.OwnerKind).HasMaxLength(20);
        b.Property(f => f.FileName).HasMaxLength(EvidenceName.MaxLength);
        b.Property(f => f.Kind).HasMaxLength(8);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.UploadedByName).HasMaxLength(256);
        b.Property(f => f.Note).HasMaxLength(500);
        b.HasIndex(f => new { f.OwnerKind, f.OwnerId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceChunkConfiguration : IEntityTypeConfiguration<EvidenceChunk>
{
    public void Configure(EntityTypeBuilder<EvidenceChunk> b)
    {
        b.ToTable("EvidenceChunks");
        b.HasKey(c => new { c.FileId, c.Index });
        b.HasOne<EvidenceFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}
