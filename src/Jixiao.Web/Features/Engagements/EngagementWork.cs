using Jixiao.Domain.Engagements;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Engagements;

/// <summary>
/// 委托 use cases (plan, draw, set aside, cancel, the stages' three-party confirmation): the loading, the party a user acts as, and
/// the save. Scope is the filters': an engagement another region's, another unit's or another agency's is not found.
/// </summary>
public static partial class EngagementWork
{
    public static readonly SaveConflicts Saves = new("该委托刚刚被他人办理，请刷新后查看最新状态再操作。", new Dictionary<string, string>
    {
        ["IX_Engagements_RegionCode_FiscalYear_Code"] = "本年度已有相同委托编号的委托，请换一个编号。",
        ["IX_EngagementDrawEntries_EngagementId_AgencyId"] = "该委托刚刚被他人抽签，请刷新后查看抽签记录。",
        ["IX_EngagementSettings_RegionCode_FiscalYear"] = "本年度的第三方委托设置刚刚被他人保存，请刷新后查看再修改。",
    });

    public static Task<Engagement?> FindAsync(JixiaoDbContext db, long id, CancellationToken ct) =>
        db.Engagements.SingleOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The engagement of a stage (stage ids are what deliverables and their routes name).</summary>
    public static Task<Engagement?> FindByStageAsync(JixiaoDbContext db, long stageId, CancellationToken ct) =>
        db.Engagements.SingleOrDefaultAsync(e => e.Stages.Any(s => s.Id == stageId), ct);

    /// <summary>
    /// The party of 三方确认 the user acts as on the engagement: the engaged agency's account, finance (业务股室、绩效股), or the
    /// evaluated unit (its filler or its department's reviewer — the scope filter already let only those read it). Null: none.
    /// </summary>
    public static StageParty? PartyOf(CurrentUser user, Engagement engagement)
    {
        var scope = user.Scope;
        if (scope.AgencyId is { } agency && agency == engagement.AgencyId) return StageParty.Agency;
        if (scope.Has(Role.PerformanceDivision) || scope.Has(Role.BusinessDivision)) return StageParty.Finance;
        if ((scope.Has(Role.UnitFiller) || scope.Has(Role.DepartmentReviewer)) && engagement.EvaluatedOrgIds.Any(scope.CoversOrgData)) return StageParty.Unit;
        return null;
    }

    public static ReviewActor Actor(CurrentUser user, StageParty party) => new(user.UserId, user.UserName, party switch
    {
        StageParty.Agency => Role.Agency,
        StageParty.Finance => user.Scope.Has(Role.PerformanceDivision) ? Role.PerformanceDivision : Role.BusinessDivision,
        _ => user.Scope.Has(Role.UnitFiller) ? Role.UnitFiller : Role.DepartmentReviewer,
    });


    /// <summary>Only the performance division plans, draws, sets aside and cancels.</summary>
    private static void RequireKeeper(CurrentUser user, string what)
    {
        if (!user.Scope.Has(Role.PerformanceDivision))
            throw new ForbiddenException($"只有财政绩效股可以{what}。");
    }
}
