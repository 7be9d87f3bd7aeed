using Jixiao.Domain.Engagements;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Panels;
using static Jixiao.Domain.Tests.EvaluationPlans.Plans;

namespace Jixiao.Domain.Tests.EvaluationPlans;

/// <summary>部门评价 / 财政重点评价 (DOMAIN.md §4.4): who may evaluate what, scoring item by item, a panel's means, the report and the grade.</summary>
public sealed class EvaluationPlanTests
{
    // ── creation ───────────────────────────────────────────────────────────────────────────────────────────────────────────

    private static IReadOnlyList<PlanSubjectInput> SubjectsOf(string key) => key switch
    {
        "aid" => [Aid],
        "aid+repair" => [Aid, Repair],
        "aid+aid" => [Aid, Aid],
        "clinic" => [Clinic],
        "department" => [EducationOverall],
        "policy+policy" => [AidPolicy, AidPolicy with { Name = "学前教育资助政策" }],
        "none" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    [Theory]
    [InlineData(EvaluationKind.Department, PlanSubjectKind.Project, PlanEvaluator.Finance, PlanSource.HandPick, null, "aid", "评价主体", "部门评价由部门组织")]
    [InlineData(EvaluationKind.Key, PlanSubjectKind.Project, PlanEvaluator.Department, PlanSource.HandPick, null, "aid", "评价主体", "财政重点评价由财政组织")]
    [InlineData(EvaluationKind.Department, PlanSubjectKind.Department, PlanEvaluator.Department, PlanSource.HandPick, null, "department", "评价对象类型", "部门整体评价由财政开展")]
    [InlineData(EvaluationKind.Department, PlanSubjectKind.Projects, PlanEvaluator.Department, PlanSource.HandPick, null, "aid", "评价对象", "“多个项目”至少选择两个项目")]
    [InlineData(EvaluationKind.Department, PlanSubjectKind.Project, PlanEvaluator.Department, PlanSource.HandPick, null, "aid+repair", "评价对象", "评价对象类型“单个项目”只能有一个评价对象")]
    [InlineData(EvaluationKind.Department, PlanSubjectKind.InYear, PlanEvaluator.Agency, PlanSource.HandPick, null, "aid+repair", "评价对象", "评价对象类型“年中跟踪”只能有一个评价对象")]
    [InlineData(EvaluationKind.Key, PlanSubjectKind.Policy, PlanEvaluator.Finance, PlanSource.HandPick, null, "policy+policy", "评价对象", "评价对象类型“政策”只能有一个评价对象")]
    [InlineData(EvaluationKind.Department, PlanSubjectKind.Project, PlanEvaluator.Department, PlanSource.HandPick, null, "clinic", "评价对象", "“乡镇卫生院设备购置”不属于组织评价的部门")]
    [InlineData(EvaluationKind.Key, PlanSubjectKind.Department, PlanEvaluator.Finance, PlanSource.HandPick, null, "aid", "评价对象", "“学生资助补助经费”是项目，与评价对象类型“部门整体”不符")]
    [InlineData(EvaluationKind.Department, PlanSubjectKind.Projects, PlanEvaluator.Department, PlanSource.HandPick, null, "aid+aid", "评价对象", "评价对象有重复")]
    [InlineData(EvaluationKind.Department, PlanSubjectKind.Project, PlanEvaluator.Department, PlanSource.HandPick, null, "none", "评价对象", "请至少选择一个评价对象")]
    [InlineData(EvaluationKind.Key, PlanSubjectKind.Project, PlanEvaluator.Finance, PlanSource.SpotCheck, null, "aid", "选取说明", "选取来源为“抽查复评”，请写明依据")]
    [InlineData(EvaluationKind.Key, PlanSubjectKind.Project, PlanEvaluator.Finance, PlanSource.RedLight, "  ", "aid", "选取说明", "选取来源为“监控红灯”，请写明依据")]
    [InlineData(EvaluationKind.Key, PlanSubjectKind.Project, PlanEvaluator.Panel, PlanSource.Rule, "", "aid", "选取说明", "选取来源为“规则选取”，请写明依据")]
    public void Create_Refused(EvaluationKind kind, PlanSubjectKind subjectKind, PlanEvaluator evaluator, PlanSource source, string? note, string subjects,
        string field, string message)
    {
        var error = Assert.Throws<DomainException>(() => Create(kind, subjectKind, evaluator, source, note, subjects: SubjectsOf(subjects)));
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData(EvaluationKind.Department, PlanSubjectKind.Project, PlanEvaluator.Department, PlanSource.HandPick, null, "aid")]
    [InlineData(EvaluationKind.Department, PlanSubjectKind.Project, PlanEvaluator.Agency, PlanSource.HandPick, null, "aid")]
    [InlineData(EvaluationKind.Department, PlanSubjectKind.Projects, PlanEvaluator.Panel, PlanSource.HandPick, null, "aid+repair")]
    [InlineData(EvaluationKind.Key, PlanSubjectKind.Project, PlanEvaluator.Finance, PlanSource.SpotCheck, "2026 年抽查复评第 2 批", "clinic")]
    [InlineData(EvaluationKind.Key, PlanSubjectKind.Department, PlanEvaluator.Finance, PlanSource.HandPick, null, "department")]
    [InlineData(EvaluationKind.Key, PlanSubjectKind.Policy, PlanEvaluator.Agency, PlanSource.RedLight, "2026 年 8 月监控红灯", "policy+policy")]
    public void Create_Allowed(EvaluationKind kind, PlanSubjectKind subjectKind, PlanEvaluator evaluator, PlanSource source, string? note, string subjects)
    {
        var chosen = SubjectsOf(subjects);
        if (subjectKind == PlanSubjectKind.Policy) chosen = [chosen[0]];
        var plan = Create(kind, subjectKind, evaluator, source, note, departmentId: kind == EvaluationKind.Department ? Education : null, subjects: chosen);
        Assert.Equal(PlanState.Planned, plan.State);
        Assert.Equal(chosen.Sum(s => s.Amount), plan.Amount);
        Assert.Equal(chosen.Count, plan.Subjects.Count);
        Assert.Equal((note ?? "").Trim(), plan.SourceNote);
        Assert.Equal(EvaluationFramework.ProjectTemplate.Items, plan.Framework.Items);
        Assert.Equal(Enumerable.Range(1, 17), plan.Items.Select(i => i.Seq));
    }

    [Fact]
    public void Create_DepartmentEvaluation_NeedsItsDepartment_ASubjectIsItsOwnWhenUnitOrDepartmentMatches()
    {
        Assert.Equal("部门", Assert.Throws<DomainException>(() => Create(departmentId: null)).Field);
        // the department evaluating a project it runs itself (the project's unit is the department)
        var own = Create(subjects: [Aid with { OrgUnitId = Education, DepartmentId = null }]);
        Assert.Equal(Education, own.DepartmentId);
        Assert.Equal(new HashSet<long> { 7 }, own.ProjectIds);
        // a key evaluation crosses departments
        Assert.Equal(2, Create(EvaluationKind.Key, PlanSubjectKind.Projects, PlanEvaluator.Finance, departmentId: null, subjects: [Aid, Clinic]).Subjects.Count);
    }

    [Fact]
    public void Create_DueBeforeStart_Refused_SameDayAllowed()
    {
        var error = Assert.Throws<DomainException>(() => Create(start: new DateOnly(2027, 4, 1), due: new DateOnly(2027, 3, 31)));
        Assert.Equal("完成日期", error.Field);
        Assert.Contains("完成日期 2027-03-31 早于开始日期 2027-04-01", error.Message);
        Assert.Equal(Start, Create(start: Start, due: Start).DueOn);
    }

    [Fact]
    public void IsOverdue_AfterTheDueDateWhileOpen()
    {
        var plan = Create();
        Assert.False(plan.IsOverdue(Due));
        Assert.True(plan.IsOverdue(Due.AddDays(1)));
        plan.Cancel("项目已整体撤销，不再评价");
        Assert.False(plan.IsOverdue(Due.AddDays(1)));
    }

    // ── scoring ────────────────────────────────────────────────────────────────────────────────────────────────────────────

    [Theory]
    [InlineData("立项依据充分性", 3.5, "扣分理由", "“立项依据充分性”的得分 3.5 应在 0–3 分之间（最多一位小数）")]
    [InlineData("立项依据充分性", 2.55, "扣分理由", "“立项依据充分性”的得分 2.55 应在 0–3 分之间（最多一位小数）")]
    [InlineData("实施效益", -1, "扣分理由", "“实施效益”的得分 -1 应在 0–20 分之间")]
    [InlineData("立项依据充分性", 2, null, "“立项依据充分性”得 2 分（满分 3）：扣分请写明理由")]
    [InlineData("立项依据充分性", 2, "   ", "“立项依据充分性”得 2 分（满分 3）：扣分请写明理由")]
    [InlineData("立项依据充分", 3, null, "指标体系没有“立项依据充分”这一项")]
    public void Score_Refused(string item, decimal score, string? note, string message)
    {
        var plan = Create();
        var error = Assert.Throws<DomainException>(() => plan.Score(new Dictionary<string, (decimal, string?)> { [item] = (score, note) }, "edu"));
        Assert.Equal(item, error.Field);
        Assert.Contains(message, error.Message);
        Assert.Equal(PlanState.Planned, plan.State);
        Assert.All(plan.Items, i => Assert.Null(i.Score));
    }

    [Fact]
    public void Score_PartialScoresKept_StateScoring_FullMarksNeedNoNote_AScoreCanBeChanged()
    {
        var plan = Create();
        plan.Score(new Dictionary<string, (decimal, string?)> { ["立项依据充分性"] = (2m, " 未见可行性研究报告 "), ["立项程序规范性"] = (2m, null) }, "edu");
        Assert.Equal(PlanState.Scoring, plan.State);
        Assert.Equal("edu", plan.ScoredBy);
        plan.Score(new Dictionary<string, (decimal, string?)> { ["实施效益"] = (17.5m, "生态效益未达预期") }, "edu2");

        var items = plan.Items.ToDictionary(i => i.Name);
        Assert.Equal(2m, items["立项依据充分性"].Score);
        Assert.Equal("未见可行性研究报告", items["立项依据充分性"].Note);
        Assert.Equal(2m, items["立项程序规范性"].Score);
        Assert.Equal(17.5m, items["实施效益"].Score);
        Assert.Equal(14, plan.Items.Count(i => i.Score is null));
        Assert.Equal(21.5m, plan.ScoredPoints);
        Assert.False(plan.FullyScored);
        Assert.Equal("edu2", plan.ScoredBy);

        plan.Score(new Dictionary<string, (decimal, string?)> { ["立项依据充分性"] = (3m, null) }, "edu");
        Assert.Equal(3m, items["立项依据充分性"].Score);
        Assert.Equal("", items["立项依据充分性"].Note);
        Assert.Contains("请至少为一个指标打分", Assert.Throws<DomainException>(() => plan.Score(new Dictionary<string, (decimal, string?)>(), "edu")).Message);
    }

    [Fact]
    public void Framework_ChangeableUntilTheFirstScore()
    {
        var plan = Create();
        var own = EvaluationFramework.Parse("决策/项目立项/立项依据充分性 20\n过程/资金管理/预算执行率 20\n产出/数量/实际完成率 40\n效益/项目效益/实施效益 20");
        plan.SetFramework(own);
        Assert.Equal(own.Items, plan.Framework.Items);
        Assert.Equal([1, 2, 3, 4], plan.Items.Select(i => i.Seq));

        plan.Score(new Dictionary<string, (decimal, string?)> { ["预算执行率"] = (18m, "执行率 90%") }, "edu");
        var error = Assert.Throws<ConflictException>(() => plan.SetFramework(EvaluationFramework.ProjectTemplate));
        Assert.Contains("已开始评分，指标体系不能再修改", error.Message);
        Assert.Equal(own.Items, plan.Framework.Items);
    }

    [Fact]
    public void SetFramework_ChecksTheFramework()
    {
        var plan = Create();
        var error = Assert.Throws<DomainException>(() => plan.SetFramework(new EvaluationFramework(
            [new("决策", "项目立项", "立项依据充分性", 50m, ""), new("产出", "数量", "实际完成率", 50m, "")])));
        Assert.Contains("产出和效益指标合计 50 分，低于总分的 60%", error.Message);
        Assert.Equal(17, plan.Items.Count);
    }

    [Fact]
    public void Agency_ScoresOnlyOnceLinkedToItsEngagement()
    {
        var plan = Create(evaluator: PlanEvaluator.Agency);
        var error = Assert.Throws<ConflictException>(() => plan.Score(FullMarks(plan), "agency"));
        Assert.Contains("请先关联委托（抽签确定机构）再录入评分", error.Message);
        Assert.Contains("不关联专家评审组", Assert.Throws<DomainException>(() => plan.Link(null, 51)).Message);

        plan.Link(12, null);
        Assert.Equal(12, plan.EngagementId);
        plan.Score(FullMarks(plan), "agency");
        Assert.True(plan.FullyScored);
    }

    [Fact]
    public void Panel_NotScoredByHand_NorLinkedToAnEngagement()
    {
        var plan = Create(EvaluationKind.Key, evaluator: PlanEvaluator.Panel, departmentId: null);
        Assert.Contains("取专家平均分", Assert.Throws<ConflictException>(() => plan.Score(FullMarks(plan), "perf")).Message);
        Assert.Contains("不关联第三方委托", Assert.Throws<DomainException>(() => plan.Link(12, null)).Message);
        Assert.All(plan.Items, i => Assert.Null(i.Score));
    }

    // ── a panel's means ────────────────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// Four experts on the plan's own form: full marks but for 立项依据充分性 (2.5, 2.5, 2.4, 2.4 → 2.45 → 2.5), 实施效益 (18, 17, 17, 17 →
    /// 17.25 → 17.3) and 服务对象满意度 (9, 9, 9, 8 → 8.75 → 8.8): halves away from zero, where banker's rounding would give 2.4 and 17.2.
    /// </summary>
    private static (EvaluationPlan Plan, Panel Panel) Scored(bool close = true)
    {
        var plan = Create(EvaluationKind.Key, evaluator: PlanEvaluator.Panel, departmentId: null);
        var panel = Plans.DrawPanel(plan.Framework.Form());
        decimal[][] given = [[2.5m, 18m, 9m], [2.5m, 17m, 9m], [2.4m, 17m, 9m], [2.4m, 17m, 8m]];
        var members = panel.Members.Select(m => m.ExpertId).ToList();
        for (var k = 0; k < (close ? 4 : 3); k++)
        {
            var points = plan.Items.ToDictionary(i => i.Name, i => i.Points);
            (points["立项依据充分性"], points["实施效益"], points["服务对象满意度"]) = (given[k][0], given[k][1], given[k][2]);
            panel.Score(members[k], points, null, Now);
        }
        return (plan, panel);
    }

    [Fact]
    public void PanelMeans_PerItemMean_OneDecimalHalfAwayFromZero()
    {
        var (plan, panel) = Scored();
        Assert.Equal(PanelState.Closed, panel.State);
        var means = EvaluationPlan.PanelMeans(panel, plan.Framework);
        Assert.Equal(17, means.Count);
        Assert.Equal(2.5m, means["立项依据充分性"]);
        Assert.Equal(17.3m, means["实施效益"]);
        Assert.Equal(8.8m, means["服务对象满意度"]);
        Assert.Equal(3m, means["资金到位率"]);
        Assert.Equal(95.6m, means.Values.Sum());
    }

    [Fact]
    public void ApplyPanel_ScoresThePlanWithTheMeans_ADeductionSaysHowManyExperts()
    {
        var (plan, panel) = Scored();
        plan.Link(null, panel.Id);
        plan.ApplyPanel(panel);
        var items = plan.Items.ToDictionary(i => i.Name);
        Assert.Equal(PlanState.Scoring, plan.State);
        Assert.True(plan.FullyScored);
        Assert.Equal(95.6m, plan.ScoredPoints);
        Assert.Equal(17.3m, items["实施效益"].Score);
        Assert.Equal("4 位专家评分的平均", items["实施效益"].Note);
        Assert.Equal("", items["资金到位率"].Note);
        Assert.Equal(panel.Title, plan.ScoredBy);
    }

    [Fact]
    public void ApplyPanel_NotClosed_OrNotTheLinkedPanel_Refused()
    {
        var (plan, open) = Scored(close: false);
        Assert.Contains("不是本评价关联的评审组", Assert.Throws<DomainException>(() => plan.ApplyPanel(open)).Message);
        plan.Link(null, open.Id);
        Assert.Contains("尚未出结果（3/4 位专家已评分）", Assert.Throws<ConflictException>(() => plan.ApplyPanel(open)).Message);
        Assert.All(plan.Items, i => Assert.Null(i.Score));
    }

    public static TheoryData<string> OtherForms => new()
    {
        PanelForms.For(PanelPurpose.EvaluationReview).Write(),
        // the same items with two points moved
        EvaluationFramework.ProjectTemplate.Form().Write().Replace("立项依据充分性 3", "立项依据充分性 4").Replace("立项程序规范性 2", "立项程序规范性 1"),
        // one item missing, its points on another
        string.Join("\n", EvaluationFramework.ProjectTemplate.Items.Where(i => i.Name != "立项程序规范性")
            .Select(i => $"{i.Name} {(i.Name == "立项依据充分性" ? 5 : i.Points)}")),
    };

    [Theory, MemberData(nameof(OtherForms))]
    public void Panel_WithADifferentForm_Refused(string form)
    {
        var plan = Create(EvaluationKind.Key, evaluator: PlanEvaluator.Panel, departmentId: null);
        var panel = Plans.DrawPanel(ScoringForm.Parse(form));
        foreach (var id in panel.Members.Select(m => m.ExpertId).ToList())
            panel.Score(id, panel.ScoringForm.Items.ToDictionary(i => i.Name, i => i.Points), null, Now);
        Assert.Contains("评分表与本评价的指标体系不一致", Assert.Throws<ConflictException>(() => EvaluationPlan.PanelMeans(panel, plan.Framework)).Message);
        plan.Link(null, panel.Id);
        Assert.Contains("请按本评价的指标体系抽取评审组", Assert.Throws<ConflictException>(() => plan.ApplyPanel(panel)).Message);
        Assert.All(plan.Items, i => Assert.Null(i.Score));
    }

    // ── the report and the conclusion ──────────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void Conclude_RefusedWhileAnItemIsUnscored()
    {
        var plan = Create();
        plan.Score(new Dictionary<string, (decimal, string?)> { ["立项依据充分性"] = (3m, null) }, "edu");
        Report(plan);
        var error = Assert.Throws<ConflictException>(() => plan.Conclude(false, "edu", Now));
        Assert.Contains("“立项程序规范性”等 16 个指标尚未评分，全部评分后才能完成评价", error.Message);
        Assert.Equal(PlanState.Scoring, plan.State);
        Assert.Null(plan.Total);
    }

    [Fact]
    public void Conclude_Agency_WaitsForTheEngagementCompleted()
    {
        var plan = Create(evaluator: PlanEvaluator.Agency);
        plan.Link(12, null);
        plan.Score(FullMarks(plan), "agency");
        Report(plan);
        Assert.Contains("委托完成后才能完成评价", Assert.Throws<ConflictException>(() => plan.Conclude(false, "edu", Now)).Message);
        plan.Conclude(true, "edu", Now);
        Assert.Equal(PlanState.Concluded, plan.State);
        // for the department's own evaluation there is no engagement to wait for
        var own = Create();
        own.Score(FullMarks(own), "edu");
        Report(own);
        own.Conclude(false, "edu", Now);
        Assert.Equal(PlanState.Concluded, own.State);
    }

    [Fact]
    public void Conclude_NeedsTheSixRequiredSections_TheDraftWritesThem_KeepingWhatTheEvaluatorWrote()
    {
        var plan = Create();
        plan.Score(FullMarks(plan), "edu");
        Assert.Contains("评价报告缺少“基本情况”", Assert.Throws<ConflictException>(() => plan.Conclude(false, "edu", Now)).Message);

        plan.WriteReport(new Dictionary<string, string?> { [PlanReport.Basics] = "学生资助项目由县教育局组织实施。", [PlanReport.Other] = "无" });
        Assert.Contains("评价报告缺少“绩效评价工作开展情况”", Assert.Throws<ConflictException>(() => plan.Conclude(false, "edu", Now)).Message);
        plan.WriteReport(new Dictionary<string, string?> { [PlanReport.Work] = "   " });
        Assert.Contains("评价报告缺少“绩效评价工作开展情况”", Assert.Throws<ConflictException>(() => plan.Conclude(false, "edu", Now)).Message);

        var draft = PlanReport.Draft(plan, Funds, "襄垣县教育局", replace: false);
        Assert.DoesNotContain(PlanReport.Basics, draft.Keys);
        plan.WriteReport(draft);
        Assert.Equal("学生资助项目由县教育局组织实施。", plan.Sections[PlanReport.Basics]);
        plan.Conclude(false, "edu", Now);
        Assert.Equal(PlanState.Concluded, plan.State);
        Assert.Equal(100m, plan.Total);
    }

    [Fact]
    public void Report_UnknownSectionOrAHeadingLine_Refused()
    {
        var plan = Create();
        Assert.Contains("“结论”不是评价报告的章节", Assert.Throws<DomainException>(() =>
            plan.WriteReport(new Dictionary<string, string?> { ["结论"] = "良好" })).Message);
        Assert.Contains("单独成行的【…】标题", Assert.Throws<DomainException>(() =>
            plan.WriteReport(new Dictionary<string, string?> { [PlanReport.Basics] = "概况\n【有关建议】\n加强管理" })).Message);
        Assert.Empty(plan.Sections);
    }

    [Fact]
    public void Draft_WritesTheFiguresFromThePlanAndTheLedger()
    {
        var plan = Create();
        plan.Score(Totalling(plan, 90m), "edu");
        var draft = PlanReport.Draft(plan, Funds, "襄垣县教育局", replace: true);
        Assert.Equal(PlanReport.Required, draft.Keys);
        Assert.Contains("本次部门评价“2026年学生资助补助经费部门评价”（BMPJ-2026-001）评价对象为单个项目，共 1 个，涉及资金 120.00 万元。", draft[PlanReport.Basics]);
        Assert.Contains("学生资助补助经费（襄垣县第一中学校）：2026 年年初预算 100.00 万元，全年预算 120.00 万元，执行 114.00 万元，执行率 95.00%；单位自评 96.5 分（优）。",
            draft[PlanReport.Basics]);
        Assert.Contains("评价主体：襄垣县教育局（部门自行评价）。选取来源：指定选取。评价期间 2027年4月1日 至 2027年8月31日。", draft[PlanReport.Work]);
        Assert.Contains("共 17 个三级指标", draft[PlanReport.Work]);
        Assert.Equal("综合评分 90 分，评价等级为“优”。其中：决策 15/15 分；过程 15/15 分；产出 40/40 分；效益 20/30 分。", draft[PlanReport.Conclusion]);
        Assert.Contains("效益指标（30 分）得 20 分。“实施效益”扣 10 分：部分目标未完成。", draft[PlanReport.Analysis]);
        Assert.Equal("评价未发现需要整改的问题。", draft[PlanReport.Problems]);
    }

    public static TheoryData<decimal, Grade, string> Bands => new()
    {
        { 100m, Grade.Excellent, "优" },
        { 90m, Grade.Excellent, "优" },
        { 89.9m, Grade.Good, "良" },
        { 80m, Grade.Good, "良" },
        { 79.9m, Grade.Fair, "中" },
        { 60m, Grade.Fair, "中" },
        { 59.9m, Grade.Poor, "差" },
        { 0m, Grade.Poor, "差" },
    };

    [Theory, MemberData(nameof(Bands))]
    public void Conclude_TotalAndGradeByTheBands(decimal total, Grade grade, string label)
    {
        var plan = Create();
        plan.Score(Totalling(plan, total), "edu");
        Report(plan);
        plan.Conclude(false, "perf", Now);
        Assert.Equal(total, plan.Total);
        Assert.Equal(grade, plan.Grade);
        Assert.Equal(PlanState.Concluded, plan.State);
        Assert.Equal("perf", plan.ConcludedBy);
        Assert.Equal(Now, plan.ConcludedAtUtc);
        Assert.EndsWith($"= {Scores.Format(total)} 分；≥ 90 优、80–90 良、60–80 中、< 60 差，评价等级为“{label}”", plan.ScoreExplanation);
    }

    [Fact]
    public void Conclude_ExplanationShowsTheArithmeticBy一级()
    {
        var plan = Create();
        var given = FullMarks(plan);
        given["实施效益"] = (12.5m, "社会效益部分达到");
        given["预算执行率"] = (3.6m, "执行率 90%");
        plan.Score(given, "edu");
        Report(plan);
        plan.Conclude(false, "edu", Now);
        Assert.Equal("决策 15/15 + 过程 14.6/15 + 产出 40/40 + 效益 22.5/30 = 92.1 分；≥ 90 优、80–90 良、60–80 中、< 60 差，评价等级为“优”", plan.ScoreExplanation);
    }

    [Fact]
    public void Concluded_OrCancelled_NothingChangesAnyMore_TheMessageSaysTheState()
    {
        var plan = Create();
        plan.Score(FullMarks(plan), "edu");
        Report(plan);
        plan.Conclude(false, "edu", Now);
        var error = Assert.Throws<ConflictException>(() => plan.Score(FullMarks(plan), "edu"));
        Assert.Equal("评价“2026年学生资助补助经费部门评价”已完成，不能再修改。", error.Message);
        Assert.Throws<ConflictException>(() => plan.SetFindings([]));
        Assert.Throws<ConflictException>(() => plan.Conclude(false, "edu", Now));
        Assert.Equal("评价“2026年学生资助补助经费部门评价”已完成，不能取消。", Assert.Throws<ConflictException>(() => plan.Cancel("重复立项")).Message);

        var cancelled = Create();
        Assert.Contains("取消评价必须写明理由", Assert.Throws<DomainException>(() => cancelled.Cancel(" ")).Message);
        cancelled.Cancel("项目已整体撤销，不再评价");
        Assert.Equal(PlanState.Cancelled, cancelled.State);
        Assert.Equal("评价“2026年学生资助补助经费部门评价”已取消，不能再修改。", Assert.Throws<ConflictException>(() => cancelled.WriteReport(new Dictionary<string, string?>())).Message);
    }

    // ── findings ───────────────────────────────────────────────────────────────────────────────────────────────────────────

    [Theory]
    [InlineData("问题", "加强资金管理", null, null, "问题", "第 2 条问题：请写明存在的问题（4–1000 字）")]
    [InlineData(null, "加强资金管理", null, null, "问题", "第 2 条问题：请写明存在的问题")]
    [InlineData("   资金   ", "加强资金管理", null, null, "问题", "第 2 条问题：请写明存在的问题")] // 2 characters once trimmed
    [InlineData("资金拨付滞后三个月", "", null, null, "建议", "第 2 条问题：请写明整改建议，它将成为整改要求")]
    [InlineData("资金拨付滞后三个月", null, null, null, "建议", "第 2 条问题：请写明整改建议")]
    [InlineData("资金拨付滞后三个月", "加强资金管理", -0.01, null, "涉及金额", "第 2 条问题：涉及金额不能为负数")]
    [InlineData("资金拨付滞后三个月", "加强资金管理", null, 9L, "项目", "第 2 条问题：项目 9 不是本次评价的对象")]
    public void Findings_Refused(string? problem, string? suggestion, double? amount, long? projectId, string field, string message)
    {
        var plan = Create();
        FindingInput good = new("部分受助学生资格复核记录缺失", "复核制度执行不严", "完善资助对象复核台账", null, null);
        var error = Assert.Throws<DomainException>(() =>
            plan.SetFindings([good, new(problem, "原因", suggestion, amount is { } a ? (decimal)a : null, projectId)]));
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message);
        Assert.Empty(plan.Findings);
    }

