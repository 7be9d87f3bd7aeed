using Jixiao.Domain.Access;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Reviews;

/// <summary>Every (subject, state, action, role) of targets: the legal ones move to the state written here, all others are refused.</summary>
public sealed class TargetChainTests
{
    private const TargetSubject P = TargetSubject.Project;
    private const TargetSubject D = TargetSubject.Department;

    /// <summary>The review chain of DOMAIN.md §4.2, written out by hand: nothing else is allowed. 财政完善 and 申请调整 keep the
    /// version's state (an adjustment opens the next version as a draft: PerformanceTargetTests).</summary>
    private static readonly Dictionary<(TargetSubject, TargetState, ReviewAction, Role), TargetState> Legal = new()
    {
        // project: unit → department → finance business division → performance division
        [(P, TargetState.Draft, ReviewAction.Submit, Role.UnitFiller)] = TargetState.Submitted,
        [(P, TargetState.Returned, ReviewAction.Submit, Role.UnitFiller)] = TargetState.Submitted,
        [(P, TargetState.Submitted, ReviewAction.Approve, Role.DepartmentReviewer)] = TargetState.DepartmentApproved,
        [(P, TargetState.Submitted, ReviewAction.Return, Role.DepartmentReviewer)] = TargetState.Returned,
        [(P, TargetState.DepartmentApproved, ReviewAction.Approve, Role.BusinessDivision)] = TargetState.DivisionApproved,
        [(P, TargetState.DepartmentApproved, ReviewAction.Return, Role.BusinessDivision)] = TargetState.Returned,
        [(P, TargetState.DepartmentApproved, ReviewAction.Reject, Role.BusinessDivision)] = TargetState.Rejected,
        [(P, TargetState.DepartmentApproved, ReviewAction.Refine, Role.BusinessDivision)] = TargetState.DepartmentApproved,
        [(P, TargetState.DivisionApproved, ReviewAction.Approve, Role.PerformanceDivision)] = TargetState.Approved,
        [(P, TargetState.DivisionApproved, ReviewAction.Return, Role.PerformanceDivision)] = TargetState.Returned,
        [(P, TargetState.DivisionApproved, ReviewAction.Reject, Role.PerformanceDivision)] = TargetState.Rejected,
        [(P, TargetState.DivisionApproved, ReviewAction.Refine, Role.PerformanceDivision)] = TargetState.DivisionApproved,
        [(P, TargetState.Approved, ReviewAction.Adjust, Role.UnitFiller)] = TargetState.Approved,
        [(P, TargetState.Approved, ReviewAction.Adjust, Role.PerformanceDivision)] = TargetState.Approved, // 监控整改：目标调整
        // department overall: the department fills and submits straight to the division
        [(D, TargetState.Draft, ReviewAction.Submit, Role.DepartmentReviewer)] = TargetState.DepartmentApproved,
        [(D, TargetState.Returned, ReviewAction.Submit, Role.DepartmentReviewer)] = TargetState.DepartmentApproved,
        [(D, TargetState.Submitted, ReviewAction.Approve, Role.DepartmentReviewer)] = TargetState.DepartmentApproved,
        [(D, TargetState.Submitted, ReviewAction.Return, Role.DepartmentReviewer)] = TargetState.Returned,
        [(D, TargetState.DepartmentApproved, ReviewAction.Approve, Role.BusinessDivision)] = TargetState.DivisionApproved,
        [(D, TargetState.DepartmentApproved, ReviewAction.Return, Role.BusinessDivision)] = TargetState.Returned,
        [(D, TargetState.DepartmentApproved, ReviewAction.Reject, Role.BusinessDivision)] = TargetState.Rejected,
        [(D, TargetState.DepartmentApproved, ReviewAction.Refine, Role.BusinessDivision)] = TargetState.DepartmentApproved,
        [(D, TargetState.DivisionApproved, ReviewAction.Approve, Role.PerformanceDivision)] = TargetState.Approved,
        [(D, TargetState.DivisionApproved, ReviewAction.Return, Role.PerformanceDivision)] = TargetState.Returned,
        [(D, TargetState.DivisionApproved, ReviewAction.Reject, Role.PerformanceDivision)] = TargetState.Rejected,
        [(D, TargetState.DivisionApproved, ReviewAction.Refine, Role.PerformanceDivision)] = TargetState.DivisionApproved,
        [(D, TargetState.Approved, ReviewAction.Adjust, Role.DepartmentReviewer)] = TargetState.Approved,
        [(D, TargetState.Approved, ReviewAction.Adjust, Role.PerformanceDivision)] = TargetState.Approved,
    };

