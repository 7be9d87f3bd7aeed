using Jixiao.Domain.Access;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Reviews;

/// <summary>What every chain reads off its table (inboxes, the setting) agrees with what it lets a user do.</summary>
public sealed class ReviewChainTests
{
    private const TargetSubject P = TargetSubject.Project;
    private const TargetSubject D = TargetSubject.Department;

    [Fact]
    public void Awaiting_EveryRoleSubjectAndState_IsWhereTheRoleMayMoveTheItemOn()
    {
        AssertInboxAgreesWithTryNext(ReviewChains.Targets);
        AssertInboxAgreesWithTryNext(ReviewChains.Monitoring);
        AssertInboxAgreesWithTryNext(ReviewChains.SelfEvaluation);
    }

    [Fact]
    public void TryNext_EitherDivisionStepSetting_ChangesWhereAnItemGoesNeverWhoMayAct()
    {
        AssertSettingKeepsWhoMayAct(ReviewChains.Targets);
        AssertSettingKeepsWhoMayAct(ReviewChains.Monitoring);
        AssertSettingKeepsWhoMayAct(ReviewChains.SelfEvaluation);
    }

    /// <summary>The target inbox as it was written by hand before it was read off the table (待办 and 被退回 together).</summary>
    [Theory]
    [InlineData(Role.UnitFiller, "P:Draft P:Returned")]
    [InlineData(Role.DepartmentReviewer, "P:Submitted D:Draft D:Submitted D:Returned")]
    [InlineData(Role.BusinessDivision, "P:DepartmentApproved D:DepartmentApproved")]
    [InlineData(Role.PerformanceDivision, "P:DivisionApproved D:DivisionApproved")]
    [InlineData(Role.Agency, "")]
    [InlineData(Role.SystemAdmin, "")]
    public void Awaiting_Targets_HoldsDraftsForTheFillerAndEachStepForItsReviewer(Role role, string expected) =>
        Assert.Equal(expected, Inbox(ReviewChains.Targets, role));

    [Theory]
    [InlineData(Role.UnitFiller, "P:Pending P:Returned")]
    [InlineData(Role.DepartmentReviewer, "P:Submitted D:Pending D:Submitted D:Returned")]
    [InlineData(Role.BusinessDivision, "P:DepartmentApproved D:DepartmentApproved")]
    [InlineData(Role.PerformanceDivision, "P:DivisionApproved D:DivisionApproved")]
    [InlineData(Role.Expert, "")]
    public void Awaiting_Forms_HoldsPendingAndReturnedForTheFillerAndEachStepForItsReviewer(Role role, string expected)
    {
        Assert.Equal(expected, Inbox(ReviewChains.Monitoring, role));
        Assert.Equal(expected, Inbox(ReviewChains.SelfEvaluation, role));
    }

    /// <summary>The states the statistics pages listed by hand as filled (已填报, 已提交) before they were read off the table.</summary>
    [Fact]
    public void HandedIn_Forms_IsEveryStateUnderReviewAndTheApprovedOne_NeitherPendingNorReturned()
    {
        FormState[] counted = [FormState.Submitted, FormState.DepartmentApproved, FormState.DivisionApproved, FormState.Approved];
        Assert.Equal(counted.Order(), ReviewChains.Monitoring.HandedIn.Order());
        Assert.Equal(counted.Order(), ReviewChains.SelfEvaluation.HandedIn.Order());
    }

    [Fact]
    public void HandedIn_Targets_IsEveryStateAfterTheFillersSubmit_TheRejectedOneIncluded() =>
        Assert.Equal([TargetState.Submitted, TargetState.DepartmentApproved, TargetState.DivisionApproved, TargetState.Approved, TargetState.Rejected],
            ReviewChains.Targets.HandedIn.Order());

    [Fact]
    public void Awaiting_SeveralRoles_IsTheUnionOfTheirInboxes() =>
        Assert.Equal("P:Draft P:DivisionApproved P:Returned D:DivisionApproved",
            Inbox(ReviewChains.Targets, Role.UnitFiller, Role.PerformanceDivision, Role.Agency));

    [Theory]
    [InlineData(TargetState.Submitted, Role.DepartmentReviewer)]
    [InlineData(TargetState.DepartmentApproved, Role.BusinessDivision)]
    [InlineData(TargetState.DivisionApproved, Role.PerformanceDivision)]
    [InlineData(TargetState.Draft, null)]
    [InlineData(TargetState.Returned, null)]
    [InlineData(TargetState.Approved, null)]
    public void ReviewerOf_TargetState_IsTheRoleThatMovesItOnAndNoneWhileWithTheFillerOrDone(TargetState state, Role? reviewer) =>
        Assert.Equal(reviewer, ReviewChains.Targets.ReviewerOf(state));

    /// <summary>"P:Draft P:Returned …": the (subject, state) pairs in the inbox of the roles, subject by subject, states in enum order.</summary>
    private static string Inbox<TState, TAction>(ReviewChain<TState, TAction> chain, params Role[] roles)
        where TState : struct, Enum where TAction : struct, Enum =>
        string.Join(" ", chain.Awaiting(roles).SelectMany(w => w.States.Select(s => $"{(w.Subject == P ? "P" : "D")}:{s}")));

    private static void AssertInboxAgreesWithTryNext<TState, TAction>(ReviewChain<TState, TAction> chain)
        where TState : struct, Enum where TAction : struct, Enum
    {
        foreach (var divisionStep in new[] { true, false })
        foreach (var role in Enum.GetValues<Role>())
        {
            var inbox = chain.Awaiting([role]).SelectMany(w => w.States.Select(s => (w.Subject, s))).ToHashSet();
            foreach (var subject in Enum.GetValues<TargetSubject>())
            foreach (var state in Enum.GetValues<TState>())
            {
                var movesOn = Enum.GetValues<TAction>().Any(a =>
                    chain.TryNext(subject, state, a, role, divisionStep, out var next, out _) && !EqualityComparer<TState>.Default.Equals(next, state));
                Assert.True(movesOn == inbox.Contains((subject, state)),
                    $"{typeof(TState).Name} {subject} {state} {role} (division step {divisionStep}): the table lets it move on: {movesOn}, the inbox disagrees");
                Assert.Equal(movesOn, chain.Awaits(subject, state, role));
            }
        }
    }

    private static void AssertSettingKeepsWhoMayAct<TState, TAction>(ReviewChain<TState, TAction> chain)
        where TState : struct, Enum where TAction : struct, Enum
    {
        foreach (var subject in Enum.GetValues<TargetSubject>())
        foreach (var state in Enum.GetValues<TState>())
        foreach (var action in Enum.GetValues<TAction>())
        foreach (var role in Enum.GetValues<Role>())
            Assert.Equal(chain.TryNext(subject, state, action, role, divisionStep: true, out _, out _),
                chain.TryNext(subject, state, action, role, divisionStep: false, out _, out _));
    }
}
