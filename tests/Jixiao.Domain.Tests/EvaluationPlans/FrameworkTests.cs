using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.EvaluationPlans;

/// <summary>评价指标体系 as data (DOMAIN.md §4.4, 财预〔2020〕10号): 100 points, 产出 + 效益 ≥ 60 %, written one item a line.</summary>
public sealed class FrameworkTests
{
    // ── the national templates ─────────────────────────────────────────────────────────────────────────────────────────────

    public static TheoryData<PlanSubjectKind, decimal, string> Templates => new()
    {
        { PlanSubjectKind.Project, 70m, "决策 15 | 过程 15 | 产出 40 | 效益 30" },
        { PlanSubjectKind.Projects, 70m, "决策 15 | 过程 15 | 产出 40 | 效益 30" },
        { PlanSubjectKind.InYear, 70m, "决策 15 | 过程 15 | 产出 40 | 效益 30" },
        { PlanSubjectKind.Department, 60m, "部门决策 20 | 综合管理 20 | 部门绩效 60" },
        { PlanSubjectKind.Policy, 60m, "决策 20 | 过程 20 | 产出 30 | 效益 30" },
    };

    [Theory, MemberData(nameof(Templates))]
    public void Template_Totals100_ResultAtLeast60(PlanSubjectKind subject, decimal result, string levels)
    {
        var template = EvaluationFramework.Template(subject);
        Assert.Equal(100m, template.Total);
        Assert.Equal(result, template.ResultPoints);
        Assert.True(template.ResultPoints >= EvaluationFramework.MinResultShare * 100m);
        Assert.Equal(levels, string.Join(" | ", template.Levels.Select(l => $"{l.Level1} {l.Points}")));
        Assert.All(template.Items, i => Assert.NotEqual("", i.Standard));
    }

    [Fact]
    public void ResultItems_Are产出And效益_ByEither一级Or二级()
    {
        var project = EvaluationFramework.ProjectTemplate;
        Assert.Equal(["实际完成率", "质量达标率", "完成及时性", "成本节约率", "实施效益", "服务对象满意度"], project.Items.Where(i => i.IsResult).Select(i => i.Name));
        // the department frame keeps 产出 and 效益 as 二级 under 部门绩效
        Assert.All(EvaluationFramework.DepartmentTemplate.Items, i => Assert.Equal(i.Level1 == "部门绩效", i.IsResult));
    }

    // ── what a region writes ───────────────────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void ResultShare_60Accepted_59RefusedNaming60Percent()
    {
        var sixty = EvaluationFramework.Parse("决策/项目立项/立项依据充分性 40\n产出/数量/实际完成率 30\n效益/项目效益/实施效益 30");
        Assert.Equal(60m, sixty.ResultPoints);

        var error = Assert.Throws<DomainException>(() =>
            EvaluationFramework.Parse("决策/项目立项/立项依据充分性 41\n产出/数量/实际完成率 30\n效益/项目效益/实施效益 29"));
        Assert.Equal("评价指标体系", error.Field);
        Assert.Contains("产出和效益指标合计 59 分，低于总分的 60%（60 分）", error.Message);
        Assert.Contains("财预〔2020〕10号", error.Message);
    }

    public static TheoryData<string, string> WrongTotals => new()
    {
        { "决策/项目立项/立项依据充分性 20\n产出/数量/实际完成率 50\n效益/项目效益/实施效益 25", "决策 20 + 产出 50 + 效益 25 = 95 分，应为 100 分" },
        { "决策/项目立项/立项依据充分性 20\n产出/数量/实际完成率 50.5\n效益/项目效益/实施效益 30", "决策 20 + 产出 50.5 + 效益 30 = 100.5 分，应为 100 分" },
        // 一级 summed across its 二级, in the order first written
        { "产出/数量/实际完成率 50\n决策/项目立项/立项依据充分性 10\n产出/质量/质量达标率 30\n决策/绩效目标/绩效目标合理性 5", "产出 80 + 决策 15 = 95 分" },
    };

    [Theory, MemberData(nameof(WrongTotals))]
    public void TotalNot100_RefusedShowingTheSumBy一级(string text, string shown) =>
        Assert.Contains(shown, Assert.Throws<DomainException>(() => EvaluationFramework.Parse(text)).Message);

