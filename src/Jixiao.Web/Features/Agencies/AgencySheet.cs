using Jixiao.Domain.Agencies;
using Jixiao.Domain.Engagements;
using Jixiao.Web.Features.Imports;

namespace Jixiao.Web.Features.Agencies;

/// <summary>
/// The agency register as a sheet: exported with status, conflicts and ratings; imported (the first eight columns and
/// 资质范围) all or nothing, keyed by 统一社会信用代码 — a known code updates that agency, a new one adds it. Status and
/// conflicts are not imported: each needs its reason and is changed on the page.
/// </summary>
public static class AgencySheet
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("name", "机构名称", true, false),
        new("type", "机构类型", true, false),
        new("code", CreditCode.Field, true, false, "信用代码", "社会信用代码"),
        new("person", "联系人", false, false),
        new("phone", "联系电话", false, false, "电话"),
        new("email", "电子邮箱", false, false, "邮箱"),
        new("address", "地址", false, false, "办公地址"),
        new("staff", "从业人员数", false, false, "从业人员", "人员数"),
        new("qualifications", "资质范围", false, false, "资质"),
    ];

    private static readonly IReadOnlyDictionary<string, AgencyType> Types = Enum.GetValues<AgencyType>().ToDictionary(t => t.Label());

    public static async Task<byte[]> ExportAsync(JixiaoDbContext db, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var ids = agencies.SelectMany(a => a.Conflicts).Select(c => c.OrgUnitId).Distinct().ToList();
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        List<IReadOnlyList<object?>> rows = [[.. Columns.Select(c => c.Title), "状态", "状态说明", "利益冲突", "最近年度考核"]];
        foreach (var a in agencies)
        {
            var rating = a.Ratings.LastOrDefault();
            rows.Add([a.Name, a.Type.Label(), a.CreditCode, a.ContactPerson, a.ContactPhone, a.ContactEmail, a.Address, a.StaffCount,
                string.Join("、", a.Qualifications.Select(q => q.Certificate.Length > 0 ? $"{q.Scope.Label()}（{q.Certificate}）" : q.Scope.Label())),
                a.Status.Label(), AgencyText.StatusNote(a),
                string.Join("；", a.Conflicts.Select(c => $"{orgs.GetValueOrDefault(c.OrgUnitId, "?")} {AgencyText.Period(c.From, c.To)}")),
                rating is null ? "" : $"{rating.Year}年 {rating.Score:0.##}分 {rating.Grade.Label()}"]);
        }
        return XlsxWriter.Write("第三方机构库", rows, new SheetLayout(HeaderRows: [1], TextColumns: [2, 4],
            Lists: [(1, Types.Keys.ToList())]));
    }

    public static Task<RegisterImportReport> ImportAsync(JixiaoDbContext db, CurrentUser user, string fileName, byte[] content, UploadLimits limits,
        CancellationToken ct)
    {
        var seen = new Dictionary<string, int>();
        return RegisterImport.RunAsync(db, AgencyWork.Saves, fileName, content, limits, Columns, async (r, token) =>
        {
            var type = r.Choice("type", Types, AgencyType.Consulting);
            var staffText = r.Code("staff", false, 10);
            var staff = 0;
            if (staffText.Length > 0 && !int.TryParse(staffText, out staff))
                r.Error("staff", $"从业人员数“{staffText}”应为整数。");
            var qualifications = Qualifications(r);
            if (r.Failed) return null;
            var details = new AgencyDetails(r.Text("name", true, 100), type, r.Raw("code"), r.Text("person", false, 50), r.Raw("phone"), r.Raw("email"),
                r.Text("address", false, 200), staff, qualifications);
            var code = CreditCode.Parse(details.CreditCode).Value;
            if (seen.TryGetValue(code, out var earlier))
            {
                r.Error("code", $"统一社会信用代码 {code} 已在第 {earlier} 行出现，同一机构只能填写一行。");
                return null;
            }
            seen[code] = r.Number;
            var region = user.RegionCode ?? "";
            if (await db.Agencies.SingleOrDefaultAsync(a => a.RegionCode == region && a.CreditCode == code, token) is { } known)
            {
                known.Update(details);
                return false;
            }
            db.Agencies.Add(Agency.Create(region, details));
            return true;
        }, ct);
    }

    private static readonly IReadOnlyDictionary<string, EngagementScope> Scopes = Enum.GetValues<EngagementScope>().ToDictionary(s => s.Label());

    /// <summary>"财政重点评价（执业证书 14040023）、运行监控": a scope by its name, the certificate in brackets.</summary>
    private static List<AgencyQualification> Qualifications(RowReader r)
    {
        var list = new List<AgencyQualification>();
        foreach (var item in Items(r.Raw("qualifications")))
        {
            var open = item.IndexOfAny(['（', '(']);
            var name = (open < 0 ? item : item[..open]).Trim();
            var certificate = open < 0 ? "" : item[(open + 1)..] is var rest && rest.EndsWith('）') || rest.EndsWith(')') ? rest[..^1].Trim() : rest.Trim();
            if (Scopes.TryGetValue(name, out var scope)) list.Add(new AgencyQualification(scope, certificate));
            else r.Error("qualifications", $"“{name}”不是委托范围，可选：{string.Join("、", Scopes.Keys)}（证书写在其后的括号里）。");
        }
        return list;
    }

    /// <summary>The items of a 资质范围 cell, split at 、 ； ; or a line break outside brackets (a certificate may list things itself).</summary>
    private static IEnumerable<string> Items(string cell)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= cell.Length; i++)
        {
            var c = i < cell.Length ? cell[i] : '\n';
            if (c is '（' or '(') depth++;
            else if (c is '）' or ')') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && c is '、' or '；' or ';' or '\n')
            {
                if (cell[start..i].Trim() is { Length: > 0 } item) yield return item;
                start = i + 1;
            }
        }
    }
}

/// <summary>How an agency's status and periods read on pages and in the sheet.</summary>
public static class AgencyText
{
    public static string Period(DateOnly? from, DateOnly? to) => from is { } f ? $"{f:yyyy-MM-dd} 至 {(to is { } t ? t.ToString("yyyy-MM-dd") : "长期")}" : "";

    public static string StatusNote(Agency a) => a.Status == AgencyStatus.Active
        ? a.StatusReason
        : $"{Period(a.StatusFrom, a.StatusTo)}：{a.StatusReason}";
}
