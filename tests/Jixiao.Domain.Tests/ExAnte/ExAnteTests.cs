using Jixiao.Domain.Budget;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Tests.Monitoring;

namespace Jixiao.Domain.Tests.ExAnte;

/// <summary>事前绩效评估 (DOMAIN.md §4.1): which projects need one, scoring and conclusion, the revision, and the gate before the budget.</summary>
public sealed class ExAnteTests
{
    private const int Year = 2027;
    private static readonly DateTime Now = new(2026, 10, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ExAnteRules Rules = ExAnteRules.Default;

    private static Project NewProject(decimal requested = 8_000_000m, int start = Year, FundTags tags = FundTags.None, bool policy = false,
        ProjectCategory category = ProjectCategory.SpecificPurpose, string code = "140423270001")
    {
        var department = OrgUnit.Create("140423", "106", "襄垣县教育局", OrgKind.Department, null, null);
        var unit = OrgUnit.Create("140423", "10602", "襄垣县第一中学校", OrgKind.Unit, null, department);
        return Saved.WithId(Project.Create("140423", Year, unit, department.Id, new Project.Details(code, "第一中学教学综合楼建设", ProjectLevel.Level1,
            category, Recurrence.OneOff, start, Year + 1, LibraryStatus.Reserve, BudgetKind.General, TransferLevel.None, tags, new DateOnly(2026, 9, 1),
            requested, policy)), 41);
    }

    private static Project LastYear(int endYear)
    {
        var department = OrgUnit.Create("140423", "106", "襄垣县教育局", OrgKind.Department, null, null);
        var unit = OrgUnit.Create("140423", "10602", "襄垣县第一中学校", OrgKind.Unit, null, department);
        return Project.Create("140423", Year - 1, unit, department.Id, new Project.Details("140423270001", "学生资助", ProjectLevel.Level1, ProjectCategory.SpecificPurpose,
            Recurrence.Recurring, Year - 4, endYear, LibraryStatus.Budgeted, BudgetKind.General, TransferLevel.None, FundTags.None, new DateOnly(Year - 4, 1, 1)));
    }

    // ── which projects need one ───────────────────────────────────────────────────────────────────────────────────────────

    public static TheoryData<decimal, bool> NewProjectAmounts => new()
    {
        { 4_999_999.99m, false },
        { 5_000_000m, true }, // exactly 500万 is "at or above"
        { 5_000_000.01m, true },
    };

    [Theory, MemberData(nameof(NewProjectAmounts))]
    public void NewProject_FromFiveMillion(decimal requested, bool needed)
    {
        var triggers = ExAnteScreening.Triggers(ExAnteFacts.Of(NewProject(requested), null, 0), Rules);
        Assert.Equal(needed, triggers.Count > 0);
        if (needed) Assert.Equal([$"新增项目，金额 {Money.Wan(requested)} ≥ 500.00 万元"], triggers);
    }

    [Fact]
    public void NewProject_AmountIsTheRequestOrWhatTheLedgerGivesIt_WhicheverIsMore()
    {
        Assert.Empty(ExAnteScreening.Triggers(ExAnteFacts.Of(NewProject(0), null, 4_000_000m), Rules));
        Assert.Equal(["新增项目，金额 600.00 万元 ≥ 500.00 万元"], ExAnteScreening.Triggers(ExAnteFacts.Of(NewProject(0), null, 6_000_000m), Rules));
    }

    [Fact]
    public void NotNew_WhenLastYearHadTheSameCode_OrItStartedEarlier()
    {
        Assert.Empty(ExAnteScreening.Triggers(ExAnteFacts.Of(NewProject(9_000_000m, start: Year - 1), null, 0), Rules));
        Assert.Empty(ExAnteScreening.Triggers(ExAnteFacts.Of(NewProject(9_000_000m), LastYear(Year + 1), 0), Rules));
    }

    public static TheoryData<int, bool> SpecialFundYears => new()
    {
        { 5, false }, // has run 5 years: not more than 5
        { 6, true },
    };

    [Theory, MemberData(nameof(SpecialFundYears))]
    public void SpecialFund_RunningMoreThanFiveYears(int yearsRun, bool needed)
    {
        var project = NewProject(1_000_000m, start: Year - yearsRun, tags: FundTags.SpecialFund);
        var triggers = ExAnteScreening.Triggers(ExAnteFacts.Of(project, null, 0), Rules);
        Assert.Equal(needed ? [$"专项资金已执行 {yearsRun} 年（超过 5 年）"] : [], triggers);
    }

    [Fact]
    public void RegionYearRules_MoveTheThresholds()
    {
        var local = Rules with { MinNewAmount = 3_000_000m, SpecialFundYears = 3 };
        Assert.NotEmpty(ExAnteScreening.Triggers(ExAnteFacts.Of(NewProject(3_000_000m), null, 0), local));
        Assert.NotEmpty(ExAnteScreening.Triggers(ExAnteFacts.Of(NewProject(1m, start: Year - 4, tags: FundTags.SpecialFund), null, 0), local));
    }

    [Fact]
    public void MajorPolicy_AndContinuationAfterExpiry()
    {
        Assert.Equal(["新出台重大政策"], ExAnteScreening.Triggers(ExAnteFacts.Of(NewProject(1_000_000m, policy: true), null, 0), Rules));
        Assert.Equal(ExAnteVariant.Policy, ExAnteScreening.VariantOf(NewProject(policy: true)));
        var continuing = NewProject(1_000_000m, start: Year - 4);
        Assert.Equal([$"项目已于 {Year - 1} 年到期，申请延续"], ExAnteScreening.Triggers(ExAnteFacts.Of(continuing, LastYear(Year - 1), 0), Rules));
        Assert.Empty(ExAnteScreening.Triggers(ExAnteFacts.Of(continuing, LastYear(Year), 0), Rules));
    }

    [Fact]
    public void BasicSpending_IsNotScreened()
    {
        Assert.Empty(ExAnteScreening.Triggers(ExAnteFacts.Of(NewProject(9_000_000m, category: ProjectCategory.Personnel), null, 0), Rules));
    }

    // ── scoring and conclusion ────────────────────────────────────────────────────────────────────────────────────────────

    public static TheoryData<decimal, ExAnteConclusion> Thresholds => new()
    {
        { 100m, ExAnteConclusion.Support },
        { 80m, ExAnteConclusion.Support },
        { 79.9m, ExAnteConclusion.SupportAfterRevision },
        { 60m, ExAnteConclusion.SupportAfterRevision },
        { 59.9m, ExAnteConclusion.Reject },
        { 0m, ExAnteConclusion.Reject },
    };

    [Theory, MemberData(nameof(Thresholds))]
    public void Conclusion_ByThresholds(decimal score, ExAnteConclusion expected) => Assert.Equal(expected, Rules.ConclusionOf(score));

    [Fact]
    public void Forms_AreTheFiveDimensions_WithConfigurablePointsAndSubItems()
    {
        Assert.Equal(["立项必要性", "投入经济性", "绩效目标合理性", "实施方案可行性", "筹资合规性"], Rules.ProjectForm.Items.Select(i => i.Name));
        Assert.All(Rules.PolicyForm.Items, i => Assert.Equal(20m, i.Points));
        var form = ExAnteRules.CheckForm("立项必要性/政策依据 10\n立项必要性/需求分析 15\n投入经济性 15\n绩效目标合理性 20\n实施方案可行性 25\n筹资合规性 15", ExAnteVariant.Project);
        Assert.Equal(6, form.Items.Count);
        var missing = Assert.Throws<DomainException>(() => ExAnteRules.CheckForm("立项必要性 40\n投入经济性 20\n绩效目标合理性 20\n实施方案可行性 20", ExAnteVariant.Project));
        Assert.Contains("缺少维度“筹资合规性”", missing.Message);
        var stray = Assert.Throws<DomainException>(() => ExAnteRules.CheckForm("政策设立必要性 20\n投入经济性 20\n绩效目标合理性 20\n实施方案可行性 20\n筹资合规性 20", ExAnteVariant.Project));
        Assert.Contains("“政策设立必要性”不属于五个维度", stray.Message);
    }

    private static ExAnteEvaluation Submitted(Project? project = null)
    {
        var p = project ?? NewProject();
        var e = ExAnteEvaluation.Screened(p, ExAnteScreening.Triggers(ExAnteFacts.Of(p, null, 0), Rules), Now);
        e.Submit(new ExAnteApplication(ExAnteRules.Dimensions(ExAnteVariant.Project).ToDictionary(d => d, d => $"关于{d}的论证：需求、测算和方案见附件。"),
            ["项目申报书", "项目实施方案"], 8_000_000m, "改善办学条件", "年内完成主体工程", "产出指标|数量指标|新建教学楼面积|≥|6000|平方米"), Rules, 1, "周涛", Now);
        return e;
    }

    private static void Conclude(ExAnteEvaluation e, decimal total, decimal? cap = null)
    {
        var form = Rules.ProjectForm;
        var each = total / 5;
        var given = form.Items.ToDictionary(i => i.Name, _ => each);
        e.Conclude(ExAnteRoute.Finance, null, null, form, new ExAnteScore(form.Score(given), form.WritePoints(given), "财政自行评估"), Rules,
            "方案可行，测算基本合理。", cap, "张敏", Now.AddDays(20));
    }

    [Fact]
    public void Submit_NeedsEveryDimensionWritten_AndAFile()
    {
        var p = NewProject();
        var e = ExAnteEvaluation.Screened(p, ["新增项目"], Now);
        var report = ExAnteRules.Dimensions(ExAnteVariant.Project).ToDictionary(d => d, d => $"关于{d}的论证：需求、测算和方案见附件。");
        var noFile = Assert.Throws<DomainException>(() => e.Submit(new ExAnteApplication(report, [], 8_000_000m, "", "", ""), Rules, 0, "周涛", Now));
        Assert.Equal("附件", noFile.Field);
        report.Remove("筹资合规性");
        var missing = Assert.Throws<DomainException>(() => e.Submit(new ExAnteApplication(report, [], 8_000_000m, "", "", ""), Rules, 1, "周涛", Now));
        Assert.Equal("筹资合规性", missing.Field);
        Assert.Equal(ExAnteStatus.Pending, e.Status);
        Assert.Equal(ExAnteStatus.Assessing, Submitted().Status);
    }

    [Fact]
    public void Conclude_ExplainsTheScoreAndThresholds_AndChecksTheCap()
    {
        var e = Submitted();
        var over = Assert.Throws<DomainException>(() => Conclude(e, 75, cap: 9_000_000m));
        Assert.Contains("超过申报金额 800.00 万元", over.Message);
        Assert.Throws<DomainException>(() => Conclude(Submitted(), 50, cap: 1_000_000m));
        Conclude(e, 75, cap: 6_500_000m);
        Assert.Equal(ExAnteStatus.SupportedAfterRevision, e.Status);
        Assert.Contains("≥ 80 分予以支持，60–80 分调整完善后予以支持，< 60 分不予支持，结论为“调整完善后予以支持”", e.ScoreExplanation);
        Assert.False(e.GateOpen);
        Assert.Throws<ConflictException>(() => Conclude(e, 90));
    }

    [Fact]
    public void Revision_OpensTheGateOnlyWhenFinanceAcceptsIt()
    {
        var e = Submitted();
        Conclude(e, 70, cap: 6_000_000m);
        var above = Assert.Throws<DomainException>(() => e.SubmitRevision("压减了非必要建设内容，重新测算了单价。", 6_500_000m, "周涛", Now));
        Assert.Contains("超过建议预算控制数 600.00 万元", above.Message);
        e.SubmitRevision("压减了非必要建设内容，重新测算了单价。", 6_000_000m, "周涛", Now);
        Assert.False(e.GateOpen);
        e.ActOnRevision(false, "分年度实施计划仍未补充。");
        Assert.Equal(ExAnteState.Concluded, e.State);
        e.SubmitRevision("补充了分年度实施计划和单价测算表。", 6_000_000m, "周涛", Now);
        e.ActOnRevision(true, null);
        Assert.True(e.GateOpen);
    }

    // ── the gate ──────────────────────────────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void Gate_RefusesWithoutAnEvaluation_NamingTheRule()
    {
        var p = NewProject();
        var d = ExAnteGate.Decide(p, MovementKind.InitialApproval, 8_000_000m, null, ["新增项目，金额 800.00 万元 ≥ 500.00 万元"], 8_000_000m, CapMode.Refuse)!;
        Assert.Equal(GateVerdict.Refuse, d.Verdict);
        Assert.Contains("项目“140423270001 第一中学教学综合楼建设”需要事前绩效评估（新增项目，金额 800.00 万元 ≥ 500.00 万元），尚未开展评估，不能年初批复 800.00 万元", d.Message);
        Assert.Null(ExAnteGate.Decide(p, MovementKind.InitialApproval, 1m, null, [], 1m, CapMode.Refuse));
        Assert.Null(ExAnteGate.Decide(p, MovementKind.Reduction, 1m, null, ["新增项目"], 0m, CapMode.Refuse));
    }

    public static TheoryData<decimal, bool, CapMode, MovementKind, GateVerdict> Gates => new()
    {
        // score, revision accepted, cap mode, movement → verdict (cap 600万, approval of 650万 in all)
        { 90m, false, CapMode.Refuse, MovementKind.InitialApproval, GateVerdict.Refuse },
        { 90m, false, CapMode.Warn, MovementKind.InitialApproval, GateVerdict.Warn },
        { 90m, false, CapMode.Refuse, MovementKind.Addition, GateVerdict.Pass }, // the cap bounds the initial approval
        { 70m, false, CapMode.Refuse, MovementKind.Addition, GateVerdict.Refuse }, // revision not yet accepted
        { 70m, true, CapMode.Warn, MovementKind.Addition, GateVerdict.Pass },
        { 50m, false, CapMode.Refuse, MovementKind.PoolAllocationIn, GateVerdict.Refuse },
    };

    [Theory, MemberData(nameof(Gates))]
    public void Gate_FollowsTheConclusionAndTheCap(decimal score, bool revisionAccepted, CapMode mode, MovementKind kind, GateVerdict expected)
    {
        var e = Submitted();
        Conclude(e, score, cap: score >= 60 ? 6_000_000m : null);
        if (revisionAccepted)
        {
            e.SubmitRevision("压减了非必要建设内容，重新测算了单价。", 6_000_000m, "周涛", Now);
            e.ActOnRevision(true, null);
        }
        var d = ExAnteGate.Decide(NewProject(), kind, 500_000m, e, [], 6_500_000m, mode)!;
        Assert.Equal(expected, d.Verdict);
        if (expected != GateVerdict.Pass && kind == MovementKind.InitialApproval)
            Assert.Contains("年初批复合计 650.00 万元，超过事前评估建议预算控制数 600.00 万元", d.Message);
    }

    [Fact]
    public void Gate_AcceptsTheApprovalAtTheCap()
    {
        var e = Submitted();
        Conclude(e, 72, cap: 6_000_000m);
        e.SubmitRevision("按控制数调整了建设规模。", 6_000_000m, "周涛", Now);
        e.ActOnRevision(true, "同意");
        var d = ExAnteGate.Decide(NewProject(), MovementKind.InitialApproval, 6_000_000m, e, [], 6_000_000m, CapMode.Refuse)!;
        Assert.Equal(GateVerdict.Pass, d.Verdict);
        Assert.Contains("已通过事前绩效评估（调整完善后予以支持，修改稿已确认，建议预算控制数 600.00 万元）", d.Message);
    }

    [Fact]
    public void ProposedTargets_ReadOneALine_OrSayWhichLineIsWrong()
    {
        var rows = ProposedTargets.Parse("产出指标|数量指标|新建教学楼面积|≥|6000|平方米\n满意度指标|服务对象满意度指标|师生满意度|>=|90|%");
        Assert.Equal(2, rows.Count);
        Assert.Equal(Domain.Indicators.Comparison.GreaterOrEqual, rows[1].Comparison);
        var wrong = Assert.Throws<DomainException>(() => ProposedTargets.Parse("产出指标|数量指标|新建教学楼面积|约|6000|平方米"));
        Assert.Contains("第 1 行的指标性质“约”", wrong.Message);
    }

    [Fact]
    public void ReportText_RoundTrips()
    {
        var report = new Dictionary<string, string> { ["立项必要性"] = "第一段\n第二段", ["筹资合规性"] = "资金来源为一般公共预算" };
        var text = ReportText.Write(report, ExAnteRules.Dimensions(ExAnteVariant.Project));
        Assert.Equal(report, ReportText.Read(text));
    }
}
