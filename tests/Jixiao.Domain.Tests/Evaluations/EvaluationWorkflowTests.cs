using Jixiao.Domain.Access;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Evaluations;

/// <summary>Every (subject, state, action, role) of a self-evaluation: the legal ones move to the state written here, all others throw.</summary>
public sealed class EvaluationWorkflowTests
{
    private const TargetSubject P = TargetSubject.Project;
    private const TargetSubject D = TargetSubject.Department;

    /// <summary>The review chain of DOMAIN.md §4.4, written out by hand: nothing else is allowed.</summary>
    private static readonly Dictionary<(TargetSubject, EvaluationState, EvaluationAction, Role), EvaluationState> Legal = new()
    {
        // project: unit → department → finance performance division
        [(P, EvaluationState.Pending, EvaluationAction.Submit, Role.UnitFiller)] = EvaluationState.Submitted,
        [(P, EvaluationState.Returned, EvaluationAction.Submit, Role.UnitFiller)] = EvaluationState.Submitted,
        [(P, EvaluationState.Submitted, EvaluationAction.Approve, Role.DepartmentReviewer)] = EvaluationState.DepartmentApproved,
        [(P, EvaluationState.Submitted, EvaluationAction.Return, Role.DepartmentReviewer)] = EvaluationState.Returned,
        [(P, EvaluationState.DepartmentApproved, EvaluationAction.Approve, Role.PerformanceDivision)] = EvaluationState.Approved,
        [(P, EvaluationState.DepartmentApproved, EvaluationAction.Return, Role.PerformanceDivision)] = EvaluationState.Returned,
        // department overall: the department fills and submits straight to finance
        [(D, EvaluationState.Pending, EvaluationAction.Submit, Role.DepartmentReviewer)] = EvaluationState.DepartmentApproved,
        [(D, EvaluationState.Returned, EvaluationAction.Submit, Role.DepartmentReviewer)] = EvaluationState.DepartmentApproved,
        // A department's own form never reaches Submitted; the reviewer of that state is the department, as in the
        // monitoring chain, so these two are allowed though unreachable.
        [(D, EvaluationState.Submitted, EvaluationAction.Approve, Role.DepartmentReviewer)] = EvaluationState.DepartmentApproved,
        [(D, EvaluationState.Submitted, EvaluationAction.Return, Role.DepartmentReviewer)] = EvaluationState.Returned,
        [(D, EvaluationState.DepartmentApproved, EvaluationAction.Approve, Role.PerformanceDivision)] = EvaluationState.Approved,
        [(D, EvaluationState.DepartmentApproved, EvaluationAction.Return, Role.PerformanceDivision)] = EvaluationState.Returned,
    };

    public static TheoryData<TargetSubject, EvaluationState, EvaluationAction, Role> Every()
    {
        var data = new TheoryData<TargetSubject, EvaluationState, EvaluationAction, Role>();
        foreach (var subject in Enum.GetValues<TargetSubject>())
        foreach (var state in Enum.GetValues<EvaluationState>())
        foreach (var action in Enum.GetValues<EvaluationAction>())
        foreach (var role in Enum.GetValues<Role>())
            data.Add(subject, state, action, role);
        return data;
    }

    [Theory, MemberData(nameof(Every))]
    public void Next_AnyTransition_IsLegalExactlyWhenTheChainSaysSo(TargetSubject subject, EvaluationState state, EvaluationAction action, Role role)
    {
        if (Legal.TryGetValue((subject, state, action, role), out var expected))
        {
            Assert.Equal(expected, EvaluationWorkflow.Next(subject, state, action, role));
            Assert.True(EvaluationWorkflow.IsAllowed(subject, state, action, role));
        }
        else
        {
            var error = Assert.Throws<ConflictException>(() => EvaluationWorkflow.Next(subject, state, action, role));
            Chinese.AssertMessage(error.Message);
            Assert.False(EvaluationWorkflow.IsAllowed(subject, state, action, role));
        }
    }

    [Fact]
    public void Every_Table_CoversEveryCombination()
    {
        var combinations = Enum.GetValues<TargetSubject>().Length * Enum.GetValues<EvaluationState>().Length
                           * Enum.GetValues<EvaluationAction>().Length * Enum.GetValues<Role>().Length;
        Assert.Equal(combinations, Every().Count());
        Assert.Equal(12, Legal.Count);
    }

    [Fact]
    public void CanEdit_EveryCombination_AgreesWithWhoMaySubmit()
    {
        foreach (var subject in Enum.GetValues<TargetSubject>())
        foreach (var state in Enum.GetValues<EvaluationState>())
        foreach (var role in Enum.GetValues<Role>())
            Assert.Equal(Legal.ContainsKey((subject, state, EvaluationAction.Submit, role)), EvaluationWorkflow.CanEdit(subject, state, role));
    }

    [Theory]
    [InlineData(P, EvaluationState.Submitted, EvaluationAction.Approve, Role.PerformanceDivision, "当前状态“待主管部门审核”应由主管部门审核人审核，财政绩效股不能审核通过。")]
    [InlineData(P, EvaluationState.Pending, EvaluationAction.Submit, Role.DepartmentReviewer, "只有预算单位填报人能提交待填报或被退回的自评表")]
    [InlineData(D, EvaluationState.Returned, EvaluationAction.Submit, Role.UnitFiller, "只有主管部门审核人能提交")]
    [InlineData(P, EvaluationState.Approved, EvaluationAction.Return, Role.PerformanceDivision, "自评表已审核，不能再退回修改。")]
    [InlineData(P, EvaluationState.Pending, EvaluationAction.Approve, Role.DepartmentReviewer, "“待填报”的自评表不能审核通过（主管部门审核人）。")]
    public void Next_IllegalTransition_MessageSaysWhoShouldAct(TargetSubject subject, EvaluationState state, EvaluationAction action, Role role, string message) =>
        Assert.Contains(message, Assert.Throws<ConflictException>(() => EvaluationWorkflow.Next(subject, state, action, role)).Message);
}