    [Fact]
    public void Duplicate三级_RefusedEvenUnderDifferent二级()
    {
        var error = Assert.Throws<DomainException>(() =>
            EvaluationFramework.Parse("决策/项目立项/依据充分性 20\n产出/数量/依据充分性 50\n效益/项目效益/实施效益 30"));
        Assert.Contains("三级指标“依据充分性”出现了 2 次", error.Message);
        Assert.Contains("依据充分性（一）", error.Message);
    }

    [Theory]
    [InlineData("产出/数量/实际完成率 满分", "第 2 行“产出/数量/实际完成率 满分”")]
    [InlineData("产出/实际完成率 60", "第 2 行“产出/实际完成率 60”")]
    [InlineData("产出//实际完成率 60", "第 2 行“产出//实际完成率 60”")]
    [InlineData("产出/数量/实际完成率", "第 2 行“产出/数量/实际完成率”")]
    [InlineData("产出/数量/实际/完成率 60", "第 2 行")]
    public void MalformedLine_RefusedNamingTheLine(string line, string named)
    {
        // blank lines are not counted: the second written line is line 2
        var error = Assert.Throws<DomainException>(() => EvaluationFramework.Parse($"决策/项目立项/立项依据充分性 40\n\n{line}", "项目支出评价指标体系"));
        Assert.Equal("项目支出评价指标体系", error.Field);
        Assert.StartsWith("项目支出评价指标体系" + named, error.Message);
        Assert.Contains("应写成“一级/二级/三级 分值 评分标准”", error.Message);
    }

    [Theory]
    [InlineData("3.25", "“立项依据充分性”的分值 3.25 应为大于 0、不超过 100 的数（最多一位小数）")]
    [InlineData("0", "“立项依据充分性”的分值 0 应为大于 0")]
    [InlineData("-3", "“立项依据充分性”的分值 -3 应为大于 0")]
    [InlineData("101", "“立项依据充分性”的分值 101 应为大于 0、不超过 100")]
    public void Points_PositiveInTenths(string points, string message) =>
        Assert.Contains(message, Assert.Throws<DomainException>(() =>
            EvaluationFramework.Parse($"决策/项目立项/立项依据充分性 {points}\n产出/数量/实际完成率 70")).Message);

    [Fact]
    public void Empty_Refused()
    {
        Assert.Contains("没有任何指标", Assert.Throws<DomainException>(() => EvaluationFramework.Parse("  \n ")).Message);
        Assert.Contains("没有任何指标", Assert.Throws<DomainException>(() => EvaluationFramework.Parse(null)).Message);
    }

    public static TheoryData<string> Written => new()
    {
        EvaluationFramework.ProjectTemplate.Write(),
        EvaluationFramework.DepartmentTemplate.Write(),
        EvaluationFramework.PolicyTemplate.Write(),
        "决策/项目立项/立项依据充分性 12.5 依据充分得满分，每缺一项扣 1 分\n产出/数量/实际完成率 57.5\n效益/项目效益/实施效益 30 达到预期得满分",
    };

    [Theory, MemberData(nameof(Written))]
    public void WriteThenParse_RoundTrips(string text)
    {
        var framework = EvaluationFramework.Parse(text);
        var again = EvaluationFramework.Parse(framework.Write());
        Assert.Equal(framework.Items, again.Items);
        Assert.Equal(text, again.Write());
    }

    [Fact]
    public void Parse_TabsFullWidthSpacesAndCarriageReturns_StandardKeepsItsSpaces()
    {
        var framework = EvaluationFramework.Parse("决策/项目立项/立项依据充分性\t40\t依据充分 得满分\r\n 产出/数量/实际完成率　60　按 比例 计分 \r\n");
        Assert.Equal(
            [new FrameworkItem("决策", "项目立项", "立项依据充分性", 40m, "依据充分 得满分"), new FrameworkItem("产出", "数量", "实际完成率", 60m, "按 比例 计分")],
            framework.Items);
        Assert.Equal("决策/项目立项/立项依据充分性 40 依据充分 得满分\n产出/数量/实际完成率 60 按 比例 计分", framework.Write());
    }

