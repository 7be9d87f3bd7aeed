using Jixiao.Domain.Access;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Monitoring;

/// <summary>Every (subject, state, action, role) of a monitoring return: the legal ones move to the state written here, all others throw.</summary>
public sealed class MonitoringWorkflowTests
{
    private const TargetSubject P = TargetSubject.Project;
    private const TargetSubject D = TargetSubject.Department;

    /// <summary>The review chain of DOMAIN.md §4.3, written out by hand: nothing else is allowed.</summary>
    private static readonly Dictionary<(TargetSubject, ReturnState, ReturnAction, Role), ReturnState> Legal = new()
    {
        // project: unit → department → finance performance division
        [(P, ReturnState.Pending, ReturnAction.Submit, Role.UnitFiller)] = ReturnState.Submitted,
        [(P, ReturnState.Returned, ReturnAction.Submit, Role.UnitFiller)] = ReturnState.Submitted,
        [(P, ReturnState.Submitted, ReturnAction.Approve, Role.DepartmentReviewer)] = ReturnState.DepartmentApproved,
        [(P, ReturnState.Submitted, ReturnAction.Return, Role.DepartmentReviewer)] = ReturnState.Returned,
        [(P, ReturnState.DepartmentApproved, ReturnAction.Approve, Role.PerformanceDivision)] = ReturnState.Approved,
        [(P, ReturnState.DepartmentApproved, ReturnAction.Return, Role.PerformanceDivision)] = ReturnState.Returned,
        // department overall: the department fills and submits straight to finance
        [(D, ReturnState.Pending, ReturnAction.Submit, Role.DepartmentReviewer)] = ReturnState.DepartmentApproved,
        [(D, ReturnState.Returned, ReturnAction.Submit, Role.DepartmentReviewer)] = ReturnState.DepartmentApproved,
        // A department's own return never reaches Submitted; the reviewer of that state is the department, as in the
        // targets chain (TargetWorkflowTests), so these two are allowed though unreachable.
        [(D, ReturnState.Submitted, ReturnAction.Approve, Role.DepartmentReviewer)] = ReturnState.DepartmentApproved,
        [(D, ReturnState.Submitted, ReturnAction.Return, Role.DepartmentReviewer)] = ReturnState.Returned,
        [(D, ReturnState.DepartmentApproved, ReturnAction.Approve, Role.PerformanceDivision)] = ReturnState.Approved,
        [(D, ReturnState.DepartmentApproved, ReturnAction.Return, Role.PerformanceDivision)] = ReturnState.Returned,
    };

    public static TheoryData<TargetSubject, ReturnState, ReturnAction, Role> Every()
    {
        var data = new TheoryData<TargetSubject, ReturnState, ReturnAction, Role>();
        foreach (var subject in Enum.GetValues<TargetSubject>())
        foreach (var state in Enum.GetValues<ReturnState>())
        foreach (var action in Enum.GetValues<ReturnAction>())
        foreach (var role in Enum.GetValues<Role>())
            data.Add(subject, state, action, role);
        return data;
    }

    [Theory, MemberData(nameof(Every))]
    public void Next_AnyTransition_IsLegalExactlyWhenTheChainSaysSo(TargetSubject subject, ReturnState state, ReturnAction action, Role role)
    {
        if (Legal.TryGetValue((subject, state, action, role), out var expected))
        {
            Assert.Equal(expected, MonitoringWorkflow.Next(subject, state, action, role));
            Assert.True(MonitoringWorkflow.IsAllowed(subject, state, action, role));
        }
        else
        {
            var error = Assert.Throws<ConflictException>(() => MonitoringWorkflow.Next(subject, state, action, role));
            Chinese.AssertMessage(error.Message);
            Assert.False(MonitoringWorkflow.IsAllowed(subject, state, action, role));
        }
    }

    [Fact]
    public void Every_Table_CoversEveryCombination()
    {
        var combinations = Enum.GetValues<TargetSubject>().Length * Enum.GetValues<ReturnState>().Length
                           * Enum.GetValues<ReturnAction>().Length * Enum.GetValues<Role>().Length;
        Assert.Equal(combinations, Every().Count());
        Assert.Equal(12, Legal.Count);
    }

    [Theory]
    [InlineData(P, ReturnState.Pending, Role.UnitFiller, true)]
    [InlineData(P, ReturnState.Returned, Role.UnitFiller, true)]
    [InlineData(P, ReturnState.Pending, Role.DepartmentReviewer, false)]
    [InlineData(P, ReturnState.Returned, Role.PerformanceDivision, false)]
    [InlineData(P, ReturnState.Submitted, Role.UnitFiller, false)]
    [InlineData(P, ReturnState.Submitted, Role.DepartmentReviewer, false)]
    [InlineData(P, ReturnState.DepartmentApproved, Role.PerformanceDivision, false)]
    [InlineData(P, ReturnState.Approved, Role.UnitFiller, false)]
    [InlineData(D, ReturnState.Pending, Role.DepartmentReviewer, true)]
    [InlineData(D, ReturnState.Returned, Role.DepartmentReviewer, true)]
    [InlineData(D, ReturnState.Pending, Role.UnitFiller, false)]
    [InlineData(D, ReturnState.DepartmentApproved, Role.DepartmentReviewer, false)]
    [InlineData(D, ReturnState.Approved, Role.DepartmentReviewer, false)]
    public void CanEdit_StateAndRole_OnlyTheFillerWhileTheReturnIsWithThem(TargetSubject subject, ReturnState state, Role role, bool allowed) =>
        Assert.Equal(allowed, MonitoringWorkflow.CanEdit(subject, state, role));

    [Fact]
    public void CanEdit_EveryCombination_AgreesWithWhoMaySubmit()
    {
        foreach (var subject in Enum.GetValues<TargetSubject>())
        foreach (var state in Enum.GetValues<ReturnState>())
        foreach (var role in Enum.GetValues<Role>())
            Assert.Equal(Legal.ContainsKey((subject, state, ReturnAction.Submit, role)), MonitoringWorkflow.CanEdit(subject, state, role));
    }

    [Fact]
    public void Next_IllegalTransition_MessageSaysWhoShouldAct()
    {
        Assert.Contains("应由主管部门审核人审核，财政绩效股不能审核通过",
            Assert.Throws<ConflictException>(() => MonitoringWorkflow.Next(P, ReturnState.Submitted, ReturnAction.Approve, Role.PerformanceDivision)).Message);
        Assert.Contains("只有预算单位填报人能提交",
            Assert.Throws<ConflictException>(() => MonitoringWorkflow.Next(P, ReturnState.Pending, ReturnAction.Submit, Role.DepartmentReviewer)).Message);
        Assert.Contains("只有主管部门审核人能提交",
            Assert.Throws<ConflictException>(() => MonitoringWorkflow.Next(D, ReturnState.Returned, ReturnAction.Submit, Role.UnitFiller)).Message);
        Assert.Contains("监控表已审核，不能再退回修改",
            Assert.Throws<ConflictException>(() => MonitoringWorkflow.Next(P, ReturnState.Approved, ReturnAction.Return, Role.PerformanceDivision)).Message);
        Assert.Contains("“待填报”的监控表不能审核通过",
            Assert.Throws<ConflictException>(() => MonitoringWorkflow.Next(P, ReturnState.Pending, ReturnAction.Approve, Role.DepartmentReviewer)).Message);
    }
}
