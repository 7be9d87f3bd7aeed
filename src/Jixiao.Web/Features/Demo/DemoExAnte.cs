using Jixiao.Domain.Budget;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Evidence;
using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Panels;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// The demo county's 事前绩效评估 ("先评估后入库"). Next year's library holds 21 new projects of 500万 or more (and one policy finance
/// added by hand) in every status: units still to write their report (one returned for more), reports with finance, conclusions
/// by finance itself and by expert panels — supported, supported after revision with a cap (awaiting the revision, revision in,
/// revision accepted) and two refused. This year's projects that the rules catch were supported last autumn, so the year's ledger
/// and the gate agree.
/// </summary>
public static class DemoExAnte
{
    private enum Plan { Pending, Returned, Assessing, PanelClosed, Supported, PanelSupported, Revise, Revised, RevisionAccepted, Rejected }

    private sealed record Line(string Unit, string Name, decimal Wan, Plan Plan, decimal Score = 0, decimal? CapWan = null, bool Policy = false, string Sector = "general");

    private static readonly Line[] Next =
    [
        new("10602", "第一中学教学综合楼建设", 1850, Plan.Pending, Sector: "education"),
        new("10605", "实验小学运动场及风雨操场改造", 620, Plan.Returned, Sector: "education"),
        new("12002", "县人民医院医疗设备更新", 2400, Plan.PanelClosed, Sector: "health"),
        new("11502", "城区供水管网改造", 1200, Plan.Revise, 74.5m, 1000, Sector: "water"),
        new("106", "农村学校寄宿条件改善", 760, Plan.PanelSupported, Sector: "education"),
        new("120", "县疾控中心实验室能力提升", 540, Plan.Supported, 86),
        new("115", "小型水库除险加固（二期）", 980, Plan.Supported, 83.5m, 900),
        new("116", "高标准农田建设（2万亩）", 3000, Plan.Supported, 91),
        new("113", "老旧小区改造（三期）", 2600, Plan.Revised, 71, 2200),
        new("114", "县乡道路提质改造", 1500, Plan.RevisionAccepted, 68, 1300),
        new("119", "文化馆新馆建设", 1100, Plan.Rejected, 55.5m),
        new("129", "城区智慧停车系统建设", 800, Plan.Rejected, 48),
        new("108", "县养老服务中心建设", 1300, Plan.Assessing),
        new("111", "零工市场建设", 520, Plan.Assessing),
        new("107", "雪亮工程二期", 900, Plan.Pending),
        new("122", "应急物资储备库建设", 650, Plan.Supported, 88),
        new("126", "医保信息化平台升级", 580, Plan.Supported, 81),
        new("117", "森林防火智能监测系统", 700, Plan.Revise, 66, 600),
        new("120", "县中医院康复中心建设", 1600, Plan.Pending),
        new("108", "困难群众一次性生活补贴政策", 600, Plan.Assessing, Policy: true),
        new("124", "食品安全快检实验室建设", 510, Plan.Supported, 84.5m),
    ];

