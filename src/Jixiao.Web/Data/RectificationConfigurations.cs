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

/// <summary>预算挂钩建议: one per next year's proposal; both projects are kept (a project with a suggestion cannot be deleted).</summary>
internal sealed class BudgetLinkConfiguration : IEntityTypeConfiguration<Domain.BudgetLinks.BudgetLink>
{
    public void Configure(EntityTypeBuilder<Domain.BudgetLinks.BudgetLink> b)
    {
        b.ToTable("BudgetLinks");
        b.Property(l => l.RegionCode).HasMaxLength(6);
        b.Property(l => l.Grade).HasMaxLength(12);
        b.Property(l => l.Basis).HasMaxLength(24);
        b.Property(l => l.BasisTitle).HasMaxLength(200);
        b.Property(l => l.SuggestedAction).HasMaxLength(12);
        b.Property(l => l.SuggestedThisYear).HasMaxLength(12);
        b.Property(l => l.DecidedAction).HasMaxLength(12);
        b.Property(l => l.DecidedThisYear).HasMaxLength(12);
        b.Property(l => l.State).HasMaxLength(12);
        b.Property(l => l.Explanation).HasMaxLength(1000);
        b.Property(l => l.Reason).HasMaxLength(Domain.BudgetLinks.BudgetLink.ReasonLimit);
        b.Property(l => l.DecidedBy).HasMaxLength(256);
        foreach (var money in new[] { nameof(Domain.BudgetLinks.BudgetLink.Requested), nameof(Domain.BudgetLinks.BudgetLink.CurrentBudget),
                     nameof(Domain.BudgetLinks.BudgetLink.Executed), nameof(Domain.BudgetLinks.BudgetLink.SuggestedBudget),
                     nameof(Domain.BudgetLinks.BudgetLink.SuggestedThisYearAmount), nameof(Domain.BudgetLinks.BudgetLink.DecidedBudget),
                     nameof(Domain.BudgetLinks.BudgetLink.DecidedThisYearAmount) })
            b.Property(money).HasConversion(Fen.Converter);
        b.Property(l => l.Version).IsConcurrencyToken().HasDefaultValue(0);
        b.Ignore(l => l.Budget);
        b.Ignore(l => l.Action);
        b.Ignore(l => l.Reduction);
        b.HasIndex(l => l.ProposalProjectId).IsUnique();
        b.HasIndex(l => l.BasisProjectId);
        b.HasIndex(l => new { l.RegionCode, l.FiscalYear, l.State });
        b.HasIndex(l => new { l.OrgUnitId, l.FiscalYear });
        b.HasOne<Project>().WithMany().HasForeignKey(l => l.ProposalProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(l => l.BasisProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BudgetLinkSettingConfiguration : IEntityTypeConfiguration<Domain.BudgetLinks.BudgetLinkSetting>
{
    public void Configure(EntityTypeBuilder<Domain.BudgetLinks.BudgetLinkSetting> b)
    {
        b.ToTable("BudgetLinkSettings");
        b.Property(s => s.RegionCode).HasMaxLength(6);
        b.HasIndex(s => new { s.RegionCode, s.FiscalYear }).IsUnique();
    }
}
