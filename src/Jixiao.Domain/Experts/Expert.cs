using Jixiao.Domain.Indicators;
using Jixiao.Domain.Interchange;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Experts;

/// <summary>Whether an expert may be drawn for panels: 在库, 暂停 or 退出 (left the pool for good).</summary>
public enum ExpertStatus
{
    [Label("在库")] Active = 1,
    [Label("暂停")] Suspended = 2,
    [Label("退出")] Withdrawn = 3,
}

/// <summary>
/// What an expert's record says. <see cref="Fields"/> are 行业领域 codes of <see cref="Sectors"/> (as the indicator library
/// uses); <see cref="OrgUnitId"/> is the expert's organisation when it is inside the county (then it is avoided
/// automatically); the avoidance lists name further organisations and persons the expert must not review.
/// </summary>
public sealed record ExpertDetails(
    string Name, IReadOnlyList<string> Fields, string Title, string Organisation, long? OrgUnitId, string Phone, string Email,
    IReadOnlyList<long> AvoidOrgUnitIds, IReadOnlyList<string> AvoidPersons);

/// <summary>An expert of a region's pool (专家库): drawn by field for review panels, avoiding their own organisation and listed ones.</summary>
public sealed class Expert : IRegionOwned
{
    private Expert() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public List<string> Fields { get; private set; } = [];
    /// <summary>职称 (高级会计师、教授、高级工程师…)</summary>
    public string Title { get; private set; } = "";
    /// <summary>工作单位 as written</summary>
    public string Organisation { get; private set; } = "";
    public long? OrgUnitId { get; private set; }
    public string Phone { get; private set; } = "";
    public string Email { get; private set; } = "";
    public List<long> AvoidOrgUnitIds { get; private set; } = [];
    public List<string> AvoidPersons { get; private set; } = [];
    public ExpertStatus Status { get; private set; } = ExpertStatus.Active;
    public string StatusReason { get; private set; } = "";

    public static Expert Create(string regionCode, ExpertDetails details)
    {
        Domain.Organisation.RegionCode.EnsureValid(regionCode);
        var expert = new Expert { RegionCode = regionCode };
        expert.Update(details);
        return expert;
    }

    public void Update(ExpertDetails details)
    {
        var fields = (details.Fields ?? []).Select(f => CellText.Normalize(f)).Where(f => f.Length > 0).Distinct().ToList();
        if (fields.Count == 0)
            throw new DomainException($"请至少选择一个行业领域，可选：{string.Join("、", Sectors.Names.Values)}。", "行业领域");
        foreach (var field in fields) Sectors.Ensure(field);
        var persons = (details.AvoidPersons ?? []).Select(CellText.Clean).Where(p => p.Length > 0).Distinct().ToList();
        if (persons.Any(p => p.Length > 50))
            throw new DomainException("回避人员的每个姓名不超过 50 个字。", "回避人员");
        Name = ContactText.Name(details.Name, "姓名", 50);
        Fields = fields;
        Title = ContactText.Optional(details.Title, "职称", 50);
        Organisation = ContactText.Name(details.Organisation, "工作单位", 100);
        OrgUnitId = details.OrgUnitId;
        Phone = ContactText.Phone(details.Phone);
        Email = ContactText.Email(details.Email);
        AvoidOrgUnitIds = (details.AvoidOrgUnitIds ?? []).Distinct().Order().ToList();
        AvoidPersons = persons;
    }

    public bool IsActive => Status == ExpertStatus.Active;

    public bool Covers(string field) => Fields.Contains(field);

    /// <summary>The expert as a panel's draw sees them (<see cref="Panels.ExpertDraw"/>).</summary>
    public Panels.ExpertCandidate AsCandidate() =>
        new(Id, Name, IsActive, Fields.ToHashSet(), OrgUnitId, Organisation, AvoidOrgUnitIds.ToHashSet(), AvoidPersons.ToHashSet());

    /// <summary>
    /// Whether the expert must stand aside for a review of <paramref name="orgIds"/> (the evaluated organisations and their
    /// departments) involving <paramref name="persons"/>: their own organisation, a listed organisation, or a listed person.
    /// </summary>
    public bool MustAvoid(IEnumerable<long> orgIds, IEnumerable<string> persons)
    {
        var ids = orgIds.ToHashSet();
        return (OrgUnitId is { } own && ids.Contains(own)) || AvoidOrgUnitIds.Any(ids.Contains) || persons.Any(AvoidPersons.Contains);
    }

    public void Suspend(string? reason)
    {
        if (Status != ExpertStatus.Active)
            throw new ConflictException($"专家“{Name}”当前为“{Status.Label()}”，只有在库的专家可以暂停。");
        StatusReason = Reasons.Require(reason, "暂停专家");
        Status = ExpertStatus.Suspended;
    }

    /// <summary>退出专家库: final; a returning expert gets a new record.</summary>
    public void Withdraw(string? reason)
    {
        if (Status == ExpertStatus.Withdrawn)
            throw new ConflictException($"专家“{Name}”已退出专家库。");
        StatusReason = Reasons.Require(reason, "专家退出");
        Status = ExpertStatus.Withdrawn;
    }

    public void Reinstate(string? reason)
    {
        if (Status != ExpertStatus.Suspended)
            throw new ConflictException(Status == ExpertStatus.Withdrawn
                ? $"专家“{Name}”已退出专家库，不能恢复；如重新入库请新建专家记录。"
                : $"专家“{Name}”已在库，无需恢复。");
        StatusReason = Reasons.Require(reason, "恢复在库");
        Status = ExpertStatus.Active;
    }
}
