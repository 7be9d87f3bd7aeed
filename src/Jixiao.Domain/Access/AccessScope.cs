using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Access;

/// <summary>One node of a region's organisation tree, as the scope rules need it.</summary>
public sealed record OrgNode(long Id, long? ParentId, OrgKind Kind, DivisionKind? DivisionKind, string RegionCode);

/// <summary>A business division (资金科室) allocates funds to a department ("谁分配资金，谁审核目标").</summary>
public sealed record DivisionDepartment(long DivisionId, long DepartmentId);

/// <summary>
/// What one user may see. <see cref="DataOrgIds"/> are the organisations whose business data the user
/// works on (null: every organisation of <see cref="RegionCodes"/>); <see cref="VisibleOrgIds"/> adds the
/// ancestors, so a unit sees the name of its department without seeing its data. <see cref="AgencyId"/> and
/// <see cref="ExpertId"/> are the register records an agency or expert account belongs to (their only own data).
/// </summary>
public sealed record AccessScope(
    long? UserId,
    IReadOnlySet<Role> Roles,
    IReadOnlyList<string> RegionCodes,
    IReadOnlyList<long>? DataOrgIds,
    IReadOnlyList<long>? VisibleOrgIds,
    bool IsSystem = false,
    long? AgencyId = null,
    long? ExpertId = null)
{
    /// <summary>Infrastructure (CLI verbs, seeding, sign-in itself): unrestricted.</summary>
    public static readonly AccessScope System = new(null, new HashSet<Role>(), [], null, null, IsSystem: true);

    /// <summary>An anonymous request: sees nothing.</summary>
    public static readonly AccessScope Nobody = new(null, new HashSet<Role>(), [], [], []);

    public bool Has(Role role) => Roles.Contains(role);

    public bool CoversRegion(string regionCode) => IsSystem || RegionCodes.Contains(regionCode);

    /// <summary>The agency register and the expert pool of the regions: finance's (业务股室 and 绩效股), not the units' or departments'.</summary>
    public bool SeesRegisters => IsSystem || Has(Role.BusinessDivision) || Has(Role.PerformanceDivision);

    public bool CoversOrgData(long orgId) => IsSystem || DataOrgIds is null || DataOrgIds.Contains(orgId);
}

public static class ScopeRules
{
    /// <summary>
    /// Computes a user's scope from their roles, home organisation and region, the organisation trees of
    /// the regions they can reach and the division-to-department mapping. Multiple roles add up.
    /// </summary>
    /// <param name="regionCodes">every region code known to the deployment</param>
    /// <param name="agencyId">the agency an agency account belongs to (kept only with the role 第三方机构)</param>
    /// <param name="expertId">the expert record of an expert account (kept only with the role 评审专家)</param>
    public static AccessScope For(
        long userId,
        IReadOnlyCollection<Role> roles,
        string homeRegion,
        long? homeOrgId,
        IReadOnlyCollection<string> regionCodes,
        IReadOnlyCollection<OrgNode> orgs,
        IReadOnlyCollection<DivisionDepartment> divisionDepartments,
        long? agencyId = null,
        long? expertId = null,
        IReadOnlyCollection<long>? namedOrgs = null)
    {
        agencyId = roles.Contains(Role.Agency) ? agencyId : null;
        expertId = roles.Contains(Role.Expert) ? expertId : null;
        var byId = orgs.ToDictionary(o => o.Id);
        var children = orgs.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value);
        var regions = new HashSet<string> { homeRegion };
        var data = new HashSet<long>();
        var subtreesAdded = new HashSet<long>();
        var allData = false;

        foreach (var role in roles.Distinct())
        {
            switch (role)
            {
                case Role.UnitFiller when homeOrgId is { } unit:
                    data.Add(unit);
                    break;
                case Role.DepartmentReviewer when homeOrgId is { } dept:
                    AddSubtree(dept);
                    break;
                case Role.BusinessDivision when homeOrgId is { } division:
                    data.Add(division);
                    foreach (var link in divisionDepartments.Where(d => d.DivisionId == division))
                        AddSubtree(link.DepartmentId);
                    break;
                case Role.PerformanceDivision or Role.SystemAdmin or Role.SecurityAdmin or Role.AuditAdmin:
                    allData = true;
                    regions.UnionWith(regionCodes.Where(r => RegionCode.Covers(homeRegion, r)));
                    break;
                // Agencies and experts see only what is assigned to them; assignments carry their own checks.
            }
        }

        if (allData)
            return new AccessScope(userId, roles.ToHashSet(), regions.Order().ToList(), null, null, AgencyId: agencyId, ExpertId: expertId);

        // What an agency's or expert's own records name (its conflicts of interest): their names only, never their data.
        var visible = new HashSet<long>(data.Concat(agencyId is null && expertId is null ? [] : namedOrgs ?? []));
        foreach (var id in data)
        {
            var parent = byId.GetValueOrDefault(id)?.ParentId;
            while (parent is { } p && visible.Add(p))
                parent = byId.GetValueOrDefault(p)?.ParentId;
        }
        return new AccessScope(userId, roles.ToHashSet(), regions.Order().ToList(),
            data.Order().ToList(), visible.Order().ToList(), AgencyId: agencyId, ExpertId: expertId);

        void AddSubtree(long root)
        {
            // Track subtrees separately: the root may already be in data as a single org from another role.
            if (!subtreesAdded.Add(root)) return;
            data.Add(root);
            foreach (var child in children[root]) AddSubtree(child.Id);
        }
    }
}
