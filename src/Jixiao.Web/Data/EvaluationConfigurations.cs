using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

internal sealed class SelfEvaluationConfiguration : IEntityTypeConfiguration<SelfEvaluation>
{
    public void Configure(EntityTypeBuilder<SelfEvaluation> b)
    {
        b.ToTable("SelfEvaluations");
        b.Property(e => e.RegionCode).HasMaxLength(6);
        b.Property(e => e.Subject).HasMaxLength(16);
        b.Property(e => e.State).HasMaxLength(20);
        b.Property(e => e.AnnualGoal).HasMaxLength(2000);
        b.Property(e => e.GoalCompletion).HasMaxLength(2000);
        foreach (var money in new[] { nameof(SelfEvaluation.InitialBudget), nameof(SelfEvaluation.LedgerAdjustedBudget), nameof(SelfEvaluation.LedgerExecuted),
                     nameof(SelfEvaluation.AdjustedBudget), nameof(SelfEvaluation.Executed) })
            b.Property<decimal>(money).HasConversion(Fen.Converter);
        foreach (var score in new[] { nameof(SelfEvaluation.ExecutionWeight), nameof(SelfEvaluation.ExecutionScore), nameof(SelfEvaluation.Total) })
            b.Property<decimal?>(score).HasPrecision(9, 2);
        foreach (var score in new[] { nameof(SelfEvaluation.ReferenceExecutionWeight), nameof(SelfEvaluation.ReferenceExecutionScore),
                     nameof(SelfEvaluation.ReferenceTotal), nameof(SelfEvaluation.MaxScore) })
            b.Property<decimal>(score).HasPrecision(9, 2);
        b.Property(e => e.ExecutionExplanation).HasMaxLength(400);
        b.Property(e => e.ExecutionWeightReason).HasMaxLength(500).HasDefaultValue("");
        b.Property(e => e.ReferenceGrade).HasMaxLength(12);
        b.Property(e => e.UpdatedAtUtc).IsConcurrencyToken();
        b.Ignore(e => e.ExecutionRate);
        b.Ignore(e => e.Grade);
        b.Ignore(e => e.HasBlockingFindings);
        b.Ignore(e => e.ReturnReason);
        b.HasIndex(e => new { e.RegionCode, e.FiscalYear, e.State });
        b.HasIndex(e => new { e.OrgUnitId, e.FiscalYear });
        b.HasIndex(e => new { e.DepartmentId, e.State });
        b.HasIndex(e => e.ProjectId).IsUnique();
        b.HasIndex(e => e.TargetId).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PerformanceTarget>().WithMany().HasForeignKey(e => e.TargetId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(e => e.Rows, r =>
        {
            r.ToTable("SelfEvaluationRows");
            r.WithOwner().HasForeignKey("EvaluationId");
            r.Property<long>("EvaluationId");
            // A generated key: saving a form replaces its rows.
            r.Property<long>("Id");
            r.HasKey("Id");
            r.HasIndex("EvaluationId", nameof(SelfEvaluationRow.Row)).IsUnique();
            r.Property(x => x.Level1).HasMaxLength(20);
            r.Property(x => x.Level2).HasMaxLength(30);
            r.Property(x => x.Name).HasMaxLength(200);
            r.Property(x => x.Comparison).HasMaxLength(16);
            r.Property(x => x.TargetValue).HasMaxLength(200);
            r.Property(x => x.Unit).HasMaxLength(30);
            r.Property(x => x.WeightBasis).HasMaxLength(200);
            r.Property(x => x.Actual).HasMaxLength(200);
            r.Property(x => x.Outcome).HasMaxLength(16);
            r.Property(x => x.Reason).HasMaxLength(1000);
            r.Property(x => x.Attainment).HasMaxLength(12);
            r.Property(x => x.Explanation).HasMaxLength(1000);
            r.Property(x => x.ActualProblem).HasMaxLength(300);
            r.Property(x => x.Direction).HasMaxLength(16);
            r.Ignore(x => x.TargetProblem);
            r.Ignore(x => x.ActualNote);
            foreach (var score in new[] { nameof(SelfEvaluationRow.TargetWeight), nameof(SelfEvaluationRow.Weight), nameof(SelfEvaluationRow.Score),
                         nameof(SelfEvaluationRow.Completion) })
                r.Property<decimal?>(score).HasPrecision(12, 4);
            r.Property(x => x.ReferenceWeight).HasPrecision(9, 2);
            r.Property(x => x.ReferenceScore).HasPrecision(9, 2);
            r.Ignore(x => x.IsQualitative);
            r.Ignore(x => x.IsFilled);
        });
        b.Navigation(e => e.Rows).AutoInclude(false);
        b.OwnsMany(e => e.Steps, s => s.MapSteps("SelfEvaluationSteps", "EvaluationId", actionLength: 12));
        b.Navigation(e => e.Steps).AutoInclude(false);
        b.OwnsMany(e => e.Findings, f =>
        {
            f.ToTable("SelfEvaluationFindings");
            f.WithOwner().HasForeignKey("EvaluationId");
            f.Property<long>("EvaluationId");
            f.Property<long>("Id");
            f.HasKey("Id");
            f.HasIndex("EvaluationId");
            f.Property(x => x.Kind).HasMaxLength(32);
            f.Property(x => x.Message).HasMaxLength(500);
        });
        b.Navigation(e => e.Findings).AutoInclude(false);
    }
}

internal sealed class EvaluationWeightSettingConfiguration : IEntityTypeConfiguration<EvaluationWeightSetting>
{
    public void Configure(EntityTypeBuilder<EvaluationWeightSetting> b)
    {
        b.ToTable("EvaluationWeightSettings");
        b.Property(s => s.RegionCode).HasMaxLength(6);
        foreach (var p in new[] { "Execution", "Output", "Benefit", "Satisfaction", "Cost", "Total", "OverAchievementPercent", "ReferenceGap",
                     "DistortionGap", "QualityWeight", "IndicatorWeight" })
            b.Property<decimal>(p).HasPrecision(9, 4);
        b.Property(s => s.ReverseVocabulary).HasMaxLength(2000).HasDefaultValue("");
        b.Ignore(s => s.Weights);
        b.HasIndex(s => new { s.RegionCode, s.FiscalYear }).IsUnique();
    }
}

internal sealed class SpotCheckDrawConfiguration : IEntityTypeConfiguration<SpotCheckDraw>
{
    public void Configure(EntityTypeBuilder<SpotCheckDraw> b)
    {
        b.ToTable("SpotCheckDraws");
        b.Property(d => d.RegionCode).HasMaxLength(6);
        b.Property(d => d.Algorithm).HasMaxLength(60);
        b.Property(d => d.MinAmount).HasConversion(Fen.Converter);
        b.Property(d => d.MaxAmount).HasConversion(Fen.Converter);
        b.Property(d => d.Ratio).HasPrecision(9, 4);
        b.Property(d => d.MustInclude).HasMaxLength(4000);
        b.Property(d => d.Explanation).HasMaxLength(1000);
        b.Property(d => d.DrawnBy).HasMaxLength(256);
        b.Ignore(d => d.Rules);
        b.HasIndex(d => new { d.RegionCode, d.FiscalYear });
        b.OwnsMany(d => d.Items, i =>
        {
            i.ToTable("SpotCheckItems");
            i.WithOwner().HasForeignKey("DrawId");
            i.Property<long>("DrawId");
            i.HasKey("DrawId", nameof(SpotCheckItem.EvaluationId));
            i.Property(x => x.Amount).HasConversion(Fen.Converter);
            foreach (var score in new[] { nameof(SpotCheckItem.QualityScore), nameof(SpotCheckItem.IndicatorScore), nameof(SpotCheckItem.ReviewScore),
                         nameof(SpotCheckItem.Gap) })
                i.Property<decimal?>(score).HasPrecision(9, 2);
            i.Property(x => x.ReviewExplanation).HasMaxLength(500);
            i.Property(x => x.ReviewedBy).HasMaxLength(256);
            i.HasIndex(x => x.EvaluationId);
            i.HasOne<SelfEvaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Navigation(d => d.Items).AutoInclude(false);
    }
}