    /// <returns>how many evaluations it wrote</returns>
    public static async Task<int> FillAsync(SystemDbContext db, IReadOnlyDictionary<string, OrgUnit> home, int year, DateOnly today, CancellationToken ct)
    {
        var rules = ExAnteRules.Default;
        var perf = await db.Users.Where(u => u.UserName == "perf").Select(u => (long?)u.Id).SingleAsync(ct);
        DateTime At(DateOnly day, int hour = 2) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
        var autumn = new DateOnly(year, 9, 1);
        OrgUnit UnitOf(string code) => home[code].Kind == OrgKind.Unit
            ? home[code]
            : home.Values.Where(o => o.Kind == OrgKind.Unit && o.ParentId == home[code].Id).OrderBy(o => o.Code).Skip(1).FirstOrDefault()
              ?? home.Values.Where(o => o.Kind == OrgKind.Unit && o.ParentId == home[code].Id).OrderBy(o => o.Code).First();

        // Next year's new projects, as the units put them into the library last autumn.
        var projects = Next.Select((line, i) => Project.Create(DemoCounty.RegionCode, year + 1, UnitOf(line.Unit), null, new Project.Details(
            $"{year + 1}SQ{i + 1:000}", line.Name, ProjectLevel.Level1, ProjectCategory.SpecificPurpose, Recurrence.OneOff, year + 1, year + 2,
            LibraryStatus.Reserve, BudgetKind.General, TransferLevel.None, FundTags.None, autumn, line.Wan * 10_000m, line.Policy))).ToList();
        var byHand = Project.Create(DemoCounty.RegionCode, year + 1, UnitOf("116"), null, new Project.Details($"{year + 1}SQ{Next.Length + 1:000}",
            "农业产业化龙头企业奖补政策", ProjectLevel.Level1, ProjectCategory.SpecificPurpose, Recurrence.Recurring, year + 1, year + 3, LibraryStatus.Reserve,
            BudgetKind.General, TransferLevel.None, FundTags.None, autumn, 4_500_000m));
        db.Projects.AddRange([.. projects, byHand]);
        await db.SaveChangesAsync(ct);

        var pool = (await db.Experts.Where(e => e.RegionCode == DemoCounty.RegionCode).ToListAsync(ct)).Select(e => e.AsCandidate()).ToList();
        var account = pool.Single(e => e.Name == DemoExperts.AccountExpert);
        var evaluations = new List<ExAnteEvaluation>();
        var panels = new List<(Panel Panel, ExAnteEvaluation Evaluation, bool Conclude)>();
        for (var i = 0; i < Next.Length; i++)
        {
            var (line, project) = (Next[i], projects[i]);
            var screened = At(autumn.AddDays(14));
            var e = ExAnteEvaluation.Screened(project, ExAnteScreening.Triggers(ExAnteFacts.Of(project, null, 0), rules), screened);
            evaluations.Add(e);
            if (line.Plan == Plan.Pending) continue;
            var submitted = autumn.AddDays(30 + i);
            Submit(e, project, rules, submitted, At);
            if (line.Plan == Plan.Returned)
            {
                e.ReturnApplication("可行性研究报告未附，运动场改造的面积和单价测算依据不足，请补充后重新提交。");
                continue;
            }
            if (line.Plan == Plan.Assessing) continue;
            var concluded = submitted.AddDays(20);
            if (line.Plan is Plan.PanelClosed or Plan.PanelSupported)
            {
                var subjects = new[] { EngagementSubject.Of(SubjectKind.Project, project.Id, project.OrgUnitId, project.Name) };
                var evaluated = await Engagements.EngagementWork.EvaluatedAsync(db, [project.OrgUnitId], ct);
                var quotas = new[] { new PanelQuota("general", 2), new PanelQuota(line.Sector, 1) };
                var drawnOn = submitted.AddDays(5);
                var seed = Enumerable.Range(0, 10_000).Select(n => Draws.NewSeed(drawnOn, 900 + n))
                    .First(s => ExpertDraw.Draw(s, quotas, pool, evaluated, new HashSet<string>()).All(d => d.Expert.Id != account.Id));
                var panel = Panel.Draw(DemoCounty.RegionCode, year + 1, PanelPurpose.ExAnteReview, $"{project.Name}事前绩效评估专家评审", null, subjects, seed,
                    quotas, PanelForms.For(PanelPurpose.ExAnteReview), false, drawnOn, drawnOn.AddDays(10), pool, evaluated, new HashSet<string>(), "perf", At(drawnOn));
                var points = new[] { (18m, 16m, 17m, 17m, 16m), (17m, 17m, 15m, 18m, 17m), (19m, 16m, 16m, 17m, 18m) };
                foreach (var (member, (a, b, c, d, f)) in panel.Members.ToList().Zip(points))
                    panel.Score(member.ExpertId, new Dictionary<string, decimal>
                        { ["立项必要性"] = a, ["投入经济性"] = b, ["绩效目标合理性"] = c, ["实施方案可行性"] = d, ["筹资合规性"] = f },
                        "立项依据充分，建议细化设备（建设）清单的单价测算，绩效目标补充服务对象满意度。", At(drawnOn.AddDays(6), 7));
                panels.Add((panel, e, line.Plan == Plan.PanelSupported));
                continue;
            }
            var form = rules.Form(e.Variant);
            var given = Spread(form, line.Score);
            e.Conclude(ExAnteRoute.Finance, null, null, form, ExAnteScore.Of(form, given, "财政自行评估"), rules, Reason(line.Plan), line.CapWan * 10_000m, "张敏（绩效管理股）", At(concluded));
            if (line.Plan is Plan.Revised or Plan.RevisionAccepted)
                e.SubmitRevision($"按评估意见压减了非必要建设内容，重新测算了单价，补充了分年度实施计划，申报金额调整为 {line.CapWan} 万元。",
                    line.CapWan!.Value * 10_000m, "单位填报人", At(concluded.AddDays(7)));
            if (line.Plan == Plan.RevisionAccepted) e.ActOnRevision(true, "调整后的实施方案和预算测算可行，同意按控制数安排。");
        }
        var handed = ExAnteEvaluation.ByHand(byHand, ExAnteVariant.Policy, "奖补政策涉及面广、持续三年，财政指定开展政策事前评估。", At(autumn.AddDays(10)));
        Submit(handed, byHand, rules, autumn.AddDays(40), At);
        var policyForm = rules.Form(ExAnteVariant.Policy);
        var policyPoints = Spread(policyForm, 82);
        handed.Conclude(ExAnteRoute.Finance, null, null, policyForm, ExAnteScore.Of(policyForm, policyPoints, "财政自行评估"),
            rules, "政策目标明确、资金测算合理，建议明确奖补退出机制。", null, "张敏（绩效管理股）", At(autumn.AddDays(60)));
        evaluations.Add(handed);

        db.Panels.AddRange(panels.Select(p => p.Panel));
        await db.SaveChangesAsync(ct);
        foreach (var (panel, e, _) in panels.Where(p => p.Conclude))
            e.Conclude(ExAnteRoute.Panel, panel.Id, null, panel.ScoringForm,
                ExAnteScore.Of(panel),
                rules, "专家评审认为项目必要、方案可行，按申报金额予以支持。", null, "张敏（绩效管理股）", At(today.AddDays(-20)));
        db.ExAnteEvaluations.AddRange(evaluations);

        await db.SaveChangesAsync(ct);
        foreach (var e in evaluations.Where(e => e.SubmittedAtUtc is not null))
            await DemoFiles.AttachPdfAsync(db, DemoCounty.RegionCode, e.FiscalYear, EvidenceOwner.ExAnte, e.Id, "项目申报书及实施方案.pdf", "事前评估申报材料",
                null, e.SubmittedBy, e.SubmittedAtUtc!.Value.AddHours(-1), ct);
        // This year's projects the rules catch were evaluated and supported before this year's budget.
        return evaluations.Count + await BudgetedAsync(db, DemoCounty.RegionCode, year, ct);
    }

