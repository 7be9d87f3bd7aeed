using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Data;

/// <summary>A person who signs in. Password hashing, lockout and security stamps come from ASP.NET Core Identity.</summary>
public sealed class AppUser : IdentityUser<long>, IRegionOwned
{
    public string DisplayName { get; set; } = "";
    public string RegionCode { get; set; } = "";
    /// <summary>The organisation the user works for; null for agencies and experts.</summary>
    public long? OrgUnitId { get; set; }
    /// <summary>The agency an agency account (第三方机构) works for: it sees that agency's record and its own engagements only.</summary>
    public long? AgencyId { get; set; }
    /// <summary>The expert record an expert account (评审专家) belongs to.</summary>
    public long? ExpertId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>When the password was last set (expiry counts from here); kept by <c>Features.Access.CredentialChanges</c>. Accounts
    /// older than this field got the time of the upgrade.</summary>
    public DateTime? PasswordChangedAtUtc { get; set; }
    /// <summary>An administrator chose the password (new account, reset): the user must change it at the next sign-in.</summary>
    public bool PasswordSetByAdministrator { get; set; }
    /// <summary>The authenticator (TOTP) secret in base32 while <see cref="IdentityUser{TKey}.TwoFactorEnabled"/>.</summary>
    public string? TotpSecret { get; set; }
    public List<UserRoleAssignment> Roles { get; set; } = [];
}

public sealed class UserRoleAssignment : IRegionOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string RegionCode { get; set; } = "";
    public Role Role { get; set; }
}

/// <summary>
/// A bearer token for scripts. Only its SHA-256 hash is stored; the token itself is shown once.
/// </summary>
public sealed class ApiToken : IRegionOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string RegionCode { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The first characters of the token, so a user can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    /// <summary>Why: revoked by its owner or the security administrator, or with every session of the user (password changed …).</summary>
    public string? RevokedReason { get; set; }
    public AppUser? User { get; set; }
}

/// <summary>
/// A browser sign-in. The cookie carries the random key as a claim; only its SHA-256 hash is stored. Every cookie
/// request checks it (folded into the read of the user), so ending the row ends the session on every node at once.
/// </summary>
public sealed class UserSession : IRegionOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string RegionCode { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Updated at most once a minute; the session idles out <c>AuthSetup.IdleTimeout</c> after it.</summary>
    public DateTime LastSeenAtUtc { get; set; }
    public DateTime? EndedAtUtc { get; set; }
    public string? EndReason { get; set; }
    public string ClientAddress { get; set; } = "";
    public string UserAgent { get; set; } = "";
    public AppUser? User { get; set; }
}

/// <summary>A password the user had before (its hash), so that the last <see cref="Domain.Access.PasswordPolicy.HistoryDepth"/> are not reused.</summary>
public sealed class PasswordHistoryEntry : IRegionOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string RegionCode { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public DateTime ReplacedAtUtc { get; set; }
}

/// <summary>A one-time recovery code for the second factor, stored as its SHA-256 hash.</summary>
public sealed class RecoveryCode : IRegionOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string RegionCode { get; set; } = "";
    public string CodeHash { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? UsedAtUtc { get; set; }
}

/// <summary>The security administrator's settings for a region: password expiry, second factor for finance roles.</summary>
public sealed class SecuritySetting : IRegionOwned
{
    public string RegionCode { get; set; } = "";
    /// <summary>0: passwords do not expire.</summary>
    public int PasswordExpiryDays { get; set; } = Domain.Access.SignInRules.DefaultPasswordExpiryDays;
    public bool FinanceTwoFactor { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
}
