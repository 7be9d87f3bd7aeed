using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Web.Data;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("Regions");
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(6);
        b.Property(r => r.Name).HasMaxLength(50);
        b.Property(r => r.ParentCode).HasMaxLength(6);
        b.Property(r => r.Level).HasMaxLength(16);
        b.HasIndex(r => r.ParentCode);
    }
}

internal sealed class FiscalYearConfiguration : IEntityTypeConfiguration<FiscalYear>
{
    public void Configure(EntityTypeBuilder<FiscalYear> b)
    {
        b.ToTable("FiscalYears");
        b.HasKey(y => new { y.RegionCode, y.Year });
        b.Property(y => y.RegionCode).HasMaxLength(6);
        b.Property(y => y.Status).HasMaxLength(16);
        b.HasOne<Region>().WithMany().HasForeignKey(y => y.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("OrgUnits");
        b.Property(o => o.RegionCode).HasMaxLength(6);
        b.Property(o => o.Code).HasMaxLength(32);
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.Kind).HasMaxLength(16);
        b.Property(o => o.DivisionKind).HasMaxLength(16);
        b.HasIndex(o => new { o.RegionCode, o.Code }).IsUnique();
        b.HasIndex(o => o.ParentId);
        b.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DivisionAssignmentConfiguration : IEntityTypeConfiguration<DivisionAssignment>
{
    public void Configure(EntityTypeBuilder<DivisionAssignment> b)
    {
        b.ToTable("DivisionAssignments");
        b.Property(d => d.RegionCode).HasMaxLength(6);
        b.HasIndex(d => new { d.RegionCode, d.FiscalYear, d.DepartmentId }).IsUnique();
        b.HasIndex(d => d.DivisionId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.DivisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.ToTable("Users");
        b.Property(u => u.DisplayName).HasMaxLength(50);
        b.Property(u => u.RegionCode).HasMaxLength(6);
        b.HasIndex(u => new { u.RegionCode, u.OrgUnitId });
        b.HasOne<Region>().WithMany().HasForeignKey(u => u.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Agencies.Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Experts.Expert>().WithMany().HasForeignKey(u => u.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.Property(u => u.TotpSecret).HasMaxLength(64);
        b.Property(u => u.PasswordSetByAdministrator).HasDefaultValue(false);
        b.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdentityTablesConfiguration :
    IEntityTypeConfiguration<IdentityUserClaim<long>>,
    IEntityTypeConfiguration<IdentityUserLogin<long>>,
    IEntityTypeConfiguration<IdentityUserToken<long>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<long>> b) => b.ToTable("UserClaims");
    public void Configure(EntityTypeBuilder<IdentityUserLogin<long>> b) => b.ToTable("UserLogins");
    public void Configure(EntityTypeBuilder<IdentityUserToken<long>> b) => b.ToTable("UserTokens");
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<UserRoleAssignment>
{
    public void Configure(EntityTypeBuilder<UserRoleAssignment> b)
    {
        b.ToTable("UserRoles");
        b.Property(r => r.RegionCode).HasMaxLength(6);
        b.Property(r => r.Role).HasMaxLength(32);
        b.HasIndex(r => new { r.UserId, r.Role }).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.Role });
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(t => t.RegionCode).HasMaxLength(6);
        b.Property(t => t.Name).HasMaxLength(50);
        b.Property(t => t.Prefix).HasMaxLength(12);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.Property(t => t.RevokedReason).HasMaxLength(100);
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.Property(s => s.RegionCode).HasMaxLength(6);
        b.Property(s => s.KeyHash).HasMaxLength(64);
        b.Property(s => s.EndReason).HasMaxLength(100);
        b.Property(s => s.ClientAddress).HasMaxLength(64);
        b.Property(s => s.UserAgent).HasMaxLength(256);
        b.HasIndex(s => s.KeyHash).IsUnique();
        b.HasIndex(s => new { s.UserId, s.EndedAtUtc });
        b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PasswordHistoryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> b)
    {
        b.ToTable("PasswordHistory");
        b.Property(h => h.RegionCode).HasMaxLength(6);
        b.HasIndex(h => new { h.UserId, h.ReplacedAtUtc });
        b.HasOne<AppUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> b)
    {
        b.ToTable("RecoveryCodes");
        b.Property(c => c.RegionCode).HasMaxLength(6);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.HasIndex(c => c.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SecuritySettingConfiguration : IEntityTypeConfiguration<SecuritySetting>
{
    public void Configure(EntityTypeBuilder<SecuritySetting> b)
    {
        b.ToTable("SecuritySettings");
        b.HasKey(s => s.RegionCode);
        b.Property(s => s.RegionCode).HasMaxLength(6);
        b.Property(s => s.UpdatedBy).HasMaxLength(64);
        b.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.RegionCode).HasMaxLength(6);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(16);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.Property(a => a.ClientAddress).HasMaxLength(45);
        b.HasIndex(a => new { a.RegionCode, a.Sequence }).IsUnique();
        b.HasIndex(a => new { a.RegionCode, a.OccurredAtUtc });
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("AuditChainHeads");
        b.HasKey(h => h.ChainKey);
        b.Property(h => h.ChainKey).HasMaxLength(6);
        b.Property(h => h.Hash).HasMaxLength(64);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.Property(k => k.FriendlyName).HasMaxLength(100);
    }
}
