using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Organisation;

public sealed record OrgDto(long Id, string RegionCode, string Code, string Name, OrgKind Kind, string KindLabel,
    DivisionKind? DivisionKind, long? ParentId, string? ParentName, bool IsActive);

public sealed record OrgDetailDto(OrgDto Org, IReadOnlyList<OrgDto> Children, IReadOnlyList<OrgDto> FundedDepartments,
    IReadOnlyList<OrgDto> FundingDivisions, IReadOnlyList<OrgUserDto> Users);

public sealed record OrgUserDto(long Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool IsActive);

/// <summary>Reads of the organisation tree. Every query passes through the scope filter of <see cref="JixiaoDbContext"/>.</summary>
public static class OrganisationQueries
{
    /// <summary>Order <paramref name="orgs"/> before projecting: the DTO's constructor cannot be ordered by in SQL.</summary>
    public static IQueryable<OrgDto> Project(JixiaoDbContext db, IQueryable<OrgUnit> orgs) =>
        orgs.Select(o => new OrgDto(o.Id, o.RegionCode, o.Code, o.Name, o.Kind, "", o.DivisionKind, o.ParentId,
            db.OrgUnits.Where(p => p.Id == o.ParentId).Select(p => p.Name).FirstOrDefault(), o.IsActive));

    public static async Task<List<OrgDto>> ListAsync(JixiaoDbContext db, string? regionCode, OrgKind? kind, string? keyword, CancellationToken ct)
    {
        var query = db.OrgUnits.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(regionCode)) query = query.Where(o => o.RegionCode == regionCode);
        if (kind is not null) query = query.Where(o => o.Kind == kind);
        if (!string.IsNullOrWhiteSpace(keyword)) query = query.Where(o => o.Name.Contains(keyword.Trim()) || o.Code.StartsWith(keyword.Trim()));
        var rows = await Project(db, query.OrderBy(o => o.RegionCode)
            .ThenBy(o => o.Kind == OrgKind.FinanceBureau ? 0 : o.Kind == OrgKind.Division ? 1 : 2).ThenBy(o => o.Code).Take(2000)).ToListAsync(ct);
        return rows.Select(WithLabel).ToList();
    }

    public static async Task<OrgDetailDto?> DetailAsync(JixiaoDbContext db, long id, int fiscalYear, CancellationToken ct)
    {
        var org = await Project(db, db.OrgUnits.AsNoTracking().Where(o => o.Id == id)).SingleOrDefaultAsync(ct);
        if (org is null) return null;
        var children = await Project(db, db.OrgUnits.AsNoTracking().Where(o => o.ParentId == id).OrderBy(o => o.Code)).ToListAsync(ct);
        var funded = await Project(db, db.OrgUnits.AsNoTracking().Where(o => db.DivisionAssignments
                .Any(d => d.DivisionId == id && d.FiscalYear == fiscalYear && d.DepartmentId == o.Id)).OrderBy(o => o.Code))
            .ToListAsync(ct);
        var funding = await Project(db, db.OrgUnits.AsNoTracking().Where(o => db.DivisionAssignments
                .Any(d => d.DepartmentId == id && d.FiscalYear == fiscalYear && d.DivisionId == o.Id)))
            .ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.OrgUnitId == id).OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.IsActive, Roles = u.Roles.Select(r => r.Role).ToList() })
            .ToListAsync(ct);
        return new OrgDetailDto(WithLabel(org), children.Select(WithLabel).ToList(), funded.Select(WithLabel).ToList(),
            funding.Select(WithLabel).ToList(),
            users.Select(u => new OrgUserDto(u.Id, u.UserName ?? "", u.DisplayName,
                u.Roles.Select(r => r.Label()).ToList(), u.IsActive)).ToList());
    }

    public static OrgDto WithLabel(OrgDto o) => o with
    {
        KindLabel = o.DivisionKind is { } d ? d.Label() : o.Kind.Label(),
    };
}