    public static TheoryData<TargetSubject, TargetState, ReviewAction, Role> Every()
    {
        var data = new TheoryData<TargetSubject, TargetState, ReviewAction, Role>();
        foreach (var subject in Enum.GetValues<TargetSubject>())
        foreach (var state in Enum.GetValues<TargetState>())
        foreach (var action in Enum.GetValues<ReviewAction>())
        foreach (var role in Enum.GetValues<Role>())
            data.Add(subject, state, action, role);
        return data;
    }

    [Theory, MemberData(nameof(Every))]
    public void TryNext_AnyTransition_IsLegalExactlyWhenTheChainSaysSo(TargetSubject subject, TargetState state, ReviewAction action, Role role)
    {
        var allowed = ReviewChains.Targets.TryNext(subject, state, action, role, divisionStep: true, out var next, out var refusal);
        if (Legal.TryGetValue((subject, state, action, role), out var expected))
        {
            Assert.True(allowed, refusal);
            Assert.Equal(expected, next);
            Assert.Equal(expected, ReviewChains.Targets.Next(subject, state, action, role));
        }
        else
        {
            Assert.False(allowed);
            Chinese.AssertMessage(refusal!);
            Assert.Equal(refusal, Assert.Throws<ConflictException>(() => ReviewChains.Targets.Next(subject, state, action, role)).Message);
            Assert.False(ReviewChains.Targets.Allows(subject, state, action, role));
        }
    }

    [Theory]
    [InlineData(TargetState.Draft, Role.UnitFiller, true)]
    [InlineData(TargetState.Returned, Role.UnitFiller, true)]
    [InlineData(TargetState.Submitted, Role.UnitFiller, false)]
    [InlineData(TargetState.Submitted, Role.DepartmentReviewer, false)]
    [InlineData(TargetState.DepartmentApproved, Role.BusinessDivision, true)]
    [InlineData(TargetState.DivisionApproved, Role.PerformanceDivision, true)]
    [InlineData(TargetState.DivisionApproved, Role.BusinessDivision, false)]
    [InlineData(TargetState.Approved, Role.UnitFiller, false)]
    [InlineData(TargetState.Approved, Role.PerformanceDivision, false)]
    [InlineData(TargetState.Superseded, Role.UnitFiller, false)]
    [InlineData(TargetState.Rejected, Role.UnitFiller, false)]
    public void CanEdit_StateAndRole_TheFillerUntilSubmitted_FinanceWhileInItsQueue(TargetState state, Role role, bool allowed) =>
        Assert.Equal(allowed, ReviewChains.Targets.CanEdit(TargetSubject.Project, state, role));

    [Theory]
    [InlineData(TargetState.Approved, Role.BusinessDivision, "财政业务股室不能申请调整项目绩效目标：只有预算单位填报人申请调整，或财政绩效股要求调整。")]
    [InlineData(TargetState.Draft, Role.UnitFiller, "只有已批复的目标才能申请调整，当前状态为“草稿”。")]
    public void Next_AdjustRefused_SaysWhoMayOrWhy(TargetState state, Role role, string message) =>
        Assert.Equal(message, Assert.Throws<ConflictException>(() => ReviewChains.Targets.Next(P, state, ReviewAction.Adjust, role)).Message);

    [Fact]
    public void Next_IllegalTransition_MessageSaysWhoShouldAct()
    {
        Assert.Contains("主管部门审核人",
            Assert.Throws<ConflictException>(() => ReviewChains.Targets.Next(P, TargetState.Submitted, ReviewAction.Approve, Role.BusinessDivision)).Message);
        Assert.Contains("申请调整",
            Assert.Throws<ConflictException>(() => ReviewChains.Targets.Next(P, TargetState.Approved, ReviewAction.Submit, Role.UnitFiller)).Message);
        Assert.Contains("财政审核认定",
            Assert.Throws<ConflictException>(() => ReviewChains.Targets.Next(P, TargetState.Submitted, ReviewAction.Reject, Role.DepartmentReviewer)).Message);
    }
}
