using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Targets;
using static Jixiao.Domain.Tests.Evaluations.Evaluated;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>
/// What the checks find in a unit's own figures (DOMAIN.md §4.4). The school project's clean form has no finding;
/// each case below plants one mistake in it and expects exactly the findings listed.
/// </summary>
public sealed class ConsistencyCheckTests
{
    private const FindingKind Blank = FindingKind.Blank;

    private static IReadOnlyList<EvaluationFinding> FindingsOf(SelfEvaluationInput input) =>
        NewEvaluation().Fill(Unit, input, Weights, Now);

    [Fact]
    public void Check_CleanForm_HasNoFindingAndMatchesTheReference()
    {
        var evaluation = NewEvaluation();
        Assert.Empty(evaluation.Fill(Unit, Clean(), Weights, Now));
        Assert.Equal((96.5m, 96.5m, Grade.Excellent), (evaluation.ReferenceTotal, evaluation.Total, evaluation.ReferenceGrade));
    }

    [Fact]
    public void Fill_WithoutPrintedTotal_TotalIsTheSumOfTheScores()
    {
        var evaluation = NewEvaluation();
        Assert.Empty(evaluation.Fill(Unit, Clean() with { Total = null }, Weights, Now));
        Assert.Equal(96.5m, evaluation.Total);

        // one score blank: no total to compute, and the blank row is the one finding (no second "总分为空")
        var blank = NewEvaluation();
        var findings = blank.Fill(Unit, With(Clean(), new EvaluationRowInput(4, "950", Weight: 12.5m)) with { Total = null }, Weights, Now);
        Assert.Null(blank.Total);
        Assert.StartsWith("第 4 行", Assert.Single(findings).Message);
        Assert.Contains("得分为空", findings[0].Message);
    }

    /// <summary>The school project with its row 4 a money cost (项目总成本 ≤120万元) instead of a unit cost; B is 114 万.</summary>
    private static SelfEvaluation WithTotalCost(params TargetIndicatorInput[] extra)
    {
        var rows = Jixiao.Domain.Tests.Targets.PerformanceTargetTests.GoodRows();
        rows[3] = new("产出指标", "成本指标", "项目总成本", Comparison.LessOrEqual, "≤120万元", "万元");
        rows.AddRange(extra);
        return SelfEvaluation.ForProject(Jixiao.Domain.Tests.Targets.PerformanceTargetTests.SchoolProject(), ApprovedTargets(rows), Funds(), Weights, Now);
    }

    [Theory]
    [InlineData("114", null)]          // the project's cost is what it spent
    [InlineData("113.5", null)]        // within 1 % below
    [InlineData("104", "相差 10.00 万元")]
    [InlineData("130", "高于账面全年执行数（B）114.00 万元")]
    public void Check_OnlyMoneyCostIndicator_IsComparedWithTheLedgersSpending(string actual, string? expected)
    {
        var evaluation = WithTotalCost();
        var findings = evaluation.Fill(Unit, With(Clean(), new EvaluationRowInput(4, actual, Weight: 12.5m, Score: 12.5m,
            Reason: "材料价格上涨，已优化采购方式")), Weights, Now);
        var cost = findings.Where(f => f.Kind == FindingKind.CostContradictsLedger).ToList();
        if (expected is null) { Assert.Empty(cost); return; }
        var finding = Assert.Single(cost);
        Assert.Equal((4, false), (finding.Row, finding.Blocking));
        Assert.Contains("项目总成本", finding.Message);
        Assert.Contains(expected, finding.Message);
    }

    [Fact]
    public void Check_SeveralMoneyCostIndicators_OnlyACostAboveTheSpendingIsFlagged()
    {
        var evaluation = WithTotalCost(new TargetIndicatorInput("产出指标", "成本指标", "设备购置成本", Comparison.LessOrEqual, "≤30万元", "万元"));
        var clean = Clean();
        var input = With(clean with { Rows = [.. clean.Rows, new EvaluationRowInput(7, "25", Weight: 12.5m, Score: 12.5m)] },
            new EvaluationRowInput(4, "104", Weight: 12.5m, Score: 12.5m));
        Assert.DoesNotContain(evaluation.Fill(Unit, input, Weights, Now), f => f.Kind == FindingKind.CostContradictsLedger);

        var above = With(input, new EvaluationRowInput(7, "125", Weight: 12.5m, Score: 12.5m, Reason: "设备涨价"));
        Assert.Equal(7, Assert.Single(evaluation.Fill(Unit, above, Weights, Now), f => f.Kind == FindingKind.CostContradictsLedger).Row);
    }

