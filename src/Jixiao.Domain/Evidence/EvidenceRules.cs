using Jixiao.Domain.Access;

namespace Jixiao.Domain.Evidence;

/// <summary>What the rules need to know of the record files are attached to, as its owner kind loads it.</summary>
/// <param name="Title">the record as messages name it ("绩效目标第 2 版")</param>
/// <param name="IsOpen">still being filled or reviewed: files may be added and deleted (an approved, locked record keeps its files)</param>
/// <param name="State">its state as the page shows it, for the refusal of a closed record</param>
/// <param name="Writers">the roles that may attach files to it (its filler and reviewers)</param>
public sealed record EvidenceOwnerFacts(string RegionCode, int? FiscalYear, string Title, bool IsOpen, string State, IReadOnlySet<Role> Writers);

/// <summary>
/// Who may attach and delete evidence. Seeing an owner (the scope lets the user load it) is the right to see its files; the
/// owner's writers may attach while it is open; a file is deleted (kept, marked deleted) by its uploader or by finance
/// (业务股室、绩效股) while the owner is open.
/// </summary>
public static class EvidenceRules
{
    /// <summary>The writers of a form units fill and finance reviews: targets, monitoring returns, self-evaluations.</summary>
    public static readonly IReadOnlySet<Role> FormWriters =
        new HashSet<Role> { Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision };

    /// <summary>The writer of a stage's deliverable (阶段成果): the engaged agency.</summary>
    public static readonly IReadOnlySet<Role> DeliverableWriters = new HashSet<Role> { Role.Agency };
    /// <summary>A panel's review materials are put together by finance; the experts read them.</summary>
    public static readonly IReadOnlySet<Role> PanelMaterialWriters = new HashSet<Role> { Role.BusinessDivision, Role.PerformanceDivision };

    /// <summary>A department or key evaluation's evidence (评价底稿): gathered by the department that evaluates, or by finance.</summary>
    public static readonly IReadOnlySet<Role> EvaluatorWriters = new HashSet<Role> { Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision };

    /// <summary>A rectification reply's evidence (整改佐证): the responsible unit, or the department replying for itself or helping its unit.</summary>
    public static readonly IReadOnlySet<Role> ReplyWriters = new HashSet<Role> { Role.UnitFiller, Role.DepartmentReviewer };

    private static readonly IReadOnlySet<Role> Finance = new HashSet<Role> { Role.BusinessDivision, Role.PerformanceDivision };

    /// <summary>Why the user may not attach files to the owner, or null when they may.</summary>
    public static DomainException? RefuseAttach(EvidenceOwnerFacts owner, IReadOnlySet<Role> roles)
    {
        if (!roles.Overlaps(owner.Writers))
            return new ForbiddenException(
                $"{Names(roles)}不能为{owner.Title}上传附件：只有{string.Join("、", owner.Writers.Order().Select(r => r.Label()))}可以上传。", "附件");
        return Closed(owner);
    }

    /// <summary>Why the user may not delete the file, or null when they may.</summary>
    public static DomainException? RefuseDelete(EvidenceOwnerFacts owner, string fileName, long? uploaderId, string uploaderName, long? userId, IReadOnlySet<Role> roles)
    {
        if (uploaderId != userId && !roles.Overlaps(Finance))
            return new ForbiddenException($"附件《{fileName}》只能由上传人（{uploaderName}）或财政业务股室、绩效股删除。", "附件");
        return Closed(owner);
    }

    private static ConflictException? Closed(EvidenceOwnerFacts owner) => owner.IsOpen
        ? null
        : new ConflictException($"{owner.Title}当前为“{owner.State}”，已锁定，附件不能再上传或删除；如需补充材料，请在申请调整后的新版本或下一环节上传。");

    private static string Names(IReadOnlySet<Role> roles) => roles.Count == 0 ? "当前账号" : string.Join("、", roles.Order().Select(r => r.Label()));
}
