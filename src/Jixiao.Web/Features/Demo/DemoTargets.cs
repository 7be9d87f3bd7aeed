using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// Gives a county-year's projects performance targets in every state of the review chain, written and
/// reviewed through the domain (so every step is a legal one and stamped): most approved with the budget,
/// some waiting at each level, some returned with a reason, a few rejected, some adjusted to version 2, and
/// a share left unwritten — mostly mid-year 待分资金 allocations, which the coverage page must catch.
/// Indicators follow each project's category and sector, with values that pass the quality checks.
/// Deterministic for a given seed.
/// </summary>
public static class DemoTargets
{
    private static readonly string[] ReturnReasons =
    [
        "数量指标与预算金额不匹配，请按实际资助标准测算后重报。",
        "满意度指标缺少调查方式和样本说明，请补充评分标准。",
        "效益指标表述笼统，请细化为可衡量的结果。",
        "时效指标完成时间晚于资金拨付计划，请核实。",
        "成本指标未体现单位成本，请补充单价或定额标准。",
    ];

    private sealed record Template(string Level1, string Level2, string Name, Comparison Comparison, Func<Random, decimal, string> Value, string Unit, string Scoring);

    private static readonly Template[] Personnel =
    [
        new("产出指标", "数量指标", "保障在编在岗人数", Comparison.GreaterOrEqual, (r, _) => $"≥{r.Next(8, 120)}人", "人", "达到目标值得满分，每少 1 人扣 0.5 分"),
        new("产出指标", "时效指标", "工资按月足额发放率", Comparison.Equal, (_, _) => "100%", "%", "未按月足额发放不得分"),
        new("产出指标", "质量指标", "社会保险缴费足额率", Comparison.Equal, (_, _) => "100%", "%", "未足额缴纳不得分"),
        new("产出指标", "成本指标", "人员经费支出", Comparison.LessOrEqual, (_, b) => $"≤{Math.Ceiling(b / 10_000m)}万元", "万元", "超支不得分"),
        new("效益指标", "社会效益指标", "单位正常运转和职能履行", Comparison.Qualitative, (_, _) => "有效保障", "", "按履职情况分档评分"),
        new("效益指标", "可持续影响指标", "人员队伍稳定性", Comparison.Qualitative, (_, _) => "保持稳定", "", "按人员流失情况分档评分"),
        new("满意度指标", "服务对象满意度指标", "在职人员满意度", Comparison.GreaterOrEqual, (r, _) => $"≥{r.Next(85, 96)}%", "%", "按问卷满意率计分"),
    ];

    private static readonly Template[] Operation =
    [
        new("产出指标", "数量指标", "保障办公运转天数", Comparison.GreaterOrEqual, (_, _) => "≥250天", "天", "按实际运转天数计分"),
        new("产出指标", "质量指标", "公用经费支出合规率", Comparison.Equal, (_, _) => "100%", "%", "发现违规支出不得分"),
        new("产出指标", "时效指标", "公用经费支付及时率", Comparison.GreaterOrEqual, (_, _) => "≥95%", "%", "每低 1 个百分点扣 0.5 分"),
        new("产出指标", "数量指标", "“三公”经费支出增长率", Comparison.LessOrEqual, (_, _) => "≤0%", "%", "增长不得分"),
        new("产出指标", "成本指标", "日常公用经费支出", Comparison.LessOrEqual, (_, b) => $"≤{Math.Ceiling(b / 10_000m)}万元", "万元", "超支不得分"),
        new("效益指标", "可持续影响指标", "单位履职保障能力", Comparison.Qualitative, (_, _) => "持续提升", "", "按年度考核结果分档评分"),
        new("满意度指标", "服务对象满意度指标", "服务对象满意度", Comparison.GreaterOrEqual, (r, _) => $"≥{r.Next(85, 96)}%", "%", "按问卷满意率计分"),
    ];

