using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jixiao.Web.Data;

/// <summary>Money is decimal 元 in the domain and whole 分 (bigint) in the database, so sums are exact on both engines.</summary>
internal static class Fen
{
    public static readonly ValueConverter<decimal, long> Converter = new(v => Money.ToFen(v), v => Money.FromFen(v));
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.ToTable("Projects");
        b.Property(p => p.RegionCode).HasMaxLength(6);
        b.Property(p => p.Code).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Level).HasMaxLength(16);
        b.Property(p => p.Category).HasMaxLength(20);
        b.Property(p => p.Recurrence).HasMaxLength(16);
        b.Property(p => p.Status).HasMaxLength(16);
        b.Property(p => p.BudgetKind).HasMaxLength(20);
        b.Property(p => p.Transfer).HasMaxLength(16);
        // Flags as a number, so "holds 地方政府债券" is a bit test. The default only says what SQLite's added column
        // (migration 0009) declares; it equals the CLR default, so nothing is inserted differently.
        b.Property(p => p.Tags).HasConversion<int>().HasDefaultValue(FundTags.None);
        // Added in 2026-12 (事前评估) to a table with rows: the defaults fill them.
        b.Property(p => p.RequestedAmount).HasConversion(Fen.Converter).HasDefaultValue(0m);
        b.Property(p => p.MajorPolicy).HasDefaultValue(false);
        b.HasIndex(p => new { p.RegionCode, p.FiscalYear, p.Code }).IsUnique();
        b.HasIndex(p => new { p.RegionCode, p.FiscalYear, p.DepartmentId });
        b.HasIndex(p => new { p.RegionCode, p.FiscalYear, p.OrgUnitId });
        b.HasIndex(p => p.ParentId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerMovementConfiguration : IEntityTypeConfiguration<LedgerMovement>
{
    public void Configure(EntityTypeBuilder<LedgerMovement> b)
    {
        b.ToTable("LedgerMovements");
        b.Property(m => m.RegionCode).HasMaxLength(6);
        b.Property(m => m.Kind).HasMaxLength(20);
        b.Property(m => m.Amount).HasConversion(Fen.Converter);
        b.Property(m => m.DocumentNo).HasMaxLength(60);
        b.Property(m => m.Reason).HasMaxLength(500);
        b.HasIndex(m => new { m.RegionCode, m.FiscalYear, m.DocumentNo, m.ProjectId, m.Kind }).IsUnique();
        b.HasIndex(m => new { m.ProjectId, m.Date });
        b.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(m => m.CounterpartProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("Payments");
        b.Property(p => p.RegionCode).HasMaxLength(6);
        b.Property(p => p.Amount).HasConversion(Fen.Converter);
        b.Property(p => p.DocumentNo).HasMaxLength(60);
        b.Property(p => p.Summary).HasMaxLength(200);
        b.HasIndex(p => new { p.RegionCode, p.FiscalYear, p.DocumentNo }).IsUnique();
        b.HasIndex(p => new { p.ProjectId, p.Date });
        b.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>暂缓拨付 of a project: from a date until released; the payment import reads a year's holds at once.</summary>
internal sealed class PaymentHoldConfiguration : IEntityTypeConfiguration<PaymentHold>
{
    public void Configure(EntityTypeBuilder<PaymentHold> b)
    {
        b.ToTable("PaymentHolds");
        b.Property(h => h.RegionCode).HasMaxLength(6);
        b.Property(h => h.Amount).HasConversion(Fen.Converter);
        b.Property(h => h.DocumentNo).HasMaxLength(60);
        b.Property(h => h.Reason).HasMaxLength(1000);
        b.Property(h => h.HeldBy).HasMaxLength(256);
        b.Property(h => h.ReleaseReason).HasMaxLength(1000);
        b.Property(h => h.ReleasedBy).HasMaxLength(256);
        b.Ignore(h => h.IsReleased);
        b.Property(h => h.Version).IsConcurrencyToken().HasDefaultValue(0);
        b.HasIndex(h => new { h.RegionCode, h.FiscalYear });
        b.HasIndex(h => h.ProjectId);
        b.HasIndex(h => h.CorrectiveActionId).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(h => h.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Monitoring.CorrectiveAction>().WithMany().HasForeignKey(h => h.CorrectiveActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectTotalsConfiguration : IEntityTypeConfiguration<ProjectTotals>
{
    public void Configure(EntityTypeBuilder<ProjectTotals> b)
    {
        b.ToTable("ProjectTotals");
        b.HasKey(t => t.ProjectId);
        b.Property(t => t.ProjectId).ValueGeneratedNever();
        b.Property(t => t.RegionCode).HasMaxLength(6);
        b.Property(t => t.Initial).HasConversion(Fen.Converter);
        b.Property(t => t.Adjusted).HasConversion(Fen.Converter);
        b.Property(t => t.Executed).HasConversion(Fen.Converter);
        b.HasIndex(t => new { t.RegionCode, t.FiscalYear, t.LatestDate });
        b.HasOne<Project>().WithOne().HasForeignKey<ProjectTotals>(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectListVersionConfiguration : IEntityTypeConfiguration<ProjectListVersion>
{
    public void Configure(EntityTypeBuilder<ProjectListVersion> b)
    {
        b.ToTable("ProjectListVersions");
        b.HasKey(v => new { v.RegionCode, v.FiscalYear });
        b.Property(v => v.RegionCode).HasMaxLength(6);
    }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.ToTable("ImportBatches");
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Summary).HasMaxLength(1000);
        b.HasIndex(x => new { x.RegionCode, x.FiscalYear, x.Id });
    }
}
