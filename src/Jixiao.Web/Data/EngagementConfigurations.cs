using Jixiao.Domain.Budget;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Panels;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

/// <summary>委托 with its subjects, draw record and stages (with their history) as one aggregate: the parts are owned, so they
/// are read and scoped only through their engagement.</summary>
internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> b)
    {
        b.ToTable("Engagements");
        b.Property(e => e.RegionCode).HasMaxLength(6);
        b.Property(e => e.Code).HasMaxLength(40);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Scope).HasMaxLength(24);
        b.Property(e => e.State).HasMaxLength(12);
        b.Property(e => e.ContractNo).HasMaxLength(60);
        b.Property(e => e.Fee).HasConversion(Fen.Converter);
        b.Property(e => e.Procurement).HasMaxLength(28);
        b.Property(e => e.AgencyName).HasMaxLength(200);
        b.Property(e => e.DrawSeed).HasMaxLength(40);
        b.Property(e => e.DrawnBy).HasMaxLength(64);
        // Added in 2026-12 to tables with rows: the defaults fill them.
        b.Property(e => e.ReportScores).HasMaxLength(2000).HasDefaultValue("");
        b.Property(e => e.ReportScore).HasPrecision(9, 2);
        b.Property(e => e.ReportScoreExplanation).HasMaxLength(2000).HasDefaultValue("");
        b.Property(e => e.ReportScoredBy).HasMaxLength(64).HasDefaultValue("");
        b.Property(e => e.Revision).IsConcurrencyToken();
        b.Ignore(e => e.EvaluatedOrgIds);
        b.Ignore(e => e.ReportConfirmed);
        b.HasIndex(e => new { e.RegionCode, e.FiscalYear, e.Code }).IsUnique();
        b.HasIndex(e => new { e.AgencyId, e.State });
        b.OwnsMany(e => e.Subjects, s => SubjectColumns.Configure(s, "EngagementSubjects", nameof(EngagementSubject.EngagementId)));
        b.OwnsMany(e => e.Draw, d =>
        {
            d.ToTable("EngagementDrawEntries");
            d.WithOwner().HasForeignKey(x => x.EngagementId);
            d.HasKey(x => x.Id);
            d.Property(x => x.AgencyName).HasMaxLength(200);
            d.Property(x => x.Number).HasMaxLength(64);
            d.Property(x => x.Exclusions).HasMaxLength(1000);
            d.Property(x => x.Outcome).HasMaxLength(12);
            d.Property(x => x.OutcomeReason).HasMaxLength(1000);
            d.HasIndex(x => new { x.EngagementId, x.AgencyId }).IsUnique();
        });
        b.OwnsMany(e => e.Stages, s =>
        {
            s.ToTable("DeliverableStages");
            s.WithOwner().HasForeignKey(x => x.EngagementId);
            s.HasKey(x => x.Id);
            s.Property(x => x.Name).HasMaxLength(20);
            s.Property(x => x.State).HasMaxLength(12);
            s.Ignore(x => x.Awaiting);
            s.HasIndex(x => new { x.EngagementId, x.Number }).IsUnique();
            s.HasIndex(x => new { x.State, x.DueOn }); // overdue to-do lists
            s.OwnsMany(x => x.Events, v =>
            {
                v.ToTable("DeliverableStageEvents");
                v.WithOwner().HasForeignKey(x => x.StageId);
                v.HasKey(x => x.Id);
                v.Property(x => x.Kind).HasMaxLength(12);
                v.Property(x => x.Party).HasMaxLength(8);
                v.Property(x => x.UserName).HasMaxLength(64);
                v.Property(x => x.Note).HasMaxLength(1000);
                v.HasIndex(x => new { x.StageId, x.Seq }).IsUnique();
            });
        });
    }
}