    private static readonly Template[] Specific =
    [
        new("产出指标", "数量指标", "项目实施完成数量", Comparison.GreaterOrEqual, (r, _) => $"≥{r.Next(2, 60)}个", "个", "按完成比例计分"),
        new("产出指标", "质量指标", "项目验收合格率", Comparison.GreaterOrEqual, (r, _) => $"≥{r.Next(95, 101)}%", "%", "低于目标值按比例扣分"),
        new("产出指标", "质量指标", "资金使用合规率", Comparison.Equal, (_, _) => "100%", "%", "发现违规使用不得分"),
        new("产出指标", "时效指标", "项目完成及时率", Comparison.GreaterOrEqual, (r, _) => $"≥{r.Next(90, 101)}%", "%", "每延期 1 个月扣 1 分"),
        new("产出指标", "成本指标", "项目总成本", Comparison.LessOrEqual, (_, b) => $"≤{Math.Ceiling(b / 10_000m)}万元", "万元", "超出预算不得分"),
        new("产出指标", "时效指标", "资金拨付及时率", Comparison.GreaterOrEqual, (r, _) => $"≥{r.Next(90, 101)}%", "%", "每延期 1 个月扣 1 分"),
        new("效益指标", "经济效益指标", "带动相关投入", Comparison.GreaterOrEqual, (_, b) => $"≥{Math.Max(1, Math.Floor(b / 50_000m))}万元", "万元", "按实际带动投入计分"),
        new("效益指标", "社会效益指标", "服务群众受益情况", Comparison.Qualitative, (_, _) => "明显改善", "", "按受益群众反馈分档评分"),
        new("效益指标", "可持续影响指标", "长效管护机制", Comparison.Qualitative, (_, _) => "建立健全", "", "按制度建立和执行情况评分"),
        new("满意度指标", "服务对象满意度指标", "受益群众满意度", Comparison.GreaterOrEqual, (r, _) => $"≥{r.Next(85, 96)}%", "%", "按问卷满意率计分"),
    ];

    /// <summary>部门整体绩效目标: the department's overall indicators (the national frame, filled by the department).</summary>
    private static readonly Template[] DepartmentOverall =
    [
        new("产出指标", "数量指标", "年度重点工作任务完成数", Comparison.GreaterOrEqual, (r, _) => $"≥{r.Next(6, 16)}项", "项", "按完成项数计分"),
        new("产出指标", "质量指标", "重点工作任务完成率", Comparison.GreaterOrEqual, (_, _) => "≥95%", "%", "每低 1 个百分点扣 0.5 分"),
        new("产出指标", "时效指标", "部门预算执行率", Comparison.GreaterOrEqual, (_, _) => "≥90%", "%", "按执行率分档计分"),
        // as real tables write it: a bare 100%, read as an upper limit by the name (反向指标)
        new("产出指标", "成本指标", "“三公”经费控制率", Comparison.Equal, (_, _) => "100%", "%", "超出预算不得分"),
        new("效益指标", "社会效益指标", "部门职责履行成效", Comparison.Qualitative, (_, _) => "成效明显", "", "按年度考核结果分档评分"),
        new("效益指标", "可持续影响指标", "内部管理制度健全性", Comparison.Qualitative, (_, _) => "健全有效", "", "按制度建设和执行情况评分"),
        new("满意度指标", "服务对象满意度指标", "社会公众满意度", Comparison.GreaterOrEqual, (r, _) => $"≥{r.Next(85, 93)}%", "%", "按问卷满意率计分"),
    ];

    /// <summary>When in the year the targets are shown.</summary>
    public enum Season
    {
        /// <summary>In execution: most approved with the budget, a spread in every other state.</summary>
        InYear = 1,
        /// <summary>Budget compilation's final review: most submitted targets wait for the performance division.</summary>
        FinalReviewPeak = 2,
    }

    private enum Plan { None, Draft, Submitted, DepartmentApproved, DivisionApproved, Returned, Approved, Rejected, AdjustedApproved, AdjustedDraft }

    public static async Task<int> FillAsync(SystemDbContext db, string regionCode, int year, IReadOnlyDictionary<string, OrgUnit> orgs,
        int seed, Season season, CancellationToken ct)
    {
        var random = new Random(seed);
        var byId = orgs.Values.ToDictionary(o => o.Id);
        var accounts = DemoCounty.Accounts.Where(a => a.Region == regionCode && a.OrgCode is not null).ToList();
        var userIds = await db.Users.Where(u => u.RegionCode == regionCode).ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var divisionOf = await db.DivisionAssignments.Where(d => d.RegionCode == regionCode && d.FiscalYear == year)
            .GroupBy(d => d.DepartmentId).ToDictionaryAsync(g => g.Key, g => g.Min(d => d.DivisionId), ct);
        var performanceDivision = orgs.Values.First(o => o.DivisionKind == DivisionKind.Performance);
        ReviewActor Actor(OrgUnit org, Role role)
        {
            var account = accounts.FirstOrDefault(a => a.OrgCode == org.Code && a.Role == role);
            return account is null
                ? new ReviewActor(null, $"{org.Name}经办人", role)
                : new ReviewActor(userIds.GetValueOrDefault(account.UserName), account.UserName, role);
        }

        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.RegionCode == regionCode && p.FiscalYear == year && p.Status == LibraryStatus.Budgeted && !p.IsPool)
            .OrderBy(p => p.Code).ToListAsync(ct);
        var budgets = await db.ProjectTotals.Where(t => t.RegionCode == regionCode && t.FiscalYear == year)
            .ToDictionaryAsync(t => t.ProjectId, t => t.Adjusted, ct);
        // Grouped here, not in SQL: PostgreSQL's plan for the grouped query sometimes takes half a second a county.
        var midYear = (await db.LedgerMovements.Where(m => m.RegionCode == regionCode && m.FiscalYear == year)
                .Select(m => new { m.ProjectId, m.Kind }).ToListAsync(ct))
            .GroupBy(m => m.ProjectId).Where(g => g.All(m => m.Kind != MovementKind.InitialApproval)).Select(g => g.Key).ToHashSet();
        // The last two projects of each unit stay unwritten, so every unit has something to start.
        var keepOpen = projects.GroupBy(p => p.OrgUnitId).SelectMany(g => g.TakeLast(2)).Select(p => p.Id).ToHashSet();

