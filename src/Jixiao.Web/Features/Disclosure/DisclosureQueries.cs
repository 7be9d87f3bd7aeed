using Jixiao.Domain.Disclosure;

namespace Jixiao.Web.Features.Disclosure;

/// <summary>A department's line of one kind: its approved items, how many are public (any version), waiting, withheld.</summary>
public sealed record DisclosureCount(string DepartmentCode, string Department, int Items, int Published, int Waiting, int Withheld)
{
    /// <summary>公开率: public of approved.</summary>
    public decimal? Rate => Items > 0 ? (decimal)Published / Items : null;
}

public sealed record ReasonCount(string Reason, int Count);

/// <summary>One kind's figures for the year (the seeds report 100 %): the total line, by department, the reasons of what is not public.</summary>
public sealed record KindDisclosure(PublicationKind Kind, DisclosureCount Total, IReadOnlyList<DisclosureCount> ByDepartment, IReadOnlyList<ReasonCount> Reasons);

public sealed record BatchRow(long Id, PublicationKind Kind, string Title, int Items, DateOnly PublishedOn, string PublishedBy);

public sealed record DisclosureOverview(int Year, IReadOnlyList<KindDisclosure> Kinds, IReadOnlyList<BatchRow> Batches, IReadOnlyList<string> Reasons);

/// <param name="State">待公开、新版本待公开、已公开、不公开</param>
/// <param name="Q">编码、名称或单位</param>
public sealed record CandidateQuery(int? Year = null, PublicationKind Kind = PublicationKind.ProjectTargets, PublicationState? State = null, string? DepartmentCode = null,
    string? Q = null, int? Page = null);

public sealed record CandidatePage(int Year, PublicationKind Kind, IReadOnlyList<Candidate> Rows, int Total, int Page, int PageSize);

public static class DisclosureQueries
{
    public const int PageSize = 50;

    public static async Task<DisclosureOverview> OverviewAsync(JixiaoDbContext db, CurrentUser user, int year, CancellationToken ct)
    {
        var region = user.RegionCode ?? "";
        var kinds = new List<KindDisclosure>();
        foreach (var kind in Enum.GetValues<PublicationKind>())
        {
            var all = await DisclosureWork.CandidatesAsync(db, region, year, kind, ct);
            var byDepartment = all.GroupBy(c => (c.DepartmentCode, c.Department)).OrderBy(g => g.Key.DepartmentCode)
                .Select(g => Count(g.Key.DepartmentCode, g.Key.Department, g)).ToList();
            kinds.Add(new KindDisclosure(kind, Count("", "合计", all), byDepartment,
                [.. all.Where(c => c.State == PublicationState.Withheld).GroupBy(c => c.Reason).Select(g => new ReasonCount(g.Key, g.Count())).OrderByDescending(r => r.Count)]));
        }
        var batches = await db.PublicationBatches.AsNoTracking().Where(b => b.RegionCode == region && b.FiscalYear == year).OrderByDescending(b => b.Id)
            .Select(b => new BatchRow(b.Id, b.Kind, b.Title, b.Items, b.PublishedOn, b.PublishedBy)).ToListAsync(ct);
        return new DisclosureOverview(year, kinds, batches, await DisclosureWork.ReasonsAsync(db, region, year, ct));
    }

    private static DisclosureCount Count(string code, string name, IEnumerable<Candidate> items)
    {
        var list = items.ToList();
        return new DisclosureCount(code, name, list.Count, list.Count(c => c.State is PublicationState.Published or PublicationState.NewVersion),
            list.Count(c => c.State is PublicationState.Waiting or PublicationState.NewVersion), list.Count(c => c.State == PublicationState.Withheld));
    }

    public static async Task<CandidatePage> ItemsAsync(JixiaoDbContext db, CurrentUser user, CandidateQuery q, int year, CancellationToken ct)
    {
        IEnumerable<Candidate> rows = await DisclosureWork.CandidatesAsync(db, user.RegionCode ?? "", year, q.Kind, ct);
        if (q.State is { } state) rows = rows.Where(c => c.State == state);
        if (!string.IsNullOrWhiteSpace(q.DepartmentCode)) rows = rows.Where(c => c.DepartmentCode == q.DepartmentCode);
        foreach (var word in (q.Q ?? "").Split(' ', '　').Where(w => w.Length > 0))
            rows = rows.Where(c => c.Code.Contains(word) || c.Title.Contains(word) || c.Unit.Contains(word));
        var list = rows.ToList();
        var page = Math.Clamp(q.Page ?? 1, 1, Math.Max(1, (list.Count + PageSize - 1) / PageSize));
        return new CandidatePage(year, q.Kind, [.. list.Skip((page - 1) * PageSize).Take(PageSize)], list.Count, page, PageSize);
    }

    /// <summary>The year's figures as one xlsx: a block per kind, its total line first, then its departments; the reasons of what is withheld.</summary>
    public static async Task<(string FileName, byte[] Content)> ExportAsync(JixiaoDbContext db, CurrentUser user, int year, CancellationToken ct)
    {
        var o = await OverviewAsync(db, user, year, ct);
        string[] header = ["公开内容", "主管部门", "已批复", "已公开", "公开率", "待公开", "不公开", "不公开理由"];
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{year} 年度预算绩效信息公开情况" },
            new object?[] { "说明：已批复指已批复的目标、审核通过的自评、已出具结论的重点评价；已公开含调整前已公开的版本；待公开含调整后的新版本。" },
            header,
        };
        foreach (var k in o.Kinds)
        {
            var reasons = string.Join("、", k.Reasons.Select(r => $"{r.Reason} {r.Count}"));
            rows.Add(Line(k.Kind.Label(), k.Total, reasons));
            rows.AddRange(k.ByDepartment.Select(d => Line(k.Kind.Label(), d, "")));
        }
        return ($"{year}年度信息公开情况.xlsx", XlsxWriter.Write("信息公开", rows,
            new SheetLayout(Widths: [18, 28, 10, 10, 10, 10, 10, 30], HeaderRows: [3], Titled: true, NoteRows: [2])));

        static IReadOnlyList<object?> Line(string kind, DisclosureCount c, string reasons) =>
            [kind, c.Department, c.Items, c.Published, Percent.Of(c.Rate), c.Waiting, c.Withheld, reasons];
    }
}