    /// <summary>
    /// The year's projects of a region that the screening rules catch, evaluated by their units and supported by finance the autumn
    /// before (so the year's ledger and the gate agree), each with its application's materials; at scale, for every generated county.
    /// </summary>
    /// <returns>how many evaluations it wrote</returns>
    public static async Task<int> BudgetedAsync(SystemDbContext db, string region, int year, CancellationToken ct)
    {
        var rules = ExAnteRules.Default;
        DateTime At(DateOnly day, int hour = 2) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
        var lastAutumn = new DateOnly(year - 1, 10, 10);
        var (_, _, caught) = await Web.Features.ExAnte.ExAnteWork.CaughtAsync(db, region, year, rules, ct);
        var evaluations = new List<ExAnteEvaluation>();
        foreach (var (project, facts, triggers) in caught)
        {
            var e = ExAnteEvaluation.Screened(project, triggers, At(lastAutumn));
            Submit(e, project, rules, lastAutumn.AddDays(10), At, facts.Amount);
            var form = rules.Form(e.Variant);
            var score = 80 + evaluations.Count % 15;
            var given = Spread(form, score);
            e.Conclude(ExAnteRoute.Finance, null, null, form, ExAnteScore.Of(form, given, "财政自行评估"), rules,
                "立项依据充分，预算测算基本合理，予以支持。", null, "绩效管理股", At(lastAutumn.AddDays(30)));
            evaluations.Add(e);
        }
        db.ExAnteEvaluations.AddRange(evaluations);
        await db.SaveChangesAsync(ct);
        foreach (var e in evaluations)
            await DemoFiles.AttachPdfAsync(db, region, year, EvidenceOwner.ExAnte, e.Id, "项目申报书及实施方案.pdf", "事前评估申报材料",
                null, e.SubmittedBy, e.SubmittedAtUtc!.Value.AddHours(-1), ct);
        return evaluations.Count;
    }

