using Jixiao.Domain.Budget;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.EvaluationPlans;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// The demo county's 部门评价 and 财政重点评价 of last year's spending (DOMAIN.md §4.4). Every department evaluates its largest
/// target-managed projects up to a little over 30 % of its amount — 卫生健康和体育局 stops at about 20 %, so the coverage page has
/// one department short — most concluded, a few still scoring or only planned. Finance's key evaluations (~40): the largest projects
/// by rule, the spot check's worst self-evaluations (抽查复评), red monitoring lights, by hand; two department-overall evaluations by
/// the agencies engaged last year (their reports confirmed by the three parties), one policy, one of several projects; concluded with
/// reports and findings, scoring, planned and one cancelled. Scores are deterministic from the seed.
/// </summary>
public static class DemoPlans
{
    public const string ShortDepartment = "120";

    private static readonly string[] Problems =
    [
        "部分绩效指标未细化量化，年度指标值与实际工作任务不对应", "预算执行进度滞后，年末集中支付比例偏高", "项目验收资料不齐全，部分合同未按约定履行验收程序",
        "资金使用存在超范围列支，个别支出与项目内容关联性不强", "满意度调查样本量偏少，未覆盖主要服务对象", "项目管理制度未及时修订，过程管理记录不完整",
    ];

    private static readonly string[] Causes =
    [
        "目标编制时论证不充分，未结合实施方案测算", "项目前期准备不足，招标采购周期较长", "单位内部控制执行不到位", "对资金管理办法理解有偏差",
        "评价组织时间紧，调查方案不完善", "管理人员调整，制度更新滞后",
    ];

    private static readonly string[] Suggestions =
    [
        "按实施方案重新梳理绩效指标，量化年度指标值后报财政审核", "倒排支出计划，按月跟踪执行进度，未按进度执行的调减下年预算",
        "补齐验收资料，今后严格按合同约定组织验收", "对超范围列支资金予以调整或收回，完善报销审核", "扩大调查样本，覆盖主要服务对象后重新测算满意度",
        "修订项目管理制度，建立过程管理台账",
    ];

    private sealed record Managed(long Id, string Name, long OrgUnitId, long Department, decimal Adjusted);