    /// <summary>One planted mistake per case → exactly these (row, kind) findings; null row = the form, 0 = the 预算执行率 row.</summary>
    private static readonly Dictionary<string, (Func<SelfEvaluationInput, SelfEvaluationInput> Plant, (int? Row, FindingKind Kind)[] Expected)> Cases = new()
    {
        ["总分与分项之和不符"] = (f => f with { Total = 96.49m }, [(null, FindingKind.TotalMismatch)]),
        ["总分不填（在系统中填报）"] = (f => f with { Total = null }, []),
        ["年度总体目标完成情况为空"] = (f => f with { GoalCompletion = " " }, [(null, Blank)]),
        ["分值合计 110"] = (f => With(f, new EvaluationRowInput(4, "950", Weight: 22.5m, Score: 22.5m)), [(null, FindingKind.WeightTotal)]),
        ["分值为空"] = (f => With(f, new EvaluationRowInput(4, "950", Score: 12.5m)), [(4, Blank)]),
        ["得分为空"] = (f => With(f, new EvaluationRowInput(4, "950", Weight: 12.5m)) with { Total = null }, [(4, Blank)]),
        ["实际完成值为空"] = (f => With(f, new EvaluationRowInput(3, "", Weight: 12.5m, Score: 12.5m)), [(null, FindingKind.FarFromReference), (3, Blank)]),
        ["定性未选达成情况"] = (f => With(f, new EvaluationRowInput(5, "", null, 30m, 27m)), [(null, FindingKind.FarFromReference), (5, Blank)]),
        // no reference score for the row, so the total is not compared with the unit's
        ["实际完成值无法读取"] = (f => With(f, new EvaluationRowInput(3, "全部及时", Weight: 12.5m, Score: 12.5m)),
            [(3, FindingKind.UnreadableActual)]),
        ["得分高于分值"] = (f => With(f, new EvaluationRowInput(6, "92", Weight: 10m, Score: 10.5m)), [(6, FindingKind.ScoreOutOfRange)]),
        ["得分为负"] = (f => With(f, new EvaluationRowInput(6, "92", Weight: 10m, Score: -1m)), [(null, FindingKind.FarFromReference), (6, FindingKind.ScoreOutOfRange)]),
        ["达成打在 80% 边界上"] = (f => With(f, new EvaluationRowInput(5, "", QualitativeOutcome.Achieved, 30m, 24m)), []),
        ["达成低于 80%"] = (f => With(f, new EvaluationRowInput(5, "", QualitativeOutcome.Achieved, 30m, 23.99m)), [(5, FindingKind.OutsideBand)]),
        ["部分达成打到 80%"] = (f => With(f, new EvaluationRowInput(5, "", QualitativeOutcome.PartlyAchieved, 30m, 24m, "宣传不到位")), [(5, FindingKind.OutsideBand)]),
        ["部分达成打在 60% 边界上"] = (f => With(f, new EvaluationRowInput(5, "", QualitativeOutcome.PartlyAchieved, 30m, 18m, "宣传不到位")), []),
        ["部分达成低于 60%"] = (f => With(f, new EvaluationRowInput(5, "", QualitativeOutcome.PartlyAchieved, 30m, 17.99m, "宣传不到位")), [(5, FindingKind.OutsideBand)]),
        ["未达成打到 60%"] = (f => With(f, new EvaluationRowInput(5, "", QualitativeOutcome.NotAchieved, 30m, 18m, "宣传不到位")), [(5, FindingKind.OutsideBand)]),
        ["部分达成无偏差原因"] = (f => With(f, new EvaluationRowInput(5, "", QualitativeOutcome.PartlyAchieved, 30m, 20m)), [(5, FindingKind.MissingReason)]),
        ["已达到却扣分"] = (f => With(f, new EvaluationRowInput(4, "950", Weight: 12.5m, Score: 12m)), [(4, FindingKind.MetBelowFull)]),
        ["未达到无偏差原因"] = (f => With(f, new EvaluationRowInput(6, "85", Weight: 10m, Score: 9.44m)), [(6, FindingKind.MissingReason)]),
        ["未达到有偏差原因"] = (f => With(f, new EvaluationRowInput(6, "85", Weight: 10m, Score: 9.44m, Reason: "问卷回收率低，下年改进发放方式")), []),
        ["逆向指标在上限上"] = (f => With(f, new EvaluationRowInput(4, "1000", Weight: 12.5m, Score: 12.5m)), []),
        ["逆向指标超出上限无原因"] = (f => With(f, new EvaluationRowInput(4, "1100", Weight: 12.5m, Score: 11.25m)), [(4, FindingKind.MissingReason)]),
        ["超额完成 130% 无原因"] = (f => With(f, new EvaluationRowInput(1, "955.5", Weight: 12.5m, Score: 12.5m)), [(1, FindingKind.OverAchievement)]),
        ["超额完成 129.99% 无原因"] = (f => With(f, new EvaluationRowInput(1, "955.49", Weight: 12.5m, Score: 12.5m)), []),
        ["超额完成 130% 有原因"] = (f => With(f, new EvaluationRowInput(1, "955.5", Weight: 12.5m, Score: 12.5m, Reason: "追加资金后扩大资助范围")), []),
        ["A 填成年初预算数"] = (f => f with { AdjustedBudget = 1_000_000m }, [(0, FindingKind.ExecutionContradictsLedger)]),
        ["B 与账面不符"] = (f => f with { Executed = 1_100_000m }, [(0, FindingKind.ExecutionContradictsLedger)]),
        ["执行率得分按年初预算数算"] = (f => f with { ExecutionScore = 10m, Total = 97m }, [(0, FindingKind.ExecutionContradictsLedger)]),
        ["执行率得分高于分值"] = (f => f with { ExecutionScore = 11m, Total = 98m }, [(0, FindingKind.ScoreOutOfRange)]),
        ["执行率分值为空"] = (f => f with { ExecutionWeight = null }, [(0, Blank)]),
        ["执行率得分为空"] = (f => f with { ExecutionScore = null }, [(0, Blank)]),
        // a met quantitative row: 80 % of its 分值 is the 达成 band's edge (a self-deduction, a warning); below it, finding (d)
        ["已达到打在达成区间下限 80%"] = (f => With(f, new EvaluationRowInput(2, "98.5", Weight: 12.5m, Score: 10m)), [(2, FindingKind.MetBelowFull)]),
        ["已达到低于达成区间"] = (f => With(f, new EvaluationRowInput(2, "98.5", Weight: 12.5m, Score: 9.99m)), [(2, FindingKind.OutsideBand)]),
        // a form may give 预算执行率 20 分 (the indicators then share 80), with a reason
        // without a reason the setting's 10 holds, so the 19 scored on 20 also contradicts the ledger's 9.5
        ["执行率分值 20 未说明理由"] = (f => ExecutionTwenty(f, ""),
            [(0, FindingKind.ExecutionWeightWithoutReason), (0, FindingKind.ExecutionContradictsLedger)]),
        ["执行率分值 20 说明了理由"] = (f => ExecutionTwenty(f, "按省厅模板，预算执行率 20 分"), []),
        // the unit's total 5 分 from the reference (the default) is not flagged, 5.01 is
        ["与参考分相差 5 分"] = (f => With(f, new EvaluationRowInput(1, "0", Weight: 12.5m, Score: 5m, Reason: "政策调整，资助对象改由省级资助")), []),
        ["与参考分相差 5.01 分"] = (f => With(f, new EvaluationRowInput(1, "0", Weight: 12.5m, Score: 5.01m, Reason: "政策调整，资助对象改由省级资助")),
            [(null, FindingKind.FarFromReference)]),
    };

