
namespace Jixiao.Domain.Indicators;

public enum LibraryKind
{
    /// <summary>共性指标: fits projects of any sector.</summary>
    [Label("共性")]
    Common = 1,
    /// <summary>个性指标: of one sector (行业领域).</summary>
    [Label("个性")]
    Sector = 2,
}

/// <summary>Where an entry of the indicator library stands (not a project's <see cref="Jixiao.Domain.Budget.LibraryStatus"/>).</summary>
public enum LibraryEntryStatus
{
    [Label("在用")]
    Active = 1,
    /// <summary>申请纳入: a project indicator proposed for the library, awaiting the performance division.</summary>
    [Label("申请纳入")]
    Proposed = 2,
    /// <summary>未纳入: the proposal was declined.</summary>
    [Label("未纳入")]
    Declined = 3,
}

/// <summary>
/// An indicator of the library (指标库), shared by every region of the deployment. Entries seeded from
/// published target tables keep the region and year they came from; an entry promoted from a project
/// keeps the project it came from.
/// </summary>
public sealed class IndicatorLibraryEntry
{
    private IndicatorLibraryEntry() { }

    public long Id { get; private set; }
    public LibraryKind Kind { get; private set; }
    /// <summary>行业领域 code (education, health …; "general" for 共性).</summary>
    public string Sector { get; private set; } = "";
    public string Level1 { get; private set; } = "";
    public string Level2 { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>指标性质, when the example value says it (a published value that cannot be read leaves it open).</summary>
    public Comparison? Comparison { get; private set; }
    /// <summary>An example target value, as published or as approved.</summary>
    public string ExampleValue { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string ScoringStandard { get; private set; } = "";
    /// <summary>Where it came from: a published region (云南省临沧市永德县) or a region code.</summary>
    public string OriginRegion { get; private set; } = "";
    public int OriginYear { get; private set; }
    public long? OriginProjectId { get; private set; }
    public LibraryEntryStatus Status { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public string DecidedBy { get; private set; } = "";
    public string DecisionNote { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    public static IndicatorLibraryEntry Published(LibraryKind kind, string sector, string level1, string level2, string name,
        Comparison? comparison, string exampleValue, string unit, string originRegion, int originYear, DateTime nowUtc) => new()
    {
        Kind = kind, Sector = sector, Level1 = level1, Level2 = level2, Name = name, Comparison = comparison,
        ExampleValue = exampleValue, Unit = unit, OriginRegion = originRegion, OriginYear = originYear,
        Status = LibraryEntryStatus.Active, CreatedAtUtc = nowUtc,
    };

    /// <summary>The seed's update path: a published entry's example and unit as the library seed cleans them.</summary>
    public void CleanExample(string exampleValue, string unit) => (ExampleValue, Unit) = (exampleValue, unit);

    /// <summary>纳入指标库: a project's indicator proposed for the library (decided by the performance division).</summary>
    public static IndicatorLibraryEntry Propose(string sector, Domain.Targets.TargetIndicator indicator, string regionCode, int year,
        long projectId, string proposedBy, DateTime nowUtc) => new()
    {
        Kind = sector == Sectors.Common ? LibraryKind.Common : LibraryKind.Sector,
        Sector = Sectors.Ensure(sector), Level1 = indicator.Level1, Level2 = indicator.Level2, Name = indicator.Name,
        Comparison = indicator.Comparison, ExampleValue = indicator.TargetValue, Unit = indicator.Unit,
        Explanation = indicator.Explanation, ScoringStandard = indicator.ScoringStandard, OriginRegion = regionCode,
        OriginYear = year, OriginProjectId = projectId, Status = LibraryEntryStatus.Proposed, ProposedBy = proposedBy, CreatedAtUtc = nowUtc,
    };

    public void Decide(bool accept, string decidedBy, string? note)
    {
        if (Status != LibraryEntryStatus.Proposed)
            throw new ConflictException($"指标“{Name}”不在待审状态，不能再审核。");
        if (!accept && string.IsNullOrWhiteSpace(note))
            throw new DomainException("不纳入指标库时请写明理由。", "意见");
        Status = accept ? LibraryEntryStatus.Active : LibraryEntryStatus.Declined;
        DecidedBy = decidedBy;
        DecisionNote = (note ?? "").Trim();
    }
}

/// <summary>行业领域 of the library, with Chinese names.</summary>
public static class Sectors
{
    public const string Common = "general";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Common] = "共性（通用）",
        ["education"] = "教育",
        ["health"] = "卫生健康",
        ["water"] = "水利",
        ["agriculture"] = "农业农村",
        ["forestry"] = "林业和草原",
        ["culture"] = "文化",
        ["tourism"] = "文化旅游",
        ["safety"] = "安全生产",
        ["transport"] = "交通运输",
        ["hr_social_security"] = "人力资源和社会保障",
        ["social_security"] = "社会保障和医疗保险",
        ["market_supervision"] = "市场监管",
        ["grain_reserve"] = "粮食和物资储备",
        ["natural_resources"] = "自然资源",
        ["public_security"] = "公共安全和司法",
        ["urban_management"] = "城市管理和生态环境",
        ["housing"] = "住房城乡建设",
    };

    public static string Name(string sector) => Names.GetValueOrDefault(sector, sector);

    private static readonly IReadOnlyDictionary<string, string> CodesByName = Names.ToDictionary(s => s.Value, s => s.Key);

    /// <summary>A sector as people write it: its code or its Chinese name (教育 → education); null when it is neither.</summary>
    public static string? CodeOf(string written) => Names.ContainsKey(written) ? written : CodesByName.GetValueOrDefault(written);

    public static string Ensure(string sector) => Names.ContainsKey(sector)
        ? sector
        : throw new DomainException($"未知的行业领域“{sector}”，应为：{string.Join("、", Names.Values)}。", "行业领域");

    /// <summary>The library sector of a sector tag in published-indicators.csv (e.g. general_admin_media → general).</summary>
    public static string FromPublished(string tag) => tag switch
    {
        "general_admin" or "general_admin_media" or "township_general" => Common,
        "agriculture_rural_revitalization" => "agriculture",
        "hr_social_security_training" => "hr_social_security",
        "social_security_medical_insurance" => "social_security",
        "tourism_poverty_alleviation" => "tourism",
        "transport_rural" => "transport",
        "urban_management_environment" => "urban_management",
        "public_security_justice" => "public_security",
        _ => Names.ContainsKey(tag) ? tag : Common,
    };
}
