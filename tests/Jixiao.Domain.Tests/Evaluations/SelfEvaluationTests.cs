using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Tests.Targets;
using static Jixiao.Domain.Tests.Evaluations.Evaluated;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>A 项目支出绩效自评表 from prefill to approval: what it starts with, what every save recomputes, what blocks a submit.</summary>
public sealed class SelfEvaluationTests
{
    [Fact]
    public void ForProject_RaisedMidYear_PrefillsTheAdjustedBudgetAndTheApprovedIndicators()
    {
        var evaluation = NewEvaluation();

        Assert.Equal((FormState.Pending, TargetSubject.Project, Year), (evaluation.State, evaluation.Subject, evaluation.FiscalYear));
        Assert.Equal((1_000_000m, 1_200_000m, 1_140_000m, 0.95m), (evaluation.InitialBudget, evaluation.LedgerAdjustedBudget, evaluation.LedgerExecuted, evaluation.ExecutionRate));
        Assert.Equal((1_200_000m, 1_140_000m, (decimal?)10m), (evaluation.AdjustedBudget, evaluation.Executed, evaluation.ExecutionWeight));
        Assert.Equal((10m, 9.5m), (evaluation.ReferenceExecutionWeight, evaluation.ReferenceExecutionScore));
        Assert.Equal("资助 735 人次，资金按时足额发放", evaluation.AnnualGoal);
        Assert.Equal(["学生受资助人数", "资助对象认定准确率", "资金发放及时率", "生均补助标准", "家庭经济困难学生辍学情况", "受助学生满意度"],
            evaluation.Rows.Select(r => r.Name));
        Assert.Equal([12.5m, 12.5m, 12.5m, 12.5m, 30m, 10m], evaluation.Rows.Select(r => r.ReferenceWeight));
        Assert.Equal([12.5m, 12.5m, 12.5m, 12.5m, 30m, 10m], evaluation.Rows.Select(r => r.Weight!.Value));
        Assert.All(evaluation.Rows, r => Assert.Equal(((decimal?)null, "", Attainment.Unknown), (r.Score, r.Actual, r.Attainment)));
        // nothing filled yet: only the execution row scores, and the blanks are findings
        Assert.Equal((9.5m, Grade.Poor, (Grade?)null), (evaluation.ReferenceTotal, evaluation.ReferenceGrade, evaluation.Grade));
        Assert.True(evaluation.HasBlockingFindings);
    }

    [Fact]
    public void ForProject_TargetsWithTheirOwnWeights_ScalesThemToTheIndicatorPoints()
    {
        var rows = PerformanceTargetTests.GoodRows().Zip([20m, 20m, 10m, 10m, 30m, 10m], (row, weight) => row with { Weight = weight }).ToList();
        var evaluation = SelfEvaluation.ForProject(PerformanceTargetTests.SchoolProject(), ApprovedTargets(rows), Funds(), Weights, Now);

        Assert.Equal([18m, 18m, 9m, 9m, 27m, 9m], evaluation.Rows.Select(r => r.ReferenceWeight));
        Assert.Equal("目标权重 30 按指标分值合计 90 折算：30 × 90 ÷ 100 = 27", evaluation.Rows[4].WeightBasis);
    }

    [Fact]
    public void ForProject_TargetsNotApproved_IsRefusedWithTheFix()
    {
        var draft = PerformanceTarget.ForProject(PerformanceTargetTests.SchoolProject(), Now);
        var error = Assert.Throws<DomainException>(() => SelfEvaluation.ForProject(PerformanceTargetTests.SchoolProject(), draft, Funds(), Weights, Now));
        Assert.Equal("项目绩效目标第 1 版为“草稿”：自评按已批复的绩效目标进行，请先完成目标审核。", error.Message);
    }

