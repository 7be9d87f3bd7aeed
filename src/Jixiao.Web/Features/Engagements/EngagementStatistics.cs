using Jixiao.Domain.Agencies;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Engagements;

/// <summary>The stages of a year's engagements (not cancelled) by where they stand; <see cref="Overdue"/> are among those under way.</summary>
public sealed record StageTally(int Confirmed, int UnderWay, int Overdue, int NotStarted);

/// <summary>One line of the statistics (a scope, an agency, or the total): engagements, fees, states, stages and report scores.</summary>
/// <param name="Fees">委托费用, 元, of the engagements not cancelled</param>
/// <param name="AverageReportScore">the mean quality score of the reports scored, null when none is</param>
public sealed record EngagementTally(string Name, int Engagements, decimal Fees, int Preparing, int InProgress, int Completed, int Cancelled, StageTally Stages,
    int ScoredReports, decimal? AverageReportScore);

/// <summary>A scope's line.</summary>
public sealed record ScopeTally(EngagementScope Scope, EngagementTally Tally);

/// <summary>An agency's line with its rating of the year on the register (null: not rated).</summary>
public sealed record AgencyTally(long AgencyId, EngagementTally Tally, decimal? Rating, AgencyGrade? Grade);

/// <summary>委托统计 of a region-year: the totals, by scope and by agency (the agencies engaged that year).</summary>
public sealed record EngagementStatistics(int Year, EngagementTally Total, IReadOnlyList<ScopeTally> ByScope,
    IReadOnlyList<AgencyTally> ByAgency);

public static class EngagementStatisticsQuery
{
    public static async Task<EngagementStatistics> ForYearAsync(JixiaoDbContext db, int year, DateOnly today, CancellationToken ct)
    {
        FiscalYears.EnsureValid(year);
        // A county has tens of engagements a year: read whole, summed here (no decimal sums in SQLite).
        var engagements = await db.Engagements.AsNoTracking().Where(e => e.FiscalYear == year).OrderBy(e => e.Id).ToListAsync(ct);
        var agencyIds = engagements.Where(e => e.AgencyId != null).Select(e => e.AgencyId!.Value).Distinct().ToList();
        var ratings = (await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => a.Ratings.FirstOrDefault(r => r.Year == year));
        var byScope = Enum.GetValues<EngagementScope>()
            .Select(s => new ScopeTally(s, Tally(s.Label(), engagements.Where(e => e.Scope == s).ToList(), today)))
            .Where(x => x.Tally.Engagements > 0).ToList();
        var byAgency = engagements.Where(e => e.AgencyId != null).GroupBy(e => e.AgencyId!.Value)
            .Select(g => new AgencyTally(g.Key, Tally(g.OrderByDescending(e => e.Id).First().AgencyName, g.ToList(), today),
                ratings.GetValueOrDefault(g.Key)?.Score, ratings.GetValueOrDefault(g.Key)?.Grade))
            .OrderByDescending(a => a.Tally.Engagements).ThenBy(a => a.Tally.Name, StringComparer.Ordinal).ToList();
        return new EngagementStatistics(year, Tally("全部委托", engagements, today), byScope, byAgency);
    }

    private static EngagementTally Tally(string name, IReadOnlyList<Engagement> engagements, DateOnly today)
    {
        var live = engagements.Where(e => e.State != EngagementState.Cancelled).ToList();
        var stages = live.SelectMany(e => e.Stages).ToList();
        var scores = engagements.Where(e => e.ReportScore is not null).Select(e => e.ReportScore!.Value).ToList();
        return new EngagementTally(name, engagements.Count, live.Sum(e => e.Fee),
            engagements.Count(e => e.State == EngagementState.Preparing), engagements.Count(e => e.State == EngagementState.InProgress),
            engagements.Count(e => e.State == EngagementState.Completed), engagements.Count(e => e.State == EngagementState.Cancelled),
            new StageTally(stages.Count(s => s.State == StageState.Confirmed), stages.Count(s => s.State is StageState.Open or StageState.Submitted or StageState.Objected),
                stages.Count(s => s.IsOverdue(today)), stages.Count(s => s.State == StageState.Locked)),
            scores.Count, scores.Count == 0 ? null : decimal.Round(scores.Average(), 2, MidpointRounding.AwayFromZero));
    }

    public static readonly IReadOnlyList<string> SheetTitles =
    [
        "分类", "名称", "委托数", "费用（元，不含已终止）", "待抽签", "实施中", "已完成", "已终止", "阶段已确认", "阶段进行中", "其中逾期", "阶段未开始",
        "已考核报告", "报告平均分", "年度评级得分", "评级等级",
    ];

    /// <summary>The same table as the page, as xlsx: the total, each scope, each agency with its rating.</summary>
    public static async Task<(string FileName, byte[] Content)> ExportAsync(JixiaoDbContext db, int year, DateOnly today, CancellationToken ct)
    {
        var stats = await ForYearAsync(db, year, today, ct);
        static object?[] Cells(string kind, EngagementTally t, decimal? rating = null, AgencyGrade? grade = null) =>
        [
            kind, t.Name, t.Engagements, t.Fees, t.Preparing, t.InProgress, t.Completed, t.Cancelled, t.Stages.Confirmed, t.Stages.UnderWay, t.Stages.Overdue,
            t.Stages.NotStarted, t.ScoredReports, t.AverageReportScore, rating, grade?.Label(),
        ];
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{year} 年度第三方委托统计" },
            new object?[] { $"说明：按委托年度统计；费用不含已终止的委托；逾期为截止日期（{today:yyyy-MM-dd} 前）已过仍未三方确认的阶段；报告平均分为已考核报告的质量得分平均；年度评级为机构库中本年度的评级。" },
            SheetTitles.Cast<object?>().ToList(),
            Cells("合计", stats.Total),
        };
        rows.AddRange(stats.ByScope.Select(s => (IReadOnlyList<object?>)Cells("委托范围", s.Tally)));
        rows.AddRange(stats.ByAgency.Select(a => (IReadOnlyList<object?>)Cells("第三方机构", a.Tally, a.Rating, a.Grade)));
        var layout = new SheetLayout(Widths: [12, 36, 8, 18, 8, 8, 8, 8, 10, 10, 9, 10, 10, 10, 12, 9], HeaderRows: [3], Titled: true, NoteRows: [2]);
        return ($"{year}年度第三方委托统计.xlsx", XlsxWriter.Write("委托统计", rows, layout));
    }
}
