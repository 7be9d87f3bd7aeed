using Jixiao.Domain.Access;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Disclosure;

/// <summary>What finance publishes (DOMAIN.md §4.7): targets with the department budget, self-evaluation results with the final accounts.</summary>
public enum PublicationKind
{
    [Label("项目绩效目标")]
    ProjectTargets = 1,
    [Label("部门整体绩效目标")]
    DepartmentTargets = 2,
    [Label("绩效自评结果")]
    SelfEvaluationResults = 3,
    /// <summary>A concluded key evaluation's report (财政重点评价报告).</summary>
    [Label("重点评价报告")]
    EvaluationReports = 4,
}

/// <summary>Where one approved item stands towards the public.</summary>
public enum PublicationState
{
    [Label("待公开")]
    Waiting = 1,
    /// <summary>An earlier version is public; the approved one (after an adjustment) is not yet.</summary>
    [Label("新版本待公开")]
    NewVersion = 2,
    [Label("已公开")]
    Published = 3,
    [Label("不公开")]
    Withheld = 4,
}

/// <summary>
/// A publication batch (公开批次): what finance released at once for a region-year and kind — "2027 年部门预算绩效目标". A batch is
/// published whole and never changes; what it released is a set of <see cref="PublishedItem"/> snapshots.
/// </summary>
public sealed class PublicationBatch : IRegionOwned
{
    private PublicationBatch() { }

    public const int TitleLimit = 100;

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public PublicationKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public int Items { get; private set; }
    /// <summary>公开日期 (a Beijing business day).</summary>
    public DateOnly PublishedOn { get; private set; }
    public string PublishedBy { get; private set; } = "";
    public DateTime PublishedAtUtc { get; private set; }

    /// <summary>The title a batch gets when finance writes none.</summary>
    public static string DefaultTitle(int year, PublicationKind kind) => kind switch
    {
        PublicationKind.SelfEvaluationResults => $"{year} 年度绩效自评结果",
        PublicationKind.EvaluationReports => $"{year} 年度财政重点绩效评价报告",
        PublicationKind.DepartmentTargets => $"{year} 年部门整体绩效目标",
        _ => $"{year} 年部门预算项目绩效目标",
    };

    /// <summary>Published by finance's performance division; a batch of nothing is refused (there is nothing waiting to be published).</summary>
    public static PublicationBatch Publish(string regionCode, int fiscalYear, PublicationKind kind, string? title, int items, ReviewActor actor,
        DateOnly today, DateTime nowUtc)
    {
        if (actor.Role != Role.PerformanceDivision)
            throw new ForbiddenException($"信息公开由财政绩效股发布，{actor.Role.Label()}不能发布。");
        FiscalYears.EnsureValid(fiscalYear);
        var text = string.IsNullOrWhiteSpace(title) ? DefaultTitle(fiscalYear, kind) : title.Trim();
        if (text.Length is < 4 or > TitleLimit) throw new DomainException($"批次名称应为 4–{TitleLimit} 字，如“{DefaultTitle(fiscalYear, kind)}”。", "批次名称");
        if (items <= 0)
            throw new ConflictException($"{fiscalYear} 年度没有待公开的{kind.Label()}：已批复（自评已审核通过）且未公开、未标为不公开的才能发布。");
        return new PublicationBatch
        {
            RegionCode = regionCode, FiscalYear = fiscalYear, Kind = kind, Title = text, Items = items, PublishedOn = today, PublishedBy = actor.UserName,
            PublishedAtUtc = nowUtc,
        };
    }
}

/// <summary>
/// One published version of one item (a project's or a department's approved targets, a project's self-evaluation result): a snapshot of its
/// public fields only, taken when the batch was published. A later adjustment publishes a new version beside it; the earlier one stays
/// readable with its date.
/// </summary>
public sealed class PublishedItem : IRegionOwned
{
    private PublishedItem() { }

    public long Id { get; private set; }
    public long BatchId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public PublicationKind Kind { get; private set; }
    /// <summary>The item across its versions: the target's subject key, or the self-evaluated project.</summary>
    public string SourceKey { get; private set; } = "";
    /// <summary>The form published (a target version, a self-evaluation).</summary>
    public long SourceId { get; private set; }
    public int Version { get; private set; }
    /// <summary>项目编码, or the department's code for its overall targets.</summary>
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string DepartmentCode { get; private set; } = "";
    public string Department { get; private set; } = "";
    public string Unit { get; private set; } = "";
    /// <summary>项目类别 (the sector a visitor searches by), empty for a department.</summary>
    public string Category { get; private set; } = "";
    /// <summary>The budget (元) the item concerns: the project's, or the department's project total.</summary>
    public decimal Amount { get; private set; }
    /// <summary>A line for lists: "指标 8 个" or "自评得分 91.5（优）".</summary>
    public string Summary { get; private set; } = "";
    /// <summary>The public content as JSON (goals, indicators and their values; for a result also actuals and scores) — never opinions, findings or files.</summary>
    public string Content { get; private set; } = "";
    public DateOnly PublishedOn { get; private set; }

