using Jixiao.Domain.Reviews;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

internal sealed class WorkflowSettingConfiguration : IEntityTypeConfiguration<WorkflowSetting>
{
    public void Configure(EntityTypeBuilder<WorkflowSetting> b)
    {
        b.ToTable("WorkflowSettings");
        b.Property(s => s.RegionCode).HasMaxLength(6);
        b.Property(s => s.DocumentPrefix).HasMaxLength(Domain.Monitoring.DocumentNumber.MaxPrefixLength);
        b.Property(s => s.NoticeDaysBefore).HasDefaultValue(Domain.Notices.NoticeRules.DefaultDaysBefore);
        b.HasIndex(s => new { s.RegionCode, s.FiscalYear }).IsUnique();
    }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> b)
    {
        b.ToTable("DocumentCounters");
        b.HasKey(c => new { c.RegionCode, c.FiscalYear });
        b.Property(c => c.RegionCode).HasMaxLength(6);
    }
}

internal static class StepMapping
{
    /// <summary>The stamped steps of a review chain (<see cref="ChainStep{TState,TAction}"/>), keyed by the item and the step number.</summary>
    public static void MapSteps<TOwner, TStep>(this OwnedNavigationBuilder<TOwner, TStep> s, string table, string ownerKey, int actionLength)
        where TOwner : class where TStep : class
    {
        s.ToTable(table);
        s.WithOwner().HasForeignKey(ownerKey);
        s.Property<long>(ownerKey);
        s.HasKey(ownerKey, nameof(FormStep.Seq));
        s.Property(nameof(FormStep.Seq)).ValueGeneratedNever();
        s.Property(nameof(FormStep.Action)).HasMaxLength(actionLength);
        s.Property(nameof(FormStep.FromState)).HasMaxLength(20);
        s.Property(nameof(FormStep.ToState)).HasMaxLength(20);
        s.Property(nameof(FormStep.Role)).HasMaxLength(24);
        s.Property(nameof(FormStep.UserName)).HasMaxLength(256);
        s.Property(nameof(FormStep.Opinion)).HasMaxLength(1000);
        s.HasIndex(nameof(FormStep.UserId)); // 已办: the items a user acted on
    }
}
