using Jixiao.Domain.Experts;
using Jixiao.Domain.Indicators;
using Jixiao.Web.Features.Imports;

namespace Jixiao.Web.Features.Experts;

/// <summary>
/// The expert pool as a sheet: exported with status; imported (the first eight columns) all or nothing, keyed by 姓名 and
/// 联系电话 — a known person updates their current record, a new one is added. 行业领域 are written by their names in the
/// indicator library, 回避单位 by the names (or codes) of the region's organisations. Status is not imported: each change
/// needs its reason and is made on the page; a row exported as 退出 updates that withdrawn record (a person who left and
/// returned has both), never the current one. A 工作单位 written as one of the region's organisations links the expert to it, so
/// that the expert stands aside for its reviews.
/// </summary>
public static class ExpertSheet
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("name", "姓名", true, false, "专家姓名"),
        new("fields", "行业领域", true, false, "领域", "专业领域"),
        new("title", "职称", false, false, "职称/职务"),
        new("organisation", "工作单位", true, false, "单位"),
        new("phone", "联系电话", false, false, "电话", "手机"),
        new("email", "电子邮箱", false, false, "邮箱"),
        new("avoidOrgs", "回避单位", false, false),
        new("avoidPersons", "回避人员", false, false),
        // Exported, not imported: it only tells a withdrawn record from the current one of the same person.
        new("status", "状态", false, false),
    ];


    public static async Task<byte[]> ExportAsync(JixiaoDbContext db, CancellationToken ct)
    {
        var experts = await db.Experts.AsNoTracking().OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync(ct);
        var ids = experts.SelectMany(e => e.AvoidOrgUnitIds).Distinct().ToList();
        // The names the reader may see (the scope filter decides); an organisation outside it reads "?".
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        List<IReadOnlyList<object?>> rows = [[.. Columns.Select(c => c.Title), "状态说明"]];
        foreach (var e in experts)
            rows.Add([e.Name, string.Join("、", e.Fields.Select(Sectors.Name)), e.Title, e.Organisation, e.Phone, e.Email,
                string.Join("、", e.AvoidOrgUnitIds.Select(id => orgs.GetValueOrDefault(id, "?"))), string.Join("、", e.AvoidPersons),
                e.Status.Label(), e.StatusReason]);
        return XlsxWriter.Write("专家库", rows, new SheetLayout(HeaderRows: [1], TextColumns: [4]));
    }

    private sealed record Org(long Id, string Code, string Name);

    public static async Task<RegisterImportReport> ImportAsync(JixiaoDbContext db, CurrentUser user, string fileName, byte[] content, UploadLimits limits,
        CancellationToken ct)
    {
        var region = user.RegionCode ?? "";
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => o.RegionCode == region).Select(o => new Org(o.Id, o.Code, o.Name)).ToListAsync(ct);
        var seen = new Dictionary<(string, string), int>();
        var matched = new HashSet<long>();
        return await RegisterImport.RunAsync(db, ExpertWork.Saves, fileName, content, limits, Columns, async (r, token) =>
        {
            var fields = Fields(r);
            var avoided = AvoidedOrgs(r, orgs);
            if (r.Failed) return null;
            var name = ContactText.Name(r.Raw("name"), "姓名", 50);
            var phone = ContactText.Phone(r.Raw("phone"));
            var records = await db.Experts.Where(e => e.RegionCode == region && e.Name == name && e.Phone == phone).OrderBy(e => e.Id).ToListAsync(token);
            Expert? known;
            if (r.Raw("status") == ExpertStatus.Withdrawn.Label())
            {
                // A record that left the pool, as exported: the person's withdrawn records in the order they were made.
                known = records.FirstOrDefault(e => e.Status == ExpertStatus.Withdrawn && !matched.Contains(e.Id));
                if (known is null)
                {
                    r.Error("status", $"第 {r.Number} 行“状态”为退出，但专家库中没有“{name}”已退出的记录：状态不通过导入修改，暂停、退出和恢复请在专家库页面办理并写明理由。");
                    return null;
                }
            }
            else
            {
                if (seen.TryGetValue((name, phone), out var earlier))
                {
                    r.Error("name", $"第 {r.Number} 行“{name}”（联系电话 {(phone.Length > 0 ? phone : "未填")}）已在第 {earlier} 行出现，同一专家只能填写一行。");
                    return null;
                }
                seen[(name, phone)] = r.Number;
                // The person's current record; one who left the pool and returns gets a new one.
                known = records.FirstOrDefault(e => e.Status != ExpertStatus.Withdrawn);
            }
            var organisation = r.Raw("organisation");
            // Unchanged, the link stays as it was made; a 工作单位 named as one of the region's organisations links to it.
            var orgUnitId = known is not null && known.Organisation == organisation
                ? known.OrgUnitId
                : orgs.Where(o => o.Name == organisation).Take(2).ToList() is [var only] ? only.Id : null;
            var details = new ExpertDetails(name, fields, r.Raw("title"), organisation, orgUnitId, phone, r.Raw("email"), avoided,
                RegisterImport.List(r.Raw("avoidPersons")));
            if (known is not null)
            {
                matched.Add(known.Id);
                known.Update(details);
                return false;
            }
            db.Experts.Add(Expert.Create(region, details));
            return true;
        }, ct);
    }

    /// <summary>"教育、卫生健康": the library's sector names.</summary>
    private static List<string> Fields(RowReader r)
    {
        var fields = new List<string>();
        var names = RegisterImport.List(r.Raw("fields"));
        if (names.Count == 0) r.Error("fields", $"第 {r.Number} 行“行业领域”不能为空，可选：{string.Join("、", Sectors.Names.Values)}。");
        foreach (var name in names)
        {
            if (Sectors.CodeOf(name) is { } code) fields.Add(code);
            else r.Error("fields", $"第 {r.Number} 行“行业领域”中的“{name}”不是指标库的行业领域，可选：{string.Join("、", Sectors.Names.Values)}（多个领域用“、”分隔）。");
        }
        return fields;
    }

    /// <summary>"襄垣县人民医院、10602": the region's organisations by name or code.</summary>
    private static List<long> AvoidedOrgs(RowReader r, IReadOnlyList<Org> orgs)
    {
        var ids = new List<long>();
        foreach (var item in RegisterImport.List(r.Raw("avoidOrgs")))
        {
            var byName = orgs.Where(o => o.Name == item).ToList();
            var matches = byName.Count > 0 ? byName : orgs.Where(o => o.Code == item).ToList();
            if (matches.Count == 1) ids.Add(matches[0].Id);
            else if (matches.Count > 1)
                r.Error("avoidOrgs", $"第 {r.Number} 行“回避单位”中的“{item}”有 {matches.Count} 个同名单位，请改填单位编码（{string.Join("、", matches.Select(m => m.Code))}）。");
            else
                r.Error("avoidOrgs", $"第 {r.Number} 行“回避单位”中的“{item}”不是本区划的单位或部门，请填写组织机构中的单位全称或单位编码。");
        }
        return ids;
    }
}
