namespace Jixiao.Web.Data;

/// <summary>
/// Who is acting in this request or command, and what they may see. Set once per request by
/// <c>ScopeMiddleware</c> (or by a CLI verb); read by the DbContext's query filters and audit.
/// </summary>
public sealed class CurrentUser
{
    public AccessScope Scope { get; private set; } = AccessScope.Nobody;
    public long? UserId { get; private set; }
    public string UserName { get; private set; } = "anonymous";
    public string? RegionCode { get; private set; }

    /// <summary>The request's client address, kept in the audit records it writes (sign-ins included).</summary>
    public string? ClientAddress { get; private set; }

    public void SetClientAddress(string? address) => ClientAddress = address;

    public void Set(AccessScope scope, long? userId, string userName, string? regionCode)
    {
        Scope = scope;
        UserId = userId;
        UserName = userName;
        RegionCode = regionCode;
    }

    public void SetSystem(string actor) => Set(AccessScope.System, null, actor, null);
}