    [Fact]
    public void ForProject_PoolProject_IsSelfEvaluatedThroughItsAllocations()
    {
        var bureau = OrgUnit.Create("140423", "001", "襄垣县财政局", OrgKind.FinanceBureau, null, null);
        var division = OrgUnit.Create("140423", "00102", "经济建设股", OrgKind.Division, DivisionKind.Business, bureau);
        var pool = Project.Create("140423", Year, division, null, new Project.Details("140423269001", "乡村振兴待分资金", ProjectLevel.Level1,
            ProjectCategory.SpecificPurpose, Recurrence.OneOff, Year, Year, LibraryStatus.Budgeted, BudgetKind.General,
            TransferLevel.None, FundTags.None, new DateOnly(2025, 10, 15)), isPool: true);
        var error = Assert.Throws<DomainException>(() => SelfEvaluation.ForProject(pool, ApprovedTargets(), Funds(), Weights, Now));
        Assert.Equal("“乡村振兴待分资金”是待分资金项目，由分配到资金的项目分别自评。", error.Message);
    }

    [Fact]
    public void Fill_ReturnedWithReason_UnitFixesAndTheChainEndsApproved()
    {
        var evaluation = NewEvaluation();
        Assert.Empty(evaluation.Fill(Unit, Clean(), Weights, Now));
        evaluation.Submit(Unit, Weights, false, Now.AddHours(1));
        Assert.Equal(FormState.Submitted, evaluation.State);

        evaluation.Return(Department, "满意度调查样本只有 20 人，请说明调查方式", Now.AddHours(2));
        Assert.Equal((FormState.Returned, "满意度调查样本只有 20 人，请说明调查方式"), (evaluation.State, evaluation.ReturnReason));

        var answered = With(Clean(), new EvaluationRowInput(6, "92", Weight: 10m, Score: 10m, Reason: "向全部 760 名受助学生发放问卷，回收 705 份"));
        evaluation.Fill(Unit, answered, Weights, Now.AddHours(3));
        evaluation.Submit(Unit, Weights, false, Now.AddHours(3));
        evaluation.Approve(Department, "同意", false, Now.AddHours(4));
        evaluation.Approve(Performance, null, false, Now.AddHours(5));

        Assert.Equal(FormState.Approved, evaluation.State);
        Assert.Null(evaluation.ReturnReason);
        Assert.Equal(
            [FormAction.Submit, FormAction.Return, FormAction.Submit, FormAction.Approve, FormAction.Approve],
            evaluation.Steps.Select(s => s.Action));
        Assert.Equal(["yizhong", "edu", "yizhong", "edu", "perf"], evaluation.Steps.Select(s => s.UserName));
        Assert.Equal((Grade?)Grade.Excellent, evaluation.Grade);

        var locked = Assert.Throws<ConflictException>(() => evaluation.Fill(Unit, Clean(), Weights, Now.AddHours(6)));
        Assert.Equal("自评表“已审核”，不能修改；如需修改请由审核人退回。", locked.Message);
        Assert.Throws<ConflictException>(() => evaluation.Refigure(Funds(), Weights, Now.AddHours(6)));
    }

    [Fact]
    public void Return_WithoutReason_IsRefused()
    {
        var evaluation = NewEvaluation();
        evaluation.Fill(Unit, Clean(), Weights, Now);
        evaluation.Submit(Unit, Weights, false, Now);
        Assert.Contains("理由", Assert.Throws<DomainException>(() => evaluation.Return(Department, " ", Now)).Message);
        Assert.Equal(FormState.Submitted, evaluation.State);
    }

