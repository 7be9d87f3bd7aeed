using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Rectifications;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Rectifications;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// The demo county's rectification items (DOMAIN.md §4.6) from every source — last year's concluded department and key evaluations'
/// findings, the spot check's 失真, self-evaluations graded 中 or 差, this year's approved red monitoring lights, next year's ex-ante
/// evaluations concluded 调整完善 or 不予支持, and two by hand (an audit, a 人大 opinion) for 第一中学 — in every state: waiting, being
/// written, returned, with the department, with finance, done on time and late, one withdrawn; a third of the open ones past their
/// deadline. Raised over the last months with the dates they would have had; deterministic by the order of the sources.
/// </summary>
public static class DemoRectifications
{
    private static readonly string[] Measures =
    [
        "已召开专题会议研究整改，重新梳理绩效指标并报主管部门审核；补充完善了项目验收资料，相关佐证材料已上传。",
        "已制定支出进度计划，按月跟踪执行，截至目前项目资金已全部支付完毕；同时修订了单位内部资金管理办法。",
        "已对超范围列支的资金予以调整，补充了合同履约验收记录，并组织相关人员学习资金管理办法。",
        "已扩大满意度调查样本，覆盖主要服务对象，重新测算满意度并更新自评报告。",
    ];

    /// <returns>how many items it wrote</returns>
    public static async Task<int> FillAsync(SystemDbContext db, string region, int year, DateOnly today, CancellationToken ct)
    {
        var findings = new List<SourceFinding>();
        foreach (var plan in await db.EvaluationPlans.AsNoTracking().Where(p => p.RegionCode == region && p.FiscalYear == year - 1 && p.State == PlanState.Concluded)
                     .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct))
            findings.AddRange(await RectificationSources.BatchAsync(db, RectificationBatch.EvaluationPlan, plan, ct) ?? []);
        foreach (var draw in await db.SpotChecks.AsNoTracking().Where(d => d.RegionCode == region && d.FiscalYear == year - 1).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct))
            findings.AddRange(await RectificationSources.BatchAsync(db, RectificationBatch.SpotCheckDraw, draw, ct) ?? []);
        var taken = findings.Where(f => f.Ref.Source == RectificationSource.SpotCheck).Select(f => f.Ref.Part).ToHashSet();
        var weak = await db.SelfEvaluations.AsNoTracking()
            .Where(e => e.RegionCode == region && e.FiscalYear == year - 1 && e.State == FormState.Approved && e.Subject == TargetSubject.Project
                        && e.Rows.Any(r => r.Attainment == Attainment.Missed))
            .OrderBy(e => e.Total).ThenBy(e => e.Id).Select(e => e.Id).Take(24).ToListAsync(ct);
        foreach (var id in weak.Where(id => !taken.Contains(id)).Take(12))
            findings.Add((await RectificationSources.FindAsync(db, new SourceRef(RectificationSource.SelfEvaluation, id), ct))!);
        foreach (var round in await db.MonitoringRounds.AsNoTracking().Where(r => r.RegionCode == region && r.FiscalYear == year).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct))
            findings.AddRange((await RectificationSources.BatchAsync(db, RectificationBatch.MonitoringRound, round, ct) ?? []).Take(15));
        foreach (var id in await db.ExAnteEvaluations.AsNoTracking()
                     .Where(e => e.RegionCode == region && (e.Conclusion == ExAnteConclusion.SupportAfterRevision || e.Conclusion == ExAnteConclusion.Reject))
                     .OrderBy(e => e.Id).Select(e => e.Id).Take(6).ToListAsync(ct))
            findings.Add((await RectificationSources.FindAsync(db, new SourceRef(RectificationSource.ExAnte, id), ct))!);

        var orgs = await db.OrgUnits.AsNoTracking().Where(o => o.RegionCode == region).ToDictionaryAsync(o => o.Id, ct);
        var fillers = await db.Users.AsNoTracking().Where(u => u.RegionCode == region && u.OrgUnitId != null)
            .Select(u => new { u.OrgUnitId, u.UserName }).ToListAsync(ct);
        string Filler(long org) => fillers.FirstOrDefault(u => u.OrgUnitId == org)?.UserName ?? $"{orgs.GetValueOrDefault(org)?.Name ?? "单位"}填报人";
        var finance = new ReviewActor(null, "perf", Role.PerformanceDivision);
        var items = new List<Rectification>();
        var number = 0;
        foreach (var finding in findings)
            items.Add(Walk(finding.RegionCode, finding.FiscalYear, finding, number++));

        // By hand, for 第一中学: an audit's finding and a 人大 opinion, so that its filler and its department have work of their own.
        var school = orgs.Values.FirstOrDefault(o => o.Code == "10602");
        if (school is not null)
        {
            var project = await db.Projects.AsNoTracking().Where(p => p.OrgUnitId == school.Id && p.FiscalYear == year - 1).OrderBy(p => p.Code)
                .Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
            items.Add(Walk(region, year - 1, new SourceFinding(new(RectificationSource.Manual, 0), "", $"县审计局审计报告 襄审字〔{year}〕12号", region, year - 1, school.Id,
                school.ParentId, project, new("食堂采购未履行询价程序，部分支出凭证不完整", "", 126_000m)), 0));
            items.Add(Walk(region, year - 1, new SourceFinding(new(RectificationSource.Manual, 0), "", $"县人大常委会审议意见（{year}年第 3 次会议）", region, year - 1,
                school.Id, school.ParentId, null, new("学生资助资金发放公示不及时，公示内容不完整", "", 0m)), 1));
        }
        db.Rectifications.AddRange(items);
        await db.SaveChangesAsync(ct);
        return items.Count;

        // The item raised some weeks ago and taken through the chain to a state chosen by its number.
        Rectification Walk(string itemRegion, int fiscalYear, SourceFinding f, int n)
        {
            var raisedOn = today.AddDays(-(20 + n % 5 * 15));
            // 0 待整改, 1 整改中, 2 returned by the department, 3 with the department, 4 with finance, 5 done on time, 6 done late, 7 returned by finance
            var goal = n % 8;
            var overdue = n % 3 == 0;
            // one done late had a deadline five days after it was raised, and replied four days after that
            var deadline = goal == 6 ? raisedOn.AddDays(5) : overdue ? today.AddDays(-(3 + n % 7)) : raisedOn.AddDays(90);
            var org = orgs.GetValueOrDefault(f.OrgUnitId);
            var subject = org?.Kind == OrgKind.Department ? TargetSubject.Department : TargetSubject.Project;
            var department = subject == TargetSubject.Department ? f.OrgUnitId : f.DepartmentId ?? org?.ParentId;
            var manual = f.Ref.Source == RectificationSource.Manual;
            var input = new RectificationInput(f.Ref.Source, manual ? null : f.Ref.Id, manual ? null : f.Key, f.Title, f.OrgUnitId, department, f.ProjectId,
                f.Draft.Problem, f.Draft.Suggestion.Length > 0 ? f.Draft.Suggestion : "针对上述问题制定整改措施，按期整改到位并上传佐证材料。", deadline, f.Draft.Amount);
            var item = Rectification.Raise(itemRegion, fiscalYear, subject, input, finance, raisedOn, At(raisedOn, 2));
            var filler = new ReviewActor(null, Filler(f.OrgUnitId), subject == TargetSubject.Department ? Role.DepartmentReviewer : Role.UnitFiller);
            var reviewer = new ReviewActor(null, department is { } d ? Filler(d) : "主管部门", Role.DepartmentReviewer);
            if (n == 9) { item.Cancel("与同一项目的重点评价问题重复，已并入该整改事项", finance, At(raisedOn.AddDays(2), 3)); return item; }
            if (goal == 0) return item;
            var day = raisedOn.AddDays(10);
            item.Reply(Measures[n % Measures.Length], filler, At(day, 3));
            if (goal == 1) return item;
            var late = goal == 6 ? deadline.AddDays(4) : day;
            item.Act(RectificationAction.Submit, filler, null, late, At(late, 4));
            if (subject == TargetSubject.Project)
            {
                if (goal == 2) { item.Act(RectificationAction.Return, reviewer, "整改措施过于笼统，请写明具体完成情况并补充佐证材料", late.AddDays(1) > today ? today : late.AddDays(1), At(late, 6)); return item; }
                if (goal == 3) return item;
                item.Act(RectificationAction.Approve, reviewer, "同意，报财政核实", late, At(late, 6));
            }
            else if (goal is 2 or 3) return item;
            if (goal == 4) return item;
            if (goal == 7) { item.Act(RectificationAction.Return, finance, "佐证材料不足以证明整改到位，请补充支付凭证和制度文件", late, At(late, 7)); return item; }
            item.Act(RectificationAction.Accept, finance, "整改到位", late, At(late, 8));
            return item;
        }

        static DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
    }
}
