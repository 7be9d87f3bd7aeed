using Jixiao.Domain.Indicators;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

internal sealed class PerformanceTargetConfiguration : IEntityTypeConfiguration<PerformanceTarget>
{
    public void Configure(EntityTypeBuilder<PerformanceTarget> b)
    {
        b.ToTable("PerformanceTargets");
        b.Property(t => t.RegionCode).HasMaxLength(6);
        b.Property(t => t.Subject).HasMaxLength(16);
        b.Property(t => t.SubjectKey).HasMaxLength(40);
        b.Property(t => t.State).HasMaxLength(20);
        b.Property(t => t.OverallGoal).HasMaxLength(2000);
        b.Property(t => t.AnnualGoal).HasMaxLength(2000);
        b.Property(t => t.UpdatedAtUtc).IsConcurrencyToken();
        b.Ignore(t => t.IsLocked);
        b.Ignore(t => t.ReturnReason);
        b.HasIndex(t => new { t.SubjectKey, t.Version }).IsUnique();
        b.HasIndex(t => new { t.RegionCode, t.FiscalYear, t.State });
        b.HasIndex(t => new { t.OrgUnitId, t.FiscalYear });
        b.HasIndex(t => new { t.DepartmentId, t.State });
        b.HasIndex(t => t.ProjectId);
        b.HasOne<Project>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(t => t.Indicators, i =>
        {
            i.ToTable("TargetIndicators");
            i.WithOwner().HasForeignKey("TargetId");
            i.Property<long>("TargetId");
            // A generated key: saving a form replaces the rows (delete the old, insert the new).
            i.Property<long>("Id");
            i.HasKey("Id");
            i.HasIndex("TargetId", nameof(TargetIndicator.Row)).IsUnique();
            i.Property(x => x.Level1).HasMaxLength(20);
            i.Property(x => x.Level2).HasMaxLength(30);
            i.Property(x => x.Name).HasMaxLength(200);
            i.Property(x => x.Comparison).HasMaxLength(16);
            i.Property(x => x.TargetValue).HasMaxLength(200);
            i.Property(x => x.Unit).HasMaxLength(30);
            i.Property(x => x.Basis).HasMaxLength(16);
            i.Property(x => x.Direction).HasMaxLength(16);
            i.Property(x => x.Weight).HasPrecision(9, 2);
            i.Property(x => x.Explanation).HasMaxLength(1000);
            i.Property(x => x.ScoringStandard).HasMaxLength(1000);
        });
        b.Navigation(t => t.Indicators).AutoInclude(false);
        b.OwnsMany(t => t.Steps, s =>
        {
            s.MapSteps("TargetReviewSteps", "TargetId", actionLength: 16);
            s.Property(x => x.Grade).HasMaxLength(12);
        });
        b.Navigation(t => t.Steps).AutoInclude(false);
    }
}

internal sealed class IndicatorFrameSettingConfiguration : IEntityTypeConfiguration<IndicatorFrameSetting>
{
    public void Configure(EntityTypeBuilder<IndicatorFrameSetting> b)
    {
        b.ToTable("IndicatorFrameSettings");
        b.Property(f => f.RegionCode).HasMaxLength(6);
        b.Property(f => f.FrameCode).HasMaxLength(16);
        b.Property(f => f.CustomText).HasMaxLength(2000);
        b.Ignore(f => f.Frame);
        b.HasIndex(f => new { f.RegionCode, f.FiscalYear }).IsUnique();
    }
}

internal sealed class IndicatorLibraryEntryConfiguration : IEntityTypeConfiguration<IndicatorLibraryEntry>
{
    public void Configure(EntityTypeBuilder<IndicatorLibraryEntry> b)
    {
        b.ToTable("IndicatorLibrary");
        b.Property(e => e.Kind).HasMaxLength(12);
        b.Property(e => e.Sector).HasMaxLength(40);
        b.Property(e => e.Level1).HasMaxLength(20);
        b.Property(e => e.Level2).HasMaxLength(30);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Comparison).HasMaxLength(16);
        b.Property(e => e.ExampleValue).HasMaxLength(200);
        b.Property(e => e.Unit).HasMaxLength(30);
        b.Property(e => e.Explanation).HasMaxLength(1000);
        b.Property(e => e.ScoringStandard).HasMaxLength(1000);
        b.Property(e => e.OriginRegion).HasMaxLength(60);
        b.Property(e => e.Status).HasMaxLength(12);
        b.Property(e => e.ProposedBy).HasMaxLength(256);
        b.Property(e => e.DecidedBy).HasMaxLength(256);
        b.Property(e => e.DecisionNote).HasMaxLength(1000);
        b.HasIndex(e => new { e.Status, e.Sector, e.Level2 });
        b.HasOne<Project>().WithMany().HasForeignKey(e => e.OriginProjectId).OnDelete(DeleteBehavior.SetNull);
    }
}
