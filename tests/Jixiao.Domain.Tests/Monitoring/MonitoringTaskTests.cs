using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Domain.Tests.Targets;

namespace Jixiao.Domain.Tests.Monitoring;

/// <summary>A unit's monitoring return (DOMAIN.md §4.3): fund part, lights with their sentences, what blocks submission, the review chain.</summary>
public sealed class MonitoringTaskTests
{
    private const int Year = 2026;
    private static readonly DateTime Now = new(2026, 8, 3, 2, 0, 0, DateTimeKind.Utc);
    private static readonly WarningRules Rules = WarningRules.Defaults;
    private static readonly ReviewActor Unit = new(11, "yizhong", Role.UnitFiller);
    private static readonly ReviewActor Department = new(12, "edu", Role.DepartmentReviewer);
    private static readonly ReviewActor Business = new(13, "jkw", Role.BusinessDivision);
    private static readonly ReviewActor Performance = new(14, "perf", Role.PerformanceDivision);

    /// <summary>The approved targets of the school project, plus a 时效 indicator with a date.</summary>
    private static readonly IReadOnlyList<TargetIndicator> Indicators =
    [
        .. PerformanceTargetTests.GoodRows()
            .Append(new("产出指标", "时效指标", "资助资金拨付完成时间", Comparison.LessOrEqual, "≤2026年9月", ""))
            .Select((row, i) => TargetIndicator.From(i + 1, row)),
    ];

    /// <summary>The national summary round: January–July data, t = 0.5833.</summary>
    private static MonitoringRound JulyRound() =>
        Saved.WithId(MonitoringRound.Open("140423", Year, 7, new DateOnly(2026, 8, 20), new DateOnly(2026, 8, 1), Now), 7);

    /// <summary>年初批复 10 万, 追加 10 万 in May, 58,333 元 paid by the end of July.</summary>
    private static LedgerFigures RaisedMidYear() => Ledger.Compute(
        [
            new LedgerEntry(MovementKind.InitialApproval, 100_000m, new DateOnly(2026, 1, 15), "襄财预〔2026〕1号", ""),
            new LedgerEntry(MovementKind.Addition, 100_000m, new DateOnly(2026, 5, 10), "襄财预〔2026〕9号", ""),
        ],
        [new PaymentEntry(new DateOnly(2026, 6, 30), 58_333m, "ZF1")], new DateOnly(2026, 7, 31), Year);

    private static MonitoringTask NewTask(MonitoringRound round, decimal budget = 200_000m, decimal executed = 58_333m,
        TargetSubject subject = TargetSubject.Project) =>
        MonitoringTask.Create(round, subject, subject == TargetSubject.Project ? 21 : null, 31, 30, 41, budget, executed, false, Rules, Now);

    /// <summary>Every row reported and green; the execution is behind, so its cause is given.</summary>
    private static ReturnInput Complete(params ReturnRowInput[] replaced)
    {
        List<ReturnRowInput> rows =
        [
            new(1, "430"),
            new(2, "98.5"),
            new(3, "100"),
            new(4, "950"),
            new(5, Outcome: QualitativeOutcome.Achieved),
            new(6, "95"),
            new(7, "2026-06-30"),
        ];
        foreach (var row in replaced) rows[row.Row - 1] = row;
        return new ReturnInput(200_000m, DeviationCause.Funding, "督促学校按学期发放", rows);
    }

    private static MonitoringTask Submitted(MonitoringRound round)
    {
        var task = NewTask(round);
        task.Fill(Unit, Complete(), Indicators, round, Rules, Now);
        task.Submit(Unit, round, false, Now);
        return task;
    }

    [Fact]
    public void Create_ProjectRaisedMidYear_ExecutionLightUsesTheAdjustedBudget()
    {
        var figures = RaisedMidYear();
        var task = NewTask(JulyRound(), figures.AdjustedBudget, figures.Executed);

        Assert.Equal((200_000m, 58_333m, 0.2917m), (task.Budget, task.Executed, task.ExecutionRate));
        Assert.Equal(Light.Red, task.ExecutionLight);
        Assert.Contains("执行率 29.2%，时间进度 58.3%，比值 50 < 60：红灯", task.ExecutionExplanation);
        Assert.Equal((FormState.Pending, Light.Red, "预算执行：" + task.ExecutionExplanation), (task.State, task.Light, task.LightReason));
    }

