using Jixiao.Domain.Budget;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Panels;
using Jixiao.Domain.Engagements;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

/// <summary>部门评价 / 财政重点评价 with its subjects, framework items (and scores) and findings as one aggregate: the parts are owned,
/// so they are read and scoped only through their plan.</summary>
internal sealed class EvaluationPlanConfiguration : IEntityTypeConfiguration<EvaluationPlan>
{
    public void Configure(EntityTypeBuilder<EvaluationPlan> b)
    {
        b.ToTable("EvaluationPlans");
        b.Property(p => p.RegionCode).HasMaxLength(6);
        b.Property(p => p.Code).HasMaxLength(40);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Kind).HasMaxLength(12);
        b.Property(p => p.SubjectKind).HasMaxLength(12);
        b.Property(p => p.Evaluator).HasMaxLength(12);
        b.Property(p => p.Source).HasMaxLength(12);
        b.Property(p => p.SourceNote).HasMaxLength(500);
        b.Property(p => p.State).HasMaxLength(12);
        b.Property(p => p.Report).HasMaxLength(60000);
        b.Property(p => p.Total).HasPrecision(9, 2);
        b.Property(p => p.Grade).HasMaxLength(12);
        b.Property(p => p.ScoreExplanation).HasMaxLength(2000);
        b.Property(p => p.ScoredBy).HasMaxLength(200);
        b.Property(p => p.ConcludedBy).HasMaxLength(64);
        b.Property(p => p.CancelReason).HasMaxLength(1000);
        b.Property(p => p.CreatedBy).HasMaxLength(64);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Framework);
        b.Ignore(p => p.Amount);
        b.Ignore(p => p.ProjectIds);
        b.Ignore(p => p.Sections);
        b.Ignore(p => p.ScoredPoints);
        b.Ignore(p => p.FullyScored);
        b.HasIndex(p => new { p.RegionCode, p.FiscalYear, p.Code }).IsUnique();
        b.HasIndex(p => new { p.RegionCode, p.FiscalYear, p.Kind, p.State });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Engagement>().WithMany().HasForeignKey(p => p.EngagementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Panel>().WithMany().HasForeignKey(p => p.PanelId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(p => p.Subjects, s =>
        {
            SubjectColumns.Configure(s, "EvaluationPlanSubjects", nameof(PlanSubject.PlanId));
            s.Property(x => x.Amount).HasConversion(Fen.Converter);
            s.HasIndex(x => x.ProjectId);
        });
        b.OwnsMany(p => p.Items, i =>
        {
            i.ToTable("EvaluationPlanItems");
            i.WithOwner().HasForeignKey(x => x.PlanId);
            i.HasKey(x => x.Id);
            i.Property(x => x.Level1).HasMaxLength(40);
            i.Property(x => x.Level2).HasMaxLength(40);
            i.Property(x => x.Name).HasMaxLength(40);
            i.Property(x => x.Points).HasPrecision(5, 1);
            i.Property(x => x.Standard).HasMaxLength(1000);
            i.Property(x => x.Basis).HasMaxLength(1000);
            i.Property(x => x.Score).HasPrecision(5, 1);
            i.Property(x => x.Note).HasMaxLength(1000);
            i.HasIndex(x => new { x.PlanId, x.Seq }).IsUnique();
        });
        b.Navigation(p => p.Items).AutoInclude(false);
        b.OwnsMany(p => p.Findings, f =>
        {
            f.ToTable("EvaluationPlanFindings");
            f.WithOwner().HasForeignKey(x => x.PlanId);
            f.HasKey(x => x.Id);
            f.Property(x => x.Problem).HasMaxLength(1000);
            f.Property(x => x.Cause).HasMaxLength(1000);
            f.Property(x => x.Suggestion).HasMaxLength(1000);
            f.Property(x => x.Amount).HasConversion(Fen.Converter);
            f.HasIndex(x => new { x.PlanId, x.Seq }).IsUnique();
            f.HasIndex(x => x.ProjectId);
            f.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Navigation(p => p.Findings).AutoInclude(false);
    }
}

/// <summary>A region-year's evaluation settings (one row at most per region and year).</summary>
internal sealed class EvaluationPlanSettingConfiguration : IEntityTypeConfiguration<EvaluationPlanSetting>
{
    public void Configure(EntityTypeBuilder<EvaluationPlanSetting> b)
    {
        b.ToTable("EvaluationPlanSettings");
        b.Property(s => s.RegionCode).HasMaxLength(6);
        b.Property(s => s.CoverageShare).HasPrecision(5, 4);
        b.Property(s => s.ProjectFramework).HasMaxLength(40000);
        b.Property(s => s.DepartmentFramework).HasMaxLength(40000);
        b.Property(s => s.PolicyFramework).HasMaxLength(40000);
        b.HasIndex(s => new { s.RegionCode, s.FiscalYear }).IsUnique();
    }
}