    [Fact]
    public void Form_IsTheFlatItemsWithTheirPoints_AtMost30()
    {
        var form = EvaluationFramework.ProjectTemplate.Form();
        Assert.Equal(EvaluationFramework.ProjectTemplate.Items.Select(i => (i.Name, i.Points)), form.Items.Select(i => (i.Name, i.Points)));
        Assert.Equal(100m, form.Total);

        var many = EvaluationFramework.Parse(string.Join("\n", Enumerable.Range(1, 31).Select(k => $"产出/数量/指标{k} {(k == 31 ? 10 : 3)}")));
        Assert.Contains("专家评审表最多 30 项", Assert.Throws<DomainException>(() => many.Form()).Message);
    }

    // ── the project's targets as the 产出 and 效益 rows ─────────────────────────────────────────────────────────────────────────

    private static TargetIndicator Row(int row, string level1, string level2, string name, Comparison comparison, string value, string unit, string standard = "") =>
        TargetIndicator.From(row, new TargetIndicatorInput(level1, level2, name, comparison, value, unit, ScoringStandard: standard));

    /// <summary>Three 数量, one 质量, one 社会效益 and one 满意度 row; no 时效 or 成本 row.</summary>
    private static readonly TargetIndicator[] Targets =
    [
        Row(1, "产出指标", "数量指标", "学生受资助人数", Comparison.GreaterOrEqual, "735", "人次"),
        Row(2, "产出指标", "数量指标", "资助学段覆盖数", Comparison.GreaterOrEqual, "3", "个"),
        Row(3, "产出指标", "数量指标", "家访人次", Comparison.GreaterOrEqual, "200", "人次"),
        Row(4, "产出指标", "质量指标", "资助对象认定准确率", Comparison.GreaterOrEqual, "98", "%", "准确率每低 1 个百分点扣 1 分"),
        Row(5, "效益指标", "社会效益指标", "家庭经济困难学生辍学情况", Comparison.Qualitative, "有效控制", ""),
        Row(6, "满意度指标", "服务对象满意度指标", "受助学生满意度", Comparison.GreaterOrEqual, "90", "%"),
    ];

    private static readonly Dictionary<int, string> Actuals = new() { [1] = "760人次", [4] = "98.5%" };

    [Fact]
    public void WithTargets_ReplacesEachCovered二级_SharingItsPointsInTenths_KeepsTheUncovered()
    {
        var framework = EvaluationFramework.ProjectTemplate.WithTargets(Targets, Actuals);
        var template = EvaluationFramework.ProjectTemplate.Items;

        Assert.Equal(template.Where(i => !i.IsResult), framework.Items.Where(i => !i.IsResult)); // 决策 and 过程 untouched, in order
        Assert.Equal(
        [
            ("产出", "数量", "学生受资助人数", 3.3m),
            ("产出", "数量", "资助学段覆盖数", 3.3m),
            ("产出", "数量", "家访人次", 3.4m), // 10 over 3: the remainder on the last
            ("产出", "质量", "资助对象认定准确率", 10m),
            ("产出", "时效", "完成及时性", 10m), // no 时效 target: the template's item stays
            ("产出", "成本", "成本节约率", 10m),
            ("效益", "项目效益", "家庭经济困难学生辍学情况", 20m),
            ("效益", "满意度", "受助学生满意度", 10m),
        ], framework.Items.Where(i => i.IsResult).Select(i => (i.Level1, i.Level2, i.Name, i.Points)));
        Assert.Equal(100m, framework.Total);
        Assert.Equal(70m, framework.ResultPoints);
        Assert.Equal(template.Single(i => i.Name == "完成及时性"), framework.Items.Single(i => i.Name == "完成及时性"));
    }

