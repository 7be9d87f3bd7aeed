using Jixiao.Domain.Organisation;
using Jixiao.Domain.Rectifications;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Access;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>
/// 整改 use cases (raise, reply, review, verify, extend, withdraw): the loading, the acting role and the save. Scope is the filters':
/// an item of another region, or of an organisation the user does not cover, is not found.
/// </summary>
public static partial class RectificationWork
{
    public static readonly SaveConflicts Saves = new("该整改事项刚刚被他人办理，请刷新后查看最新状态再操作。", new Dictionary<string, string>
    {
        ["IX_Rectifications_RegionCode_SourceKey"] = "该问题刚刚已登记为整改事项，请刷新后查看。",
    });

    public static Task<Rectification?> FindAsync(JixiaoDbContext db, long id, CancellationToken ct) =>
        db.Rectifications.Include(r => r.Steps).SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>One act on an item: load it (null: not found for this user), apply, save.</summary>
    private static async Task<Rectification?> ActAsync(JixiaoDbContext db, long id, Action<Rectification> act, CancellationToken ct)
    {
        var item = await FindAsync(db, id, ct);
        if (item is null) return null;
        act(item);
        await Saves.SaveAsync(db, ct);
        return item;
    }

    /// <summary>The user's role for the action on the item: the one the chain allows, else any (the domain then says why not).</summary>
    internal static ReviewActor Actor(CurrentUser user, Rectification item, RectificationAction action)
    {
        if (!user.Scope.Roles.Any(Handles))
            throw new ForbiddenException("整改事项由责任单位填报、主管部门审核、财政绩效股核实，您的角色不办理整改。");
        return ActingRole.Pick(user, r => ReviewChains.Rectification.Allows(item.Subject, item.State, action, r), action.Label());
    }

    /// <summary>The roles of the chain: the fillers, the department's reviewer and finance's performance division.</summary>
    private static bool Handles(Role role) => ReviewChains.Rectification.Rules.Any(r => r.By == role)
                                              || Enum.GetValues<TargetSubject>().Any(s => ReviewChains.Rectification.FillerOf(s) == role);

    /// <summary>A unit answers for its items and its department reviews them; a department answers for its own.</summary>
    internal static async Task<(TargetSubject Subject, long? DepartmentId)> ResponsibleAsync(JixiaoDbContext db, long orgUnitId, CancellationToken ct)
    {
        var org = await db.OrgUnits.AsNoTracking().Where(o => o.Id == orgUnitId).Select(o => new { o.Kind, o.ParentId }).SingleOrDefaultAsync(ct)
                  ?? throw new DomainException($"责任单位 {orgUnitId} 不存在或不在您的权限范围内。", "责任单位");
        return org.Kind switch
        {
            OrgKind.Department => (TargetSubject.Department, orgUnitId),
            OrgKind.Unit => (TargetSubject.Project, org.ParentId),
            _ => throw new DomainException("整改责任单位应为部门或预算单位，不能是财政局或股室。", "责任单位"),
        };
    }
}
