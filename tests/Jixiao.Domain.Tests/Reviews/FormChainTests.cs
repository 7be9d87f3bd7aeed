using Jixiao.Domain.Access;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Reviews;

/// <summary>Every (subject, state, action, role) of a form (monitoring return, self-evaluation): the legal ones move to the state written here, all others are refused.</summary>
public sealed class FormChainTests
{
    private const TargetSubject P = TargetSubject.Project;
    private const TargetSubject D = TargetSubject.Department;

    /// <summary>
    /// The review chain of DOMAIN.md §4.3 with the funding division's step ("谁分配资金，谁审核"), written out by hand for
    /// both settings of the region-year (division step on, off): nothing else is allowed.
    /// </summary>
    private static readonly Dictionary<(bool, TargetSubject, FormState, FormAction, Role), FormState> Legal = new()
    {
        // project, division step on: unit → department → funding division → performance division
        [(true, P, FormState.Pending, FormAction.Submit, Role.UnitFiller)] = FormState.Submitted,
        [(true, P, FormState.Returned, FormAction.Submit, Role.UnitFiller)] = FormState.Submitted,
        [(true, P, FormState.Submitted, FormAction.Approve, Role.DepartmentReviewer)] = FormState.DepartmentApproved,
        [(true, P, FormState.Submitted, FormAction.Return, Role.DepartmentReviewer)] = FormState.Returned,
        [(true, P, FormState.DepartmentApproved, FormAction.Approve, Role.BusinessDivision)] = FormState.DivisionApproved,
        [(true, P, FormState.DepartmentApproved, FormAction.Return, Role.BusinessDivision)] = FormState.Returned,
        [(true, P, FormState.DivisionApproved, FormAction.Approve, Role.PerformanceDivision)] = FormState.Approved,
        [(true, P, FormState.DivisionApproved, FormAction.Return, Role.PerformanceDivision)] = FormState.Returned,
        // department overall, division step on: the department fills and submits to its funding division
        [(true, D, FormState.Pending, FormAction.Submit, Role.DepartmentReviewer)] = FormState.DepartmentApproved,
        [(true, D, FormState.Returned, FormAction.Submit, Role.DepartmentReviewer)] = FormState.DepartmentApproved,
        // A department's own form never reaches Submitted; the reviewer of that state is the department, as in the
        // targets chain (TargetChainTests), so these two are allowed though unreachable.
        [(true, D, FormState.Submitted, FormAction.Approve, Role.DepartmentReviewer)] = FormState.DepartmentApproved,
        [(true, D, FormState.Submitted, FormAction.Return, Role.DepartmentReviewer)] = FormState.Returned,
        [(true, D, FormState.DepartmentApproved, FormAction.Approve, Role.BusinessDivision)] = FormState.DivisionApproved,
        [(true, D, FormState.DepartmentApproved, FormAction.Return, Role.BusinessDivision)] = FormState.Returned,
        [(true, D, FormState.DivisionApproved, FormAction.Approve, Role.PerformanceDivision)] = FormState.Approved,
        [(true, D, FormState.DivisionApproved, FormAction.Return, Role.PerformanceDivision)] = FormState.Returned,

        // division step off: the department's pass (or a department's own submission) goes straight to the performance division
        [(false, P, FormState.Pending, FormAction.Submit, Role.UnitFiller)] = FormState.Submitted,
        [(false, P, FormState.Returned, FormAction.Submit, Role.UnitFiller)] = FormState.Submitted,
        [(false, P, FormState.Submitted, FormAction.Approve, Role.DepartmentReviewer)] = FormState.DivisionApproved,
        [(false, P, FormState.Submitted, FormAction.Return, Role.DepartmentReviewer)] = FormState.Returned,
        // forms already at the division's step when the setting was turned off stay with the division
        [(false, P, FormState.DepartmentApproved, FormAction.Approve, Role.BusinessDivision)] = FormState.DivisionApproved,
        [(false, P, FormState.DepartmentApproved, FormAction.Return, Role.BusinessDivision)] = FormState.Returned,
        [(false, P, FormState.DivisionApproved, FormAction.Approve, Role.PerformanceDivision)] = FormState.Approved,
        [(false, P, FormState.DivisionApproved, FormAction.Return, Role.PerformanceDivision)] = FormState.Returned,
        [(false, D, FormState.Pending, FormAction.Submit, Role.DepartmentReviewer)] = FormState.DivisionApproved,
        [(false, D, FormState.Returned, FormAction.Submit, Role.DepartmentReviewer)] = FormState.DivisionApproved,
        [(false, D, FormState.Submitted, FormAction.Approve, Role.DepartmentReviewer)] = FormState.DivisionApproved,
        [(false, D, FormState.Submitted, FormAction.Return, Role.DepartmentReviewer)] = FormState.Returned,
        [(false, D, FormState.DepartmentApproved, FormAction.Approve, Role.BusinessDivision)] = FormState.DivisionApproved,
        [(false, D, FormState.DepartmentApproved, FormAction.Return, Role.BusinessDivision)] = FormState.Returned,
        [(false, D, FormState.DivisionApproved, FormAction.Approve, Role.PerformanceDivision)] = FormState.Approved,
        [(false, D, FormState.DivisionApproved, FormAction.Return, Role.PerformanceDivision)] = FormState.Returned,
    };

