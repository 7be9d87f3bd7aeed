using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>
/// One line of the ex-ante statistics (a route, a department, or the total): evaluations by where they stand and what was concluded,
/// the amounts asked for and supported, and what the caps and the refusals kept out of the budget.
/// </summary>
/// <param name="Requested">申报金额 of all the line's evaluations, 元</param>
/// <param name="Supported">what the conclusions support: the cap where there is one, else the revised amount or the request; 0 when refused</param>
/// <param name="SavedByCaps">Σ (申报金额 − 建议控制数) of the supported with a cap below the request</param>
/// <param name="SavedByRefusals">Σ 申报金额 of the refused</param>
public sealed record ExAnteTally(string Name, int Evaluations, int Pending, int Assessing, int Supported, int SupportedAfterRevision, int Rejected,
    decimal Requested, decimal SupportedAmount, decimal SavedByCaps, decimal SavedByRefusals)
{
    public int Concluded => Supported + SupportedAfterRevision + Rejected;
}

/// <summary>事前评估统计 of a region-year: the total, by route of finance's assessment, and by department.</summary>
public sealed record ExAnteStatistics(int Year, ExAnteTally Total, IReadOnlyList<ExAnteTally> ByRoute, IReadOnlyList<ExAnteTally> ByDepartment);

public static class ExAnteStatisticsQuery
{
    public static async Task<ExAnteStatistics> ForYearAsync(JixiaoDbContext db, int year, CancellationToken ct)
    {
        FiscalYears.EnsureValid(year);
        // Tens to hundreds a county-year: read whole and summed here (no decimal sums in SQLite).
        var rows = await (from e in db.ExAnteEvaluations.AsNoTracking()
                          where e.FiscalYear == year
                          join d in db.OrgUnits on e.DepartmentId equals d.Id into ds
                          from d in ds.DefaultIfEmpty()
                          select new Row(e.State, e.Conclusion, e.Route, e.RequestedAmount, e.Cap, e.RevisedAmount, d == null ? "（无主管部门）" : d.Name))
            .ToListAsync(ct);
        var byRoute = rows.Where(r => r.Conclusion is not null).GroupBy(r => r.Route!.Value).OrderBy(g => g.Key)
            .Select(g => Tally(g.Key.Label(), [.. g])).ToList();
        var byDepartment = rows.GroupBy(r => r.Department).Select(g => Tally(g.Key, [.. g]))
            .OrderByDescending(t => t.Requested).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        return new ExAnteStatistics(year, Tally("全部", rows), byRoute, byDepartment);
    }

    private sealed record Row(ExAnteState State, ExAnteConclusion? Conclusion, ExAnteRoute? Route, decimal Requested, decimal? Cap, decimal? Revised, string Department);

    private static ExAnteTally Tally(string name, IReadOnlyList<Row> rows)
    {
        static decimal SupportedOf(Row r) => r.Conclusion switch
        {
            ExAnteConclusion.Reject or null => 0,
            _ => r.Cap ?? r.Revised ?? r.Requested,
        };
        var supported = rows.Where(r => r.Conclusion is ExAnteConclusion.Support or ExAnteConclusion.SupportAfterRevision).ToList();
        return new ExAnteTally(name, rows.Count, rows.Count(r => r.State == ExAnteState.Pending), rows.Count(r => r.State == ExAnteState.Assessing),
            rows.Count(r => r.Conclusion == ExAnteConclusion.Support), rows.Count(r => r.Conclusion == ExAnteConclusion.SupportAfterRevision),
            rows.Count(r => r.Conclusion == ExAnteConclusion.Reject), rows.Sum(r => r.Requested), rows.Sum(SupportedOf),
            supported.Where(r => r.Cap < r.Requested).Sum(r => r.Requested - r.Cap!.Value), rows.Where(r => r.Conclusion == ExAnteConclusion.Reject).Sum(r => r.Requested));
    }

    public static readonly IReadOnlyList<string> SheetTitles =
    [
        "分类", "名称", "评估数", "待评估", "评估中", "予以支持", "调整完善后予以支持", "不予支持", "申报金额（元）", "支持金额（元）", "控制数压减（元）", "不予支持金额（元）",
    ];

    /// <summary>The same tables as the page, as xlsx: the total, each route, each department.</summary>
    public static async Task<(string FileName, byte[] Content)> ExportAsync(JixiaoDbContext db, int year, CancellationToken ct)
    {
        var stats = await ForYearAsync(db, year, ct);
        static object?[] Cells(string kind, ExAnteTally t) =>
        [
            kind, t.Name, t.Evaluations, t.Pending, t.Assessing, t.Supported, t.SupportedAfterRevision, t.Rejected, t.Requested, t.SupportedAmount,
            t.SavedByCaps, t.SavedByRefusals,
        ];
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{year} 年度事前绩效评估统计" },
            new object?[] { "说明：支持金额为结论支持的金额（有建议预算控制数的按控制数，调整完善后予以支持的按调整后申报金额）；控制数压减为申报金额超过建议控制数的部分；不予支持金额为不予支持项目的申报金额。" },
            SheetTitles.Cast<object?>().ToList(),
            Cells("合计", stats.Total),
        };
        rows.AddRange(stats.ByRoute.Select(t => (IReadOnlyList<object?>)Cells("评估方式", t)));
        rows.AddRange(stats.ByDepartment.Select(t => (IReadOnlyList<object?>)Cells("主管部门", t)));
        var layout = new SheetLayout(Widths: [10, 30, 8, 8, 8, 9, 12, 9, 16, 16, 16, 16], HeaderRows: [3], Titled: true, NoteRows: [2]);
        return ($"{year}年度事前绩效评估统计.xlsx", XlsxWriter.Write("事前评估统计", rows, layout));
    }
}
