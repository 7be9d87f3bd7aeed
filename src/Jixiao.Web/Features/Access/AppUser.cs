using Jixiao.Domain.Access;
using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Access;

/// <summary>A person who signs in. Password hashing, lockout and security stamps come from ASP.NET Core Identity.</summary>
public sealed class AppUser : IdentityUser<long>, IRegionOwned
{
    public string DisplayName { get; set; } = "";
    public string RegionCode { get; set; } = "";
    /// <summary>The organisation the user works for; null for agencies and experts.</summary>
    public long? OrgUnitId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
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
    public AppUser? User { get; set; }
}