    [Fact]
    public void Create_UnsavedRound_IsAProgrammingError()
    {
        var unsaved = MonitoringRound.Open("140423", Year, 7, new DateOnly(2026, 8, 20), new DateOnly(2026, 8, 1), Now);
        Assert.Throws<InvalidOperationException>(() => NewTask(unsaved));
    }

    [Fact]
    public void Fill_RoundOfAnotherTask_IsAProgrammingError()
    {
        var task = NewTask(JulyRound());
        var other = Saved.WithId(MonitoringRound.Open("140423", Year, 7, new DateOnly(2026, 8, 20), new DateOnly(2026, 8, 1), Now), 8);
        Assert.Throws<InvalidOperationException>(() => task.Fill(Unit, Complete(), Indicators, other, Rules, Now));
    }

    [Fact]
    public void Fill_NumericActuals_ProjectLightIsTheWorstWithTheSentencesThatGaveIt()
    {
        var round = JulyRound();
        var task = NewTask(round);

        task.Fill(Unit, Complete(new ReturnRowInput(1, "200"), new(5, Outcome: QualitativeOutcome.PartlyAchieved), new(6, "85")), Indicators, round, Rules, Now);

        Assert.Equal([Light.Red, Light.Green, Light.Green, Light.Green, Light.Yellow, Light.Red, Light.Green], task.Rows.Select(r => r.Light));
        Assert.Equal(Light.Red, task.Light);
        Assert.Contains("预算执行：执行率 29.2%，时间进度 58.3%，比值 50 < 60：红灯", task.LightReason);
        Assert.Contains("第 1 行“学生受资助人数”：实际 200 人次，目标 ≥735 人次，时间进度 58.3%，完成比 200 ÷ (735 × 58.3%) × 100 = 46.6 < 60：红灯", task.LightReason);
        Assert.Contains("第 6 行“受助学生满意度”：实际 85%，目标 ≥90%，未达到：红灯", task.LightReason);
        Assert.DoesNotContain("部分达成", task.LightReason); // yellow does not explain a red project
        Assert.Equal((Now, 200_000m, DeviationCause.Funding), (task.FilledAtUtc, task.ExpectedExecution, task.ExecutionCause));
    }

    [Fact]
    public void Fill_ExecutionOnTrackAndYellowRows_ProjectIsYellowExplainedByThoseRows()
    {
        var round = JulyRound();
        var task = NewTask(round, budget: 100_000m);

        task.Fill(Unit, Complete(new ReturnRowInput(1, "300"), new(5, Outcome: QualitativeOutcome.PartlyAchieved)), Indicators, round, Rules, Now);

        Assert.Equal((Light.Green, Light.Yellow), (task.ExecutionLight, task.Light));
        Assert.Contains("第 1 行“学生受资助人数”：", task.LightReason);
        Assert.Contains("= 70 在 60–80 之间：黄灯", task.LightReason);
        Assert.Contains("第 5 行“家庭经济困难学生辍学情况”：定性目标“有效控制”：部分达成：黄灯", task.LightReason);
        Assert.DoesNotContain("预算执行", task.LightReason);
    }

    [Fact]
    public void Fill_EverythingGreenOrBlue_ProjectLightHasNoReason()
    {
        var round = JulyRound();
        var task = NewTask(round, budget: 100_000m);

        task.Fill(Unit, Complete(new ReturnRowInput(1, "600")), Indicators, round, Rules, Now);

        Assert.Equal((Light.Blue, Light.Blue), (task.Rows[0].Light, task.Light));
        Assert.Contains("目标可能定得偏低：蓝灯", task.LightReason);

        task.Fill(Unit, Complete(), Indicators, round, Rules, Now);
        Assert.Equal((Light.Green, ""), (task.Light, task.LightReason));
    }