/// <summary>An expert panel with its members (owned: read and scoped through the panel).</summary>
internal sealed class PanelConfiguration : IEntityTypeConfiguration<Panel>
{
    public void Configure(EntityTypeBuilder<Panel> b)
    {
        b.ToTable("Panels");
        b.Property(p => p.RegionCode).HasMaxLength(6);
        b.Property(p => p.Purpose).HasMaxLength(20);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Seed).HasMaxLength(40);
        b.Property(p => p.Quotas).HasMaxLength(1000);
        b.Property(p => p.Form).HasMaxLength(2000);
        b.Property(p => p.State).HasMaxLength(12);
        b.Property(p => p.Result).HasPrecision(9, 2);
        b.Property(p => p.ResultExplanation).HasMaxLength(1000);
        b.Property(p => p.Persons).HasMaxLength(2000).HasDefaultValue("");
        b.Property(p => p.CreatedBy).HasMaxLength(64).HasDefaultValue("");
        b.Property(p => p.DueOn).HasDefaultValue(DateOnly.MinValue);
        b.Property(p => p.Revision).IsConcurrencyToken();
        b.Ignore(p => p.ScoringForm);
        b.Ignore(p => p.PersonSet);
        b.Ignore(p => p.EvaluatedOrgIds);
        b.Ignore(p => p.QuotaList);
        b.OwnsMany(p => p.Subjects, s => SubjectColumns.Configure(s, "PanelSubjects", nameof(PanelSubject.PanelId)));
        b.HasIndex(p => new { p.RegionCode, p.FiscalYear, p.Purpose });
        b.HasOne<Engagement>().WithMany().HasForeignKey(p => p.EngagementId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(p => p.Members, m =>
        {
            m.ToTable("PanelMembers");
            m.WithOwner().HasForeignKey(x => x.PanelId);
            m.HasKey(x => x.Id);
            m.Property(x => x.ExpertName).HasMaxLength(64);
            m.Property(x => x.Field).HasMaxLength(30);
            m.Property(x => x.ReplacedReason).HasMaxLength(1000);
            m.Property(x => x.Scores).HasMaxLength(2000);
            m.Property(x => x.Total).HasPrecision(9, 2);
            m.Property(x => x.Opinion).HasMaxLength(2000);
            m.Ignore(x => x.Sitting);
            m.Ignore(x => x.Given);
            m.HasIndex(x => x.ExpertId);
        });
    }
}

/// <summary>A region-year's third-party rules (one row at most per region and year).</summary>
internal sealed class EngagementSettingConfiguration : IEntityTypeConfiguration<EngagementSetting>
{
    public void Configure(EntityTypeBuilder<EngagementSetting> b)
    {
        b.ToTable("EngagementSettings");
        b.Property(s => s.RegionCode).HasMaxLength(6);
        b.Property(s => s.Stages).HasMaxLength(400);
        b.Property(s => s.ReportForm).HasMaxLength(2000);
        b.Property(s => s.QualityWeight).HasPrecision(5, 4);
        b.Property(s => s.TimelinessWeight).HasPrecision(5, 4);
        b.Property(s => s.MinRating).HasPrecision(5, 2);
        b.Ignore(s => s.StagePlan);
        b.Ignore(s => s.ReportQuality);
        b.Ignore(s => s.RatingWeights);
        b.Ignore(s => s.LotteryRules);
        b.HasIndex(s => new { s.RegionCode, s.FiscalYear }).IsUnique();
    }
}

/// <summary>What an engagement or a panel covers (a project, a department, a policy with its organisation): the same columns and keys.</summary>
internal static class SubjectColumns
{
    public static void Configure<TOwner, TSubject>(OwnedNavigationBuilder<TOwner, TSubject> s, string table, string ownerKey)
        where TOwner : class where TSubject : class
    {
        s.ToTable(table);
        s.WithOwner().HasForeignKey(ownerKey);
        s.HasKey("Id");
        s.Property<SubjectKind>("Kind").HasMaxLength(12);
        s.Property<string>("Name").HasMaxLength(200);
        s.HasIndex("OrgUnitId");
        s.HasOne<OrgUnit>().WithMany().HasForeignKey("OrgUnitId").OnDelete(DeleteBehavior.Restrict);
        s.HasOne<Project>().WithMany().HasForeignKey("ProjectId").OnDelete(DeleteBehavior.Restrict);
    }
}
