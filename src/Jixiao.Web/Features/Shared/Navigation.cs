using System.Security.Claims;

namespace Jixiao.Web.Features.Shared;

public sealed record NavItem(string Title, string Path, Role[] Roles);

/// <summary>The menu, role by role. A page's own [Authorize] policy is what guards it; the menu only mirrors it.</summary>
public static class Navigation
{
    public static readonly NavItem[] Items =
    [
        new("工作台", "/", []),
        new("项目库", "/Projects", [Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision]),
        new("待分资金", "/Projects/Pools", [Role.BusinessDivision, Role.PerformanceDivision]),
        new("事前评估", "/ExAnte", [Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision]),
        new("绩效目标", "/Targets", [Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision]),
        new("目标覆盖", "/Targets/Coverage", [Role.BusinessDivision, Role.PerformanceDivision]),
        new("运行监控", "/Monitoring", [Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision]),
        new("单位自评", "/Evaluations", [Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision]),
        new("部门和重点评价", "/EvaluationPlans", [Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision]),
        new("问题整改", "/Rectifications", [Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision]),
        new("预算挂钩", "/BudgetLinks", [Role.BusinessDivision, Role.PerformanceDivision]),
        new("结果应用台账", "/ResultsApplication", [Role.BusinessDivision, Role.PerformanceDivision]),
        new("信息公开", "/Disclosure", [Role.BusinessDivision, Role.PerformanceDivision]),
        new("指标库", "/Library", [Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision]),
        new("指标框架", "/Targets/Frame", [Role.PerformanceDivision]),
        new("第三方委托", "/Engagements", [Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision, Role.Agency]),
        new("第三方机构库", "/Agencies", [Role.BusinessDivision, Role.PerformanceDivision]),
        new("本机构信息", "/Agencies", [Role.Agency]),
        new("专家库", "/Experts", [Role.BusinessDivision, Role.PerformanceDivision]),
        new("我的专家信息", "/Experts", [Role.Expert]),
        new("专家评审", "/Panels", [Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision]),
        new("我的评审", "/Panels", [Role.Expert]),
        new("数据导入", "/Imports", [Role.PerformanceDivision]),
        new("机构", "/Organisation", []),
        new("用户与角色", "/Users", [Role.SystemAdmin]),
        new("安全管理", "/Security", [Role.SecurityAdmin]),
        new("审计日志", "/Audit", [Role.AuditAdmin]),
    ];

    /// <summary>The signed-in user's own account (sessions, API tokens, password): beside the name, not in the work menu.</summary>
    public const string AccountPath = "/Account/Tokens";

    public static IEnumerable<NavItem> For(ClaimsPrincipal user) =>
        Items.Where(i => i.Roles.Length == 0 || i.Roles.Any(r => user.IsInRole(Policies.For(r))));

    public static IEnumerable<Role> RolesOf(ClaimsPrincipal user) =>
        Roles.All.Where(r => user.IsInRole(Policies.For(r)));
}
