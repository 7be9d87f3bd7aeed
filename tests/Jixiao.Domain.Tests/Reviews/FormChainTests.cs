using Jixiao.Domain.Access;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Reviews;

/// <summary>Every (subject, state, action, role) of a form (monitoring return, self-evaluation): the legal ones move to the state written here, all others throw.</summary>
public sealed class FormChainTests
{
    private const TargetSubject P = TargetSubject.Project;
    private const TargetSubject D = TargetSubject.Department;

    /// <summary>The review chain of DOMAIN.md §4.3, written out by hand: nothing else is allowed.</summary>
    private static readonly Dictionary<(TargetSubject, FormState, FormAction, Role), FormState> Legal = new()
    {
        // project: unit → department → finance performance division
        [(P, FormState.Pending, FormAction.Submit, Role.UnitFiller)] = FormState.Submitted,
        [(P, FormState.Returned, FormAction.Submit, Role.UnitFiller)] = FormState.Submitted,
        [(P, FormState.Submitted, FormAction.Approve, Role.DepartmentReviewer)] = FormState.DepartmentApproved,
        [(P, FormState.Submitted, FormAction.Return, Role.DepartmentReviewer)] = FormState.Returned,
        [(P, FormState.DepartmentApproved, FormAction.Approve, Role.PerformanceDivision)] = FormState.Approved,
        [(P, FormState.DepartmentApproved, FormAction.Return, Role.PerformanceDivision)] = FormState.Returned,
        // department overall: the department fills and submits straight to finance
        [(D, FormState.Pending, FormAction.Submit, Role.DepartmentReviewer)] = FormState.DepartmentApproved,
        [(D, FormState.Returned, FormAction.Submit, Role.DepartmentReviewer)] = FormState.DepartmentApproved,
        // A department's own return never reaches Submitted; the reviewer of that state is the department, as in the
        // targets chain (TargetWorkflowTests), so these two are allowed though unreachable.
        [(D, FormState.Submitted, FormAction.Approve, Role.DepartmentReviewer)] = FormState.DepartmentApproved,
        [(D, FormState.Submitted, FormAction.Return, Role.DepartmentReviewer)] = FormState.Returned,
        [(D, FormState.DepartmentApproved, FormAction.Approve, Role.PerformanceDivision)] = FormState.Approved,
        [(D, FormState.DepartmentApproved, FormAction.Return, Role.PerformanceDivision)] = FormState.Returned,
    };

    public static TheoryData<TargetSubject, FormState, FormAction, Role> Every()
    {
        var data = new TheoryData<TargetSubject, FormState, FormAction, Role>();
        foreach (var subject in Enum.GetValues<TargetSubject>())
        foreach (var state in Enum.GetValues<FormState>())
        foreach (var action in Enum.GetValues<FormAction>())
        foreach (var role in Enum.GetValues<Role>())
            data.Add(subject, state, action, role);
        return data;
    }

    [Theory, MemberData(nameof(Every))]
    public void Next_AnyTransition_IsLegalExactlyWhenTheChainSaysSo(TargetSubject subject, FormState state, FormAction action, Role role)
    {
        if (Legal.TryGetValue((subject, state, action, role), out var expected))
        {
            Assert.Equal(expected, FormChain.Monitoring.Next(subject, state, action, role));
            Assert.True(FormChain.Monitoring.IsAllowed(subject, state, action, role));
        }
        else
        {
            var error = Assert.Throws<ConflictException>(() => FormChain.Monitoring.Next(subject, state, action, role));
            Chinese.AssertMessage(error.Message);
            Assert.False(FormChain.Monitoring.IsAllowed(subject, state, action, role));
        }
    }

    [Fact]
    public void Every_Table_CoversEveryCombination()
    {
        var combinations = Enum.GetValues<TargetSubject>().Length * Enum.GetValues<FormState>().Length
                           * Enum.GetValues<FormAction>().Length * Enum.GetValues<Role>().Length;
        Assert.Equal(combinations, Every().Count());
        Assert.Equal(12, Legal.Count);
    }

