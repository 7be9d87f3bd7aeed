using Jixiao.Domain.Agencies;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Evidence;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Agencies;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// The demo county's 委托 in every state: a department evaluation whose plan the department objected to and the agency
/// re-submitted (waiting for the department and finance), a key evaluation whose field work is overdue (the <c>agency</c>
/// account's to-do), a completed monitoring engagement, one waiting for its draw (the firm has a conflict with the hospital and
/// will be excluded), a cancelled one, and one whose first drawn agency declined and the next took over. Each submission has its
/// deliverable attached. Last year's engagements were completed and their reports scored; last year's ratings are computed from them
/// as the performance division computes them (<see cref="AgencyWork.RatingsAsync"/>), so this year's draws read them.
/// </summary>
public static class DemoEngagements
{
    public sealed record Counts(int Engagements, int Stages);

    internal sealed record People(ReviewActor Agency, ReviewActor Finance, ReviewActor Education, ReviewActor School, ReviewActor Water);

    public static async Task<Counts> FillAsync(SystemDbContext db, IReadOnlyDictionary<string, OrgUnit> home, int year, CancellationToken ct)
    {
        var users = await db.Users.Where(u => u.RegionCode == DemoCounty.RegionCode).ToDictionaryAsync(u => u.UserName!, ct);
        ReviewActor Actor(string name, Role role) => new(users[name].Id, name, role);
        var people = new People(Actor("agency", Role.Agency), Actor("perf", Role.PerformanceDivision), Actor("edu", Role.DepartmentReviewer),
            Actor("yizhong", Role.UnitFiller), Actor("water", Role.DepartmentReviewer));
        var agencies = await db.Agencies.Where(a => a.RegionCode == DemoCounty.RegionCode).OrderBy(a => a.Id).ToListAsync(ct);
        var firm = agencies.Single(a => a.Name == DemoAgencies.AccountFirm);
        var open = new Dictionary<long, int>();
        DateTime At(DateOnly day, int hour = 2) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

        Engagement PlanIn(int fiscalYear, string code, string title, EngagementScope scope, EngagementSubject subject, decimal fee, DateOnly start, DateOnly due) =>
            Engagement.Plan(DemoCounty.RegionCode, fiscalYear, $"WT-{fiscalYear}-{code}", title, scope, [subject], $"XYCZ-{fiscalYear}-PJ{code}", fee,
                ProcurementMethod.Lottery, start, due, Features.Engagements.EngagementWork.EvenlyDue(StagePlan.Default, start, due), At(start, 1));
        Engagement Plan(string code, string title, EngagementScope scope, EngagementSubject subject, decimal fee, DateOnly start, DateOnly due) =>
            PlanIn(year, code, title, scope, subject, fee, start, due);

        IReadOnlyList<Eligibility> Assess(Engagement e, DateOnly on)
        {
            var evaluated = e.Subjects.ToDictionary(s => s.OrgUnitId, s => s.Name);
            foreach (var s in e.Subjects)
                if (home.Values.FirstOrDefault(o => o.Id == s.OrgUnitId)?.ParentId is { } parent)
                    evaluated.TryAdd(parent, home.Values.Single(o => o.Id == parent).Name);
            return AgencyLottery.Assess(e.Scope, evaluated, agencies.Select(a => a.CandidateOn(on, e.FiscalYear, open.GetValueOrDefault(a.Id))), LotteryRules.Default);
        }

        // The seed announced on the day: for the firm's engagements the first of the day's seeds that draws it (so the demo account has work).
        void Draw(Engagement e, DateOnly on, Agency? wanted = null)
        {
            var assessed = Assess(e, on);
            var seed = Enumerable.Range(0, 10_000).Select(n => Draws.NewSeed(on, n))
                .First(s => wanted is null || AgencyLottery.Order(s, assessed)[0].Id == wanted.Id);
            e.DrawAgency(seed, assessed, "perf", At(on));
            open[e.AgencyId!.Value] = open.GetValueOrDefault(e.AgencyId!.Value) + 1;
        }

        var lastYear = await LastYearAsync(db, home, year - 1, agencies, PlanIn, Draw, people, ct);
        open.Clear();   // last year's are completed

        var education = home["106"];
        var departmentEvaluation = Plan("001", $"{education.Name}{year - 1}年度部门整体支出绩效评价", EngagementScope.DepartmentEvaluation,
            EngagementSubject.Of(SubjectKind.Department, null, education.Id, education.Name), 68_000m, new DateOnly(year, 11, 16), new DateOnly(year + 1, 3, 15));
        Draw(departmentEvaluation, new DateOnly(year, 11, 16), firm);

        var school = home["10602"];
        var project = await db.Projects.Where(p => p.OrgUnitId == school.Id && p.FiscalYear == year && !p.IsPool)
            .OrderBy(p => p.Name.StartsWith("校舍维修改造") ? 0 : 1).ThenBy(p => p.Code)
            .Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        var keyEvaluation = Plan("002", $"{school.Name}{project?.Name ?? "校舍维修改造"}项目重点绩效评价", EngagementScope.KeyEvaluation,
            project is null
                ? EngagementSubject.Of(SubjectKind.Department, null, education.Id, education.Name)
                : EngagementSubject.Of(SubjectKind.Project, project.Id, school.Id, project.Name),
            45_000m, new DateOnly(year, 9, 1), new DateOnly(year, 12, 31));
        Draw(keyEvaluation, new DateOnly(year, 9, 1), firm);

        var waterBureau = home["115"];
        var monitoring = Plan("003", $"{waterBureau.Name}重点项目绩效运行监控", EngagementScope.Monitoring,
            EngagementSubject.Of(SubjectKind.Department, null, waterBureau.Id, waterBureau.Name), 32_000m, new DateOnly(year, 3, 1), new DateOnly(year, 11, 30));
        Draw(monitoring, new DateOnly(year, 3, 1), agencies.Single(a => a.Name == "长治市华宇绩效评价咨询有限公司"));

        var hospital = home["12002"];
        var exAnte = Plan("004", $"{hospital.Name}医疗设备购置项目事前绩效评估", EngagementScope.ExAnte,
            EngagementSubject.Of(SubjectKind.Department, null, home["120"].Id, home["120"].Name), 26_000m, new DateOnly(year, 12, 10), new DateOnly(year + 1, 2, 28));

        var agriculture = home["116"];
        var cancelled = Plan("005", $"{agriculture.Name}高标准农田建设项目重点绩效评价", EngagementScope.KeyEvaluation,
            EngagementSubject.Of(SubjectKind.Department, null, agriculture.Id, agriculture.Name), 52_000m, new DateOnly(year, 6, 1), new DateOnly(year, 10, 31));
        cancelled.Cancel("项目已调整为由省级统一组织评价，本县不再另行委托");

        var health = home["120"];
        var replaced = Plan("006", $"{health.Name}基本公共卫生服务项目重点绩效评价", EngagementScope.KeyEvaluation,
            EngagementSubject.Of(SubjectKind.Department, null, health.Id, health.Name), 58_000m, new DateOnly(year, 11, 20), new DateOnly(year + 1, 3, 31));
        Draw(replaced, new DateOnly(year, 11, 20));
        replaced.SetAside("中选机构书面声明评价期间专业人员不足，主动放弃本次委托", At(new DateOnly(year, 11, 23)));

        var all = new[] { departmentEvaluation, keyEvaluation, monitoring, exAnte, cancelled, replaced };
        db.Engagements.AddRange(all);
        await db.SaveChangesAsync(ct);

        // The deliverables, in the order they happened.
        await SubmitAsync(db, departmentEvaluation, 1, people.Agency, new DateOnly(year, 11, 28), "评价方案（初稿）", ct);
        departmentEvaluation.Object(1, StageParty.Unit, "满意度调查只覆盖了局机关，请把所属学校的师生和家长纳入样本，并写明抽样方法。", people.Education,
            At(new DateOnly(year, 12, 1)));
        await SubmitAsync(db, departmentEvaluation, 1, people.Agency, new DateOnly(year, 12, 4), "评价方案（修改稿，已补充学校师生和家长样本）", ct);

        await SubmitAsync(db, keyEvaluation, 1, people.Agency, new DateOnly(year, 9, 25), "评价方案", ct);
        keyEvaluation.Confirm(1, StageParty.Unit, people.School, At(new DateOnly(year, 9, 27)));
        keyEvaluation.Confirm(1, StageParty.Finance, people.Finance, At(new DateOnly(year, 9, 28)), "同意按方案开展现场核查");

        foreach (var stage in monitoring.Stages.OrderBy(s => s.Number))
        {
            await SubmitAsync(db, monitoring, stage.Number, new ReviewActor(null, "华宇咨询项目组", Role.Agency), stage.DueOn.AddDays(-5), stage.Name, ct);
            monitoring.Confirm(stage.Number, StageParty.Unit, people.Water, At(stage.DueOn.AddDays(-3)));
            monitoring.Confirm(stage.Number, StageParty.Finance, people.Finance, At(stage.DueOn.AddDays(-2)));
        }
        monitoring.ScoreReport(ScoringForm.ReportQuality, Points(9, 23, 22, 18, 18), null, "perf", At(monitoring.DueOn.AddDays(3)));
        await db.SaveChangesAsync(ct);
        return new Counts(lastYear.Count + all.Length, lastYear.Sum(e => e.Stages.Count) + all.Sum(e => e.Stages.Count));
    }

