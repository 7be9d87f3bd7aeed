using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Tests.Targets;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>
/// The school project of the targets tests at the year's end: 年初批复 100 万 plus a 20 万 追加 in May (A = 120 万),
/// 114 万 paid (B, 95%). Its approved targets have no weights, so the national 分值 give 产出 50 ÷ 4 = 12.5 per row,
/// 效益 30, 满意度 10.
/// </summary>
internal static class Evaluated
{
    public const int Year = 2026;
    public static readonly DateTime Now = new(2027, 1, 20, 2, 0, 0, DateTimeKind.Utc);
    public static readonly EvaluationWeights Weights = EvaluationWeights.Defaults;
    public static readonly ReviewActor Unit = new(11, "yizhong", Role.UnitFiller);
    public static readonly ReviewActor Department = new(12, "edu", Role.DepartmentReviewer);
    public static readonly ReviewActor Business = new(13, "jkw", Role.BusinessDivision);
    public static readonly ReviewActor Performance = new(14, "perf", Role.PerformanceDivision);

    public static EvaluationFunds Funds() => EvaluationFunds.From(Ledger.Compute(
        [
            new LedgerEntry(MovementKind.InitialApproval, 1_000_000m, new DateOnly(Year, 1, 15), "襄财预〔2026〕1号", ""),
            new LedgerEntry(MovementKind.Addition, 200_000m, new DateOnly(Year, 5, 10), "襄财预〔2026〕9号", ""),
        ],
        [new PaymentEntry(new DateOnly(Year, 6, 30), 600_000m, "ZF1"), new PaymentEntry(new DateOnly(Year, 12, 20), 540_000m, "ZF2")],
        new DateOnly(Year, 12, 31), Year));

    /// <summary>Targets approved through the whole chain (rows as in <see cref="PerformanceTargetTests.GoodRows"/> unless given).</summary>
    public static PerformanceTarget ApprovedTargets(IReadOnlyList<TargetIndicatorInput>? rows = null)
    {
        var context = new TargetCheckContext(IndicatorFrame.National, Year, ProjectEndYear: Year);
        var target = PerformanceTarget.ForProject(PerformanceTargetTests.SchoolProject(), Now.AddYears(-1));
        target.Edit(Unit, "保障家庭经济困难学生顺利完成学业", "资助 735 人次，资金按时足额发放", rows ?? PerformanceTargetTests.GoodRows(), context, Now);
        target.Submit(Unit, context, Now);
        target.Approve(Department, ReviewGrade.Excellent, null, Now);
        target.Approve(Business, ReviewGrade.Excellent, null, Now);
        target.Approve(Performance, ReviewGrade.Excellent, null, Now);
        return target;
    }

    public static SelfEvaluation NewEvaluation(EvaluationWeights? weights = null) =>
        SelfEvaluation.ForProject(PerformanceTargetTests.SchoolProject(), ApprovedTargets(), Funds(), weights ?? Weights, Now);

    /// <summary>
    /// A form a careful unit would write: every target met, scores as the rules give them, so no finding at all.
    /// Rows: 1 学生受资助人数 ≥735 人次, 2 认定准确率 ≥98%, 3 发放及时率 ≥100%, 4 生均补助标准 ≤1000 元/生,
    /// 5 辍学情况 定性“有效控制”, 6 满意度 ≥90%.
    /// </summary>
    public static SelfEvaluationInput Clean() => new(
        "全年资助 760 人次，资金按学期足额发放，未发生因贫辍学", 10m, 9.5m,
        [
            new(1, "760", Weight: 12.5m, Score: 12.5m),
            new(2, "98.5", Weight: 12.5m, Score: 12.5m),
            new(3, "100", Weight: 12.5m, Score: 12.5m),
            new(4, "950", Weight: 12.5m, Score: 12.5m),
            new(5, "未发生因贫辍学", QualitativeOutcome.Achieved, 30m, 27m),
            new(6, "92", Weight: 10m, Score: 10m),
        ],
        96.5m);

    /// <summary>The form with some rows replaced and 总分 set to the sum of what it then says.</summary>
    public static SelfEvaluationInput With(SelfEvaluationInput input, params EvaluationRowInput[] replaced)
    {
        var rows = input.Rows.Select(r => replaced.FirstOrDefault(x => x.Row == r.Row) ?? r).ToList();
        return input with { Rows = rows, Total = SumOf(input with { Rows = rows }) };
    }

    public static decimal? SumOf(SelfEvaluationInput input) =>
        input.ExecutionScore is { } execution && input.Rows.All(r => r.Score is not null) ? execution + input.Rows.Sum(r => r.Score!.Value) : null;
}