    [Theory]
    [InlineData(QualitativeOutcome.Achieved, Light.Green, "定性目标“有效控制”：达成：绿灯")]
    [InlineData(QualitativeOutcome.PartlyAchieved, Light.Yellow, "定性目标“有效控制”：部分达成：黄灯")]
    [InlineData(QualitativeOutcome.NotAchieved, Light.Red, "定性目标“有效控制”：未达成：红灯")]
    public void Fill_QualitativeRow_LightFollowsTheOutcome(QualitativeOutcome outcome, Light light, string sentence)
    {
        var round = JulyRound();
        var task = NewTask(round);

        task.Fill(Unit, Complete(new ReturnRowInput(5, "辍学率 0.1%", outcome)), Indicators, round, Rules, Now);

        var row = task.Rows[4];
        Assert.Equal((outcome, light), (row.Outcome, row.Light));
        Assert.Equal(sentence, row.Explanation);
    }

    [Fact]
    public void Fill_QualitativeRowWithTextButNoOutcome_IsNotFilled()
    {
        var round = JulyRound();
        var task = NewTask(round);

        task.Fill(Unit, Complete(new ReturnRowInput(5, "基本控制")), Indicators, round, Rules, Now);

        Assert.False(task.Rows[4].IsFilled);
        Assert.Null(task.Rows[4].Light);
        Assert.Equal("未填报", task.Rows[4].Explanation);
    }

    [Theory]
    [InlineData("2026-06-30", Light.Green, "实际 2026-06-30")]
    [InlineData("2026-09-30", Light.Green, "已达到：绿灯")]
    [InlineData("2026-10-08", Light.Red, "实际 2026-10-08")]
    public void Fill_DateIndicator_ComparesTheCompletionDate(string actual, Light light, string sentence)
    {
        var round = JulyRound();
        var task = NewTask(round);

        task.Fill(Unit, Complete(new ReturnRowInput(7, actual)), Indicators, round, Rules, Now);

        Assert.Equal(light, task.Rows[6].Light);
        Assert.Contains(sentence, task.Rows[6].Explanation);
        Assert.EndsWith(light == Light.Green ? "：绿灯" : "未达到：红灯", task.Rows[6].Explanation);
    }

    [Fact]
    public void Fill_NumberForADateIndicator_IsRefusedAskingForADate()
    {
        var round = JulyRound();
        var task = NewTask(round);

        var error = Assert.Throws<DomainException>(() => task.Fill(Unit, Complete(new ReturnRowInput(7, "100")), Indicators, round, Rules, Now));

        Assert.Contains("第 7 行“资助资金拨付完成时间”：实际完成值“100”无法读取", error.Message);
        Assert.Contains("请填写完成日期，如 2026-06-30", error.Message);
    }

    [Fact]
    public void Fill_UnreadableActual_IsRefusedWithItsRow_AndThePreviousReturnIsKept()
    {
        var round = JulyRound();
        var task = NewTask(round);
        task.Fill(Unit, Complete(), Indicators, round, Rules, Now);
        var lightBefore = (task.Light, task.LightReason);

        var changed = Complete(new ReturnRowInput(1, "约一千"), new(6, "60")) with { ExpectedExecution = 150_000m };
        var error = Assert.Throws<DomainException>(() => task.Fill(Unit, changed, Indicators, round, Rules, Now.AddHours(1)));

        Assert.Contains("第 1 行“学生受资助人数”：实际完成值“约一千”无法读取", error.Message);
        Assert.Contains("一个数，如 735", error.Message);
        Assert.Equal(("430", Light.Green), (task.Rows[0].Actual, task.Rows[0].Light));
        Assert.Equal(("95", Light.Green), (task.Rows[5].Actual, task.Rows[5].Light));
        Assert.Equal((200_000m, Now), (task.ExpectedExecution, task.FilledAtUtc));
        Assert.Equal(lightBefore, (task.Light, task.LightReason));
    }