    public static TheoryData<bool, TargetSubject, FormState, FormAction, Role> Every()
    {
        var data = new TheoryData<bool, TargetSubject, FormState, FormAction, Role>();
        foreach (var divisionStep in new[] { true, false })
        foreach (var subject in Enum.GetValues<TargetSubject>())
        foreach (var state in Enum.GetValues<FormState>())
        foreach (var action in Enum.GetValues<FormAction>())
        foreach (var role in Enum.GetValues<Role>())
            data.Add(divisionStep, subject, state, action, role);
        return data;
    }

    [Theory, MemberData(nameof(Every))]
    public void TryNext_AnyTransition_IsLegalExactlyWhenTheChainSaysSo(bool divisionStep, TargetSubject subject, FormState state, FormAction action, Role role)
    {
        var allowed = ReviewChains.Monitoring.TryNext(subject, state, action, role, divisionStep, out var next, out var refusal);
        if (Legal.TryGetValue((divisionStep, subject, state, action, role), out var expected))
        {
            Assert.True(allowed, refusal);
            Assert.Equal(expected, next);
            Assert.Equal(expected, ReviewChains.Monitoring.Next(subject, state, action, role, divisionStep));
            Assert.True(ReviewChains.Monitoring.Allows(subject, state, action, role));
        }
        else
        {
            Assert.False(allowed);
            Chinese.AssertMessage(refusal!);
            Assert.Equal(refusal, Assert.Throws<ConflictException>(() => ReviewChains.Monitoring.Next(subject, state, action, role, divisionStep)).Message);
            Assert.False(ReviewChains.Monitoring.Allows(subject, state, action, role));
        }
    }

    [Theory]
    [InlineData(FormState.Submitted, Role.DepartmentReviewer)]
    [InlineData(FormState.DepartmentApproved, Role.BusinessDivision)]
    [InlineData(FormState.DivisionApproved, Role.PerformanceDivision)]
    public void ReviewerOf_ReviewState_IsTheRoleWhoseInboxHoldsIt(FormState state, Role reviewer) =>
        Assert.Equal(reviewer, ReviewChains.SelfEvaluation.ReviewerOf(state));