    [Fact]
    public void Submit_BlockingFindings_ListsEveryOneAndStaysPending()
    {
        var evaluation = NewEvaluation();
        var input = With(Clean(), new EvaluationRowInput(3, "", Weight: 12.5m, Score: 12.5m), new EvaluationRowInput(6, "85", Weight: 10m, Score: 10m)) with { Total = 90m };
        evaluation.Fill(Unit, input, Weights, Now);

        var error = Assert.Throws<DomainException>(() => evaluation.Submit(Unit, Weights, false, Now));

        Assert.Equal("自评表还有 3 处问题，不能提交："
            + "总分填的是 90 分，但预算执行率得分与各指标得分之和为 96.5 分：请改为 96.5 分，或检查各行得分；"
            + "第 3 行“资金发放及时率”的实际完成值为空：请填写全年实际完成值（目标 100%）；"
            + "第 6 行“受助学生满意度”未达到目标（实际 85%，目标 ≥90%，未达到：85 ÷ 90 × 10 ≈ 9.44 分）：请填写偏差原因分析及改进措施。", error.Message);
        Assert.Equal(FormState.Pending, evaluation.State);
        Assert.Empty(evaluation.Steps);
    }

    [Fact]
    public void Submit_OnlyWarnings_SubmitsAndTheWarningsTravelWithTheForm()
    {
        var evaluation = NewEvaluation();
        var findings = evaluation.Fill(Unit, With(Clean(), new EvaluationRowInput(1, "980", Weight: 12.5m, Score: 12.5m), new EvaluationRowInput(2, "99", Weight: 12.5m, Score: 12m)), Weights, Now);

        evaluation.Submit(Unit, Weights, false, Now);

        Assert.Equal(FormState.Submitted, evaluation.State);
        Assert.Equal([FindingKind.OverAchievement, FindingKind.MetBelowFull], findings.Select(f => f.Kind));
        Assert.Equal([FindingKind.OverAchievement, FindingKind.MetBelowFull], evaluation.Findings.Select(f => f.Kind));
        Assert.False(evaluation.HasBlockingFindings);
    }

    [Fact]
    public void Fill_EverySave_RecomputesTheReferenceAndTheFindings()
    {
        var evaluation = NewEvaluation();
        evaluation.Fill(Unit, With(Clean(), new EvaluationRowInput(6, "85", Weight: 10m, Score: 10m)), Weights, Now);
        Assert.Equal((9.44m, Attainment.Missed, 95.94m), (evaluation.Rows[5].ReferenceScore, evaluation.Rows[5].Attainment, evaluation.ReferenceTotal));
        Assert.Contains(evaluation.Findings, f => f.Kind == FindingKind.MissingReason);

        evaluation.Fill(Unit, Clean(), Weights, Now.AddMinutes(5));

        Assert.Equal((10m, Attainment.Met, 96.5m), (evaluation.Rows[5].ReferenceScore, evaluation.Rows[5].Attainment, evaluation.ReferenceTotal));
        Assert.Equal("实际 92%，目标 ≥90%，已达到：得满分 10 分", evaluation.Rows[5].Explanation);
        Assert.Empty(evaluation.Findings);
        Assert.Equal(Now.AddMinutes(5), evaluation.UpdatedAtUtc);
    }

    [Fact]
    public void Fill_ReadsTheActualValueWithTheRowsUnit()
    {
        var evaluation = NewEvaluation();
        evaluation.Fill(Unit, With(Clean(), new EvaluationRowInput(1, "760人次", Weight: 12.5m, Score: 12.5m), new EvaluationRowInput(6, "92%", Weight: 10m, Score: 10m)), Weights, Now);
        Assert.Equal([Attainment.Met, Attainment.Met], new[] { evaluation.Rows[0].Attainment, evaluation.Rows[5].Attainment });
        Assert.Empty(evaluation.Findings);
    }

    [Fact]
    public void Fill_RowsLeftOut_AreSavedBlank()
    {
        var evaluation = NewEvaluation();
        evaluation.Fill(Unit, Clean() with { Rows = Clean().Rows.Take(5).ToList() }, Weights, Now);
        Assert.Equal(((decimal?)null, (decimal?)null, ""), (evaluation.Rows[5].Weight, evaluation.Rows[5].Score, evaluation.Rows[5].Actual));
        Assert.Contains(evaluation.Findings, f => f is { Row: 6, Kind: FindingKind.Blank });
    }

