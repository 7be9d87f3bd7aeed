using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Targets;

public sealed class PerformanceTargetTests
{
    private const int Year = 2026;
    private static readonly DateTime Now = new(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ReviewActor Unit = new(11, "yizhong", Role.UnitFiller);
    private static readonly ReviewActor Department = new(12, "edu", Role.DepartmentReviewer);
    private static readonly ReviewActor Division = new(13, "jkw", Role.BusinessDivision);
    private static readonly ReviewActor Performance = new(14, "perf", Role.PerformanceDivision);
    private static readonly TargetCheckContext Context = new(IndicatorFrame.National, Year, ProjectEndYear: 2026);

    internal static Project SchoolProject()
    {
        var department = OrgUnit.Create("140423", "106", "襄垣县教育局", OrgKind.Department, null, null);
        var unit = OrgUnit.Create("140423", "10602", "襄垣县第一中学校", OrgKind.Unit, null, department);
        return Project.Create("140423", Year, unit, department.Id, new Project.Details("140423260001", "学生资助补助经费", ProjectLevel.Level1,
            ProjectCategory.SpecificPurpose, Recurrence.Recurring, 2026, 2026, LibraryStatus.Budgeted, BudgetKind.General,
            TransferLevel.None, FundTags.None, new DateOnly(2025, 10, 15)));
    }

    internal static List<TargetIndicatorInput> GoodRows() =>
    [
        new("产出指标", "数量指标", "学生受资助人数", Comparison.GreaterOrEqual, "≧735人次", "人次"),
        new("产出指标", "质量指标", "资助对象认定准确率", Comparison.GreaterOrEqual, "≥98%", "%"),
        new("产出指标", "时效指标", "资金发放及时率", Comparison.GreaterOrEqual, "100%", "%"),
        new("产出指标", "成本指标", "生均补助标准", Comparison.LessOrEqual, "≤1000元/生", "元/生"),
        new("效益指标", "社会效益指标", "家庭经济困难学生辍学情况", Comparison.Qualitative, "有效控制", ""),
        new("满意度指标", "服务对象满意度指标", "受助学生满意度", Comparison.GreaterOrEqual, "≥90%", "%"),
    ];

    private static PerformanceTarget Filled()
    {
        var target = PerformanceTarget.ForProject(SchoolProject(), Now);
        var issues = target.Edit(Unit, "保障家庭经济困难学生顺利完成学业", "资助 735 人次，资金按时足额发放", GoodRows(), Context, Now);
        Assert.DoesNotContain(issues, i => i.Blocking);
        return target;
    }

    [Fact]
    public void ReturnedTargets_CarryTheReasonToTheUnit_AndTheChainEndsApprovedAndLocked()
    {
        var target = Filled();
        target.Submit(Unit, Context, Now);
        Assert.Equal(TargetState.Submitted, target.State);

        target.Return(Department, "满意度指标口径不清，请写明调查方式", Now.AddHours(1));
        Assert.Equal(TargetState.Returned, target.State);
        Assert.Equal("满意度指标口径不清，请写明调查方式", target.ReturnReason);

        var fixedRows = GoodRows();
        fixedRows[5] = fixedRows[5] with { Explanation = "问卷调查受助学生，满意及以上占比" };
        target.Edit(Unit, target.OverallGoal, target.AnnualGoal, fixedRows, Context, Now.AddHours(2));
        target.Submit(Unit, Context, Now.AddHours(2));
        target.Approve(Department, ReviewGrade.Excellent, "同意", Now.AddHours(3));
        target.Approve(Division, ReviewGrade.Good, "已完善成本指标口径", Now.AddHours(4));
        target.Approve(Performance, ReviewGrade.Excellent, null, Now.AddHours(5));

        Assert.Equal(TargetState.Approved, target.State);
        Assert.Null(target.ReturnReason);
        Assert.Equal(Now.AddHours(5), target.ApprovedAtUtc);
        Assert.Equal(
            [ReviewAction.Submit, ReviewAction.Return, ReviewAction.Submit, ReviewAction.Approve, ReviewAction.Approve, ReviewAction.Approve],
            target.Steps.Select(s => s.Action));
        Assert.Equal(["yizhong", "edu", "yizhong", "edu", "jkw", "perf"], target.Steps.Select(s => s.UserName));
        Assert.Equal(ReviewGrade.Fair, target.Steps[1].Grade);

        var locked = Assert.Throws<ConflictException>(() => target.Edit(Unit, "x", "y", GoodRows(), Context, Now.AddHours(6)));
        Assert.Contains("已锁定", locked.Message);
    }

    [Fact]
    public void Adjustment_OpensVersion2_OldStaysInForceUntilTheNewOneIsApproved()
    {
        var v1 = Filled();
        v1.Submit(Unit, Context, Now);
        v1.Approve(Department, ReviewGrade.Excellent, null, Now);
        v1.Approve(Division, ReviewGrade.Excellent, null, Now);
        v1.Approve(Performance, ReviewGrade.Excellent, null, Now);

        var v2 = v1.Adjust(Unit, "年中追加资金 20 万元，受助人数增加", Now.AddMonths(4));
        Assert.Equal((2, TargetState.Draft, TargetState.Approved), (v2.Version, v2.State, v1.State));
        Assert.Equal(v1.Indicators.Select(i => i.TargetValue), v2.Indicators.Select(i => i.TargetValue));

        var rows = GoodRows();
        rows[0] = rows[0] with { TargetValue = "≥900人次" };
        v2.Edit(Unit, v1.OverallGoal, v1.AnnualGoal, rows, Context, Now.AddMonths(4));
        v2.Submit(Unit, Context, Now.AddMonths(4));
        v2.Approve(Department, ReviewGrade.Excellent, null, Now.AddMonths(4));
        v2.Approve(Division, ReviewGrade.Excellent, null, Now.AddMonths(4));
        v2.Approve(Performance, ReviewGrade.Excellent, null, Now.AddMonths(4));
        v1.Supersede(v2);

        Assert.Equal(TargetState.Superseded, v1.State);
        var change = Assert.Single(TargetDiff.Compare(v1, v2));
        Assert.Equal((ChangeKind.Changed, "数量指标 / 学生受资助人数"), (change.Kind, change.What));
        Assert.Contains("≧735人次", change.Before);
        Assert.Contains("≥900人次", change.After);
        Assert.Throws<ConflictException>(() => v1.Adjust(Unit, "再次调整目标", Now));
    }

    [Fact]
    public void Grades_DecideTheConsequence()
    {
        var target = Filled();
        target.Submit(Unit, Context, Now);
        Assert.Contains("退回修改", Assert.Throws<DomainException>(() => target.Approve(Department, ReviewGrade.Fair, null, Now)).Message);
        Assert.Contains("理由", Assert.Throws<DomainException>(() => target.Return(Department, "  ", Now)).Message);
        target.Approve(Department, ReviewGrade.Good, null, Now);
        target.Reject(Division, "项目绩效目标与预算严重脱节", Now);
        Assert.Equal(TargetState.Rejected, target.State);
        Assert.Equal(ReviewGrade.Poor, target.Steps[^1].Grade);
        Assert.Throws<ConflictException>(() => target.Submit(Unit, Context, Now));
    }

    [Fact]
    public void FinanceReviewer_MayRefineInItsQueue_AndTheRefinementIsStamped()
    {
        var target = Filled();
        target.Submit(Unit, Context, Now);
        target.Approve(Department, ReviewGrade.Excellent, null, Now);
        var rows = GoodRows();
        rows[3] = rows[3] with { TargetValue = "≤950元/生" };
        target.Edit(Division, target.OverallGoal, target.AnnualGoal, rows, Context, Now);
        Assert.Equal((ReviewAction.Refine, "jkw", TargetState.DepartmentApproved), (target.Steps[^1].Action, target.Steps[^1].UserName, target.State));
        Assert.Throws<ConflictException>(() => target.Edit(Unit, "", "", rows, Context, Now));
        rows[0] = rows[0] with { TargetValue = "XX" };
        Assert.Contains("占位符", Assert.Throws<DomainException>(() => target.Edit(Division, "", "y", rows, Context, Now)).Message);
    }

    [Theory]
    [InlineData(0, 1, "第 1、2 行")]
    [InlineData(2, 4, "第 3、5 行")]
    public void Edit_SameIndicatorTwice_IsRefusedNamingTheRows_AndChangesNothing(int first, int copyAt, string rows)
    {
        var target = PerformanceTarget.ForProject(SchoolProject(), Now);
        var twice = GoodRows();
        twice.Insert(copyAt, twice[first] with { TargetValue = "≥1人次" });
        var refused = Assert.Throws<DomainException>(() => target.Edit(Unit, "目标", "目标", twice, Context, Now));
        Assert.Contains(rows, refused.Message);
        Assert.Contains(twice[first].Name, refused.Message);
        Assert.Empty(target.Indicators);
    }

    [Fact]
    public void Submit_IsRefusedWithEveryBlockingFinding()
    {
        var target = PerformanceTarget.ForProject(SchoolProject(), Now);
        var issues = target.Edit(Unit, "", "", [GoodRows()[0] with { TargetValue = "*" }], Context, Now);
        Assert.Contains(issues, i => i.Blocking && i.Field == "年度目标");
        var error = Assert.Throws<DomainException>(() => target.Submit(Unit, Context, Now));
        Assert.Contains("年度目标", error.Message);
        Assert.Contains("缺少效益指标", error.Message);
        Assert.Contains("第 1 行指标值", error.Message);
        Assert.Equal(TargetState.Draft, target.State);
    }

    [Fact]
    public void PoolProjects_GetTargetsThroughTheirAllocations()
    {
        var bureau = OrgUnit.Create("140423", "001", "襄垣县财政局", OrgKind.FinanceBureau, null, null);
        var division = OrgUnit.Create("140423", "00102", "经济建设股", OrgKind.Division, DivisionKind.Business, bureau);
        var pool = Project.Create("140423", Year, division, null, new Project.Details("140423269001", "乡村振兴待分资金", ProjectLevel.Level1,
            ProjectCategory.SpecificPurpose, Recurrence.OneOff, 2026, 2026, LibraryStatus.Budgeted, BudgetKind.General,
            TransferLevel.None, FundTags.None, new DateOnly(2025, 10, 15)), isPool: true);
        Assert.Contains("分配", Assert.Throws<DomainException>(() => PerformanceTarget.ForProject(pool, Now)).Message);
    }
}