    [Theory]
    [InlineData("产出指标", "数量指标", "数量", 1, new[] { 10.0 })]
    [InlineData("产出指标", "数量指标", "数量", 3, new[] { 3.3, 3.3, 3.4 })]
    [InlineData("产出指标", "质量指标", "质量", 4, new[] { 2.5, 2.5, 2.5, 2.5 })]
    [InlineData("产出指标", "时效指标", "时效", 6, new[] { 1.6, 1.6, 1.6, 1.6, 1.6, 2.0 })] // not 1.7 each and 1.5 left
    [InlineData("效益指标", "社会效益指标", "项目效益", 3, new[] { 6.6, 6.6, 6.8 })] // 20 over 3: the remainder on the last
    [InlineData("满意度指标", "服务对象满意度指标", "满意度", 3, new[] { 3.3, 3.3, 3.4 })]
    public void WithTargets_The二级PointsSharedInTenths_TheRemainderOnTheLast(string level1, string level2, string kind, int count, double[] shares)
    {
        var rows = Enumerable.Range(1, count).Select(k => Row(k, level1, level2, $"指标{k}", Comparison.GreaterOrEqual, "1", "个")).ToList();
        var framework = EvaluationFramework.ProjectTemplate.WithTargets(rows, new Dictionary<int, string>());
        Assert.Equal(shares.Select(s => (decimal)s), framework.Items.Where(i => i.Level2 == kind).Select(i => i.Points));
        Assert.Equal(rows.Select(r => r.Name), framework.Items.Where(i => i.Level2 == kind).Select(i => i.Name));
        Assert.Equal(100m, framework.Total);
    }

    [Fact]
    public void WithTargets_BasisNamesTheTargetValueAndTheSelfEvaluationActual_StandardFromTheTargetOrTheDefault()
    {
        var items = EvaluationFramework.ProjectTemplate.WithTargets(Targets, Actuals).Items.ToDictionary(i => i.Name);
        Assert.Equal("年度指标值 ≥735 人次；自评实际完成值 760人次", items["学生受资助人数"].Basis);
        Assert.Equal("年度指标值 ≥98%；自评实际完成值 98.5%", items["资助对象认定准确率"].Basis);
        Assert.Equal("年度指标值 ≥3 个；未自评", items["资助学段覆盖数"].Basis);
        Assert.Equal("年度指标值 有效控制；未自评", items["家庭经济困难学生辍学情况"].Basis);
        Assert.Equal("准确率每低 1 个百分点扣 1 分", items["资助对象认定准确率"].Standard);
        Assert.Equal("达到年度指标值得满分，未达到按完成比例计分", items["学生受资助人数"].Standard);
        Assert.Equal("", items["完成及时性"].Basis);
    }

    [Fact]
    public void WithTargets_ValuesAsPublished_NeitherComparisonNorUnitTwice()
    {
        // 指标值 as units write them (and as the published indicators carry them): the sign and the unit already in the text
        var written = new[]
        {
            Row(1, "产出指标", "数量指标", "学生受资助人数", Comparison.GreaterOrEqual, "≧735人次", "人次"),
            Row(2, "产出指标", "质量指标", "资助对象认定准确率", Comparison.GreaterOrEqual, "≥98%", "%"),
            Row(3, "产出指标", "成本指标", "生均补助标准", Comparison.LessOrEqual, "≤1000元/生", "元/生"),
        };
        var items = EvaluationFramework.ProjectTemplate.WithTargets(written, new Dictionary<int, string>()).Items.ToDictionary(i => i.Name);
        Assert.Equal("年度指标值 ≥735 人次；未自评", items["学生受资助人数"].Basis);
        Assert.Equal("年度指标值 ≥98%；未自评", items["资助对象认定准确率"].Basis);
        Assert.Equal("年度指标值 ≤1000 元/生；未自评", items["生均补助标准"].Basis);
    }

    [Fact]
    public void WithTargets_SameNameTwice_NumberedNotRefused_NoTargetsKeepsTheTemplate()
    {
        var twice = new[]
        {
            Row(1, "产出指标", "数量指标", "资金发放及时率", Comparison.GreaterOrEqual, "100", "%"),
            Row(2, "产出指标", "时效指标", "资金发放及时率", Comparison.GreaterOrEqual, "100", "%"),
        };
        var framework = EvaluationFramework.ProjectTemplate.WithTargets(twice, new Dictionary<int, string>());
        Assert.Equal(["资金发放及时率", "资金发放及时率（2）"], framework.Items.Where(i => i.Level2 is "数量" or "时效").Select(i => i.Name));
        Assert.Equal(100m, framework.Total);

        Assert.Same(EvaluationFramework.ProjectTemplate, EvaluationFramework.ProjectTemplate.WithTargets([], Actuals));
    }