    public static TheoryData<string, Func<SelfEvaluationInput, SelfEvaluationInput>, string> Refused => new()
    {
        { "unknown row", f => f with { Rows = [.. f.Rows, new EvaluationRowInput(9, "1")] }, "绩效目标中没有第 9 行指标，请按自评表中的行号填写。" },
        { "row twice", f => f with { Rows = [.. f.Rows, new EvaluationRowInput(2, "98")] }, "第 2 行指标填写了不止一次。" },
        { "score in thousandths", f => With(f, new EvaluationRowInput(2, "98.5", Weight: 12.5m, Score: 12.345m)), "第 2 行得分 12.345 超过两位小数，请保留两位小数。" },
        { "weight in thousandths", f => With(f, new EvaluationRowInput(2, "98.5", Weight: 12.505m, Score: 12.5m)), "第 2 行分值 12.505 超过两位小数" },
        { "total in thousandths", f => f with { Total = 96.505m }, "总分 96.505 超过两位小数" },
        { "A below a 分", f => f with { AdjustedBudget = 1_200_000.001m }, "全年预算数（A） 1200000.001 元精确到了分以下" },
        { "long reason", f => With(f, new EvaluationRowInput(6, "92", Weight: 10m, Score: 10m, Reason: new string('因', 1001))), "第 6 行偏差原因分析及改进措施超过 1000 个字。" },
        { "long goal completion", f => f with { GoalCompletion = new string('完', 2001) }, "年度总体目标完成情况不超过 2000 字。" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void Fill_WhatCannotBeSaved_IsRefusedWithItsRowAndNothingChanges(string what, Func<SelfEvaluationInput, SelfEvaluationInput> spoil, string message)
    {
        var evaluation = NewEvaluation();
        evaluation.Fill(Unit, Clean(), Weights, Now);

        var error = Assert.Throws<DomainException>(() => evaluation.Fill(Unit, spoil(Clean()), Weights, Now.AddHours(1)));

        Assert.True(error.Message.Contains(message), $"{what}: {error.Message}");
        Assert.Equal((96.5m, Now), (evaluation.Total!.Value, evaluation.UpdatedAtUtc));
        Assert.Equal(Clean().Rows.Select(r => (r.Actual, r.Score)), evaluation.Rows.Select(r => ((string?)r.Actual, r.Score)));
    }

    [Theory]
    [InlineData(Role.DepartmentReviewer, "自评表由预算单位填报人填报，主管部门审核人不能修改。")]
    [InlineData(Role.PerformanceDivision, "自评表由预算单位填报人填报，财政绩效股不能修改。")]
    public void Fill_ByAReviewer_IsRefused(Role role, string message) =>
        Assert.Equal(message, Assert.Throws<ConflictException>(() => NewEvaluation().Fill(new ReviewActor(20, "x", role), Clean(), Weights, Now)).Message);

    [Fact]
    public void Fill_WhileWithTheDepartment_IsRefused()
    {
        var evaluation = NewEvaluation();
        evaluation.Fill(Unit, Clean(), Weights, Now);
        evaluation.Submit(Unit, Weights, false, Now);
        Assert.Equal("自评表“待主管部门审核”，不能修改；如需修改请由审核人退回。",
            Assert.Throws<ConflictException>(() => evaluation.Fill(Unit, Clean(), Weights, Now)).Message);
    }

    [Fact]
    public void Refigure_LedgerChangedAfterPrefill_FormFollowsUnlessTheUnitWroteItsOwnFigures()
    {
        var evaluation = NewEvaluation();
        evaluation.Fill(Unit, Clean() with { Executed = 1_100_000m }, Weights, Now);

        evaluation.Refigure(new EvaluationFunds(1_000_000m, 1_200_000m, 1_200_000m), Weights, Now.AddDays(1));

        Assert.Equal((1_200_000m, 1_200_000m), (evaluation.LedgerAdjustedBudget, evaluation.LedgerExecuted));
        Assert.Equal((1_200_000m, 1_100_000m), (evaluation.AdjustedBudget, evaluation.Executed)); // A followed, the unit's own B stayed
        Assert.Equal(10m, evaluation.ReferenceExecutionScore);
        Assert.Equal(
            ["预算执行率行的全年执行数（B）填的是 1,100,000.00 元，账面支付合计为 1,200,000.00 元：请改为 1,200,000.00 元",
             "预算执行率行得分 9.5 分，按账面应为 10 分（全年预算数（A）1,200,000.00 元，全年执行数（B）1,200,000.00 元，执行率 B ÷ A = 100%：min(100%, 100%) × 10 = 10 分）：请改为 10 分"],
            evaluation.Findings.Select(f => f.Message));
    }

    [Fact]
    public void Refigure_NothingChanged_LeavesTheFormAsItWas()
    {
        var evaluation = NewEvaluation();
        evaluation.Fill(Unit, Clean() with { Total = 50m }, Weights, Now);
        var findings = evaluation.Findings;
        evaluation.Rows.Reverse(); // as a form read back from the database may list its rows

        var changed = evaluation.Refigure(Funds(), Weights, Now.AddDays(3));

        Assert.False(changed);
        Assert.Equal(Now, evaluation.UpdatedAtUtc);
        Assert.Same(findings, evaluation.Findings);
        Assert.True(evaluation.Refigure(Funds() with { Executed = 500_000m }, Weights, Now.AddDays(4)));
        Assert.Equal(Now.AddDays(4), evaluation.UpdatedAtUtc);
    }

    [Fact]
    public void Refigure_SettingsChanged_ReweighsTheRows()
    {
        var evaluation = NewEvaluation();
        evaluation.Fill(Unit, Clean(), Weights, Now);

        evaluation.Refigure(Funds(), new EvaluationWeights(Execution: 20m, Output: 40m), Now);

        // the form's 10 has no reason to differ from the new setting: the reference takes 20, and a finding asks for the reason
        Assert.Equal([10m, 10m, 10m, 10m, 30m, 10m], evaluation.Rows.Select(r => r.ReferenceWeight));
        Assert.Equal((20m, 19m), (evaluation.ReferenceExecutionWeight, evaluation.ReferenceExecutionScore));
        Assert.Contains(evaluation.Findings, f => f.Kind == FindingKind.ExecutionContradictsLedger);
        Assert.Contains(evaluation.Findings, f => f.Kind == FindingKind.ExecutionWeightWithoutReason
            && f.Message == "预算执行率行的分值为 10 分，本地区设置为 20 分：请填写调整理由，或改为 20 分");
    }

    [Fact]
    public void ForDepartment_OverallForm_GoesStraightToFinance()
    {
        var department = OrgUnit.Create("140423", "106", "襄垣县教育局", OrgKind.Department, null, null);
        var context = new TargetCheckContext(IndicatorFrame.National, Year);
        var targets = PerformanceTarget.ForDepartment(department, Year, Now);
        targets.Edit(Department, "办好人民满意的教育", "完成学生资助和校舍改造", PerformanceTargetTests.GoodRows(), context, Now);
        targets.Submit(Department, context, Now);
        targets.Approve(Business, ReviewGrade.Excellent, null, Now);
        targets.Approve(Performance, ReviewGrade.Excellent, null, Now);

        var evaluation = SelfEvaluation.ForDepartment(department, Year, targets, Funds(), Weights, Now);
        Assert.Equal((TargetSubject.Department, (long?)null, (long?)department.Id), (evaluation.Subject, evaluation.ProjectId, evaluation.DepartmentId));
        Assert.Throws<ConflictException>(() => evaluation.Fill(Unit, Clean(), Weights, Now));
        evaluation.Fill(Department, Clean(), Weights, Now);
        evaluation.Submit(Department, Weights, false, Now);

        Assert.Equal(FormState.DivisionApproved, evaluation.State);
    }
}
