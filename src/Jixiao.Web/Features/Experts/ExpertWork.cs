using Jixiao.Domain.Experts;
using Jixiao.Domain.Indicators;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Experts;

/// <summary>A status change asked for: 暂停, 退出 or 恢复在库 (在库), with the reason.</summary>
public sealed record ExpertStatusChange(ExpertStatus Status, string? Reason);

/// <summary>
/// The expert pool's use cases: search, create and update (the performance division keeps the pool), status. Scope is the
/// filters': another region's or — for an expert account — another expert's id is not found.
/// </summary>
public static class ExpertWork
{
    /// <summary>A person is told apart by name and phone before saving (<see cref="EnsureUniqueAsync"/>); the unique index holds when two save at once.</summary>
    public static readonly SaveConflicts Saves = new("该专家记录刚刚被他人修改，请刷新后重试。", new Dictionary<string, string>
    {
        ["IX_Experts_RegionCode_Name_Phone"] = "专家库中刚刚登记了同名、同电话的在库专家，请刷新后核对是否重复登记。",
    });

    public static async Task<FormPage<Expert>> SearchAsync(JixiaoDbContext db, string? q, string? field, ExpertStatus? status, int page, int pageSize,
        CancellationToken ct)
    {
        var experts = db.Experts.AsNoTracking();
        foreach (var word in (q ?? "").Split(' ', '　').Where(w => w.Length > 0))
            experts = experts.Where(e => e.Name.Contains(word) || e.Organisation.Contains(word));
        if (!string.IsNullOrWhiteSpace(field))
        {
            var sector = Sectors.Ensure(field.Trim());
            experts = experts.Where(e => e.Fields.Contains(sector));
        }
        if (status is { } s) experts = experts.Where(e => e.Status == s);
        pageSize = Math.Clamp(pageSize, 10, 200);
        page = Math.Max(1, page);
        var total = await experts.CountAsync(ct);
        var rows = await experts.OrderBy(e => e.Status).ThenBy(e => e.Name).ThenBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new FormPage<Expert>(rows, total, page, pageSize);
    }

    public static Task<Expert?> FindAsync(JixiaoDbContext db, long id, CancellationToken ct) => db.Experts.SingleOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The names of the expert's organisation and avoided organisations that the reader may see (the scope filter decides).</summary>
    public static async Task<IReadOnlyDictionary<long, string>> OrgNamesAsync(JixiaoDbContext db, Expert expert, CancellationToken ct)
    {
        var ids = expert.AvoidOrgUnitIds.Concat(expert.OrgUnitId is { } own ? [own] : []).Distinct().ToList();
        return await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    public static async Task<Expert> CreateAsync(JixiaoDbContext db, CurrentUser user, ExpertDetails details, CancellationToken ct)
    {
        var expert = Expert.Create(user.RegionCode ?? "", details);
        await EnsureValidAsync(db, expert, ct);
        db.Experts.Add(expert);
        await Saves.SaveAsync(db, ct);
        return expert;
    }

    public static async Task<Expert?> UpdateAsync(JixiaoDbContext db, long id, ExpertDetails details, CancellationToken ct)
    {
        if (await FindAsync(db, id, ct) is not { } expert) return null;
        expert.Update(details);
        await EnsureValidAsync(db, expert, ct);
        await Saves.SaveAsync(db, ct);
        return expert;
    }

    /// <summary>The organisations named are the region's, and the person is not in the pool twice.</summary>
    public static async Task EnsureValidAsync(JixiaoDbContext db, Expert expert, CancellationToken ct)
    {
        if (expert.OrgUnitId is { } own && !await db.OrgUnits.AnyAsync(o => o.Id == own && o.RegionCode == expert.RegionCode, ct))
            throw new DomainException($"工作单位编号 {own} 不是本区划的单位或部门；县外单位只填写单位名称，不选择编号。", "工作单位");
        var avoided = expert.AvoidOrgUnitIds;
        if (avoided.Count > 0)
        {
            var known = await db.OrgUnits.Where(o => avoided.Contains(o.Id) && o.RegionCode == expert.RegionCode).Select(o => o.Id).ToListAsync(ct);
            if (avoided.Except(known).ToList() is { Count: > 0 } unknown)
                throw new DomainException($"回避单位编号 {string.Join("、", unknown)} 不是本区划的单位或部门，请从列表中选择。", "回避单位");
        }
        await EnsureUniqueAsync(db, expert, ct);
    }

    /// <summary>
    /// One person (name and phone) is in a region's pool once — said beside the field, before saving. A withdrawn record does
    /// not count: an expert who returns after leaving gets a new record (<see cref="Expert.Withdraw"/>).
    /// </summary>
    private static async Task EnsureUniqueAsync(JixiaoDbContext db, Expert expert, CancellationToken ct)
    {
        var other = await db.Experts.AsNoTracking()
            .Where(e => e.RegionCode == expert.RegionCode && e.Name == expert.Name && e.Phone == expert.Phone && e.Id != expert.Id
                        && e.Status != ExpertStatus.Withdrawn)
            .Select(e => e.Organisation).FirstOrDefaultAsync(ct);
        if (other is not null)
            throw new DomainException(expert.Phone.Length > 0
                ? $"专家库中已有“{expert.Name}”（{other}，联系电话 {expert.Phone}），同一专家不能重复登记；如需修改请编辑原记录。"
                : $"专家库中已有未填联系电话的“{expert.Name}”（{other}）；同名的不同专家请填写各自的联系电话，同一专家请编辑原记录。", "姓名");
    }

    public static async Task<Expert?> ChangeStatusAsync(JixiaoDbContext db, long id, ExpertStatusChange change, CancellationToken ct)
    {
        if (await FindAsync(db, id, ct) is not { } expert) return null;
        switch (change.Status)
        {
            case ExpertStatus.Suspended: expert.Suspend(change.Reason); break;
            case ExpertStatus.Withdrawn: expert.Withdraw(change.Reason); break;
            default: expert.Reinstate(change.Reason); break;
        }
        await Saves.SaveAsync(db, ct);
        return expert;
    }
}
