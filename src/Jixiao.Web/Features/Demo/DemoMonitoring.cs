using System.Globalization;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Monitoring;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// In-year monitoring of a county-year: a round opened through <see cref="RoundWork"/> as the performance division,
/// and its returns filled and reviewed through the domain (so every light is computed by the rules and every step
/// is a legal one, stamped): some untouched, some saved, most submitted and reviewed, a few returned with a reason.
/// Actual values are generated from each indicator's target so that the indicator lights spread as in a real
/// county (most green, some yellow and red, a few blue; qualitative outcomes mostly 达成); every red or yellow part
/// is explained, so the returns pass submission. Deterministic for a given seed.
/// </summary>
public static class DemoMonitoring
{
    /// <summary>How the tasks of a round are spread over the states, in percent; the rest stay untouched.</summary>
    /// <param name="DepartmentApproved">passed by the department, at the funding division</param>
    /// <param name="DivisionApproved">passed by the funding division too, at the performance division</param>
    public sealed record Mix(int Saved, int Submitted, int DepartmentApproved, int DivisionApproved, int Approved, int Returned);

    /// <summary>The demo county: ~15 % untouched, 25 % saved, 60 % submitted and further.</summary>
    public static readonly Mix County = new(Saved: 25, Submitted: 18, DepartmentApproved: 7, DivisionApproved: 7, Approved: 21, Returned: 7);

    /// <summary>Generated regions: 30 % filled, enough for realistic lights.</summary>
    public static readonly Mix Province = new(Saved: 8, Submitted: 10, DepartmentApproved: 3, DivisionApproved: 3, Approved: 5, Returned: 1);

    public sealed record Result(long RoundId, string Title, int Tasks, int Filled, int Submitted, int Corrections);

    private enum Plan { Untouched, Saved, Submitted, DepartmentApproved, DivisionApproved, Approved, ReturnedByDepartment, ReturnedByFinance }

    private static readonly string[] ReturnReasons =
    [
        "偏差原因填写过于笼统，请结合项目实际说明具体原因。",
        "全年预计执行数与当前执行进度不匹配，请重新测算。",
        "红灯指标未提出可行的整改措施，请补充。",
        "实际完成值与项目进度资料不一致，请核实后重新填报。",
    ];

    /// <summary>整改措施 by 偏差原因 (in enum order).</summary>
    private static readonly string[] MeasuresByCause =
    [
        "协调资金及时到位，加快支付进度。",
        "完善项目管理制度，明确责任分工和完成时限。",
        "充实项目管理人员，加强业务培训。",
        "加快设备采购和场地建设，尽早投入使用。",
        "加强跟踪调度，按月通报进度，确保年底前完成。",
    ];

    private static readonly DeviationCause[] Causes =
    [
        DeviationCause.Funding, DeviationCause.Funding, DeviationCause.Funding, DeviationCause.Other, DeviationCause.Other,
        DeviationCause.Staffing, DeviationCause.Facilities, DeviationCause.Institution,
    ];

    /// <summary>
    /// The demo county's round: the national July round when the clock is past July, with returns filled and
    /// reviewed up to now, a deadline two weeks ahead, and up to three corrective actions on red projects.
    /// </summary>
    public static async Task<Result?> FillAsync(SystemDbContext db, string regionCode, int year, DateTime nowUtc, int seed, CancellationToken ct)
    {
        var today = BusinessCalendar.DateOf(nowUtc);
        // The national round is in August on January–July data. Seeded before August, the domain refuses a July round
        // (its month has not ended), so the demo shows the latest finished month instead; in January there is none yet.
        var month = today > new DateOnly(year, 7, 31) ? 7 : today.Month - 1;
        if (month < 1) return null;
        var cutOff = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        // Opened up to twelve days ago, not before the month ended; the returns are filled and reviewed since then.
        var openedUtc = Max(nowUtc.AddDays(-12), RoundScope.EndOfDayUtc(cutOff));
        var random = new Random(seed);
        var (result, performance) = await OpenAndFillAsync(db, regionCode, year, month, today.AddDays(14), openedUtc, nowUtc, County, random, ct);
        var corrections = await CorrectAsync(db, performance, result.RoundId, year, nowUtc, ct);
        return result with { Corrections = corrections };
    }