        var context = new TargetCheckContext(IndicatorFrame.National, year);
        var written = 0;
        foreach (var chunk in projects.Chunk(400))
        {
            var made = new List<PerformanceTarget>();
            foreach (var project in chunk)
            {
                var plan = keepOpen.Contains(project.Id) ? Plan.None : PlanFor(random, midYear.Contains(project.Id), season);
                if (plan == Plan.None) continue;
                var unit = byId[project.OrgUnitId];
                var department = project.DepartmentId is { } d ? byId[d] : unit;
                var division = project.DepartmentId is { } dep && divisionOf.TryGetValue(dep, out var div) ? byId[div] : performanceDivision;
                var filler = Actor(unit, Role.UnitFiller);
                var reviewer = Actor(department, Role.DepartmentReviewer);
                var funder = Actor(division, Role.BusinessDivision);
                var performance = Actor(performanceDivision, Role.PerformanceDivision);
                var at = new DateTime(year - 1, 11, 1, 1, 0, 0, DateTimeKind.Utc).AddHours(random.Next(0, 24 * 40));
                DateTime Next() => at = at.AddHours(random.Next(2, 72));

                var target = PerformanceTarget.ForProject(project, at);
                var rows = RowsFor(project, budgets.GetValueOrDefault(project.Id), random);
                target.Edit(filler, $"{project.Name}：按计划实施，资金使用规范，发挥应有效益。", $"{year} 年完成{project.Name}各项任务，达到预期绩效。",
                    rows, context with { ProjectEndYear = project.EndYear }, at);
                made.Add(target);
                written++;
                if (plan == Plan.Draft) continue;
                target.Submit(filler, context with { ProjectEndYear = project.EndYear }, Next());
                if (plan == Plan.Submitted) continue;
                if (plan == Plan.Returned)
                {
                    // a third are returned by the funding division after the department passed them
                    var returner = reviewer;
                    if (random.Next(3) == 0)
                    {
                        target.Approve(reviewer, ReviewGrade.Good, "同意上报", Next());
                        returner = funder;
                    }
                    target.Return(returner, ReturnReasons[random.Next(ReturnReasons.Length)], Next());
                    continue;
                }
                target.Approve(reviewer, ReviewGrade.Excellent, "同意上报", Next());
                if (plan == Plan.DepartmentApproved) continue;
                if (plan == Plan.Rejected)
                {
                    target.Reject(funder, "目标与项目内容不符，且无法量化考核，不得进入预算编制。", Next());
                    continue;
                }
                target.Approve(funder, random.Next(4) == 0 ? ReviewGrade.Good : ReviewGrade.Excellent, "同意", Next());
                if (plan == Plan.DivisionApproved) continue;
                target.Approve(performance, ReviewGrade.Excellent, "同意，随预算批复下达", Next());
                if (plan is not (Plan.AdjustedApproved or Plan.AdjustedDraft)) continue;

                at = new DateTime(year, 6, 1, 1, 0, 0, DateTimeKind.Utc).AddHours(random.Next(0, 24 * 30));
                var v2 = target.Adjust(filler, "年中追加资金，任务量相应增加，申请调整绩效目标。", at);
                var raised = v2.Indicators.Select(i => i.ToInput()).ToList();
                raised[0] = raised[0] with { TargetValue = Raise(raised[0].TargetValue) };
                v2.Edit(filler, v2.OverallGoal, v2.AnnualGoal, raised, context with { ProjectEndYear = project.EndYear }, Next());
                made.Add(v2);
                written++;
                if (plan == Plan.AdjustedDraft) continue;
                v2.Submit(filler, context with { ProjectEndYear = project.EndYear }, Next());
                v2.Approve(reviewer, ReviewGrade.Excellent, "同意", Next());
                v2.Approve(funder, ReviewGrade.Excellent, "同意", Next());
                v2.Approve(performance, ReviewGrade.Excellent, "同意调整", Next());
                target.Supersede(v2);
            }
            await DemoWrites.AddAsync(db, made, ct);
            db.ChangeTracker.Clear();
        }
        if (season == Season.InYear)
        {
            // The departments of the demo reviewer accounts keep theirs to write, so that those accounts have it to do.
            var own = accounts.Where(a => a.Role == Role.DepartmentReviewer).Select(a => a.OrgCode).ToHashSet();
            written += await DepartmentsAsync(db, orgs.Values.Where(o => !own.Contains(o.Code)), year, context, Actor, performanceDivision, divisionOf,
                byId, random, ct);
        }
        return written;
    }

    /// <summary>
    /// 部门整体绩效目标 of the departments: most approved with the budget (so they are monitored and evaluated),
    /// some waiting for finance, some still drafts, a few not written.
    /// </summary>
    private static async Task<int> DepartmentsAsync(SystemDbContext db, IEnumerable<OrgUnit> orgs, int year, TargetCheckContext context,
        Func<OrgUnit, Role, ReviewActor> actor, OrgUnit performanceDivision, IReadOnlyDictionary<long, long> divisionOf,
        IReadOnlyDictionary<long, OrgUnit> byId, Random random, CancellationToken ct)
    {
        var made = new List<PerformanceTarget>();
        foreach (var department in orgs.Where(o => o.Kind == OrgKind.Department).OrderBy(o => o.Code))
        {
            var roll = random.Next(100);
            if (roll < 8) continue;
            var filler = actor(department, Role.DepartmentReviewer);
            var at = new DateTime(year - 1, 11, 15, 1, 0, 0, DateTimeKind.Utc).AddHours(random.Next(0, 24 * 20));
            DateTime Next() => at = at.AddHours(random.Next(2, 72));
            var target = PerformanceTarget.ForDepartment(department, year, at);
            target.Edit(filler, $"{department.Name}：依法履职，完成县委县政府部署的重点任务。", $"{year} 年全面完成部门年度重点工作，预算执行规范高效。",
                DepartmentOverall.Select(t => new TargetIndicatorInput(t.Level1, t.Level2, t.Name, t.Comparison, t.Value(random, 0m), t.Unit,
                    ValueBasis.Plan, null, "", t.Scoring)).ToList(), context, at);
            made.Add(target);
            if (roll < 16) continue;
            target.Submit(filler, context, Next());
            if (roll < 24) continue;
            var division = divisionOf.TryGetValue(department.Id, out var d) ? byId[d] : performanceDivision;
            target.Approve(actor(division, Role.BusinessDivision), ReviewGrade.Excellent, "同意", Next());
            target.Approve(actor(performanceDivision, Role.PerformanceDivision), ReviewGrade.Excellent, "同意，随预算批复下达", Next());
        }
        await DemoWrites.AddAsync(db, made, ct);
        db.ChangeTracker.Clear();
        return made.Count;
    }

    private static Plan PlanFor(Random random, bool midYear, Season season)
    {
        var roll = random.Next(100);
        if (season == Season.FinalReviewPeak)
            return roll switch { < 3 => Plan.Draft, < 6 => Plan.Returned, < 10 => Plan.DepartmentApproved, < 85 => Plan.DivisionApproved, _ => Plan.Approved };
        if (midYear)
            return roll switch { < 45 => Plan.None, < 60 => Plan.Draft, < 75 => Plan.Submitted, < 85 => Plan.DepartmentApproved, _ => Plan.Approved };
        return roll switch
        {
            < 4 => Plan.Draft,
            < 10 => Plan.Submitted,
            < 16 => Plan.DepartmentApproved,
            < 23 => Plan.DivisionApproved,
            < 28 => Plan.Returned,
            < 29 => Plan.Rejected,
            < 32 => Plan.AdjustedApproved,
            < 34 => Plan.AdjustedDraft,
            _ => Plan.Approved,
        };
    }

    private static List<TargetIndicatorInput> RowsFor(Project project, decimal budget, Random random)
    {
        var templates = project.Category switch
        {
            ProjectCategory.Personnel => Personnel,
            ProjectCategory.Operation => Operation,
            _ => Specific,
        };
        var amount = budget > 0 ? budget : 100_000m;
        return templates.Select(t => new TargetIndicatorInput(t.Level1, t.Level2,
                t.Name == "项目实施完成数量" ? project.Name.Split('（')[0] + "完成数量" : t.Name,
                t.Comparison, t.Value(random, amount), t.Unit,
                t.Level2 == "成本指标" ? ValueBasis.BudgetStandard : ValueBasis.Plan, null, "", t.Scoring))
            .ToList();
    }

    /// <summary>"≥12个" → "≥15个": the adjusted version asks for more.</summary>
    private static string Raise(string value)
    {
        var digits = new string(value.Where(char.IsDigit).ToArray());
        if (digits.Length == 0 || !int.TryParse(digits, out var n)) return value;
        return value.Replace(digits, (n + Math.Max(1, n / 4)).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
