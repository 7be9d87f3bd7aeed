using Jixiao.Domain.Rectifications;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>A department's line: its items' tally (its units' and its own).</summary>
public sealed record DepartmentRectifications(long? DepartmentId, string Department, RectificationCount Count);

/// <summary>The rectification statistics of a source year (DOMAIN.md §5): by source, then by department; overdue as of <paramref name="AsOf"/>.</summary>
public sealed record RectificationStatistics(int? Year, DateOnly AsOf, IReadOnlyList<RectificationCount> BySource, IReadOnlyList<DepartmentRectifications> ByDepartment)
{
    public RectificationCount Total => BySource[^1];
}

public static class RectificationStatisticsQuery
{
    public static async Task<RectificationStatistics> ForYearAsync(JixiaoDbContext db, int? year, DateOnly today, CancellationToken ct)
    {
        var items = db.Rectifications.AsNoTracking();
        if (year is { } y) items = items.Where(r => r.FiscalYear == y);
        var rows = await items.Select(r => new { r.DepartmentId, r.Source, r.State, r.Deadline, r.HandedInOn, r.Amount }).ToListAsync(ct);
        var ids = rows.Select(r => r.DepartmentId).OfType<long>().Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Code, o.Name }).ToListAsync(ct);
        var bySource = RectificationTally.Of(rows.Select(r => new RectificationFacts(r.Source, r.State, r.Deadline, r.HandedInOn, r.Amount)), today);
        var byDepartment = rows.GroupBy(r => r.DepartmentId)
            .Select(g => (Key: g.Key, Line: RectificationTally.Of(g.Select(r => new RectificationFacts(r.Source, r.State, r.Deadline, r.HandedInOn, r.Amount)), today)[^1]))
            .Select(x => (Code: names.FirstOrDefault(n => n.Id == x.Key)?.Code ?? "", Line: new DepartmentRectifications(x.Key,
                names.FirstOrDefault(n => n.Id == x.Key)?.Name ?? "（未归属部门）", x.Line)))
            .OrderByDescending(x => x.Line.Count.Overdue).ThenBy(x => x.Code).Select(x => x.Line).ToList();
        return new RectificationStatistics(year, today, bySource, byDepartment);
    }

    /// <summary>The statistics as one xlsx: by source, then by department.</summary>
    public static async Task<(string FileName, byte[] Content)> ExportAsync(JixiaoDbContext db, int? year, DateOnly today, CancellationToken ct)
    {
        var stats = await ForYearAsync(db, year, today, ct);
        static object?[] Cells(string name, RectificationCount c) =>
            [name, c.Raised, c.Open, c.Overdue, c.Verifying, c.Done, c.OnTime, c.Late, Percent.Of(c.DoneShare), Percent.Of(c.OnTimeShare), c.Amount, c.Cancelled];
        string[] header = ["", "整改事项", "未完成", "其中逾期", "待核实", "已完成", "按期完成", "逾期完成", "完成率", "按期完成率", "问题金额（元）", "已撤销"];
        var title = year is { } y ? $"{y} 年度问题整改统计" : "问题整改统计（全部年度）";
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { title },
            new object?[] { $"说明：统计截至 {today:yyyy-MM-dd}；逾期指超过整改期限仍未报送财政核实的事项；按期完成指在期限内报送并经财政核实通过；已撤销的事项不计入合计。" },
            header.Select((h, i) => (object?)(i == 0 ? "问题来源" : h)).ToArray(),
        };
        rows.AddRange(stats.BySource.Select(c => (IReadOnlyList<object?>)Cells(c.Source?.Label() ?? "合计", c)));
        rows.Add([]);
        rows.Add(header.Select((h, i) => (object?)(i == 0 ? "主管部门" : h)).ToArray());
        rows.AddRange(stats.ByDepartment.Select(d => (IReadOnlyList<object?>)Cells(d.Department, d.Count)));
        var layout = new SheetLayout(Widths: [24, 10, 10, 10, 10, 10, 10, 10, 10, 12, 16, 10], HeaderRows: [3, stats.BySource.Count + 5], Titled: true, NoteRows: [2]);
        return ($"{(year is { } fy ? $"{fy}年度" : "")}问题整改统计.xlsx", XlsxWriter.Write("整改统计", rows, layout));
    }
}