    [Theory]
    [InlineData(P, FormState.Pending, Role.UnitFiller, true)]
    [InlineData(P, FormState.Returned, Role.UnitFiller, true)]
    [InlineData(P, FormState.Pending, Role.DepartmentReviewer, false)]
    [InlineData(P, FormState.Returned, Role.PerformanceDivision, false)]
    [InlineData(P, FormState.Submitted, Role.UnitFiller, false)]
    [InlineData(P, FormState.Submitted, Role.DepartmentReviewer, false)]
    [InlineData(P, FormState.DepartmentApproved, Role.PerformanceDivision, false)]
    [InlineData(P, FormState.Approved, Role.UnitFiller, false)]
    [InlineData(D, FormState.Pending, Role.DepartmentReviewer, true)]
    [InlineData(D, FormState.Returned, Role.DepartmentReviewer, true)]
    [InlineData(D, FormState.Pending, Role.UnitFiller, false)]
    [InlineData(D, FormState.DepartmentApproved, Role.DepartmentReviewer, false)]
    [InlineData(D, FormState.Approved, Role.DepartmentReviewer, false)]
    public void CanEdit_StateAndRole_OnlyTheFillerWhileTheReturnIsWithThem(TargetSubject subject, FormState state, Role role, bool allowed) =>
        Assert.Equal(allowed, FormChain.Monitoring.CanEdit(subject, state, role));

    [Fact]
    public void CanEdit_EveryCombination_AgreesWithWhoMaySubmit()
    {
        foreach (var subject in Enum.GetValues<TargetSubject>())
        foreach (var state in Enum.GetValues<FormState>())
        foreach (var role in Enum.GetValues<Role>())
            Assert.Equal(Legal.ContainsKey((subject, state, FormAction.Submit, role)), FormChain.Monitoring.CanEdit(subject, state, role));
    }

    [Fact]
    public void Next_IllegalTransition_MessageSaysWhoShouldAct()
    {
        Assert.Contains("应由主管部门审核人审核，财政绩效股不能审核通过",
            Assert.Throws<ConflictException>(() => FormChain.Monitoring.Next(P, FormState.Submitted, FormAction.Approve, Role.PerformanceDivision)).Message);
        Assert.Contains("只有预算单位填报人能提交",
            Assert.Throws<ConflictException>(() => FormChain.Monitoring.Next(P, FormState.Pending, FormAction.Submit, Role.DepartmentReviewer)).Message);
        Assert.Contains("只有主管部门审核人能提交",
            Assert.Throws<ConflictException>(() => FormChain.Monitoring.Next(D, FormState.Returned, FormAction.Submit, Role.UnitFiller)).Message);
        Assert.Contains("监控表已审核，不能再退回修改",
            Assert.Throws<ConflictException>(() => FormChain.Monitoring.Next(P, FormState.Approved, FormAction.Return, Role.PerformanceDivision)).Message);
        Assert.Contains("“待填报”的监控表不能审核通过",
            Assert.Throws<ConflictException>(() => FormChain.Monitoring.Next(P, FormState.Pending, FormAction.Approve, Role.DepartmentReviewer)).Message);
    }

    [Fact]
    public void Messages_NameTheForm_MonitoringReturnOrSelfEvaluation()
    {
        Assert.Contains("提交监控表", Assert.Throws<ConflictException>(() =>
            FormChain.Monitoring.Next(TargetSubject.Project, FormState.Submitted, FormAction.Submit, Role.UnitFiller)).Message);
        Assert.Contains("提交自评表", Assert.Throws<ConflictException>(() =>
            FormChain.SelfEvaluation.Next(TargetSubject.Project, FormState.Submitted, FormAction.Submit, Role.UnitFiller)).Message);
        Assert.Equal("自评表已审核，不能再退回修改。", Assert.Throws<ConflictException>(() =>
            FormChain.SelfEvaluation.Next(TargetSubject.Project, FormState.Approved, FormAction.Return, Role.PerformanceDivision)).Message);
    }
}
