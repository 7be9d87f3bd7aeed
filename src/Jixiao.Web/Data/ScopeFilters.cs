using System.Linq.Expressions;
using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Data;

/// <summary>
/// The one place scope is enforced: every entity that belongs to a region gets a query filter that reads the
/// signed-in user's <see cref="AccessScope"/>, so a foreign id simply is not found (404). Only the user's context
/// has them (<see cref="JixiaoDbContext"/>); <see cref="SystemDbContext"/> is built without, so no user query
/// carries a "may see everything" flag.
/// </summary>
public static class ScopeFilters
{
    /// <summary>
    /// Adds the filters to the model of <paramref name="context"/>. Each filter reads the context's scope members
    /// through a constant of the context, which EF Core rebinds to the context that runs the query.
    /// </summary>
    public static void Apply(ModelBuilder builder, JixiaoDbContext context)
    {
        var c = Expression.Constant(context);
        Filter<Region>(builder, c, (s, r) => s.ScopeRegions.Contains(r.Code));
        Filter<OrgUnit>(builder, c, (s, o) => s.ScopeRegions.Contains(o.RegionCode) && (s.ScopeAllOrgs || s.ScopeVisibleOrgs.Contains(o.Id)));
        Filter<AppUser>(builder, c, (s, u) => u.Id == s.ScopeUserId
            || (s.ScopeRegions.Contains(u.RegionCode) && (s.ScopeAllOrgs || (u.OrgUnitId != null && s.ScopeDataOrgs.Contains(u.OrgUnitId.Value)))));
        Filter<UserRoleAssignment>(builder, c, (s, r) => r.UserId == s.ScopeUserId || s.ScopeRegions.Contains(r.RegionCode));
        Filter<ApiToken>(builder, c, (s, t) => t.UserId == s.ScopeUserId || s.ScopeRegions.Contains(t.RegionCode));
        // The registers: finance of the region sees them whole; an agency or expert account sees its own record only.
        Filter<Domain.Agencies.Agency>(builder, c, (s, a) => s.ScopeRegions.Contains(a.RegionCode) && (s.ScopeRegisters || a.Id == s.ScopeAgencyId));
        Filter<Domain.Experts.Expert>(builder, c, (s, e) => s.ScopeRegions.Contains(e.RegionCode) && (s.ScopeRegisters || e.Id == s.ScopeExpertId));
        // 消息提醒: each reader their own.
        Filter<Domain.Notices.Notice>(builder, c, (s, n) => n.UserId == s.ScopeUserId);
        // A chain is visible with its region: the verifier checks exactly the chains whose records the caller reads.
        Filter<AuditChainHead>(builder, c, (s, h) => s.ScopeRegions.Contains(h.ChainKey));

        // 委托: finance of the region sees all; a department or unit the engagements that evaluate its organisations; an agency
        // account the engagements it is engaged for.
        Filter<Domain.Engagements.Engagement>(builder, c, (s, e) => s.ScopeRegions.Contains(e.RegionCode)
            && (s.ScopeAllOrgs || e.Subjects.Any(x => s.ScopeDataOrgs.Contains(x.OrgUnitId)) || e.AgencyId == s.ScopeAgencyId));
        // 部门评价 / 重点评价: finance of the region sees all; a department or unit the evaluations of its organisations (and a department
        // the evaluations it organises).
        Filter<Domain.EvaluationPlans.EvaluationPlan>(builder, c, (s, p) => s.ScopeRegions.Contains(p.RegionCode)
            && (s.ScopeAllOrgs || p.Subjects.Any(x => s.ScopeDataOrgs.Contains(x.OrgUnitId))
                || (p.DepartmentId != null && s.ScopeDataOrgs.Contains(p.DepartmentId.Value))));
        // 评审组: finance of the region sees all; a department or unit the panels that review its organisations' work (their result,
        // not who scored what); an expert account the panels it sits on (not one it was replaced on).
        Filter<Domain.Panels.Panel>(builder, c, (s, p) => s.ScopeRegions.Contains(p.RegionCode)
            && (s.ScopeAllOrgs || p.Subjects.Any(x => s.ScopeDataOrgs.Contains(x.OrgUnitId))
                || p.Members.Any(m => m.ExpertId == s.ScopeExpertId && m.ReplacedReason == null)));

        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(IRegionOwned).IsAssignableFrom(t)))
        {
            var entity = builder.Entity(type);
            if (entity.Metadata.GetDeclaredQueryFilters().Count > 0) continue;
            entity.HasQueryFilter(typeof(IOrgOwned).IsAssignableFrom(type) ? OrgFilter(type, c) : RegionFilter(type, c));
        }
    }

    /// <summary>What a context's filters let it see, as a key for results kept per scope.</summary>
    public static string KeyOf(JixiaoDbContext db) => db is SystemDbContext
        ? "system"
        : $"{string.Join(',', db.ScopeRegions)}|{(db.ScopeAllOrgs ? "*" : string.Join(',', db.ScopeDataOrgs))}";

    private static void Filter<T>(ModelBuilder builder, ConstantExpression context, Expression<Func<JixiaoDbContext, T, bool>> rule) where T : class =>
        builder.Entity<T>().HasQueryFilter(Expression.Lambda<Func<T, bool>>(
            new Rebind(rule.Parameters[0], context).Visit(rule.Body), rule.Parameters[1]));

    /// <summary><c>e => ScopeRegions.Contains(e.RegionCode)</c></summary>
    private static LambdaExpression RegionFilter(Type type, ConstantExpression context)
    {
        var e = Expression.Parameter(type, "e");
        return Expression.Lambda(InRegions(e, context), e);
    }

    /// <summary><c>e => ScopeRegions.Contains(e.RegionCode) &amp;&amp; (ScopeAllOrgs || ScopeDataOrgs.Contains(e.OrgUnitId))</c></summary>
    private static LambdaExpression OrgFilter(Type type, ConstantExpression context)
    {
        var e = Expression.Parameter(type, "e");
        var inOrgs = Expression.Call(Expression.Property(context, nameof(JixiaoDbContext.ScopeDataOrgs)), typeof(List<long>).GetMethod(nameof(List<long>.Contains))!,
            Expression.Property(e, nameof(IOrgOwned.OrgUnitId)));
        return Expression.Lambda(Expression.AndAlso(InRegions(e, context),
            Expression.OrElse(Expression.Property(context, nameof(JixiaoDbContext.ScopeAllOrgs)), inOrgs)), e);
    }

    private static MethodCallExpression InRegions(ParameterExpression e, ConstantExpression context) =>
        Expression.Call(Expression.Property(context, nameof(JixiaoDbContext.ScopeRegions)), typeof(List<string>).GetMethod(nameof(List<string>.Contains))!,
            Expression.Property(e, nameof(IRegionOwned.RegionCode)));

    /// <summary>Puts the context constant where a rule's first parameter stood.</summary>
    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
