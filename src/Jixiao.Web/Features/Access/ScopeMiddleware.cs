using System.Security.Claims;

namespace Jixiao.Web.Features.Access;

/// <summary>Loads what a user may see from the database (roles, organisation tree, division mapping).</summary>
public static class ScopeLoader
{
    /// <param name="loaded">the user with roles if this request has read them already (bearer tokens)</param>
    public static async Task<(AccessScope Scope, AppUser User)?> LoadAsync(SystemDbContext db, long userId, CancellationToken cancellationToken,
        AppUser? loaded = null)
    {
        var user = loaded is { } known && known.Id == userId
            ? known
            : await db.Users.AsNoTracking().Include(u => u.Roles).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || !user.IsActive) return null;
        var roles = user.Roles.Select(r => r.Role).ToList();
        var needsAllRegions = roles.Any(r => r is Role.PerformanceDivision || Roles.Administrators.Contains(r));
        var regionCodes = needsAllRegions
            ? await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(cancellationToken)
            : [user.RegionCode];
        var orgs = needsAllRegions
            ? []
            : await db.OrgUnits.AsNoTracking().Where(o => o.RegionCode == user.RegionCode)
                .Select(o => new OrgNode(o.Id, o.ParentId, o.Kind, o.DivisionKind, o.RegionCode)).ToListAsync(cancellationToken);
        var links = roles.Contains(Role.BusinessDivision) && user.OrgUnitId is { } division
            ? await db.DivisionAssignments.AsNoTracking().Where(d => d.DivisionId == division)
                .Select(d => new DivisionDepartment(d.DivisionId, d.DepartmentId)).Distinct().ToListAsync(cancellationToken)
            : [];
        // An agency sees by name the organisations its record and its engagements name, an expert those its record names (never their data).
        var named = roles.Contains(Role.Agency) && user.AgencyId is { } agency
            ? (await db.Agencies.AsNoTracking().Where(a => a.Id == agency).SelectMany(a => a.Conflicts, (a, c) => c.OrgUnitId).ToListAsync(cancellationToken))
                .Concat(await db.Engagements.AsNoTracking().Where(e => e.AgencyId == agency).SelectMany(e => e.Subjects, (e, x) => x.OrgUnitId)
                    .ToListAsync(cancellationToken)).ToList()
            : [];
        if (roles.Contains(Role.Expert) && user.ExpertId is { } expertId
            && await db.Experts.AsNoTracking().Where(e => e.Id == expertId).Select(e => new { e.OrgUnitId, e.AvoidOrgUnitIds }).SingleOrDefaultAsync(cancellationToken)
                is { } own)
            named.AddRange(own.AvoidOrgUnitIds.Concat(own.OrgUnitId is { } unit ? [unit] : []));
        // An expert reads by name the organisations the panels it sits on review (what it is asked to score).
        if (roles.Contains(Role.Expert) && user.ExpertId is { } sitting)
            named.AddRange(await db.Panels.AsNoTracking().Where(p => p.Members.Any(m => m.ExpertId == sitting && m.ReplacedReason == null))
                .SelectMany(p => p.Subjects, (p, x) => x.OrgUnitId).Distinct().ToListAsync(cancellationToken));
        return (ScopeRules.For(user.Id, roles, user.RegionCode, user.OrgUnitId, regionCodes, orgs, links, user.AgencyId, user.ExpertId, named), user);
    }
}

/// <summary>Sets <see cref="CurrentUser"/> for each request after authentication. The scope is loaded fresh
/// from the database so that several app instances agree and a role change takes effect at once.</summary>
public sealed class ScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser current, SystemDbContext db)
    {
        current.SetClientAddress(context.Connection.RemoteIpAddress?.ToString());
        if (context.User.Identity?.IsAuthenticated == true
            && long.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var loaded = await ScopeLoader.LoadAsync(db, userId, context.RequestAborted, context.Items[typeof(AppUser)] as AppUser);
            if (loaded is { } found)
                current.Set(found.Scope, found.User.Id, found.User.UserName ?? "", found.User.RegionCode);
            else
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(context);
    }
}
