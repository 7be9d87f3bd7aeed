using Jixiao.Domain.Engagements;

namespace Jixiao.Web.Features.Engagements;

/// <summary>What a party does to a stage: the agency submits (with its files attached), the unit and finance confirm or object.</summary>
public enum StageAction
{
    [Label("提交成果")] Submit = 1,
    [Label("确认")] Confirm = 2,
    [Label("提出异议")] Object = 3,
}

public static partial class EngagementWork
{
    /// <summary>
    /// 分阶段成果 三方确认: the user acts on the stage as the party they are (<see cref="PartyOf"/>); a submission counts the files
    /// attached to the stage; the domain says who may do what when, and opens the next stage on the third confirmation.
    /// </summary>
    public static async Task<Engagement?> ActOnStageAsync(JixiaoDbContext db, CurrentUser user, long stageId, StageAction action, string? note,
        DateTime nowUtc, CancellationToken ct)
    {
        if (await FindByStageAsync(db, stageId, ct) is not { } engagement) return null;
        var party = PartyOf(user, engagement) ?? throw new ForbiddenException("您不是该委托的第三方机构、被评价单位或财政，不能办理其阶段成果。");
        var stage = engagement.Stages.Single(s => s.Id == stageId);
        var actor = Actor(user, party);
        switch (action)
        {
            case StageAction.Submit:
                if (party != StageParty.Agency) throw new ForbiddenException($"阶段成果由第三方机构提交，{party.Label()}只能确认或提出异议。");
                engagement.Submit(stage.Number, await Evidence.EvidenceWork.CountAsync(db, Domain.Evidence.EvidenceOwner.Deliverable, stageId, ct), note, actor, nowUtc);
                break;
            case StageAction.Confirm or StageAction.Object when party == StageParty.Agency:
                // What the party may never do is refused as such, whatever state the engagement is in (a completed one too).
                throw new ForbiddenException($"第三方机构以提交成果确认本阶段，不能{action.Label()}。");
            case StageAction.Confirm:
                engagement.Confirm(stage.Number, party, actor, nowUtc, note);
                break;
            case StageAction.Object:
                engagement.Object(stage.Number, party, note, actor, nowUtc);
                break;
            default:
                throw new DomainException("操作应为提交成果、确认或提出异议。", "操作");
        }
        await Saves.SaveAsync(db, ct);
        return engagement;
    }
}
