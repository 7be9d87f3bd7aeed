using Jixiao.Domain.Engagements;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Agencies;

/// <summary>What an agency's details are: name, type, credit code, contact, staff and qualifications.</summary>
public sealed record AgencyDetails(
    string Name, AgencyType Type, string CreditCode, string ContactPerson, string ContactPhone, string ContactEmail, string Address, int StaffCount,
    IReadOnlyList<AgencyQualification> Qualifications);

/// <summary>A scope of engagement the agency is qualified for, with the certificate or evidence (资质证书、执业许可…).</summary>
public sealed record AgencyQualification(EngagementScope Scope, string Certificate);

/// <summary>
/// An organisation the agency audits or advises (年审、咨询、代理记账…), which it therefore may not evaluate in that period.
/// Declared by the agency or recorded by finance; <see cref="To"/> null: still ongoing.
/// </summary>
public sealed class AgencyConflict
{
    private AgencyConflict() { }

    public long Id { get; private set; }
    public long OrgUnitId { get; private set; }
    public ConflictSource Source { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public string Note { get; private set; } = "";

    public bool CoversDate(DateOnly on) => From <= on && (To is not { } to || on <= to);

    internal static AgencyConflict Create(long orgUnitId, ConflictSource source, DateOnly from, DateOnly? to, string? note)
    {
        if (to is { } end && end < from)
            throw new DomainException($"利益冲突的截止日期 {end:yyyy-MM-dd} 早于起始日期 {from:yyyy-MM-dd}，请调整。", "截止日期");
        return new AgencyConflict { OrgUnitId = orgUnitId, Source = source, From = from, To = to, Note = ContactText.Name(note, "冲突说明", 300) };
    }
}

/// <summary>One year's rating of the agency (年度考核): score out of 100 and grade.</summary>
public sealed record AgencyRating(int Year, decimal Score, AgencyGrade Grade);

/// <summary>
/// A third-party agency of a region's register (第三方机构库). Only an agency that is 在库 on a date, qualified for the scope
/// and without a conflict with the evaluated organisations may be drawn (<see cref="IsActiveOn"/>, <see cref="IsQualifiedFor"/>,
/// <see cref="ConflictsWith"/>). Status changes are guarded: a suspension or blacklisting needs a reason and a period.
/// </summary>
public sealed class Agency : IRegionOwned
{
    private Agency() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public AgencyType Type { get; private set; }
    /// <summary>统一社会信用代码, checked by <see cref="Agencies.CreditCode"/>; unique in the region.</summary>
    public string CreditCode { get; private set; } = "";
    public string ContactPerson { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";
    public string ContactEmail { get; private set; } = "";
    public string Address { get; private set; } = "";
    /// <summary>从业人员数</summary>
    public int StaffCount { get; private set; }
    public List<AgencyQualification> Qualifications { get; private set; } = [];
    public AgencyStatus Status { get; private set; } = AgencyStatus.Active;
    /// <summary>Why the agency is suspended or blacklisted (or why it was reinstated).</summary>
    public string StatusReason { get; private set; } = "";
    /// <summary>The period of a suspension or blacklisting; <see cref="StatusTo"/> null: until lifted.</summary>
    public DateOnly? StatusFrom { get; private set; }
    public DateOnly? StatusTo { get; private set; }
    public List<AgencyConflict> Conflicts { get; private set; } = [];
    public List<AgencyRating> Ratings { get; private set; } = [];

    public static Agency Create(string regionCode, AgencyDetails details)
    {
        Organisation.RegionCode.EnsureValid(regionCode);
        var agency = new Agency { RegionCode = regionCode };
        agency.Update(details);
        return agency;
    }

    public void Update(AgencyDetails details)
    {
        var name = ContactText.Name(details.Name, "机构名称", 100);
        if (!Enum.IsDefined(details.Type))
            throw new DomainException($"机构类型应为：{string.Join("、", Enum.GetValues<AgencyType>().Select(t => t.Label()))}。", "机构类型");
        if (details.StaffCount is < 0 or > 100_000)
            throw new DomainException($"从业人员数应在 0–100000 之间，当前为 {details.StaffCount}。", "从业人员数");
        var qualifications = new List<AgencyQualification>();
        foreach (var q in details.Qualifications ?? [])
        {
            if (!Enum.IsDefined(q.Scope))
                throw new DomainException($"资质范围应为：{string.Join("、", Enum.GetValues<EngagementScope>().Select(s => s.Label()))}。", "资质范围");
            if (qualifications.Any(x => x.Scope == q.Scope))
                throw new DomainException($"资质范围“{q.Scope.Label()}”填写了两次，请合并为一行。", "资质范围");
            qualifications.Add(q with { Certificate = ContactText.Optional(q.Certificate, "资质证明", 200) });
        }
        Name = name;
        Type = details.Type;
        CreditCode = Agencies.CreditCode.Parse(details.CreditCode).Value;
        ContactPerson = ContactText.Optional(details.ContactPerson, "联系人", 50);
        ContactPhone = ContactText.Phone(details.ContactPhone);
        ContactEmail = ContactText.Email(details.ContactEmail);
        Address = ContactText.Optional(details.Address, "地址", 200);
        StaffCount = details.StaffCount;
        Qualifications = qualifications.OrderBy(q => q.Scope).ToList();
    }

    public bool IsQualifiedFor(EngagementScope scope) => Qualifications.Any(q => q.Scope == scope);

    /// <summary>在库 on <paramref name="on"/>: not within a suspension or blacklisting period.</summary>
    public bool IsActiveOn(DateOnly on) =>
        Status == AgencyStatus.Active || StatusFrom is not { } from || on < from || (StatusTo is { } to && on > to);

    /// <summary>
    /// Whether the agency has a conflict with one of <paramref name="orgIds"/> on <paramref name="on"/>. Pass the evaluated
    /// organisations and their departments: a conflict recorded with a department covers its units.
    /// </summary>
    public bool ConflictsWith(IEnumerable<long> orgIds, DateOnly on)
    {
        var ids = orgIds.ToHashSet();
        return Conflicts.Any(c => ids.Contains(c.OrgUnitId) && c.CoversDate(on));
    }

    /// <summary>
    /// The agency as the lottery assesses it on <paramref name="on"/> for an engagement of <paramref name="fiscalYear"/>: in the
    /// register that day, its qualifications, the conflicts in force, its open engagements, and its rating of the year before.
    /// </summary>
    public AgencyCandidate CandidateOn(DateOnly on, int fiscalYear, int openEngagements) =>
        new(Id, Name, IsActiveOn(on), Qualifications.Select(q => q.Scope).ToHashSet(), Conflicts.Where(c => c.CoversDate(on)).Select(c => c.OrgUnitId).ToHashSet(),
            openEngagements, Ratings.FirstOrDefault(r => r.Year == fiscalYear - 1)?.Score);

    /// <summary>暂停: from <paramref name="from"/> to <paramref name="to"/> (null: until reinstated).</summary>
    public void Suspend(string? reason, DateOnly from, DateOnly? to) => Restrict(AgencyStatus.Suspended, reason, from, to);

    /// <summary>列入黑名单: also from a suspension; <paramref name="to"/> null: for good.</summary>
    public void Blacklist(string? reason, DateOnly from, DateOnly? to) => Restrict(AgencyStatus.Blacklisted, reason, from, to);

    /// <summary>
    /// 恢复在库. A suspension may be lifted at any time; a blacklisting only after its period has ended — a blacklisting
    /// without an end date is for good.
    /// </summary>
    public void Reinstate(string? reason, DateOnly on)
    {
        switch (Status)
        {
            case AgencyStatus.Active:
                throw new ConflictException($"“{Name}”已在库，无需恢复。");
            case AgencyStatus.Blacklisted when StatusTo is null:
                throw new ConflictException($"“{Name}”被永久列入黑名单（{StatusReason}），不能恢复在库。");
            case AgencyStatus.Blacklisted when on <= StatusTo:
                throw new ConflictException($"“{Name}”的黑名单期限至 {StatusTo:yyyy-MM-dd}，期满后才能恢复在库。");
        }
        StatusReason = Reasons.Require(reason, "恢复在库");
        Status = AgencyStatus.Active;
        StatusFrom = on;
        StatusTo = null;
    }

    private void Restrict(AgencyStatus status, string? reason, DateOnly from, DateOnly? to)
    {
        if (Status == status)
            throw new ConflictException($"“{Name}”已是“{status.Label()}”状态（{StatusReason}）；如需改变期限，请先恢复在库。");
        if (Status == AgencyStatus.Blacklisted)
            throw new ConflictException($"“{Name}”已列入黑名单，不能改为暂停。");
        if (to is { } end && end < from)
            throw new DomainException($"{status.Label()}的截止日期 {end:yyyy-MM-dd} 早于起始日期 {from:yyyy-MM-dd}，请调整。", "截止日期");
        StatusReason = Reasons.Require(reason, status == AgencyStatus.Suspended ? "暂停" : "列入黑名单");
        Status = status;
        StatusFrom = from;
        StatusTo = to;
    }

    public AgencyConflict AddConflict(long orgUnitId, ConflictSource source, DateOnly from, DateOnly? to, string? note)
    {
        var conflict = AgencyConflict.Create(orgUnitId, source, from, to, note);
        if (Conflicts.Any(c => c.OrgUnitId == orgUnitId && c.From <= (to ?? DateOnly.MaxValue) && from <= (c.To ?? DateOnly.MaxValue)))
            throw new ConflictException("与该机构的利益冲突在这段期间内已有登记，请修改原记录的期间，不要重复登记。");
        Conflicts.Add(conflict);
        return conflict;
    }

    /// <summary>Removes a conflict put on record by mistake (an ended one is kept with its end date).</summary>
    public void RemoveConflict(long conflictId)
    {
        if (Conflicts.RemoveAll(c => c.Id == conflictId) == 0)
            throw new DomainException($"“{Name}”没有编号为 {conflictId} 的利益冲突记录。", "利益冲突");
    }

    /// <summary>Stores the rating of <see cref="AgencyRating.Year"/> (computed by the yearly rating), replacing an earlier one.</summary>
    public void Rate(AgencyRating rating)
    {
        FiscalYears.EnsureValid(rating.Year);
        if (rating.Score is < 0 or > 100)
            throw new DomainException($"年度考核得分应在 0–100 之间，当前为 {rating.Score}。", "考核得分");
        Ratings.RemoveAll(r => r.Year == rating.Year);
        Ratings.Add(rating);
        Ratings.Sort((a, b) => a.Year.CompareTo(b.Year));
    }
}
