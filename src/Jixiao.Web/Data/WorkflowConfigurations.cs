using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

internal sealed class WorkflowSettingConfiguration : IEntityTypeConfiguration<WorkflowSetting>
{
    public void Configure(EntityTypeBuilder<WorkflowSetting> b)
    {
        b.ToTable("WorkflowSettings");
        b.Property(s => s.RegionCode).HasMaxLength(6);
        b.Property(s => s.DocumentPrefix).HasMaxLength(Domain.Monitoring.DocumentNumber.MaxPrefixLength);
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
