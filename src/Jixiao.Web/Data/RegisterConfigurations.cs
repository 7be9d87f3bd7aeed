using Jixiao.Domain.Agencies;
using Jixiao.Domain.Experts;
using Jixiao.Domain.Organisation;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.ToTable("Agencies");
        b.Property(a => a.RegionCode).HasMaxLength(6);
        b.Property(a => a.Name).HasMaxLength(100);
        b.Property(a => a.Type).HasMaxLength(20);
        b.Property(a => a.CreditCode).HasMaxLength(18);
        b.Property(a => a.ContactPerson).HasMaxLength(50);
        b.Property(a => a.ContactPhone).HasMaxLength(20);
        b.Property(a => a.ContactEmail).HasMaxLength(100);
        b.Property(a => a.Address).HasMaxLength(200);
        b.Property(a => a.Status).HasMaxLength(12);
        b.Property(a => a.StatusReason).HasMaxLength(1000);
        b.HasIndex(a => new { a.RegionCode, a.CreditCode }).IsUnique();
        b.HasIndex(a => new { a.RegionCode, a.Status });
        b.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(a => a.Qualifications, q =>
        {
            q.ToTable("AgencyQualifications");
            q.WithOwner().HasForeignKey("AgencyId");
            q.Property<long>("AgencyId");
            // A generated key: saving an agency replaces its qualifications.
            q.Property<long>("Id");
            q.HasKey("Id");
            q.HasIndex("AgencyId", nameof(AgencyQualification.Scope)).IsUnique();
            q.Property(x => x.Scope).HasMaxLength(24);
            q.Property(x => x.Certificate).HasMaxLength(200);
        });
        b.OwnsMany(a => a.Conflicts, c =>
        {
            c.ToTable("AgencyConflicts");
            c.WithOwner().HasForeignKey("AgencyId");
            c.Property<long>("AgencyId");
            c.HasKey(x => x.Id);
            c.HasIndex("AgencyId");
            c.HasIndex(x => x.OrgUnitId);
            c.Property(x => x.Source).HasMaxLength(12);
            c.Property(x => x.Note).HasMaxLength(300);
            c.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.OwnsMany(a => a.Ratings, r =>
        {
            r.ToTable("AgencyRatings");
            r.WithOwner().HasForeignKey("AgencyId");
            r.Property<long>("AgencyId");
            r.Property<long>("Id");
            r.HasKey("Id");
            r.HasIndex("AgencyId", nameof(AgencyRating.Year)).IsUnique();
            r.Property(x => x.Score).HasPrecision(5, 2);
            r.Property(x => x.Grade).HasMaxLength(12);
        });
    }
}

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.ToTable("Experts");
        b.Property(e => e.RegionCode).HasMaxLength(6);
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.Title).HasMaxLength(50);
        b.Property(e => e.Organisation).HasMaxLength(100);
        b.Property(e => e.Phone).HasMaxLength(20);
        b.Property(e => e.Email).HasMaxLength(100);
        b.Property(e => e.Status).HasMaxLength(12);
        b.Property(e => e.StatusReason).HasMaxLength(1000);
        b.Ignore(e => e.IsActive);
        b.HasIndex(e => new { e.RegionCode, e.Status });
        b.HasIndex(e => new { e.RegionCode, e.Name });
        // One person (name and phone) once in a region's pool, a withdrawn record apart (a returning expert gets a new one).
        b.HasIndex(e => new { e.RegionCode, e.Name, e.Phone }).IsUnique().HasFilter("\"Status\" <> 'Withdrawn'");
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
