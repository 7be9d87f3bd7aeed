using Jixiao.Domain.Budget;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Audit;
using Jixiao.Web.Features.Projects;

namespace Jixiao.Web.Features.Monitoring;

/// <param name="KeyMinWan">财政重点监控: flag every project with at least this 全年预算数 (万元) at the cut-off</param>
public sealed record OpenRound(int Year, int Month, DateOnly Deadline, string? Title = null, decimal? KeyMinWan = null);

/// <summary>What opening a round did: tasks issued, and the budgeted projects left out with the reason.</summary>
public sealed record RoundOpened(long RoundId, string Title, DateOnly CutOff, int ProjectTasks, int DepartmentTasks, int KeyTasks,
    int WithoutTargets, int WithoutBudget, int RedAtOpening);

/// <summary>Rounds: the warning rules of a region-year, opening (scope and tasks), re-figuring every light, closing.</summary>
public static class RoundWork
{
    public static async Task<WarningRules> RulesAsync(JixiaoDbContext db, string regionCode, int year, CancellationToken ct) =>
        (await db.WarningRules.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == regionCode && s.FiscalYear == year, ct))?.Rules
        ?? WarningRules.Defaults;

    public static async Task<WarningRules> SetRulesAsync(JixiaoDbContext db, CurrentUser user, int year, WarningRules rules, DateTime nowUtc,
        CancellationToken ct)
    {
        var region = RegionOf(user);
        FiscalYears.EnsureValid(year);
        var setting = await db.WarningRules.SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct);
        if (setting is null)
        {
            setting = WarningRuleSetting.Create(region, year);
            db.WarningRules.Add(setting);
        }
        setting.Set(rules, nowUtc);
        await db.SaveChangesAsync(ct);
        return setting.Rules;
    }

    /// <summary>
    /// Opens a round: every budgeted project with money and approved targets as of the cut-off (mid-year additions
    /// and 待分资金 allocations included) gets a task for its unit, with the targets in force at the cut-off; every
    /// department with approved overall targets gets one for itself. Tasks start with their execution light.
    /// </summary>
    public static async Task<RoundOpened> OpenAsync(JixiaoDbContext db, CurrentUser user, OpenRound request, DateTime nowUtc, CancellationToken ct)
    {
        var region = RegionOf(user);
        var round = MonitoringRound.Open(region, request.Year, request.Month, request.Deadline, BusinessCalendar.DateOf(nowUtc), nowUtc, request.Title);
        if (request.KeyMinWan is < 0) throw new DomainException("重点监控金额下限不能为负数。", "重点监控金额");
        if (await db.MonitoringRounds.AnyAsync(r => r.RegionCode == region && r.FiscalYear == round.FiscalYear && r.Month == round.Month
                                                    && r.State == RoundState.Open, ct))
            throw new ConflictException($"{round.FiscalYear} 年 1–{round.Month} 月的监控正在进行，请在该轮次中继续，或先结束它。");
        var rules = await RulesAsync(db, region, round.FiscalYear, ct);
        var cutOff = round.CutOff;

        var projects = await db.Projects.AsNoTracking().Where(p => p.RegionCode == region && p.FiscalYear == round.FiscalYear)
            .Select(p => new { p.Id, p.OrgUnitId, p.DepartmentId, p.IsPool, p.Status }).ToListAsync(ct);
        var figures = await FiguresAsOfAsync(db, region, round.FiscalYear, cutOff, ct);
        var inForce = await TargetsInForceAsync(db, region, round.FiscalYear, cutOff, ct);
        var keyMin = request.KeyMinWan * 10_000m;

        // The round and its tasks together (inside the caller's transaction when there is one, e.g. the demo seed).
        await using var transaction = await db.OwnTransactionAsync(ct);
        db.MonitoringRounds.Add(round);
        await db.SaveChangesAsync(ct);

        var tasks = new List<MonitoringTask>();
        int withoutTargets = 0, withoutBudget = 0;
        var departments = new Dictionary<long, (decimal Budget, decimal Executed)>();
        foreach (var p in projects)
        {
            var (budget, executed) = figures.GetValueOrDefault(p.Id);
            var target = inForce.GetValueOrDefault("P" + p.Id);
            if (!RoundScope.Includes(new ScopeCandidate(p.IsPool, p.Status, target?.ApprovedAtUtc, budget), cutOff, out _))
            {
                if (p is { IsPool: false, Status: LibraryStatus.Budgeted })
                {
                    if (budget <= 0) withoutBudget++;
                    else withoutTargets++;
                }
                continue;
            }
            tasks.Add(MonitoringTask.Create(round, TargetSubject.Project, p.Id, p.OrgUnitId, p.DepartmentId, target!.Id, budget, executed,
                budget >= keyMin, rules, nowUtc));
            if (p.DepartmentId is { } department)
            {
                var (b, e) = departments.GetValueOrDefault(department);
                departments[department] = (b + budget, e + executed);
            }
        }
        var projectTasks = tasks.Count;
        foreach (var target in inForce.Values.Where(t => t.Subject == TargetSubject.Department))
        {
            var (budget, executed) = departments.GetValueOrDefault(target.OrgUnitId);
            tasks.Add(MonitoringTask.Create(round, TargetSubject.Department, null, target.OrgUnitId, target.OrgUnitId, target.Id, budget, executed,
                false, rules, nowUtc));
        }
        await db.InsertAuditedAsync(tasks, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new RoundOpened(round.Id, round.Title, cutOff, projectTasks, tasks.Count - projectTasks, tasks.Count(t => t.IsKey),
            withoutTargets, withoutBudget, tasks.Count(t => t.Light == Light.Red));
    }

    /// <summary>
    /// 重新计算预警: the fund part of every task from the ledger as of the cut-off (documents dated before it may
    /// have been imported since) and every light under the region-year's current rules. Returns the tasks changed.
    /// </summary>
    public static async Task<int?> RefigureAsync(JixiaoDbContext db, long roundId, CancellationToken ct)
    {
        var round = await db.MonitoringRounds.SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return null;
        var rules = await RulesAsync(db, round.RegionCode, round.FiscalYear, ct);
        var figures = await FiguresAsOfAsync(db, round.RegionCode, round.FiscalYear, round.CutOff, ct);
        var departmentFigures = await db.Projects.AsNoTracking()
            .Where(p => p.RegionCode == round.RegionCode && p.FiscalYear == round.FiscalYear)
            .Join(db.MonitoringTasks.Where(t => t.RoundId == roundId && t.Subject == TargetSubject.Project), p => p.Id, t => t.ProjectId,
                (p, t) => new { p.Id, p.DepartmentId })
            .ToListAsync(ct);
        var byDepartment = departmentFigures.Where(x => x.DepartmentId is not null).GroupBy(x => x.DepartmentId!.Value)
            .ToDictionary(g => g.Key, g => (Budget: g.Sum(x => figures.GetValueOrDefault(x.Id).Budget), Executed: g.Sum(x => figures.GetValueOrDefault(x.Id).Executed)));

        var changed = 0;
        // In slices, so a province-sized round never holds every task and row at once.
        long after = 0;
        while (true)
        {
            var slice = await db.MonitoringTasks.Include(t => t.Rows).Where(t => t.RoundId == roundId && t.Id > after)
                .OrderBy(t => t.Id).Take(2_000).ToListAsync(ct);
            if (slice.Count == 0) break;
            foreach (var task in slice)
            {
                var (budget, executed) = task.Subject == TargetSubject.Project
                    ? figures.GetValueOrDefault(task.ProjectId!.Value)
                    : byDepartment.GetValueOrDefault(task.OrgUnitId);
                var before = (task.Budget, task.Executed, task.Light, task.LightReason);
                task.Refigure(budget, executed, round, rules);
                if (before != (task.Budget, task.Executed, task.Light, task.LightReason)) changed++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = slice[^1].Id;
        }
        return changed;
    }

    public static async Task<MonitoringRound?> CloseAsync(JixiaoDbContext db, long roundId, DateTime nowUtc, CancellationToken ct)
    {
        var round = await db.MonitoringRounds.SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return null;
        round.Close(nowUtc);
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>全年预算数 and 执行数 per project counting only documents and payments dated up to the cut-off.</summary>
    internal static async Task<Dictionary<long, (decimal Budget, decimal Executed)>> FiguresAsOfAsync(JixiaoDbContext db, string region, int year,
        DateOnly cutOff, CancellationToken ct)
    {
        var budgets = await db.LedgerMovements.AsNoTracking()
            .Where(m => m.RegionCode == region && m.FiscalYear == year && m.Date <= cutOff)
            .GroupBy(m => m.ProjectId)
            .Select(g => new { ProjectId = g.Key, Budget = g.Sum(m => (decimal?)(ProjectQueries.Increasing.Contains(m.Kind) ? m.Amount : -m.Amount)) })
            .ToListAsync(ct);
        var paid = await db.Payments.AsNoTracking()
            .Where(x => x.RegionCode == region && x.FiscalYear == year && x.Date <= cutOff)
            .GroupBy(x => x.ProjectId)
            .Select(g => new { ProjectId = g.Key, Executed = g.Sum(x => (decimal?)x.Amount) })
            .ToDictionaryAsync(x => x.ProjectId, x => x.Executed ?? 0m, ct);
        var result = budgets.ToDictionary(b => b.ProjectId, b => (b.Budget ?? 0m, paid.GetValueOrDefault(b.ProjectId)));
        foreach (var (projectId, executed) in paid)
            result.TryAdd(projectId, (0m, executed));
        return result;
    }

    internal sealed record TargetInForce(long Id, TargetSubject Subject, long OrgUnitId, DateTime ApprovedAtUtc);

    /// <summary>Per subject key, the highest version approved by the end of the cut-off day (Beijing time).</summary>
    private static async Task<Dictionary<string, TargetInForce>> TargetsInForceAsync(JixiaoDbContext db, string region, int year, DateOnly cutOff,
        CancellationToken ct)
    {
        var end = RoundScope.EndOfDayUtc(cutOff);
        var approved = await db.Targets.AsNoTracking()
            .Where(t => t.RegionCode == region && t.FiscalYear == year && t.ApprovedAtUtc != null && t.ApprovedAtUtc < end
                        && (t.State == TargetState.Approved || t.State == TargetState.Superseded))
            .Select(t => new { t.Id, t.SubjectKey, t.Subject, t.OrgUnitId, t.Version, t.ApprovedAtUtc })
            .ToListAsync(ct);
        return approved.GroupBy(t => t.SubjectKey)
            .Select(g => g.MaxBy(t => t.Version)!)
            .ToDictionary(t => t.SubjectKey, t => new TargetInForce(t.Id, t.Subject, t.OrgUnitId, t.ApprovedAtUtc!.Value));
    }

    internal static string RegionOf(CurrentUser user) =>
        user.RegionCode ?? throw new ConflictException("系统账号没有所属区划，不能办理监控。");
}