    private static SelfEvaluationInput ExecutionTwenty(SelfEvaluationInput f, string reason) => With(f with
        {
            ExecutionWeight = 20m, ExecutionScore = 19m, ExecutionWeightReason = reason,
        },
        new EvaluationRowInput(1, "760", Weight: 10m, Score: 10m), new EvaluationRowInput(2, "98.5", Weight: 10m, Score: 10m),
        new EvaluationRowInput(3, "100", Weight: 10m, Score: 10m), new EvaluationRowInput(4, "950", Weight: 10m, Score: 10m));

    [Fact]
    public void Check_ExecutionWeightOfTheForm_IsTheReferenceAndTheIndicatorsShareTheRest()
    {
        var evaluation = NewEvaluation();
        evaluation.Fill(Unit, ExecutionTwenty(Clean(), "按省厅模板，预算执行率 20 分"), Weights, Now);

        Assert.Equal((20m, 19m), (evaluation.ReferenceExecutionWeight, evaluation.ReferenceExecutionScore));
        Assert.Equal([11.11m, 11.11m, 11.11m, 11.11m, 26.67m, 8.89m], evaluation.Rows.Select(r => r.ReferenceWeight));
        Assert.Equal("产出指标 50 分按指标分值合计 80 分折算为 44.44 分，由 4 个指标平分", evaluation.Rows[0].WeightBasis);
    }