    /// <summary>Points of the five items of <see cref="ScoringForm.ReportQuality"/>, in its order.</summary>
    private static Dictionary<string, decimal> Points(params decimal[] points) =>
        ScoringForm.ReportQuality.Items.Zip(points).ToDictionary(x => x.First.Name, x => x.Second);

    /// <summary>
    /// Last year's engagements, one per agency rated, each completed (its stages confirmed by their due date, or the late ones a week
    /// after) and its report scored; then last year's ratings computed from them and stored on the register (华宇 excellent, the firm
    /// good, 立信 failed — and suspended for it this year).
    /// </summary>
    private static async Task<IReadOnlyList<Engagement>> LastYearAsync(SystemDbContext db, IReadOnlyDictionary<string, OrgUnit> home, int last, List<Agency> agencies,
        Func<int, string, string, EngagementScope, EngagementSubject, decimal, DateOnly, DateOnly, Engagement> plan, Action<Engagement, DateOnly, Agency?> draw,
        People people, CancellationToken ct)
    {
        (string Agency, string Department, EngagementScope Scope, int Late, decimal[] Points)[] work =
        [
            (DemoAgencies.AccountFirm, "105", EngagementScope.KeyEvaluation, 1, [9, 22, 22, 18, 17]),
            ("长治市华宇绩效评价咨询有限公司", "108", EngagementScope.DepartmentEvaluation, 0, [9.5m, 23, 23, 18.5m, 18]),
            ("山西中天衡资产评估有限公司", "112", EngagementScope.KeyEvaluation, 0, [8, 21, 20, 16, 16]),
            ("山西财经大学公共管理学院", "118", EngagementScope.KeyEvaluation, 0, [9.5m, 24, 23, 19, 19]),
            ("山西鼎诚会计师事务所有限公司", "121", EngagementScope.Monitoring, 1, [8, 19, 19, 15, 15]),
            ("长治市立信税务师事务所有限公司", "101", EngagementScope.Monitoring, 3, [6, 14, 13, 11, 10]),
        ];
        var done = new List<Engagement>();
        foreach (var (name, i) in work.Select((w, i) => (w, i + 1)))
        {
            var department = home[name.Department];
            var start = new DateOnly(last, 3 + i, 1);
            var engagement = plan(last, $"{i:000}", $"{department.Name}{last - 1}年度{(name.Scope == EngagementScope.Monitoring ? "重点项目绩效运行监控" : "部门整体支出绩效评价")}",
                name.Scope, EngagementSubject.Of(SubjectKind.Department, null, department.Id, department.Name), 30_000m + 2_000m * i, start, start.AddMonths(4));
            draw(engagement, start, agencies.Single(a => a.Name == name.Agency));
            db.Engagements.Add(engagement);
            done.Add(engagement);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (engagement, w) in done.Zip(work))
        {
            var agency = new ReviewActor(null, $"{engagement.AgencyName}项目组", Role.Agency);
            foreach (var stage in engagement.Stages.OrderBy(s => s.Number))
            {
                var on = stage.Number > engagement.Stages.Count - w.Late ? stage.DueOn.AddDays(7) : stage.DueOn.AddDays(-3);
                await SubmitAsync(db, engagement, stage.Number, agency, on.AddDays(-2), stage.Name, ct);
                engagement.Confirm(stage.Number, StageParty.Unit, new ReviewActor(null, $"{engagement.Subjects[0].Name}", Role.DepartmentReviewer),
                    on.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc));
                engagement.Confirm(stage.Number, StageParty.Finance, people.Finance, on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));
            }
            engagement.ScoreReport(ScoringForm.ReportQuality, Points(w.Points), null, "perf", engagement.DueOn.AddDays(10).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));
        }
        await db.SaveChangesAsync(ct);
        foreach (var rating in await AgencyWork.RatingsAsync(db, DemoCounty.RegionCode, last, ct))
            if (rating is { Score: { } score, Grade: { } grade })
                agencies.Single(a => a.Id == rating.AgencyId).Rate(new AgencyRating(last, score, grade));
        await db.SaveChangesAsync(ct);
        return done;
    }

    /// <summary>Attaches the stage's deliverable (a small PDF, as the agency would upload it) and submits the stage.</summary>
    private static async Task SubmitAsync(SystemDbContext db, Engagement engagement, int number, ReviewActor agency, DateOnly on, string what,
        CancellationToken ct)
    {
        var stage = engagement.Stage(number);
        var at = on.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
        await DemoFiles.AttachPdfAsync(db, engagement.RegionCode, engagement.FiscalYear, EvidenceOwner.Deliverable, stage.Id, $"{engagement.Code}-{what}.pdf",
            what, agency.UserId, agency.UserName, at, ct);
        engagement.Submit(number, 1, what, agency, at);
        await db.SaveChangesAsync(ct);
    }
}
