using Jixiao.Domain.Budget;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

internal sealed class MonitoringRoundConfiguration : IEntityTypeConfiguration<MonitoringRound>
{
    public void Configure(EntityTypeBuilder<MonitoringRound> b)
    {
        b.ToTable("MonitoringRounds");
        b.Property(r => r.RegionCode).HasMaxLength(6);
        b.Property(r => r.Title).HasMaxLength(100);
        b.Property(r => r.State).HasMaxLength(12);
        b.Ignore(r => r.TimeProgress);
        b.HasIndex(r => new { r.RegionCode, r.FiscalYear, r.Month });
    }
}

internal sealed class MonitoringTaskConfiguration : IEntityTypeConfiguration<MonitoringTask>
{
    public void Configure(EntityTypeBuilder<MonitoringTask> b)
    {
        b.ToTable("MonitoringTasks");
        b.Property(t => t.RegionCode).HasMaxLength(6);
        b.Property(t => t.Subject).HasMaxLength(16);
        b.Property(t => t.State).HasMaxLength(20);
        b.Property(t => t.Budget).HasConversion(Fen.Converter);
        b.Property(t => t.Executed).HasConversion(Fen.Converter);
        b.Property(t => t.ExpectedExecution).HasConversion(Fen.Converter);
        b.Property(t => t.ExecutionCause).HasMaxLength(16);
        b.Property(t => t.ExecutionMeasures).HasMaxLength(1000);
        b.Property(t => t.ExecutionLight).HasMaxLength(8);
        b.Property(t => t.ExecutionExplanation).HasMaxLength(300);
        b.Property(t => t.Light).HasMaxLength(8);
        b.Property(t => t.LightReason).HasMaxLength(1000);
        b.Property(t => t.UpdatedAtUtc).IsConcurrencyToken();
        b.Ignore(t => t.ExecutionRate);
        b.Ignore(t => t.IsSubmitted);
        b.Ignore(t => t.ReturnReason);
        b.HasIndex(t => new { t.RoundId, t.DepartmentId, t.State });
        b.HasIndex(t => new { t.RoundId, t.Light });
        b.HasIndex(t => new { t.RoundId, t.State }); // inboxes: the returns at one step of a round
        b.HasIndex(t => new { t.OrgUnitId, t.RoundId });
        b.HasIndex(t => new { t.RoundId, t.ProjectId }).IsUnique();
        b.HasIndex(t => t.ProjectId);
        b.HasOne<MonitoringRound>().WithMany().HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Project>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PerformanceTarget>().WithMany().HasForeignKey(t => t.TargetId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(t => t.Rows, r =>
        {
            r.ToTable("MonitoringReturnRows");
            r.WithOwner().HasForeignKey("TaskId");
            r.Property<long>("TaskId");
            // A generated key: saving a return replaces its rows.
            r.Property<long>("Id");
            r.HasKey("Id");
            r.HasIndex("TaskId", nameof(ReturnRow.Row)).IsUnique();
            r.Property(x => x.Level1).HasMaxLength(20);
            r.Property(x => x.Level2).HasMaxLength(30);
            r.Property(x => x.Name).HasMaxLength(200);
            r.Property(x => x.Comparison).HasMaxLength(16);
            r.Property(x => x.TargetValue).HasMaxLength(200);
            r.Property(x => x.Unit).HasMaxLength(30);
            r.Property(x => x.Actual).HasMaxLength(200);
            r.Property(x => x.Outcome).HasMaxLength(16);
            r.Property(x => x.Expected).HasMaxLength(200);
            r.Property(x => x.Cause).HasMaxLength(16);
            r.Property(x => x.Likelihood).HasMaxLength(12);
            r.Property(x => x.Measures).HasMaxLength(1000);
            r.Property(x => x.Light).HasMaxLength(8);
            r.Property(x => x.Explanation).HasMaxLength(400);
            r.Ignore(x => x.IsFilled);
        });
        b.Navigation(t => t.Rows).AutoInclude(false);
        b.OwnsMany(t => t.Steps, s => s.MapSteps("MonitoringReturnSteps", "TaskId", actionLength: 12));
        b.Navigation(t => t.Steps).AutoInclude(false);
    }
}

internal sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> b)
    {
        b.ToTable("CorrectiveActions");
        b.Property(a => a.RegionCode).HasMaxLength(6);
        b.Property(a => a.Kind).HasMaxLength(20);
        b.Property(a => a.Amount).HasConversion(Fen.Converter);
        b.Property(a => a.DocumentNo).HasMaxLength(60);
        b.Property(a => a.Reason).HasMaxLength(1000);
        b.Property(a => a.RecordedBy).HasMaxLength(256);
        b.Ignore(a => a.MovesMoney);
        b.HasIndex(a => a.ProjectId);
        b.HasIndex(a => a.TaskId);
        b.HasIndex(a => new { a.RegionCode, a.FiscalYear, a.Kind });
        b.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(a => a.CounterpartProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MonitoringTask>().WithMany().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WarningRuleSettingConfiguration : IEntityTypeConfiguration<WarningRuleSetting>
{
    public void Configure(EntityTypeBuilder<WarningRuleSetting> b)
    {
        b.ToTable("WarningRuleSettings");
        b.Property(s => s.RegionCode).HasMaxLength(6);
        b.Property(s => s.ExecutionMode).HasMaxLength(8);
        foreach (var p in new[] { "RatioRed", "RatioYellow", "GapYellow", "GapRed", "IndicatorRed", "IndicatorYellow", "IndicatorBlue" })
            b.Property<decimal>(p).HasPrecision(7, 2);
        b.Ignore(s => s.Rules);
        b.HasIndex(s => new { s.RegionCode, s.FiscalYear }).IsUnique();
    }
}
