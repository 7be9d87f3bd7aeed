using Jixiao.Domain.Access;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Targets;

/// <summary>Every (subject, state, action, role): the legal ones move to the state written here, all others throw.</summary>
public sealed class TargetWorkflowTests
{
    private const TargetSubject P = TargetSubject.Project;
    private const TargetSubject D = TargetSubject.Department;

    /// <summary>The review chain of DOMAIN.md §4.2, written out by hand: nothing else is allowed.</summary>
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
        [(P, TargetState.Approved, ReviewAction.Adjust, Role.UnitFiller)] = TargetState.Draft,
        [(P, TargetState.Approved, ReviewAction.Adjust, Role.PerformanceDivision)] = TargetState.Draft, // 监控整改：目标调整
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
        [(D, TargetState.Approved, ReviewAction.Adjust, Role.DepartmentReviewer)] = TargetState.Draft,
        [(D, TargetState.Approved, ReviewAction.Adjust, Role.PerformanceDivision)] = TargetState.Draft,
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
    public void Transition_IsLegalExactlyWhenTheChainSaysSo(TargetSubject subject, TargetState state, ReviewAction action, Role role)
    {
        if (Legal.TryGetValue((subject, state, action, role), out var expected))
        {
            Assert.Equal(expected, TargetWorkflow.Next(subject, state, action, role));
        }
        else
        {
            var error = Assert.Throws<ConflictException>(() => TargetWorkflow.Next(subject, state, action, role));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
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
    public void Edit_IsTheFillersUntilSubmitted_AndFinancesWhileInItsQueue(TargetState state, Role role, bool allowed) =>
        Assert.Equal(allowed, TargetWorkflow.CanEdit(TargetSubject.Project, state, role));

    [Fact]
    public void IllegalMessages_SayWhoShouldAct()
    {
        Assert.Contains("主管部门审核人",
            Assert.Throws<ConflictException>(() => TargetWorkflow.Next(P, TargetState.Submitted, ReviewAction.Approve, Role.BusinessDivision)).Message);
        Assert.Contains("申请调整",
            Assert.Throws<ConflictException>(() => TargetWorkflow.Next(P, TargetState.Approved, ReviewAction.Submit, Role.UnitFiller)).Message);
        Assert.Contains("财政审核认定",
            Assert.Throws<ConflictException>(() => TargetWorkflow.Next(P, TargetState.Submitted, ReviewAction.Reject, Role.DepartmentReviewer)).Message);
    }
}