    [Fact]
    public void Fill_UnreadableActualOnAFirstFill_LeavesTheReturnEmpty()
    {
        var round = JulyRound();
        var task = NewTask(round);

        Assert.Throws<DomainException>(() => task.Fill(Unit, Complete(new ReturnRowInput(1, "约一千")), Indicators, round, Rules, Now));

        Assert.Empty(task.Rows);
        Assert.Null(task.ExpectedExecution);
        Assert.Null(task.FilledAtUtc);
    }

    [Fact]
    public void Fill_UnknownOrRepeatedRows_AreRefusedByNumber()
    {
        var round = JulyRound();
        var task = NewTask(round);
        var unknown = Complete() with { Rows = [.. Complete().Rows, new(9, "1"), new(12, "2")] };
        var repeated = Complete() with { Rows = [.. Complete().Rows, new(1, "431")] };

        Assert.Contains("绩效目标中没有第 9、12 行指标",
            Assert.Throws<DomainException>(() => task.Fill(Unit, unknown, Indicators, round, Rules, Now)).Message);
        Assert.Contains("第 1 行指标填写了不止一次",
            Assert.Throws<DomainException>(() => task.Fill(Unit, repeated, Indicators, round, Rules, Now)).Message);
        Assert.Empty(task.Rows);
    }

    [Fact]
    public void Fill_NegativeExpectedExecution_IsRefused() =>
        Assert.Contains("全年预计执行数不能为负数",
            Assert.Throws<DomainException>(() => NewTask(JulyRound()).Fill(Unit, Complete() with { ExpectedExecution = -1m }, Indicators, JulyRound(), Rules, Now)).Message);

    [Fact]
    public void Submit_IncompleteReturn_ListsEveryMissingItemAtOnce()
    {
        var round = JulyRound();
        var task = NewTask(round);
        var input = Complete(new ReturnRowInput(1, "200"), new(5), new(6, "95", Likelihood: Likelihood.Impossible))
            with { ExpectedExecution = null, ExecutionCause = null };
        task.Fill(Unit, input, Indicators, round, Rules, Now);

        var error = Assert.Throws<DomainException>(() => task.Submit(Unit, round, false, Now));

        Assert.StartsWith("监控表还不能提交：", error.Message);
        Assert.Contains("请填写全年预计执行数", error.Message);
        Assert.Contains("预算执行为红灯（执行率 29.2%", error.Message);
        Assert.Contains("第 1 行“学生受资助人数”为红灯，请选择偏差原因", error.Message);
        Assert.Contains("第 1 行“学生受资助人数”为红灯，请选择完成目标可能性", error.Message);
        Assert.Contains("第 5 行“家庭经济困难学生辍学情况”：请选择达成情况", error.Message);
        Assert.Contains("第 6 行“受助学生满意度”：完成目标“完全不可能”，请写明整改措施", error.Message);
        Assert.Equal(FormState.Pending, task.State);
        Assert.Empty(task.Steps);
    }

    [Fact]
    public void Submit_NeverFilled_SaysSo()
    {
        var round = JulyRound();
        var task = NewTask(round);

        var error = Assert.Throws<DomainException>(() => task.Submit(Unit, round, false, Now));

        Assert.Contains("监控表尚未填写", error.Message);
        Assert.Contains("请填写全年预计执行数", error.Message);
    }

    [Fact]
    public void Submit_RedRowExplained_IsAccepted()
    {
        var round = JulyRound();
        var task = NewTask(round);
        task.Fill(Unit, Complete(new ReturnRowInput(1, "200", Expected: "全年 735 人次", Cause: DeviationCause.Institution, Likelihood: Likelihood.Impossible,
            Measures: "秋季学期集中认定并发放")), Indicators, round, Rules, Now);

        task.Submit(Unit, round, false, Now);

        Assert.Equal(FormState.Submitted, task.State);
        Assert.Equal((DeviationCause.Institution, Likelihood.Impossible, "秋季学期集中认定并发放"), (task.Rows[0].Cause, task.Rows[0].Likelihood, task.Rows[0].Measures));
    }

