using Jixiao.Domain.Disclosure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

internal sealed class PublicationBatchConfiguration : IEntityTypeConfiguration<PublicationBatch>
{
    public void Configure(EntityTypeBuilder<PublicationBatch> b)
    {
        b.ToTable("PublicationBatches");
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Kind).HasMaxLength(24);
        b.Property(x => x.Title).HasMaxLength(PublicationBatch.TitleLimit);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.FiscalYear, x.Kind });
    }
}

/// <summary>Published snapshots: never updated; the portal reads only these (and the batches), never the forms they were taken from.</summary>
internal sealed class PublishedItemConfiguration : IEntityTypeConfiguration<PublishedItem>
{
    public void Configure(EntityTypeBuilder<PublishedItem> b)
    {
        b.ToTable("PublishedItems");
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Kind).HasMaxLength(24);
        b.Property(x => x.SourceKey).HasMaxLength(64);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.DepartmentCode).HasMaxLength(64);
        b.Property(x => x.Department).HasMaxLength(200);
        b.Property(x => x.Unit).HasMaxLength(200);
        b.Property(x => x.Category).HasMaxLength(32);
        b.Property(x => x.Summary).HasMaxLength(200);
        b.Property(x => x.Amount).HasConversion(Fen.Converter);
        // a version is published once
        b.HasIndex(x => new { x.RegionCode, x.FiscalYear, x.Kind, x.SourceKey, x.Version }).IsUnique();
        b.HasIndex(x => new { x.BatchId, x.DepartmentCode, x.Code });
        b.HasOne<PublicationBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WithholdingConfiguration : IEntityTypeConfiguration<Withholding>
{
    public void Configure(EntityTypeBuilder<Withholding> b)
    {
        b.ToTable("Withholdings");
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Kind).HasMaxLength(24);
        b.Property(x => x.SourceKey).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(DisclosureSetting.ReasonLimit);
        b.Property(x => x.Note).HasMaxLength(Withholding.NoteLimit);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => new { x.RegionCode, x.FiscalYear, x.Kind, x.SourceKey }).IsUnique();
    }
}

internal sealed class DisclosureSettingConfiguration : IEntityTypeConfiguration<DisclosureSetting>
{
    public void Configure(EntityTypeBuilder<DisclosureSetting> b)
    {
        b.ToTable("DisclosureSettings");
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Reasons).HasMaxLength(1000);
        b.Ignore(x => x.ReasonList);
        b.HasIndex(x => new { x.RegionCode, x.FiscalYear }).IsUnique();
    }
}
