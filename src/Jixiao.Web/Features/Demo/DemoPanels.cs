using Jixiao.Domain.Engagements;
using Jixiao.Domain.Evidence;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Panels;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// The demo county's expert panels: a "部门+财政+专家" review of the education projects' targets last autumn, scored by all three
/// experts (one drawn expert was replaced) with its result; and a review of the completed monitoring engagement's report that two
/// experts have scored and the <c>expert</c> account (贾志刚, drawn for 共性) still has to.
/// </summary>
public static class DemoPanels
{
    public static async Task<int> FillAsync(SystemDbContext db, IReadOnlyDictionary<string, OrgUnit> home, int year, DateOnly today, CancellationToken ct)
    {
        var pool = (await db.Experts.Where(e => e.RegionCode == DemoCounty.RegionCode).ToListAsync(ct)).Select(e => e.AsCandidate()).ToList();
        var account = pool.Single(e => e.Name == DemoExperts.AccountExpert);
        DateTime At(DateOnly day, int hour = 2) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

        Task<IReadOnlyDictionary<long, string>> Evaluated(IEnumerable<EngagementSubject> subjects) =>
            Engagements.EngagementWork.EvaluatedAsync(db, subjects.Select(x => x.OrgUnitId), ct);

        // Last autumn: the targets of the education department's biggest projects, reviewed before the budget.
        var education = home["106"];
        var schools = home.Values.Where(o => o.Id == education.Id || o.ParentId == education.Id).Select(o => o.Id).ToList();
        var projects = await db.Projects.Where(p => schools.Contains(p.OrgUnitId) && p.FiscalYear == year && !p.IsPool)
            .OrderByDescending(p => p.Code).Take(3).Select(p => new { p.Id, p.Name, p.OrgUnitId }).ToListAsync(ct);
        var reviewed = projects.Count > 0
            ? projects.Select(p => EngagementSubject.Of(SubjectKind.Project, p.Id, p.OrgUnitId, p.Name)).ToList()
            : [EngagementSubject.Of(SubjectKind.Department, null, education.Id, education.Name)];
        var drawnOn = new DateOnly(year - 1, 11, 18);
        var targets = Panel.Draw(DemoCounty.RegionCode, year, PanelPurpose.TargetReview, $"{year}年教育项目绩效目标评审（部门+财政+专家）", null, reviewed,
            Draws.NewSeed(drawnOn, 4711), [new PanelQuota("education", 2), new PanelQuota("general", 1)], PanelForms.For(PanelPurpose.TargetReview), false,
            drawnOn, drawnOn.AddDays(10), pool, await Evaluated(reviewed), new HashSet<string>(), "perf", At(drawnOn));
        var first = targets.Members.First(m => m.Field == "education");
        targets.Replace(first.ExpertId, "本人在省外参加培训，评审期间无法到场", pool, await Evaluated(reviewed));
        var given = new[] { (23m, 20m, 21m, 18m, "个别产出指标未量化（如“教学质量有所提升”），建议改为可考核的数值。"),
            (24m, 22m, 20m, 19m, "目标与预算基本匹配，满意度指标建议写明调查对象和方法。"), (22m, 21m, 22m, 20m, "") };
        foreach (var (member, (a, b, c, d, opinion)) in targets.Members.Where(m => m.Sitting).ToList().Zip(given))
            targets.Score(member.ExpertId, new Dictionary<string, decimal> { ["完整性"] = a, ["相关性"] = b, ["适当性"] = c, ["可行性"] = d }, opinion,
                At(drawnOn.AddDays(7), 6));

        // Now: the completed monitoring engagement's report, reviewed by two 共性 experts and one of water; the expert account is drawn.
        var monitoring = await db.Engagements.SingleAsync(e => e.RegionCode == DemoCounty.RegionCode && e.FiscalYear == year && e.Scope == EngagementScope.Monitoring, ct);
        var quotas = new[] { new PanelQuota("general", 2), new PanelQuota("water", 1) };
        var evaluated = await Evaluated(monitoring.Subjects);
        var on = today.AddDays(-3);
        var seed = Enumerable.Range(0, 10_000).Select(n => Draws.NewSeed(on, n))
            .First(s => ExpertDraw.Draw(s, quotas, pool, evaluated, new HashSet<string>()).Any(d => d.Expert.Id == account.Id));
        var report = Panel.Draw(DemoCounty.RegionCode, year, PanelPurpose.ReportReview, $"{monitoring.Title}报告评审", monitoring.Id, monitoring.Subjects, seed,
            quotas, PanelForms.For(PanelPurpose.ReportReview), false, on, today.AddDays(10), pool, evaluated, new HashSet<string>(), "perf", At(on));
        foreach (var (member, points) in report.Members.Where(m => m.ExpertId != account.Id).Zip(new[] { 8m, 9m }))
            report.Score(member.ExpertId, new Dictionary<string, decimal>
                { ["格式规范"] = points, ["内容完整"] = 21, ["证据充分"] = 19, ["结论客观"] = 17, ["建议可行"] = 16 }, "监控发现的问题有数据支撑，整改建议可以更具体。", At(on.AddDays(1), 7));

        db.Panels.AddRange(targets, report);
        await db.SaveChangesAsync(ct);
        // What the experts review: the targets put before the first panel, the final report before the second.
        var perf = await db.Users.Where(u => u.UserName == "perf").Select(u => (long?)u.Id).SingleAsync(ct);
        await DemoFiles.AttachPdfAsync(db, DemoCounty.RegionCode, year, EvidenceOwner.PanelMaterial, targets.Id, $"{year}年教育项目绩效目标申报表（汇总）.pdf",
            "评审材料", perf, "perf", At(drawnOn, 3), ct);
        await DemoFiles.AttachPdfAsync(db, DemoCounty.RegionCode, year, EvidenceOwner.PanelMaterial, report.Id, $"{monitoring.Code}-报告终稿.pdf",
            "第三方机构提交、经三方确认的报告终稿", perf, "perf", At(on, 3), ct);
        return 2;
    }
}
