using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Rectifications;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

/// <summary>整改事项 with its steps (owned, read only through the item). One item per finding: the source key is unique in its region.</summary>
internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.ToTable("Rectifications");
        b.Property(r => r.RegionCode).HasMaxLength(6);
        b.Property(r => r.Subject).HasMaxLength(12);
        b.Property(r => r.Source).HasMaxLength(24);
        b.Property(r => r.SourceKey).HasMaxLength(40);
        b.Property(r => r.SourceTitle).HasMaxLength(200);
        b.Property(r => r.Problem).HasMaxLength(Rectification.TextLimit);
        b.Property(r => r.Requirement).HasMaxLength(Rectification.TextLimit);
        b.Property(r => r.Amount).HasConversion(Fen.Converter);
        b.Property(r => r.State).HasMaxLength(12);
        b.Property(r => r.Measures).HasMaxLength(Rectification.MeasuresLimit);
        b.Property(r => r.RepliedBy).HasMaxLength(256);
        b.Property(r => r.RaisedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.IsClosed);
        b.Ignore(r => r.OnTime);
        b.Ignore(r => r.ReturnReason);
        b.Ignore(r => r.Facts);
        b.HasIndex(r => new { r.RegionCode, r.SourceKey }).IsUnique().HasFilter("\"SourceKey\" IS NOT NULL");
        b.HasIndex(r => new { r.RegionCode, r.FiscalYear, r.State, r.Deadline });
        b.HasIndex(r => r.ProjectId);
        // the scope filter and the inboxes: a unit's or a department's items by state
        b.HasIndex(r => new { r.OrgUnitId, r.State });
        b.HasIndex(r => new { r.DepartmentId, r.State });
        b.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(r => r.Steps, s => s.MapSteps("RectificationSteps", "RectificationId", actionLength: 12));
        b.Navigation(r => r.Steps).AutoInclude(false);
    }
}