    [Fact]
    public void Findings_NumberedTrimmed_ReplacingTheEarlierList_IntoTheDraft()
    {
        var plan = Create();
        plan.SetFindings([new("过时的问题记录", null, "删去", null, null)]);
        plan.SetFindings(
        [
            new(" 部分受助学生资格复核记录缺失 ", " 复核制度执行不严 ", " 完善资助对象复核台账 ", null, null),
            new("第二学期资助资金拨付滞后", null, "按学期及时拨付资助资金", 50_000m, 7),
            new("四个字的", null, "建议", 0m, null),
        ]);
        Assert.Equal([1, 2, 3], plan.Findings.Select(f => f.Seq));
        Assert.Equal("部分受助学生资格复核记录缺失", plan.Findings[0].Problem);
        Assert.Equal("复核制度执行不严", plan.Findings[0].Cause);
        Assert.Equal("完善资助对象复核台账", plan.Findings[0].Suggestion);
        Assert.Equal(7, plan.Findings[1].ProjectId);
        Assert.Equal(50_000m, plan.Findings[1].Amount);

        var draft = PlanReport.Draft(plan, Funds, "襄垣县教育局", replace: true);
        Assert.Equal("1. 部分受助学生资格复核记录缺失原因：复核制度执行不严\n2. 第二学期资助资金拨付滞后（涉及金额 5.00 万元）\n3. 四个字的（涉及金额 0.00 万元）",
            draft[PlanReport.Problems]);
        Assert.Equal("1. 完善资助对象复核台账\n2. 按学期及时拨付资助资金\n3. 建议", draft[PlanReport.Suggestions]);
    }
}