    [Theory]
    [InlineData("产出指标", "数量指标", "数量")]
    [InlineData("产出指标", "质量指标", "质量")]
    [InlineData("产出指标", "时效指标", "时效")]
    [InlineData("产出指标", "成本指标", "成本")]
    [InlineData("成本指标", "经济成本指标", "成本")] // the frame with 成本 as a 一级
    [InlineData("效益指标", "社会效益指标", "项目效益")]
    [InlineData("效益指标", "可持续影响指标", "项目效益")]
    [InlineData("满意度指标", "服务对象满意度指标", "满意度")]
    [InlineData("效益指标", "服务对象满意度指标", "满意度")]
    [InlineData("其他指标", "其他", "")]
    public void KindOf_TheNational二级AnIndicatorBelongsTo(string level1, string level2, string kind) =>
        Assert.Equal(kind, EvaluationFramework.KindOf(Row(1, level1, level2, "指标", Comparison.GreaterOrEqual, "1", "个")));

    // ── the region-year's setting ──────────────────────────────────────────────────────────────────────────────────────────

    private static readonly DateTime Now = new(2027, 1, 5, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Setting_Defaults30PercentAndTheNationalTemplates_KeepsWhatIsSet()
    {
        var setting = EvaluationPlanSetting.Create("140423", 2026);
        Assert.Equal(0.3m, setting.CoverageShare);
        Assert.Equal(EvaluationFramework.DepartmentTemplate, setting.Template(PlanSubjectKind.Department));
        Assert.Equal(EvaluationFramework.PolicyTemplate, EvaluationPlanSetting.TemplateOf(null, PlanSubjectKind.Policy));

        var project = "决策/项目立项/立项依据充分性 35\n产出/数量/实际完成率 40\n效益/项目效益/实施效益 25";
        setting.Set(35.5m, project, EvaluationFramework.DepartmentTemplate.Write(), EvaluationFramework.PolicyTemplate.Write(), Now);
        Assert.Equal(0.355m, setting.CoverageShare);
        Assert.Equal(project, setting.ProjectFramework);
        Assert.Equal(["立项依据充分性", "实际完成率", "实施效益"], setting.Template(PlanSubjectKind.Project).Items.Select(i => i.Name));
        Assert.Equal(Now, setting.UpdatedAtUtc);
    }

    [Theory]
    [InlineData(100.01, "现为 100.01")]
    [InlineData(-1, "现为 -1")]
    [InlineData(30.555, "现为 30.555")]
    public void Setting_ShareOutside0To100OrFinerThanHundredths_Refused(decimal percent, string shown)
    {
        var setting = EvaluationPlanSetting.Create("140423", 2026);
        var error = Assert.Throws<DomainException>(() => setting.Set(percent, EvaluationFramework.ProjectTemplate.Write(),
            EvaluationFramework.DepartmentTemplate.Write(), EvaluationFramework.PolicyTemplate.Write(), Now));
        Assert.Equal("覆盖比例", error.Field);
        Assert.Contains("部门评价覆盖比例应为 0–100 之间的百分数", error.Message);
        Assert.Contains(shown, error.Message);
        Assert.Equal(0.3m, setting.CoverageShare);
    }

    [Fact]
    public void Setting_TemplateFailingThe60PercentRule_RefusedNamingTheTemplate_NothingKept()
    {
        var setting = EvaluationPlanSetting.Create("140423", 2026);
        var error = Assert.Throws<DomainException>(() => setting.Set(40m, EvaluationFramework.ProjectTemplate.Write(),
            "部门决策/目标设定/绩效目标合理性 41\n部门绩效/产出/重点工作完成率 30\n部门绩效/效益/社会经济效益 29", EvaluationFramework.PolicyTemplate.Write(), Now));
        Assert.Equal("部门整体评价指标体系", error.Field);
        Assert.StartsWith("部门整体评价指标体系产出和效益指标合计 59 分，低于总分的 60%", error.Message);
        Assert.Equal(0.3m, setting.CoverageShare);
        Assert.Equal("", setting.DepartmentFramework);
    }
}