    [Fact]
    public void Submit_CompleteReturn_GoesToTheDepartmentAndIsStamped()
    {
        var task = Submitted(JulyRound());

        Assert.Equal(FormState.Submitted, task.State);
        Assert.True(task.IsSubmitted);
        var step = Assert.Single(task.Steps);
        Assert.Equal((1, FormAction.Submit, FormState.Pending, FormState.Submitted, "yizhong", Now),
            (step.Seq, step.Action, step.FromState, step.ToState, step.UserName, step.AtUtc));
    }

    [Fact]
    public void Approve_WithTheDivisionStep_GoesDepartmentThenFundingDivisionThenFinance()
    {
        var round = JulyRound();
        var task = Submitted(round);

        task.Approve(Department, "同意", round, true, Now.AddHours(1));
        Assert.Equal(FormState.DepartmentApproved, task.State);
        Assert.Contains("应由财政业务股室审核，财政绩效股不能审核通过",
            Assert.Throws<ConflictException>(() => task.Approve(Performance, null, round, true, Now.AddHours(2))).Message);
        task.Approve(Business, "资金使用合规", round, true, Now.AddHours(2));
        Assert.Equal(FormState.DivisionApproved, task.State);
        task.Approve(Performance, null, round, true, Now.AddHours(3));

        Assert.Equal(FormState.Approved, task.State);
        Assert.Equal(["yizhong", "edu", "jkw", "perf"], task.Steps.Select(s => s.UserName));
        Assert.Equal([Role.UnitFiller, Role.DepartmentReviewer, Role.BusinessDivision, Role.PerformanceDivision], task.Steps.Select(s => s.Role));
    }

