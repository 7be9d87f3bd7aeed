using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Notices;

/// <summary>Someone a notice goes to: the account and its e-mail address, if it has one.</summary>
public sealed record Reader(long Id, string RegionCode, string? Email);

/// <summary>An item waiting on a role: at its region and year, its responsible organisation and its department (or, for a stage, its agency).</summary>
public sealed record Waiting(string RegionCode, int FiscalYear, Role Role, TargetSubject Subject, long OrgUnitId, long? DepartmentId, long? AgencyId = null);

/// <summary>
/// Who an item waiting on a role is waiting on, as the inboxes see it: the unit's fillers, the department's reviewers, the business
/// divisions the department is assigned to in the year ("谁分配资金，谁审核"), the region's performance division, the agency's
/// accounts. Active accounts of the item's own region only (a province's performance division is not told of a county's forms).
/// </summary>
public static class NoticeRecipients
{
    public static async Task<Func<Waiting, IReadOnlyList<Reader>>> LoadAsync(JixiaoDbContext db, IReadOnlyCollection<Waiting> needs, CancellationToken ct)
    {
        if (needs.Count == 0) return _ => [];
        var regions = needs.Select(n => n.RegionCode).Distinct().ToList();
        var roles = needs.Select(n => n.Role).Distinct().ToList();
        var people = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.IsActive && regions.Contains(u.RegionCode) && u.Roles.Any(r => roles.Contains(r.Role)))
            .Select(u => new { u.Id, u.RegionCode, u.OrgUnitId, u.AgencyId, u.Email, Roles = u.Roles.Select(r => r.Role).ToList() })
            .ToListAsync(ct);
        var departments = needs.Where(n => n.Role == Role.BusinessDivision && n.DepartmentId is not null).Select(n => n.DepartmentId!.Value).Distinct().ToList();
        var assignments = departments.Count == 0
            ? []
            : await db.DivisionAssignments.IgnoreQueryFilters().AsNoTracking().Where(d => departments.Contains(d.DepartmentId))
                .Select(d => new { d.FiscalYear, d.DepartmentId, d.DivisionId }).ToListAsync(ct);
        var divisions = assignments.ToLookup(a => (a.FiscalYear, a.DepartmentId), a => a.DivisionId);
        var byRole = roles.ToDictionary(r => r, r => people.Where(p => p.Roles.Contains(r)).ToList());
        return need => byRole[need.Role]
            .Where(p => p.RegionCode == need.RegionCode && need.Role switch
            {
                Role.UnitFiller => p.OrgUnitId == need.OrgUnitId,
                Role.DepartmentReviewer => p.OrgUnitId == (need.Subject == TargetSubject.Department ? need.OrgUnitId : need.DepartmentId),
                Role.BusinessDivision => need.DepartmentId is { } d && p.OrgUnitId is { } o && divisions[(need.FiscalYear, d)].Contains(o),
                Role.PerformanceDivision => true,
                Role.Agency => need.AgencyId is { } a && p.AgencyId == a,
                _ => false,
            })
            .Select(p => new Reader(p.Id, p.RegionCode, string.IsNullOrWhiteSpace(p.Email) ? null : p.Email))
            .ToList();
    }
}