    [Fact]
    public void OverAchievement_IsAHintThatTravelsWithTheForm()
    {
        Assert.True(FindingKind.OverAchievement.IsHint());
        Assert.False(FindingKind.OverAchievement.IsBlocking());
        Assert.All(Enum.GetValues<FindingKind>().Where(k => k != FindingKind.OverAchievement), k => Assert.False(k.IsHint()));
    }

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory, MemberData(nameof(CaseNames))]
    public void Check_OnePlantedMistake_FindsExactlyIt(string name)
    {
        var (plant, expected) = Cases[name];
        var findings = FindingsOf(plant(Clean()));
        Assert.Equal(expected, findings.Select(f => (f.Row, f.Kind)));
        Assert.All(findings, f =>
        {
            Chinese.AssertMessage(f.Message);
            Assert.Equal(f.Kind.IsBlocking(), f.Blocking);
        });
    }

    [Fact]
    public void Check_CraftedFormWithSeveralPlantedInconsistencies_ListsExactlyThose()
    {
        // As an imported 自评表 would say it: A copied from 年初预算数 and the execution score worked out on it; row 1
        // over-achieved without a word; row 2 met but self-deducted; row 3 left blank; 分值 of row 4 raised so the
        // weights add up to 110; row 5 "部分达成" scored like 达成; row 6 missed without a reason; 总分 a round 100;
        // 年度总体目标完成情况 forgotten.
        var input = new SelfEvaluationInput("", 10m, 10m,
        [
            new(1, "960", Weight: 12.5m, Score: 12.5m),
            new(2, "98.5", Weight: 12.5m, Score: 10m),
            new(3, "", Weight: 12.5m, Score: 12.5m),
            new(4, "950", Weight: 22.5m, Score: 22.5m),
            new(5, "大部分学校做到", QualitativeOutcome.PartlyAchieved, 30m, 27m, "两所学校家访不到位，下年纳入考核"),
            new(6, "85", Weight: 10m, Score: 10m),
        ], 100m, AdjustedBudget: 1_000_000m);

        var evaluation = NewEvaluation();
        var findings = evaluation.Fill(Unit, input, Weights, Now);

        Assert.Equal(
        [
            (null, FindingKind.Blank, true),
            (null, FindingKind.WeightTotal, true),
            (null, FindingKind.TotalMismatch, true),
            (null, FindingKind.FarFromReference, false),
            (0, FindingKind.ExecutionContradictsLedger, true),
            (0, FindingKind.ExecutionContradictsLedger, true),
            (1, FindingKind.OverAchievement, false),
            (2, FindingKind.MetBelowFull, false),
            (3, FindingKind.Blank, true),
            (5, FindingKind.OutsideBand, true),
            (6, FindingKind.MissingReason, true),
        ], findings.Select(f => (f.Row, f.Kind, f.Blocking)));

        // weights adding up to 110 are scored as they stand (row 4 at 22.5), not rescaled in silence:
        // 9.5 + 12.5 + 12.5 + 0 + 22.5 + 23.99 (部分达成 [18, 24) takes 27 down to 23.99) + 9.44 (85 ÷ 90 × 10) = 90.43 of 110
        Assert.Equal(90.43m, evaluation.ReferenceTotal);
        Assert.Equal(110m, evaluation.MaxScore);
        Assert.Equal(Grade.Good, evaluation.ReferenceGrade);
        Assert.Equal(
        [
            "年度总体目标完成情况为空：请对照年度目标写明全年实际完成情况",
            "分值合计 110 分（预算执行率 10 + 各指标 100），应为 100 分：参考分按表中分值计为 90.43 分（满分 110 分），折合 100 分制为 82.21 分；请调整各行分值",
            "总分填的是 100 分，但预算执行率得分与各指标得分之和为 104.5 分：请改为 104.5 分，或检查各行得分",
            "自评总分 100 分与参考分 90.43 分相差 9.57 分，超过 5 分；相差最多的是第 3 行“资金发放及时率”（自评 12.5，参考 0）、第 5 行“家庭经济困难学生辍学情况”（自评 27，参考 23.99）、第 2 行“资助对象认定准确率”（自评 10，参考 12.5）：请对照各行的参考分说明核对评分",
            "预算执行率行的全年预算数（A）填的是 1,000,000.00 元（填成了年初预算数），账面调整后的全年预算数为 1,200,000.00 元：执行率按调整后的全年预算数计算，请改为 1,200,000.00 元",
            "预算执行率行得分 10 分，按账面应为 9.5 分（全年预算数（A）1,200,000.00 元，全年执行数（B）1,140,000.00 元，执行率 B ÷ A = 95%：min(95%, 100%) × 10 = 9.5 分）：请改为 9.5 分",
            "第 1 行“学生受资助人数”完成目标的 130.6%，达到超额完成提示线 130%，目标可能定得偏低：请在偏差原因分析中简要说明原因",
            "第 2 行“资助对象认定准确率”已达到目标，按评分规则应得满分 12.5 分，自评 10 分：如非有意扣分，请改为 12.5 分",
            "第 3 行“资金发放及时率”的实际完成值为空：请填写全年实际完成值（目标 100%）",
            "第 5 行“家庭经济困难学生辍学情况”自评“部分达成”，得分应在 [18, 24) 分之间，填的是 27 分：请在区间内打分，或改选达成情况",
            "第 6 行“受助学生满意度”未达到目标（实际 85%，目标 ≥90%，未达到：85 ÷ 90 × 10 ≈ 9.44 分）：请填写偏差原因分析及改进措施",
        ], findings.Select(f => f.Message));
    }

    [Fact]
    public void Check_BlankRows_NameTheRowAndWhatToWrite()
    {
        var findings = FindingsOf(new SelfEvaluationInput(null, null, null, [], null));
        Assert.Contains(findings, f => f is { Row: 5, Kind: FindingKind.Blank } && f.Message == "第 5 行“家庭经济困难学生辍学情况”未选择达成情况：请选择达成、部分达成或未达成");
        Assert.Contains(findings, f => f is { Row: 1, Kind: FindingKind.Blank } && f.Message == "第 1 行“学生受资助人数”的分值为空：请填写分值（参考 12.5 分，产出指标 50 分由 4 个指标平分）");
        Assert.Contains(findings, f => f is { Row: 0, Kind: FindingKind.Blank } && f.Message == "预算执行率行的得分为空：请填写得分（按账面应为 9.5 分）");
        Assert.DoesNotContain(findings, f => f.Kind is FindingKind.WeightTotal or FindingKind.TotalMismatch or FindingKind.FarFromReference);
        Assert.All(findings, f => Assert.True(f.Blocking));
    }
}
