using Jixiao.Domain.Agencies;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Agencies;

/// <summary>A status change asked for: 在库 (恢复), 暂停 or 黑名单, with the reason and period.</summary>
public sealed record AgencyStatusChange(AgencyStatus Status, string? Reason, DateOnly? From, DateOnly? To);

/// <summary>A conflict of interest to put on record: the organisation, who says so, the period and what the relation is.</summary>
public sealed record ConflictInput(long OrgUnitId, ConflictSource Source, DateOnly From, DateOnly? To, string? Note);

/// <summary>
/// The agency register's use cases: search, create and update (the performance division keeps the register), status,
/// conflicts. Scope is the filters': another region's or — for an agency account — another agency's id is not found.
/// </summary>
public static partial class AgencyWork
{
    public static readonly SaveConflicts Saves = new("该机构刚刚被他人修改，请刷新后重试。", new Dictionary<string, string>
    {
        ["IX_Agencies_RegionCode_CreditCode"] = "本区划的第三方机构库中已有相同统一社会信用代码的机构，请勿重复登记。",
        ["IX_AgencyRatings_AgencyId_Year"] = "该机构本年度的评级刚刚被他人保存，请刷新后查看。",
    });

    public static async Task<FormPage<Agency>> SearchAsync(JixiaoDbContext db, string? q, AgencyType? type, AgencyStatus? status, int page, int pageSize,
        CancellationToken ct)
    {
        var agencies = db.Agencies.AsNoTracking();
        foreach (var word in (q ?? "").Split(' ', '　').Where(w => w.Length > 0))
            agencies = agencies.Where(a => a.Name.Contains(word) || a.CreditCode.Contains(word.ToUpper()));
        if (type is { } t) agencies = agencies.Where(a => a.Type == t);
        if (status is { } s) agencies = agencies.Where(a => a.Status == s);
        pageSize = Math.Clamp(pageSize, 10, 200);
        page = Math.Max(1, page);
        var total = await agencies.CountAsync(ct);
        var rows = await agencies.OrderBy(a => a.Status).ThenBy(a => a.Name).ThenBy(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new FormPage<Agency>(rows, total, page, pageSize);
    }

    public static Task<Agency?> FindAsync(JixiaoDbContext db, long id, CancellationToken ct) => db.Agencies.SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>The names of the organisations an agency's conflicts name (those the reader may see).</summary>
    public static async Task<IReadOnlyDictionary<long, string>> ConflictOrgNamesAsync(JixiaoDbContext db, Agency agency, CancellationToken ct)
    {
        var ids = agency.Conflicts.Select(c => c.OrgUnitId).Distinct().ToList();
        return await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    public static async Task<Agency> CreateAsync(JixiaoDbContext db, CurrentUser user, AgencyDetails details, CancellationToken ct)
    {
        var agency = Agency.Create(user.RegionCode ?? "", details);
        await EnsureUniqueAsync(db, agency, ct);
        db.Agencies.Add(agency);
        await Saves.SaveAsync(db, ct);
        return agency;
    }

    public static async Task<Agency?> UpdateAsync(JixiaoDbContext db, long id, AgencyDetails details, CancellationToken ct)
    {
        if (await FindAsync(db, id, ct) is not { } agency) return null;
        agency.Update(details);
        await EnsureUniqueAsync(db, agency, ct);
        await Saves.SaveAsync(db, ct);
        return agency;
    }

    /// <summary>The credit code is unique in a region: said beside the field, before the database refuses it.</summary>
    public static async Task EnsureUniqueAsync(JixiaoDbContext db, Agency agency, CancellationToken ct)
    {
        var other = await db.Agencies.AsNoTracking().Where(a => a.RegionCode == agency.RegionCode && a.CreditCode == agency.CreditCode && a.Id != agency.Id)
            .Select(a => a.Name).FirstOrDefaultAsync(ct);
        if (other is not null)
            throw new DomainException($"统一社会信用代码 {agency.CreditCode} 已登记为“{other}”，同一机构不能重复登记。", CreditCode.Field);
    }

    public static async Task<Agency?> ChangeStatusAsync(JixiaoDbContext db, long id, AgencyStatusChange change, DateOnly today, CancellationToken ct)
    {
        if (await FindAsync(db, id, ct) is not { } agency) return null;
        var from = change.From ?? today;
        switch (change.Status)
        {
            case AgencyStatus.Suspended: agency.Suspend(change.Reason, from, change.To); break;
            case AgencyStatus.Blacklisted: agency.Blacklist(change.Reason, from, change.To); break;
            default: agency.Reinstate(change.Reason, today); break;
        }
        await Saves.SaveAsync(db, ct);
        return agency;
    }

    public static async Task<Agency?> AddConflictAsync(JixiaoDbContext db, long id, ConflictInput input, CancellationToken ct)
    {
        if (await FindAsync(db, id, ct) is not { } agency) return null;
        if (!await db.OrgUnits.AnyAsync(o => o.Id == input.OrgUnitId && o.RegionCode == agency.RegionCode, ct))
            throw new DomainException($"机构编号 {input.OrgUnitId} 不是本区划的单位或部门，请从列表中选择。", "冲突单位");
        agency.AddConflict(input.OrgUnitId, input.Source, input.From, input.To, input.Note);
        await Saves.SaveAsync(db, ct);
        return agency;
    }

    public static async Task<Agency?> RemoveConflictAsync(JixiaoDbContext db, long id, long conflictId, CancellationToken ct)
    {
        if (await FindAsync(db, id, ct) is not { } agency || agency.Conflicts.All(c => c.Id != conflictId)) return null;
        agency.RemoveConflict(conflictId);
        await Saves.SaveAsync(db, ct);
        return agency;
    }
}
