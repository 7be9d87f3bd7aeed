using BenchmarkDotNet.Attributes;
using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;

namespace Jixiao.Benchmarks;

/// <summary>
/// The reference scoring of one self-evaluation (what 重新计算 does to every form of a region): a school project's
/// form with six indicator rows (four quantitative, a percentage, a qualitative one), filled, scored again on the
/// ledger's A and B — rows, execution, total, grade and findings. "New values" gives every row target and actual
/// values the parser has not read before, so none of its remembered answers applies (the worst case: a county whose
/// every value is different).
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int Year = 2025;
    private static readonly DateTime Now = new(2026, 1, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly EvaluationFunds Funds = new(1_000_000m, 1_200_000m, 1_140_000m);
    private SelfEvaluation _form = null!;
    private SelfEvaluation[] _unseen = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _form = Filled(735);
        // Enough distinct forms that the parser's memory (50,000 values) is emptied before any comes round again.
        _unseen = [.. Enumerable.Range(0, 30_000).Select(i => Filled(1_000 + i))];
    }

    [Benchmark(Description = "self-evaluation: score one 6-row form again (values seen before)")]
    public bool Refigure() => _form.Refigure(Funds, EvaluationWeights.Defaults, Now);

    [Benchmark(Description = "self-evaluation: score one 6-row form again (new values)")]
    public bool RefigureNewValues() => _unseen[_next++ % _unseen.Length].Refigure(Funds, EvaluationWeights.Defaults, Now);

    private static SelfEvaluation Filled(int people)
    {
        var department = OrgUnit.Create("140423", "106", "襄垣县教育局", OrgKind.Department, null, null);
        var unit = OrgUnit.Create("140423", "10602", "襄垣县第一中学校", OrgKind.Unit, null, department);
        var project = Project.Create("140423", Year, unit, department.Id, new Project.Details("140423250001", "学生资助补助经费", ProjectLevel.Level1,
            ProjectCategory.SpecificPurpose, Recurrence.Recurring, Year, Year, LibraryStatus.Budgeted, BudgetKind.General,
            TransferLevel.None, FundTags.None, new DateOnly(Year - 1, 10, 15)));
        var filler = new ReviewActor(11, "yizhong", Role.UnitFiller);
        var context = new TargetCheckContext(IndicatorFrame.National, Year, ProjectEndYear: Year);
        var target = PerformanceTarget.ForProject(project, Now.AddYears(-1));
        var cost = 1_000 + people % 97;
        target.Edit(filler, "保障家庭经济困难学生顺利完成学业", $"资助 {people} 人次，资金按时足额发放",
        [
            new("产出指标", "数量指标", "学生受资助人数", Comparison.GreaterOrEqual, $"≧{people}人次", "人次"),
            new("产出指标", "质量指标", "资助对象认定准确率", Comparison.GreaterOrEqual, $"≥{90 + people % 10}.{people % 7}%", "%"),
            new("产出指标", "时效指标", "资金发放及时率", Comparison.GreaterOrEqual, "100%", "%"),
            new("产出指标", "成本指标", "生均补助标准", Comparison.LessOrEqual, $"≤{cost}元/生", "元/生"),
            new("效益指标", "社会效益指标", "家庭经济困难学生辍学情况", Comparison.Qualitative, "有效控制", ""),
            new("满意度指标", "服务对象满意度指标", "受助学生满意度", Comparison.GreaterOrEqual, "≥90%", "%"),
        ], context, Now);
        target.Submit(filler, context, Now);
        foreach (var reviewer in new[] { new ReviewActor(12, "edu", Role.DepartmentReviewer), new ReviewActor(13, "jkw", Role.BusinessDivision),
                     new ReviewActor(14, "perf", Role.PerformanceDivision) })
            target.Approve(reviewer, ReviewGrade.Excellent, null, Now);
        var form = SelfEvaluation.ForProject(project, target, Funds, EvaluationWeights.Defaults, Now);
        form.Fill(filler, new SelfEvaluationInput("全年资助到位，未发生因贫辍学", 10m, 9.5m,
        [
            new(1, $"{people + 25}", Weight: 12.5m, Score: 12.5m),
            new(2, $"{people % 10 + 91}.{people % 9}", Weight: 12.5m, Score: 12.5m),
            new(3, "100", Weight: 12.5m, Score: 12.5m),
            new(4, $"{cost - 50}", Weight: 12.5m, Score: 12.5m),
            new(5, "未发生因贫辍学", QualitativeOutcome.Achieved, 30m, 27m),
            new(6, $"{91 + people % 9}", Weight: 10m, Score: 10m),
        ], 96.5m), EvaluationWeights.Defaults, Now);
        return form;
    }
}