    [Theory]
    [InlineData(P, FormState.Pending, Role.UnitFiller, true)]
    [InlineData(P, FormState.Returned, Role.UnitFiller, true)]
    [InlineData(P, FormState.Pending, Role.DepartmentReviewer, false)]
    [InlineData(P, FormState.Returned, Role.PerformanceDivision, false)]
    [InlineData(P, FormState.Submitted, Role.UnitFiller, false)]
    [InlineData(P, FormState.Submitted, Role.DepartmentReviewer, false)]
    [InlineData(P, FormState.DepartmentApproved, Role.BusinessDivision, false)]
    [InlineData(P, FormState.DivisionApproved, Role.PerformanceDivision, false)]
    [InlineData(P, FormState.Approved, Role.UnitFiller, false)]
    [InlineData(D, FormState.Pending, Role.DepartmentReviewer, true)]
    [InlineData(D, FormState.Returned, Role.DepartmentReviewer, true)]
    [InlineData(D, FormState.Pending, Role.UnitFiller, false)]
    [InlineData(D, FormState.DepartmentApproved, Role.DepartmentReviewer, false)]
    [InlineData(D, FormState.Approved, Role.DepartmentReviewer, false)]
    public void CanEdit_StateAndRole_OnlyTheFillerWhileTheReturnIsWithThem(TargetSubject subject, FormState state, Role role, bool allowed) =>
        Assert.Equal(allowed, ReviewChains.Monitoring.CanEdit(subject, state, role));

    [Fact]
    public void CanEdit_EveryCombination_AgreesWithWhoMaySubmit()
    {
        foreach (var subject in Enum.GetValues<TargetSubject>())
        foreach (var state in Enum.GetValues<FormState>())
        foreach (var role in Enum.GetValues<Role>())
            Assert.Equal(Legal.ContainsKey((true, subject, state, FormAction.Submit, role)), ReviewChains.Monitoring.CanEdit(subject, state, role));
    }

    [Fact]
    public void Next_IllegalTransition_MessageSaysWhoShouldAct()
    {
        Assert.Contains("应由主管部门审核人审核，财政绩效股不能审核通过",
            Assert.Throws<ConflictException>(() => ReviewChains.Monitoring.Next(P, FormState.Submitted, FormAction.Approve, Role.PerformanceDivision, true)).Message);
        Assert.Contains("只有预算单位填报人能提交",
            Assert.Throws<ConflictException>(() => ReviewChains.Monitoring.Next(P, FormState.Pending, FormAction.Submit, Role.DepartmentReviewer, true)).Message);
        Assert.Contains("只有主管部门审核人能提交",
            Assert.Throws<ConflictException>(() => ReviewChains.Monitoring.Next(D, FormState.Returned, FormAction.Submit, Role.UnitFiller, true)).Message);
        Assert.Contains("监控表已审核，不能再退回修改",
            Assert.Throws<ConflictException>(() => ReviewChains.Monitoring.Next(P, FormState.Approved, FormAction.Return, Role.PerformanceDivision, true)).Message);
        Assert.Contains("“待填报”的监控表不能审核通过",
            Assert.Throws<ConflictException>(() => ReviewChains.Monitoring.Next(P, FormState.Pending, FormAction.Approve, Role.DepartmentReviewer, true)).Message);
    }

    [Fact]
    public void Messages_NameTheForm_MonitoringReturnOrSelfEvaluation()
    {
        Assert.Contains("提交监控表", Assert.Throws<ConflictException>(() =>
            ReviewChains.Monitoring.Next(TargetSubject.Project, FormState.Submitted, FormAction.Submit, Role.UnitFiller, true)).Message);
        Assert.Contains("提交自评表", Assert.Throws<ConflictException>(() =>
            ReviewChains.SelfEvaluation.Next(TargetSubject.Project, FormState.Submitted, FormAction.Submit, Role.UnitFiller, true)).Message);
        Assert.Equal("自评表已审核，不能再退回修改。", Assert.Throws<ConflictException>(() =>
            ReviewChains.SelfEvaluation.Next(TargetSubject.Project, FormState.Approved, FormAction.Return, Role.PerformanceDivision, true)).Message);
    }
}