    public static PublishedItem Of(PublicationBatch batch, string sourceKey, long sourceId, int version, string code, string title, string departmentCode,
        string department, string unit, string category, decimal amount, string summary, string content) =>
        new()
        {
            BatchId = batch.Id, RegionCode = batch.RegionCode, FiscalYear = batch.FiscalYear, Kind = batch.Kind, SourceKey = sourceKey, SourceId = sourceId,
            Version = version, Code = code, Title = title, DepartmentCode = departmentCode, Department = department, Unit = unit, Category = category,
            Amount = amount, Summary = summary, Content = content, PublishedOn = batch.PublishedOn,
        };
}

/// <summary>不公开: an item finance keeps from the public, with the reason from the region-year's list (涉密, 依申请公开 …) and a note.</summary>
public sealed class Withholding : IRegionOwned
{
    private Withholding() { }

    public const int NoteLimit = 300;

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public PublicationKind Kind { get; private set; }
    public string SourceKey { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string Note { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }

    public static Withholding Withhold(string regionCode, int fiscalYear, PublicationKind kind, string sourceKey, string? reason, string? note,
        IReadOnlyList<string> reasons, ReviewActor actor, DateTime nowUtc)
    {
        if (actor.Role != Role.PerformanceDivision)
            throw new ForbiddenException($"不公开由财政绩效股决定，{actor.Role.Label()}不能决定。");
        var r = (reason ?? "").Trim();
        if (!reasons.Contains(r))
            throw new DomainException($"请选择不公开的理由：{string.Join("、", reasons)}（本年度的理由清单在信息公开页设置）。", "不公开理由");
        var n = (note ?? "").Trim();
        if (n.Length > NoteLimit) throw new DomainException($"说明不超过 {NoteLimit} 字。", "说明");
        if (n.Length == 0) throw new DomainException("请写明不公开的依据（如定密文号、依申请公开的答复），以备查询。", "说明");
        return new Withholding
        {
            RegionCode = regionCode, FiscalYear = fiscalYear, Kind = kind, SourceKey = sourceKey, Reason = r, Note = n, By = actor.UserName, AtUtc = nowUtc,
        };
    }
}

/// <summary>The region-year's reasons an item may be kept from the public (非公开原因), one a line.</summary>
public sealed class DisclosureSetting : IRegionOwned
{
    private DisclosureSetting() { }

    public static readonly IReadOnlyList<string> DefaultReasons = ["涉及国家秘密", "依申请公开", "涉及商业秘密", "涉及个人隐私", "其他法定不予公开情形"];
    public const int ReasonLimit = 30;

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public string Reasons { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }

    public IReadOnlyList<string> ReasonList => ReasonsOf(Reasons);

    public static IReadOnlyList<string> ReasonsOf(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct()];

    public static DisclosureSetting Create(string regionCode, int fiscalYear) =>
        new() { RegionCode = regionCode, FiscalYear = fiscalYear, Reasons = string.Join("\n", DefaultReasons) };

    public void SetReasons(string? text, DateTime nowUtc)
    {
        var list = ReasonsOf(text ?? "");
        if (list.Count == 0) throw new DomainException("请至少保留一条不公开理由，一行一条。", "不公开理由清单");
        if (list.Count > 20) throw new DomainException("不公开理由最多 20 条。", "不公开理由清单");
        if (list.FirstOrDefault(l => l.Length > ReasonLimit) is { } tooLong)
            throw new DomainException($"理由“{tooLong[..ReasonLimit]}…”超过 {ReasonLimit} 字，请写短一些。", "不公开理由清单");
        Reasons = string.Join("\n", list);
        UpdatedAtUtc = nowUtc;
    }
}

public static class PublicationStates
{
    /// <summary>
    /// An approved item is 待公开 until a batch publishes it, 已公开 while its published version is the approved one, 新版本待公开 after an
    /// adjustment was approved; 不公开 keeps it (and its later versions) out of every batch.
    /// </summary>
    public static PublicationState Of(int approvedVersion, int? publishedVersion, bool withheld) =>
        withheld ? PublicationState.Withheld
        : publishedVersion is not { } published ? PublicationState.Waiting
        : published < approvedVersion ? PublicationState.NewVersion
        : PublicationState.Published;
}