    /// <returns>how many plans it wrote</returns>
    public static async Task<int> FillAsync(SystemDbContext db, string region, int year, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var projects = await (from p in db.Projects.AsNoTracking()
                              where p.RegionCode == region && p.FiscalYear == year && p.Status == LibraryStatus.Budgeted && !p.IsPool && p.DepartmentId != null
                                    && p.Category == ProjectCategory.SpecificPurpose
                                    && db.Targets.Any(t => t.SubjectKey == "P" + p.Id && t.State == TargetState.Approved)
                              join t in db.ProjectTotals on p.Id equals t.ProjectId
                              select new Managed(p.Id, p.Name, p.OrgUnitId, p.DepartmentId!.Value, t.Adjusted)).ToListAsync(ct);
        var departments = await db.OrgUnits.AsNoTracking().Where(o => o.RegionCode == region && o.Kind == OrgKind.Department).ToDictionaryAsync(o => o.Id, ct);
        var units = await db.OrgUnits.AsNoTracking().Where(o => o.RegionCode == region).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var after = new DateOnly(year + 1, 1, 1);
        DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
        var plans = new List<(EvaluationPlan Plan, PlanState Goal, DateOnly On)>();
        // The plans still open are due early next January (the ones concluded were due in the evaluation season).
        DateOnly DueOn(PlanState state, DateOnly season) => state is PlanState.Planned or PlanState.Scoring ? new DateOnly(year + 2, 1, 31) : season;
        static PlanSubjectInput Subject(Managed p) => new(SubjectKind.Project, p.Id, p.OrgUnitId, p.Department, p.Name, p.Adjusted);

        // 部门评价: each department its largest projects, in plans of up to four, until 33 % (20 % for the short one).
        var number = 0;
        foreach (var group in projects.GroupBy(p => p.Department).OrderBy(g => departments.GetValueOrDefault(g.Key)?.Code, StringComparer.Ordinal))
        {
            if (!departments.TryGetValue(group.Key, out var department)) continue;
            var goal = 0.33m * group.Sum(p => p.Adjusted);
            var chosen = new List<Managed>();
            var total = group.Sum(p => p.Adjusted);
            if (department.Code == ShortDepartment)
                // The short one: its smallest projects, staying under 25 %.
                foreach (var p in group.OrderBy(p => p.Adjusted).ThenBy(p => p.Id).TakeWhile(p => chosen.Sum(c => c.Adjusted) + p.Adjusted <= 0.25m * total))
                    chosen.Add(p);
            else
                foreach (var p in group.OrderByDescending(p => p.Adjusted).ThenBy(p => p.Id))
                {
                    if (chosen.Sum(c => c.Adjusted) >= goal) break;
                    chosen.Add(p);
                }
            foreach (var batch in chosen.Chunk(4))
            {
                number++;
                var many = batch.Length > 1;
                var title = many ? $"{department.Name}{year}年度重点项目部门评价（第 {number} 批）" : $"{units.GetValueOrDefault(batch[0].OrgUnitId)}{batch[0].Name}部门评价";
                var state = (number % 9) switch { 0 => PlanState.Planned, 4 => PlanState.Scoring, _ => PlanState.Concluded };
                var plan = EvaluationPlan.Create(region, year, $"BM-{year}-{number:000}", title, EvaluationKind.Department,
                    many ? PlanSubjectKind.Projects : PlanSubjectKind.Project, PlanEvaluator.Department, PlanSource.Rule, "按金额从大到小选取，覆盖纳入目标管理项目金额的 30% 以上",
                    department.Id, [.. batch.Select(Subject)], new DateOnly(year + 1, 3, 1), DueOn(state, new DateOnly(year + 1, 6, 30)),
                    EvaluationFramework.ProjectTemplate, "perf", At(new DateOnly(year + 1, 2, 20)));
                plans.Add((plan, state, new DateOnly(year + 1, 6, 20)));
            }
        }

        // 财政重点评价.
        var byAmount = projects.OrderByDescending(p => p.Adjusted).ThenBy(p => p.Id).ToList();
        var distorted = await db.SelfEvaluations.AsNoTracking().Where(e => e.RegionCode == region && e.FiscalYear == year && e.ProjectId != null && e.Total != null)
            .OrderBy(e => e.Total - e.ReferenceTotal).Select(e => e.ProjectId!.Value).Take(6).ToListAsync(ct);
        var key = 0;
        var used = new HashSet<long>();
        foreach (var p in byAmount.Where(p => distorted.Contains(p.Id)).Concat(byAmount).Where(p => used.Add(p.Id)).Take(36))
        {
            key++;
            var (source, note) = distorted.Contains(p.Id) && key <= 6
                ? (PlanSource.SpotCheck, $"{year} 年度自评抽查复核中自评分与复核分差距较大")
                : key % 7 == 0 ? (PlanSource.RedLight, $"{year} 年第三季度绩效监控亮红灯") : key % 5 == 0 ? (PlanSource.HandPick, "") : (PlanSource.Rule, "单个项目全年预算 500 万元以上");
            var state = key switch { 35 => PlanState.Cancelled, _ when key % 6 == 0 => PlanState.Planned, _ when key % 4 == 0 => PlanState.Scoring, _ => PlanState.Concluded };
            var (indicators, actuals) = await PlanWork.TargetsAsync(db, p.Id, ct);
            var plan = EvaluationPlan.Create(region, year, $"ZD-{year}-{key:000}", $"{units.GetValueOrDefault(p.OrgUnitId)}{p.Name}重点绩效评价", EvaluationKind.Key, PlanSubjectKind.Project,
                PlanEvaluator.Finance, source, note, p.Department, [Subject(p)], new DateOnly(year + 1, 4, 1), DueOn(state, new DateOnly(year + 1, 9, 30)),
                EvaluationFramework.ProjectTemplate.WithTargets(indicators, actuals), "perf", At(new DateOnly(year + 1, 3, 20)));
            plans.Add((plan, state, new DateOnly(year + 1, 9, 15)));
        }
        // Several projects of one department, a policy.
        if (projects.GroupBy(p => p.Department).Where(g => g.Count() >= 3).OrderByDescending(g => g.Sum(p => p.Adjusted)).FirstOrDefault() is { } largest)
            plans.Add((EvaluationPlan.Create(region, year, $"ZD-{year}-{++key:000}", $"{departments[largest.Key].Name}同类项目打捆重点评价", EvaluationKind.Key,
            PlanSubjectKind.Projects, PlanEvaluator.Finance, PlanSource.HandPick, null, largest.Key,
            [.. largest.OrderBy(p => p.Adjusted).Take(3).Select(Subject)], new DateOnly(year + 1, 5, 1), new DateOnly(year + 1, 10, 31),
            EvaluationFramework.ProjectTemplate, "perf", At(new DateOnly(year + 1, 4, 20))), PlanState.Concluded, new DateOnly(year + 1, 10, 20)));
        var civil = departments.Values.FirstOrDefault(d => d.Code == "108") ?? departments.Values.OrderBy(d => d.Code).First();
        plans.Add((EvaluationPlan.Create(region, year, $"ZD-{year}-{++key:000}", "困难群众救助补助政策重点评价", EvaluationKind.Key, PlanSubjectKind.Policy,
            PlanEvaluator.Finance, PlanSource.HandPick, null, civil.Id, [new(SubjectKind.Policy, null, civil.Id, civil.Id, "困难群众救助补助政策", 18_600_000m)],
            new DateOnly(year + 1, 5, 1), new DateOnly(year + 1, 11, 30), EvaluationFramework.PolicyTemplate, "perf", At(new DateOnly(year + 1, 4, 25))),
            PlanState.Concluded, new DateOnly(year + 1, 11, 20)));
        // 部门整体: by the agencies engaged last year for it, their reports confirmed.
        var overall = await db.Engagements.Where(e => e.RegionCode == region && e.FiscalYear == year && e.State == EngagementState.Completed
                                                      && e.Scope == EngagementScope.KeyEvaluation && e.Subjects.Any(s => s.Kind == SubjectKind.Department))
            .OrderBy(e => e.Id).Take(2).ToListAsync(ct);
        foreach (var engagement in overall)
        {
            var subject = engagement.Subjects.Single();
            var amount = await (from p in db.Projects.AsNoTracking()
                                where p.DepartmentId == subject.OrgUnitId && p.FiscalYear == year && !p.IsPool
                                join t in db.ProjectTotals on p.Id equals t.ProjectId
                                select t.Adjusted).SumAsync(ct);
            var plan = EvaluationPlan.Create(region, year, $"ZD-{year}-{++key:000}", $"{subject.Name}部门整体支出绩效评价", EvaluationKind.Key, PlanSubjectKind.Department,
                PlanEvaluator.Agency, PlanSource.HandPick, null, subject.OrgUnitId, [new(SubjectKind.Department, null, subject.OrgUnitId, subject.OrgUnitId, subject.Name, amount)],
                engagement.StartOn, engagement.DueOn, EvaluationFramework.DepartmentTemplate, "perf", At(engagement.StartOn));
            plan.Link(engagement.Id, null);
            plans.Add((plan, PlanState.Concluded, engagement.DueOn));
        }

        // Scores, findings, reports and conclusions, as far as each plan has come.
        foreach (var (plan, goal, on) in plans)
        {
            db.EvaluationPlans.Add(plan);
            if (goal == PlanState.Planned) continue;
            if (goal == PlanState.Cancelled)
            {
                plan.Cancel("项目已纳入省级财政重点评价范围，本级不再重复评价");
                continue;
            }
            var quality = 0.5m + (decimal)random.NextDouble() * 0.48m;
            var given = new Dictionary<string, (decimal, string?)>();
            foreach (var item in plan.Items.OrderBy(i => i.Seq))
            {
                var factor = Math.Min(1m, quality + ((decimal)random.NextDouble() - 0.3m) * 0.25m);
                var score = Math.Max(0m, decimal.Round(item.Points * factor, 1, MidpointRounding.AwayFromZero));
                given[item.Name] = (score, score < item.Points ? Problems[random.Next(Problems.Length)].Split('，')[0] : null);
            }
            if (goal == PlanState.Scoring)
            {
                plan.Score(given.Take(given.Count / 2).ToDictionary(), plan.Kind == EvaluationKind.Department ? "部门评价工作组" : "perf");
                continue;
            }
            plan.Score(given, plan.Kind == EvaluationKind.Department ? "部门评价工作组" : "perf");
            var projectIds = plan.ProjectIds.ToList();
            var findings = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(Problems.Length)).Distinct()
                .Select(k => new FindingInput(Problems[k], Causes[k], Suggestions[k], k is 1 or 3 ? decimal.Round(plan.Amount * 0.02m * (k + 1), 2) : null,
                    projectIds.Count > 0 ? projectIds[random.Next(projectIds.Count)] : null)).ToList();
            plan.SetFindings(findings);
            plan.WriteReport(PlanReport.Draft(plan, await PlanWork.FundsAsync(db, plan, ct), plan.Kind == EvaluationKind.Department
                ? departments[plan.DepartmentId!.Value].Name : plan.EngagementId is not null ? "第三方机构" : "财政局绩效管理股", replace: true));
            plan.WriteReport(new Dictionary<string, string?> { [PlanReport.Other] = "本报告依据项目单位提供的资料和现场核查情况形成，供预算安排和绩效管理参考。" });
            plan.Conclude(true, "perf", At(on));
        }
        await db.SaveChangesAsync(ct);
        return plans.Count;
    }
}
