using Jixiao.Domain.Budget;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Panels;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

/// <summary>One ex-ante evaluation a project (the gate asks for it by project).</summary>
internal sealed class ExAnteEvaluationConfiguration : IEntityTypeConfiguration<ExAnteEvaluation>
{
    public void Configure(EntityTypeBuilder<ExAnteEvaluation> b)
    {
        b.ToTable("ExAnteEvaluations");
        b.Property(e => e.RegionCode).HasMaxLength(6);
        b.Property(e => e.Variant).HasMaxLength(12);
        b.Property(e => e.Trigger).HasMaxLength(1200);
        b.Property(e => e.State).HasMaxLength(20);
        b.Property(e => e.RequestedAmount).HasConversion(Fen.Converter);
        b.Property(e => e.Report).HasMaxLength(24000);
        b.Property(e => e.Materials).HasMaxLength(2000);
        b.Property(e => e.OverallGoal).HasMaxLength(2000);
        b.Property(e => e.AnnualGoal).HasMaxLength(2000);
        b.Property(e => e.Indicators).HasMaxLength(40000);
        b.Property(e => e.SubmittedBy).HasMaxLength(64);
        b.Property(e => e.ReturnReason).HasMaxLength(1000);
        b.Property(e => e.Route).HasMaxLength(12);
        b.Property(e => e.Form).HasMaxLength(2000);
        b.Property(e => e.Points).HasMaxLength(2000);
        b.Property(e => e.Score).HasPrecision(9, 2);
        b.Property(e => e.ScoreExplanation).HasMaxLength(2000);
        b.Property(e => e.Conclusion).HasMaxLength(24);
        b.Property(e => e.Reasons).HasMaxLength(1000);
        b.Property(e => e.Cap).HasConversion(Fen.Converter);
        b.Property(e => e.ConcludedBy).HasMaxLength(64);
        b.Property(e => e.Revision).HasMaxLength(4000);
        b.Property(e => e.RevisedAmount).HasConversion(Fen.Converter);
        b.Property(e => e.RevisionOpinion).HasMaxLength(1000);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.Status);
        b.Ignore(e => e.GateOpen);
        b.Ignore(e => e.ReportByDimension);
        b.Ignore(e => e.MaterialList);
        b.HasIndex(e => e.ProjectId).IsUnique();
        b.HasIndex(e => new { e.RegionCode, e.FiscalYear, e.State });
        b.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Panel>().WithMany().HasForeignKey(e => e.PanelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Engagement>().WithMany().HasForeignKey(e => e.EngagementId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A region-year's ex-ante rules (one row at most per region and year).</summary>
internal sealed class ExAnteSettingConfiguration : IEntityTypeConfiguration<ExAnteSetting>
{
    public void Configure(EntityTypeBuilder<ExAnteSetting> b)
    {
        b.ToTable("ExAnteSettings");
        b.Property(s => s.RegionCode).HasMaxLength(6);
        b.Property(s => s.MinNewAmount).HasConversion(Fen.Converter);
        b.Property(s => s.ProjectForm).HasMaxLength(2000);
        b.Property(s => s.PolicyForm).HasMaxLength(2000);
        b.Property(s => s.SupportFrom).HasPrecision(5, 2);
        b.Property(s => s.AdjustFrom).HasPrecision(5, 2);
        b.Property(s => s.CapMode).HasMaxLength(8);
        b.Property(s => s.ProjectMaterials).HasMaxLength(2000);
        b.Property(s => s.PolicyMaterials).HasMaxLength(2000);
        b.Ignore(s => s.Rules);
        b.HasIndex(s => new { s.RegionCode, s.FiscalYear }).IsUnique();
    }
}
