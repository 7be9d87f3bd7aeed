using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Workflow;

namespace Jixiao.Web.Features.Monitoring;

public sealed record DepartmentStatistics(long? DepartmentId, string Department, int Issued, int Filled, LightCounts Lights, decimal Budget, decimal Executed)
{
    /// <summary>完成率 in percentage points, as the page shows it.</summary>
    public decimal Rate => Percent.Points(Percent.Share(Filled, Issued)) ?? 0m;
}

public sealed record RoundStatistics(RoundSummary Round, IReadOnlyList<DepartmentStatistics> Departments, IReadOnlyList<TaskRow> RedProjects,
    int RedTotal);

/// <summary>统计 of a round: per department, the red projects with their reasons.</summary>
public static partial class MonitoringQueries
{
    /// <summary>Per department: tasks issued, filled, rate, lights, money; and the red projects with their reasons.</summary>
    public static async Task<RoundStatistics?> StatisticsAsync(JixiaoDbContext db, long roundId, int redLimit, CancellationToken ct)
    {
        var round = await db.MonitoringRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return null;
        var groups = await db.MonitoringTasks.Where(t => t.RoundId == roundId).GroupBy(t => t.DepartmentId)
            .Select(g => new
            {
                DepartmentId = g.Key,
                Issued = g.Count(),
                Filled = g.Count(t => ReviewChains.Monitoring.HandedIn.Contains(t.State)),
                Red = g.Count(t => t.Light == Light.Red),
                Yellow = g.Count(t => t.Light == Light.Yellow),
                Green = g.Count(t => t.Light == Light.Green),
                Blue = g.Count(t => t.Light == Light.Blue),
                Budget = g.Sum(t => t.Subject == TargetSubject.Project ? t.Budget : 0m),
                Executed = g.Sum(t => t.Subject == TargetSubject.Project ? t.Executed : 0m),
            })
            .ToListAsync(ct);
        var ids = groups.Select(g => g.DepartmentId).OfType<long>().ToList();
        var names = await db.OrgUnits.IgnoreQueryFilters().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var departments = groups
            .Select(g => new DepartmentStatistics(g.DepartmentId, g.DepartmentId is { } d ? names.GetValueOrDefault(d, "") : "（无主管部门）",
                g.Issued, g.Filled, new LightCounts(g.Red, g.Yellow, g.Green, g.Blue), g.Budget, g.Executed))
            .OrderByDescending(d => d.Lights.Red).ThenBy(d => d.Department, StringComparer.Ordinal).ToList();
        var total = new LightCounts(departments.Sum(d => d.Lights.Red), departments.Sum(d => d.Lights.Yellow), departments.Sum(d => d.Lights.Green),
            departments.Sum(d => d.Lights.Blue));
        var summary = Summary(round, departments.Sum(d => d.Issued), departments.Sum(d => d.Filled), total);
        var reds = await TasksAsync(db, null, roundId, new FormQuery { Light = Light.Red, PageSize = redLimit }, ct);
        return new RoundStatistics(summary, departments, reds.Rows, reds.Total);
    }
}