    private static void Submit(ExAnteEvaluation e, Project project, ExAnteRules rules, DateOnly on, Func<DateOnly, int, DateTime> at, decimal? amount = null)
    {
        var report = ExAnteRules.Dimensions(e.Variant).ToDictionary(d => d, d => Texts.GetValueOrDefault(d, $"围绕“{d}”，{project.Name}的论证材料齐全，测算依据见附件。"));
        var indicators = string.Join("\n",
            $"产出指标|数量指标|{project.Name}完成建设（实施）内容|＝|100|%",
            "产出指标|时效指标|按期完工率|≥|95|%",
            $"产出指标|成本指标|项目总投资控制|≤|{Money.FormatWan(amount ?? project.RequestedAmount)}|万元",
            "效益指标|社会效益指标|服务对象覆盖面|≥|90|%",
            "满意度指标|服务对象满意度指标|服务对象满意度|≥|90|%");
        e.Submit(new ExAnteApplication(report, rules.Materials(e.Variant).Take(5).ToList(), amount ?? project.RequestedAmount,
            $"通过实施{project.Name}，补齐短板、提升公共服务能力。", $"年内完成{project.Name}主体内容，资金支付进度不低于 90%。", indicators),
            rules, 1, "单位填报人", at(on, 3));
    }

    private static readonly Dictionary<string, string> Texts = new()
    {
        ["立项必要性"] = "项目符合县“十四五”规划和年度重点工作安排，现有设施已不能满足服务需求，问题和需求经实地调研确认，不实施将影响群众的基本公共服务。",
        ["投入经济性"] = "投资按行业定额和近三年同类项目中标单价测算，比选了改造与新建两种方案，推荐方案全寿命周期成本较低。",
        ["绩效目标合理性"] = "绩效目标与项目内容对应，产出、效益、满意度指标齐全，指标值参考了行业标准和历史数据。",
        ["实施方案可行性"] = "实施方案明确了责任分工、进度安排和风险应对，用地、规划等前置手续已办理或正在办理。",
        ["筹资合规性"] = "资金来源为县级一般公共预算，不涉及新增隐性债务，筹资方式符合规定。",
        ["政策设立必要性"] = "政策针对的问题经调研确认，现有政策未能覆盖，出台政策有明确的法规和上级文件依据。",
        ["政策保障充分性"] = "政策的组织、资金和配套措施已落实，执行部门职责明确。",
        ["政策目标合理性"] = "政策目标可量化、可考核，与县级财力相适应。",
        ["政策实施可持续性"] = "政策设定了实施期限和退出机制，资金需求可持续。",
        ["政策资金合规性"] = "资金安排符合预算法和财政资金管理规定，补助标准有依据。",
    };

    private static string Reason(Plan plan) => plan switch
    {
        Plan.Rejected => "立项必要性论证不足，与已有设施功能重复，预算测算缺少依据，不予支持。",
        Plan.Revise or Plan.Revised or Plan.RevisionAccepted => "项目必要，但部分建设内容标准偏高、单价测算依据不足，请压减非必要内容、按建议控制数调整后再申报。",
        _ => "立项依据充分，方案可行，预算测算合理，予以支持。",
    };

    /// <summary>A total spread over the form's items in proportion to their points (the last item takes the rounding).</summary>
    private static Dictionary<string, decimal> Spread(ScoringForm form, decimal total)
    {
        var given = new Dictionary<string, decimal>();
        var left = total;
        foreach (var item in form.Items.SkipLast(1))
        {
            var points = decimal.Round(item.Points * total / form.Total, 1);
            given[item.Name] = points;
            left -= points;
        }
        given[form.Items[^1].Name] = left;
        return given;
    }
}