    /// <summary>
    /// Opens the round of <paramref name="month"/> as the region's performance division at <paramref name="openedUtc"/>
    /// and fills its returns as <paramref name="mix"/> says, stamped between the opening and <paramref name="untilUtc"/>.
    /// </summary>
    public static async Task<(Result Result, CurrentUser Performance)> OpenAndFillAsync(SystemDbContext db, string regionCode, int year, int month,
        DateOnly deadline, DateTime openedUtc, DateTime untilUtc, Mix mix, Random random, CancellationToken ct)
    {
        var people = await People.LoadAsync(db, regionCode, ct);
        var performance = await people.PerformanceUserAsync(db, ct);
        // 财政重点监控: projects of 500万 or more.
        var opened = await RoundWork.OpenAsync(db, performance, new OpenRound(year, month, deadline, KeyMinWan: 500m), openedUtc, ct);
        var round = await db.MonitoringRounds.AsNoTracking().SingleAsync(r => r.Id == opened.RoundId, ct);
        var rules = await RoundWork.RulesAsync(db, regionCode, year, ct);
        var finance = new ReviewActor(performance.UserId, performance.UserName, Role.PerformanceDivision);

        // Plans are drawn in project order, so the same seed gives the same returns whatever order the tasks were stored in.
        var keys = await db.MonitoringTasks.AsNoTracking().Where(t => t.RoundId == round.Id)
            .Select(t => new { t.Id, t.Subject, t.ProjectId, t.OrgUnitId }).ToListAsync(ct);
        var plans = keys.OrderBy(k => k.Subject).ThenBy(k => k.ProjectId).ThenBy(k => k.OrgUnitId)
            .Select(k => (k.Id, Plan: PlanFor(random, mix), Seed: random.Next()))
            .Where(p => p.Plan != Plan.Untouched)
            .ToList();

        var divisionOf = await People.FundersAsync(db, round.RegionCode, round.FiscalYear, ct);
        var span = untilUtc - openedUtc;
        int filled = 0, submitted = 0;
        await using var transaction = await db.OwnTransactionAsync(ct);
        foreach (var slice in plans.Chunk(500))
        {
            var ids = slice.Select(p => p.Id).ToList();
            var tasks = await db.MonitoringTasks.Include(t => t.Rows).Include(t => t.Steps).AsSplitQuery().Where(t => ids.Contains(t.Id))
                .ToDictionaryAsync(t => t.Id, ct);
            var targetIds = tasks.Values.Select(t => t.TargetId).OfType<long>().ToList();
            var indicators = await db.Targets.AsNoTracking().Include(t => t.Indicators).Where(t => targetIds.Contains(t.Id))
                .ToDictionaryAsync(t => t.Id, t => (IReadOnlyList<TargetIndicator>)t.Indicators.OrderBy(i => i.Row).ToList(), ct);
            foreach (var (id, plan, seed) in slice)
            {
                var task = tasks[id];
                var own = new Random(seed);
                var steps = plan switch
                {
                    Plan.Saved => 1,
                    Plan.Submitted => 2,
                    Plan.DepartmentApproved or Plan.ReturnedByDepartment => 3,
                    Plan.DivisionApproved => 4,
                    _ => 5,
                };
                var at = Enumerable.Range(0, steps).Select(_ => openedUtc + span * own.NextDouble()).Order().ToArray();
                var filler = people.Actor(task.OrgUnitId, ReviewChains.Monitoring.FillerOf(task.Subject));
                var reviewer = people.Actor(task.DepartmentId ?? task.OrgUnitId, Role.DepartmentReviewer);
                var rows = task.TargetId is { } targetId ? indicators[targetId] : [];

                // A third of the saved returns are half done: some indicators not reported yet.
                Fill(task, filler, rows, partly: plan == Plan.Saved && own.Next(3) == 0, round, rules, at[0], own);
                filled++;
                if (plan == Plan.Saved) continue;
                task.Submit(filler, round, divisionStep: true, at[1]);
                submitted++;
                if (plan == Plan.Submitted) continue;
                // A department's own return goes straight to its funding division: there is no department step to take.
                if (task.Subject == TargetSubject.Project)
                {
                    if (plan == Plan.ReturnedByDepartment)
                    {
                        task.Return(reviewer, ReturnReasons[own.Next(ReturnReasons.Length)], round, at[2]);
                        continue;
                    }
                    task.Approve(reviewer, "同意上报", round, divisionStep: true, at[2]);
                }
                if (plan is Plan.DepartmentApproved or Plan.ReturnedByDepartment) continue;
                task.Approve(people.Funder(task.DepartmentId ?? task.OrgUnitId, divisionOf), "资金使用情况属实，同意上报", round, divisionStep: true, at[3]);
                if (plan == Plan.DivisionApproved) continue;
                if (plan == Plan.ReturnedByFinance)
                    task.Return(finance, ReturnReasons[own.Next(ReturnReasons.Length)], round, at[4]);
                else
                    task.Approve(finance, "审核通过", round, divisionStep: true, at[4]);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        if (transaction is not null) await transaction.CommitAsync(ct);
        return (new Result(round.Id, round.Title, keys.Count, filled, submitted, 0), performance);
    }

    private static Plan PlanFor(Random random, Mix mix)
    {
        var roll = random.Next(100);
        if ((roll -= mix.Saved) < 0) return Plan.Saved;
        if ((roll -= mix.Submitted) < 0) return Plan.Submitted;
        if ((roll -= mix.DepartmentApproved) < 0) return Plan.DepartmentApproved;
        if ((roll -= mix.DivisionApproved) < 0) return Plan.DivisionApproved;
        if ((roll -= mix.Approved) < 0) return Plan.Approved;
        if ((roll -= mix.Returned) < 0) return roll % 2 == 0 ? Plan.ReturnedByFinance : Plan.ReturnedByDepartment;
        return Plan.Untouched;
    }

    /// <summary>
    /// Fills a return: one indicator (in about a third of the returns) off target, the others on it; then every red or
    /// yellow part explained as a unit would (偏差原因, 完成可能性, 措施, 全年预计).
    /// </summary>
    private static void Fill(MonitoringTask task, ReviewActor filler, IReadOnlyList<TargetIndicator> indicators, bool partly,
        MonitoringRound round, WarningRules rules, DateTime at, Random random)
    {
        var odd = random.Next(100) switch { < 68 => Light.Green, < 82 => Light.Yellow, < 93 => Light.Red, _ => Light.Blue };
        var parsed = indicators.Select(i => (Indicator: i, Target: IndicatorValueParser.Parse(i.TargetValue, i.Unit, i.Name, i.Comparison, round.FiscalYear)))
            .ToList();
        var candidates = parsed.Where(p => p.Target.Success && CanShow(p.Indicator, p.Target.Value!, odd)).Select(p => p.Indicator.Row).ToList();
        var oddRow = odd != Light.Green && candidates.Count > 0 ? candidates[random.Next(candidates.Count)] : 0;
        var skipped = partly ? parsed.Select(p => p.Indicator.Row).Where(_ => random.Next(3) == 0).ToHashSet() : [];

        var rows = parsed.Where(p => !skipped.Contains(p.Indicator.Row))
            .Select(p => Report(p.Indicator, p.Target, p.Indicator.Row == oddRow ? odd : Light.Green, round.TimeProgress, random))
            .ToList();
        var executionOff = task.ExecutionLight is Light.Red or Light.Yellow;
        var expected = task.Budget * (decimal)(executionOff ? 0.75 + random.NextDouble() * 0.2 : 0.95 + random.NextDouble() * 0.05);
        var cause = executionOff ? Causes[random.Next(Causes.Length)] : (DeviationCause?)null;
        var input = new ReturnInput(Math.Round(expected / 100m) * 100m, cause, cause is { } c ? MeasuresByCause[(int)c - 1] : null, rows);
        task.Fill(filler, input, indicators, round, rules, at);

        // The lights are the domain's: explain the rows it found red or yellow (a generated value may land in another band).
        var off = task.Rows.Where(r => r.Light is Light.Red or Light.Yellow).ToDictionary(r => r.Row, r => r.Light!.Value);
        if (off.Count == 0) return;
        task.Fill(filler, input with { Rows = rows.Select(r => off.TryGetValue(r.Row, out var light) ? Explain(r, light, random) : r).ToList() },
            indicators, round, rules, at);
    }

    /// <summary>Whether a generated actual value can give the indicator this light (yellow and blue need a quantity counted over the year).</summary>
    private static bool CanShow(TargetIndicator indicator, IndicatorValue target, Light light) => light switch
    {
        Light.Red => true,
        Light.Yellow => target.Comparison == Comparison.Qualitative || Accumulates(indicator, target),
        Light.Blue => Accumulates(indicator, target),
        _ => true,
    };

    /// <summary>A positive quantity compared with the time progress (DOMAIN.md §4.3), not met-or-not.</summary>
    private static bool Accumulates(TargetIndicator indicator, IndicatorValue target) =>
        target is { Comparison: Comparison.GreaterOrEqual or Comparison.Greater, Kind: ValueKind.Number, Number: > 0m }
        && indicator.Level2 is not ("质量指标" or "时效指标") && !IndicatorFrame.IsCost(indicator.Level1, indicator.Level2);

    /// <summary>What the unit reports to date for an indicator so that it shows about <paramref name="light"/>.</summary>
    private static ReturnRowInput Report(TargetIndicator indicator, ParseResult parsed, Light light, decimal timeProgress, Random random)
    {
        if (indicator.Comparison == Comparison.Qualitative)
        {
            var outcome = light switch
            {
                Light.Red => QualitativeOutcome.NotAchieved,
                Light.Yellow => QualitativeOutcome.PartlyAchieved,
                _ => QualitativeOutcome.Achieved,
            };
            return new ReturnRowInput(indicator.Row, Outcome: outcome, Expected: $"全年{indicator.TargetValue}");
        }
        var expected = $"全年达到 {indicator.TargetValue}";
        if (parsed.Value is not { } target)
            return new ReturnRowInput(indicator.Row, Actual: indicator.TargetValue, Expected: expected);
        if (target.Kind is ValueKind.Date or ValueKind.DateRange)
        {
            var due = target.EndDate ?? target.Date!.Value;
            var done = light == Light.Red ? due.AddDays(45) : due;
            return new ReturnRowInput(indicator.Row, Actual: done.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Expected: expected);
        }
        var n = target.Number!.Value;
        decimal value;
        if (target.Kind == ValueKind.NumberRange)
            value = light == Light.Red ? target.UpperNumber!.Value * 1.2m + 1m : (n + target.UpperNumber!.Value) / 2m;
        else if (Accumulates(indicator, target))
        {
            // completion r = actual ÷ (target × t) × 100: green 80–120, yellow 60–80, red < 60, blue ≥ 120
            var (low, high) = light switch { Light.Yellow => (63, 77), Light.Red => (25, 55), Light.Blue => (125, 160), _ => (85, 115) };
            value = n * timeProgress * random.Next(low, high + 1) / 100m;
        }
        else if (target.Comparison is Comparison.LessOrEqual or Comparison.Less)
        {
            // a ceiling: spending to date below it, or over it
            value = light == Light.Red ? n * (1.03m + random.Next(12) / 100m) + (n == 0m ? 1.5m : 0m)
                : target.Kind == ValueKind.Percent ? (target.Comparison == Comparison.Less ? n - 1m : n)
                : n * timeProgress * (0.75m + random.Next(25) / 100m);
        }
        else if (target.Comparison == Comparison.Equal)
            value = light == Light.Red ? (n == 0m ? 1m : n * 0.95m) : n;
        else
        {
            // met or not: a rate (≥95%) or a quality / timeliness figure
            var ceiling = target.Kind == ValueKind.Percent ? Math.Max(n, 100m) : n * 1.1m;
            value = light == Light.Red ? n * (0.85m + random.Next(12) / 100m)
                : target.Comparison == Comparison.Greater ? n + Math.Max(0.5m, (ceiling - n) / 2m)
                : n + (ceiling - n) * random.Next(101) / 100m;
        }
        var rounded = n == decimal.Truncate(n) && Math.Abs(value) >= 5m ? Math.Round(value) : Math.Round(value, 1);
        var text = rounded.ToString("0.#", CultureInfo.InvariantCulture);
        return new ReturnRowInput(indicator.Row, Actual: target.Kind == ValueKind.Percent ? text + "%" : text + target.Unit, Expected: expected);
    }

    private static ReturnRowInput Explain(ReturnRowInput row, Light light, Random random)
    {
        var cause = Causes[random.Next(Causes.Length)];
        var likelihood = light == Light.Yellow
            ? random.Next(3) == 0 ? Likelihood.Certain : Likelihood.Possible
            : random.Next(100) switch { < 20 => Likelihood.Certain, < 75 => Likelihood.Possible, _ => Likelihood.Impossible };
        var expected = likelihood switch
        {
            Likelihood.Certain => "四季度加快进度，全年可完成",
            Likelihood.Possible => "全年基本完成",
            _ => "全年难以完成，将申请调整目标",
        };
        return row with { Cause = cause, Likelihood = likelihood, Measures = MeasuresByCause[(int)cause - 1], Expected = expected };
    }

    /// <summary>
    /// Finance acts on red projects it has reviewed: 预算调减 and 暂缓拨付 where money lies idle, 目标调整 where an
    /// indicator is red. Recorded through <see cref="ReturnWork.CorrectAsync"/> as the performance division.
    /// </summary>
    private static async Task<int> CorrectAsync(SystemDbContext db, CurrentUser performance, long roundId, int year, DateTime nowUtc,
        CancellationToken ct)
    {
        var reviewed = await db.MonitoringTasks.AsNoTracking()
            .Where(t => t.RoundId == roundId && t.Subject == TargetSubject.Project && t.Light == Light.Red
                        && (t.State == FormState.Approved || t.State == FormState.DivisionApproved))
            .OrderBy(t => t.ProjectId)
            .Select(t => new { t.Id, t.ProjectId, t.Budget, t.Executed, t.ExecutionLight })
            .ToListAsync(ct);
        var today = BusinessCalendar.DateOf(nowUtc);
        var date = today.Year == year ? today : new DateOnly(year, 12, 31);
        // What is left to spend today (全年预算数 − 执行数): an action never takes more than half of it.
        var projectIds = reviewed.Select(t => t.ProjectId!.Value).ToList();
        var balances = await db.ProjectTotals.AsNoTracking().Where(t => projectIds.Contains(t.ProjectId))
            .ToDictionaryAsync(t => t.ProjectId, t => t.Adjusted - t.Executed, ct);
        var idle = reviewed.Where(t => t.ExecutionLight == Light.Red && t.Executed < t.Budget * 0.25m)
            .Select(t => (t.Id, Amount: Math.Floor(Math.Min(t.Budget * 0.3m, balances.GetValueOrDefault(t.ProjectId!.Value) / 2m) / 1_000m) * 1_000m))
            .Where(t => t.Amount >= 10_000m)
            .ToList();
        var count = 0;
        var money = new (CorrectiveKind Kind, string Reason)[]
        {
            (CorrectiveKind.Reduction, "支出进度严重滞后，资金沉淀，按监控结果调减预算。"),
            (CorrectiveKind.Suspension, "项目实施进度严重滞后，暂缓拨付剩余资金，待整改到位后再行拨付。"),
        };
        foreach (var ((kind, reason), (taskId, amount)) in money.Zip(idle))
        {
            await ReturnWork.CorrectAsync(db, performance, taskId, new CorrectionRequest(kind, amount, date, null, reason, Confirmed: true), nowUtc, ct);
            count++;
        }
        // 目标调整 opens version 2 of the targets: only where the targets in force are the first and only version.
        foreach (var task in reviewed.Where(t => t.ExecutionLight != Light.Red))
        {
            var subject = "P" + task.ProjectId;
            if (await db.Targets.CountAsync(t => t.SubjectKey == subject, ct) != 1) continue;
            await ReturnWork.CorrectAsync(db, performance, task.Id,
                new CorrectionRequest(CorrectiveKind.TargetAdjustment, null, date, null, "监控发现部分指标完成明显滞后，目标值设定不切实际，请单位调整绩效目标后重新报审。"),
                nowUtc, ct);
            count++;
            break;
        }
        db.ChangeTracker.Clear();
        return count;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>The region's accounts by organisation and role; reviewers without an account act as “…经办人”, as in <see cref="DemoTargets"/>.</summary>
    internal sealed class People
    {
        private readonly Dictionary<(long Org, Role Role), (long Id, string Name)> _accounts;
        private readonly Dictionary<long, OrgUnit> _orgs;

        private People(Dictionary<(long, Role), (long, string)> accounts, Dictionary<long, OrgUnit> orgs) => (_accounts, _orgs) = (accounts, orgs);

        public static async Task<People> LoadAsync(SystemDbContext db, string regionCode, CancellationToken ct)
        {
            var orgs = await db.OrgUnits.AsNoTracking().Where(o => o.RegionCode == regionCode).ToDictionaryAsync(o => o.Id, ct);
            var users = await db.Users.AsNoTracking().Where(u => u.RegionCode == regionCode && u.OrgUnitId != null && u.IsActive)
                .OrderBy(u => u.UserName)
                .Select(u => new { u.Id, u.UserName, Org = u.OrgUnitId!.Value, Roles = u.Roles.Select(r => r.Role).ToList() })
                .ToListAsync(ct);
            var accounts = new Dictionary<(long, Role), (long, string)>();
            foreach (var user in users)
                foreach (var role in user.Roles)
                    accounts.TryAdd((user.Org, role), (user.Id, user.UserName!));
            return new People(accounts, orgs);
        }

        /// <summary>The business division that funds each department in the year, by department.</summary>
        public static async Task<IReadOnlyDictionary<long, long>> FundersAsync(SystemDbContext db, string regionCode, int year, CancellationToken ct) =>
            await db.DivisionAssignments.AsNoTracking().Where(d => d.RegionCode == regionCode && d.FiscalYear == year)
                .GroupBy(d => d.DepartmentId).ToDictionaryAsync(g => g.Key, g => g.Min(d => d.DivisionId), ct);

        /// <summary>The funding division's reviewer of a department (绩效股's own staff where no division funds it).</summary>
        public ReviewActor Funder(long departmentId, IReadOnlyDictionary<long, long> divisionOf) =>
            Actor(divisionOf.TryGetValue(departmentId, out var division) ? division : _orgs.Values.Single(o => o.DivisionKind == DivisionKind.Performance).Id,
                Role.BusinessDivision);

        public ReviewActor Actor(long orgId, Role role) => _accounts.TryGetValue((orgId, role), out var account)
            ? new ReviewActor(account.Id, account.Name, role)
            : new ReviewActor(null, $"{_orgs[orgId].Name}经办人", role);

        /// <summary>The performance division's account (绩效股), signed in as it would be for a request.</summary>
        public async Task<CurrentUser> PerformanceUserAsync(SystemDbContext db, CancellationToken ct)
        {
            var division = _orgs.Values.Single(o => o.DivisionKind == DivisionKind.Performance);
            if (!_accounts.TryGetValue((division.Id, Role.PerformanceDivision), out var account))
                throw new InvalidOperationException($"{division.Name}没有绩效管理账号，无法开启监控。");
            return await DemoCounty.SignedInAsync(db, account.Id, ct);
        }
    }
}
