using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Access;

/// <summary>The roles of DOMAIN.md §1. The public reads the portal anonymously and has no role.</summary>
public enum Role
{
    [Label("预算单位填报人")]
    UnitFiller = 1,
    [Label("主管部门审核人")]
    DepartmentReviewer = 2,
    /// <summary>财政业务股室 / 资金科室</summary>
    [Label("财政业务股室")]
    BusinessDivision = 3,
    /// <summary>财政绩效股（及预算股）</summary>
    [Label("财政绩效股")]
    PerformanceDivision = 4,
    [Label("第三方机构")]
    Agency = 5,
    [Label("评审专家")]
    Expert = 6,
    /// <summary>系统管理员: users, roles and organisations</summary>
    [Label("系统管理员")]
    SystemAdmin = 7,
    /// <summary>安全管理员: security settings, locked accounts, tokens</summary>
    [Label("安全管理员")]
    SecurityAdmin = 8,
    /// <summary>审计管理员: reads the audit trail</summary>
    [Label("审计管理员")]
    AuditAdmin = 9,
}

public static class Roles
{
    public static readonly IReadOnlyList<Role> All = Enum.GetValues<Role>();

    /// <summary>三员分立: the three administrator roles; no user may hold two of them.</summary>
    public static readonly IReadOnlySet<Role> Administrators =
        new HashSet<Role> { Role.SystemAdmin, Role.SecurityAdmin, Role.AuditAdmin };

    public static bool TryParseLabelOrName(string text, out Role role)
    {
        text = text.Trim();
        foreach (var r in All)
        {
            if (string.Equals(r.ToString(), text, StringComparison.OrdinalIgnoreCase) || r.Label() == text)
            {
                role = r;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>
    /// Checks a user's role set against the organisation the user belongs to: 三员分立, and each role
    /// attached to the kind of organisation it works for. Throws with a Chinese message naming the fix.
    /// </summary>
    public static void EnsureValidAssignment(IReadOnlyCollection<Role> roles, OrgKind? orgKind, DivisionKind? divisionKind)
    {
        if (roles.Count == 0)
            throw new DomainException("请至少选择一个角色。", "角色");

        var admins = roles.Where(Administrators.Contains).Distinct().ToList();
        if (admins.Count > 1)
            throw new DomainException(
                $"三员分立：系统管理员、安全管理员、审计管理员不能由同一人兼任，当前选择了{string.Join("、", admins.Select(r => r.Label()))}，请只保留一个。",
                "角色");
        if (admins.Count == 1 && roles.Distinct().Count() > 1)
            throw new DomainException(
                $"三员分立：{admins[0].Label()}不能同时担任业务角色，请为业务工作另建账号。", "角色");

        foreach (var role in roles.Distinct())
        {
            var (ok, need) = role switch
            {
                Role.UnitFiller => (orgKind == OrgKind.Unit, "一个预算单位"),
                Role.DepartmentReviewer => (orgKind == OrgKind.Department, "一个主管部门"),
                Role.BusinessDivision => (orgKind == OrgKind.Division && divisionKind == DivisionKind.Business, "财政局的一个业务股室"),
                Role.PerformanceDivision => (orgKind == OrgKind.Division && divisionKind is DivisionKind.Performance or DivisionKind.Budget, "财政局的绩效股或预算股"),
                Role.SystemAdmin or Role.SecurityAdmin or Role.AuditAdmin => (orgKind is OrgKind.FinanceBureau or OrgKind.Division, "财政局或其股室"),
                Role.Agency or Role.Expert => (orgKind is null, "不隶属任何机构（只看分配给自己的任务）"),
                _ => (false, "?"),
            };
            if (!ok)
                throw new DomainException($"角色“{role.Label()}”的所属机构必须是{need}，请调整所属机构或角色。", "所属机构");
        }
    }
}