    [Fact]
    public void ApproveThenApprove_DepartmentAndFinance_EndApprovedWithEveryStepStamped()
    {
        var round = JulyRound();
        var task = Submitted(round);

        Assert.Contains("应由主管部门审核人审核",
            Assert.Throws<ConflictException>(() => task.Approve(Business, null, round, false, Now)).Message);
        task.Approve(Department, "同意", round, false, Now.AddHours(1));
        Assert.Equal(FormState.DivisionApproved, task.State);
        Assert.Throws<ConflictException>(() => task.Approve(Department, null, round, false, Now.AddHours(1)));
        task.Approve(Performance, null, round, false, Now.AddHours(2));

        Assert.Equal(FormState.Approved, task.State);
        Assert.Equal(["yizhong", "edu", "perf"], task.Steps.Select(s => s.UserName));
        Assert.Equal([FormAction.Submit, FormAction.Approve, FormAction.Approve], task.Steps.Select(s => s.Action));
        Assert.Equal("同意", task.Steps[1].Opinion);
        Assert.Contains("已审核", Assert.Throws<ConflictException>(() => task.Return(Performance, "请补充佐证材料", round, Now)).Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("请核实")]
    public void Return_ReasonUnderFourCharacters_IsRefusedAndNothingMoves(string? reason)
    {
        var round = JulyRound();
        var task = Submitted(round);

        var error = Assert.Throws<DomainException>(() => task.Return(Department, reason, round, Now));

        Assert.Contains("退回必须写明理由（至少 4 个字）", error.Message);
        Assert.Equal((FormState.Submitted, 1), (task.State, task.Steps.Count));
    }

    [Fact]
    public void Return_WithReason_ShowsItToTheFiller_WhoMayEditAndSubmitAgain()
    {
        var round = JulyRound();
        var task = Submitted(round);

        task.Return(Department, "  全年预计执行数偏高，请核实  ", round, Now.AddHours(1));

        Assert.Equal(FormState.Returned, task.State);
        Assert.Equal("全年预计执行数偏高，请核实", task.ReturnReason);
        task.Fill(Unit, Complete() with { ExpectedExecution = 180_000m }, Indicators, round, Rules, Now.AddHours(2));
        task.Submit(Unit, round, false, Now.AddHours(2));
        Assert.Null(task.ReturnReason);

        task.Approve(Department, null, round, false, Now.AddHours(3));
        task.Return(Performance, "第 1 行实际完成值与资助台账不符", round, Now.AddHours(4));
        Assert.Equal("第 1 行实际完成值与资助台账不符", task.ReturnReason);
        Assert.Equal(180_000m, task.ExpectedExecution);
    }

    [Fact]
    public void Fill_AfterSubmit_IsRefusedUntilReturned()
    {
        var round = JulyRound();
        var task = Submitted(round);

        var error = Assert.Throws<ConflictException>(() => task.Fill(Unit, Complete(), Indicators, round, Rules, Now));

        Assert.Contains("监控表“待主管部门审核”，不能修改", error.Message);
        Assert.Contains("退回", error.Message);
    }

    [Fact]
    public void Fill_ByAReviewer_IsRefusedNamingTheFiller()
    {
        var round = JulyRound();
        var error = Assert.Throws<ConflictException>(() => NewTask(round).Fill(Department, Complete(), Indicators, round, Rules, Now));
        Assert.Contains("监控表由预算单位填报人填报，主管部门审核人不能修改", error.Message);
    }

    [Fact]
    public void FillSubmitAndReview_ClosedRound_AreRefused()
    {
        var round = JulyRound();
        var pending = NewTask(round);
        var submitted = Submitted(round);
        round.Close(Now.AddDays(30));

        Assert.Contains("“2026 年 1–7 月绩效运行监控”已结束",
            Assert.Throws<ConflictException>(() => pending.Fill(Unit, Complete(), Indicators, round, Rules, Now)).Message);
        Assert.Throws<ConflictException>(() => pending.Submit(Unit, round, false, Now));
        Assert.Throws<ConflictException>(() => submitted.Approve(Department, null, round, false, Now));
        Assert.Throws<ConflictException>(() => submitted.Return(Department, "请补充佐证材料", round, Now));
        Assert.Equal((FormState.Pending, FormState.Submitted), (pending.State, submitted.State));
    }

    [Fact]
    public void Refigure_BudgetRaisedAfterCreation_ExecutionLightTurnsRed()
    {
        var round = JulyRound();
        var task = NewTask(round, budget: 100_000m);
        task.Fill(Unit, Complete(), Indicators, round, Rules, Now);
        Assert.Equal((Light.Green, Light.Green), (task.ExecutionLight, task.Light));
        Assert.Contains("比值 100 ≥ 80：绿灯", task.ExecutionExplanation);

        var figures = RaisedMidYear();
        task.Refigure(figures.AdjustedBudget, figures.Executed, round, Rules);

        Assert.Equal((200_000m, 0.2917m), (task.Budget, task.ExecutionRate));
        Assert.Equal((Light.Red, Light.Red), (task.ExecutionLight, task.Light));
        Assert.Contains("比值 50 < 60：红灯", task.LightReason);
        Assert.All(task.Rows, r => Assert.Equal(Light.Green, r.Light));
    }

    [Fact]
    public void Create_ZeroBudget_ExecutionIsGreenWithoutARate()
    {
        var task = NewTask(JulyRound(), budget: 0m, executed: 0m);
        Assert.Null(task.ExecutionRate);
        Assert.Equal((Light.Green, "全年预算数为 0，无需执行：绿灯"), (task.ExecutionLight, task.ExecutionExplanation));
    }

    [Fact]
    public void Submit_DepartmentOverallReturn_GoesStraightToFinance()
    {
        var round = JulyRound();
        var task = NewTask(round, subject: TargetSubject.Department);
        Assert.Throws<ConflictException>(() => task.Fill(Unit, Complete(), Indicators, round, Rules, Now));

        task.Fill(Department, Complete(), Indicators, round, Rules, Now);
        task.Submit(Department, round, false, Now);
        Assert.Equal(FormState.DivisionApproved, task.State);
        task.Approve(Performance, null, round, false, Now);

        Assert.Equal(FormState.Approved, task.State);
    }
}
