using Jixiao.Domain.Access;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Engagements;

/// <summary>委托: the draw, replacements, and 分阶段成果报告制 with 三方确认 (DOMAIN.md §4.5).</summary>
public sealed class EngagementTests
{
    private const string Seed = "20261204-7351";
    private static readonly DateTime Now = new(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ReviewActor AgencyUser = new(31, "agency", Role.Agency);
    private static readonly ReviewActor UnitUser = new(12, "edu", Role.DepartmentReviewer);
    private static readonly ReviewActor FinanceUser = new(4, "perf", Role.PerformanceDivision);

    internal static Engagement Planned(params string[] stages) => Engagement.Plan("140423", 2026, "WT-2026-001", "2026年义务教育薄弱环节改善项目重点评价",
        EngagementScope.KeyEvaluation, [EngagementSubject.Of(SubjectKind.Project, 7, 10602, "义务教育薄弱环节改善与能力提升")], "XY-2026-088", 98_000m,
        ProcurementMethod.Lottery, new DateOnly(2026, 3, 1), new DateOnly(2026, 9, 30),
        [.. (stages.Length == 0 ? StagePlan.Default : stages).Select((s, i) => (s, new DateOnly(2026, 4 + i, 30)))], Now);

    internal static Engagement Drawn(params string[] stages)
    {
        var engagement = Planned(stages);
        var assessed = AgencyLottery.Assess(engagement.Scope, new Dictionary<long, string> { [10602] = "襄垣县第一中学" },
            [.. Enumerable.Range(1, 5).Select(i => AgencyLotteryTests.Agency(i))], LotteryRules.Default);
        engagement.DrawAgency(Seed, assessed, "perf", Now);
        return engagement;
    }

    [Fact]
    public void DrawAgency_EngagesTheFirstInOrder_KeepsEveryLine_OpensTheFirstStage()
    {
        var engagement = Drawn();
        Assert.Equal(3, engagement.AgencyId); // the order 3, 5, 4, 1, 2 (AgencyLotteryTests)
        Assert.Equal(EngagementState.InProgress, engagement.State);
        Assert.Equal([3L, 5, 4, 1, 2], engagement.Draw.Select(d => d.AgencyId));
        Assert.Equal([DrawOutcome.Drawn, DrawOutcome.Waiting, DrawOutcome.Waiting, DrawOutcome.Waiting, DrawOutcome.Waiting], engagement.Draw.Select(d => d.Outcome));
        Assert.Equal([StageState.Open, StageState.Locked, StageState.Locked, StageState.Locked], engagement.Stages.Select(s => s.State));
        Assert.Contains("不再重新抽签", Assert.Throws<ConflictException>(() => engagement.DrawAgency("20261204-0001", [], "perf", Now)).Message);
    }

    [Fact]
    public void SetAside_NextInOrderEngaged_ReasonKept_NotOnceWorkWasSubmitted()
    {
        var engagement = Drawn();
        var next = engagement.SetAside("机构书面声明人员不足，放弃承接", Now);
        Assert.Equal(5, next.AgencyId);
        Assert.Equal(5, engagement.AgencyId);
        Assert.Equal("机构书面声明人员不足，放弃承接", engagement.Draw.Single(d => d.AgencyId == 3).OutcomeReason);
        engagement.Submit(1, files: 1, "评价方案", AgencyUser, Now);
        Assert.Contains("尚未提交任何成果", Assert.Throws<ConflictException>(() => engagement.SetAside("又发现利益冲突需更换", Now)).Message);
    }

    [Fact]
    public void StageGate_OpensTheNextStageOnlyWhenUnitAndFinanceConfirmedTheSameSubmission()
    {
        var engagement = Drawn();
        var plan = engagement.Stage(1);
        Assert.Equal([StageParty.Agency], plan.Awaiting);
        Assert.Equal("附件", Assert.Throws<DomainException>(() => engagement.Submit(1, files: 0, null, AgencyUser, Now)).Field);

        engagement.Submit(1, files: 2, "评价方案 V1", AgencyUser, Now);
        Assert.Equal([StageParty.Unit, StageParty.Finance], plan.Awaiting);
        engagement.Confirm(1, StageParty.Finance, FinanceUser, Now);
        Assert.Equal(StageState.Locked, engagement.Stage(2).State);

        engagement.Object(1, StageParty.Unit, "指标体系未覆盖满意度，请补充问卷设计", UnitUser, Now);
        Assert.Equal(StageState.Objected, plan.State);
        Assert.False(plan.FinanceConfirmed); // the re-submission needs finance again
        Assert.Equal([StageParty.Agency], plan.Awaiting);

        engagement.Submit(1, files: 3, "已补充满意度问卷", AgencyUser, Now);
        Assert.Equal(2, plan.Version);
        engagement.Confirm(1, StageParty.Unit, UnitUser, Now);
        Assert.Equal(StageState.Locked, engagement.Stage(2).State);
        engagement.Confirm(1, StageParty.Finance, FinanceUser, Now);
        Assert.Equal(StageState.Confirmed, plan.State);
        Assert.Equal(StageState.Open, engagement.Stage(2).State);
        Assert.Equal([StageEventKind.Submitted, StageEventKind.Confirmed, StageEventKind.Objected, StageEventKind.Submitted, StageEventKind.Confirmed, StageEventKind.Confirmed],
            plan.Events.Select(e => e.Kind));
        Assert.Equal("指标体系未覆盖满意度，请补充问卷设计", plan.Events[2].Note);
    }

    [Fact]
    public void StageGate_WrongPartyOrTurn_RefusedInChinese()
    {
        var engagement = Drawn();
        Assert.Contains("尚未开始", Assert.Throws<ConflictException>(() => engagement.Submit(2, 1, null, AgencyUser, Now)).Message);
        Assert.Contains("只有第三方机构提交成果后", Assert.Throws<ConflictException>(() => engagement.Confirm(1, StageParty.Unit, UnitUser, Now)).Message);
        engagement.Submit(1, 1, null, AgencyUser, Now);
        Assert.Contains("以提交成果确认", Assert.Throws<ForbiddenException>(() => engagement.Confirm(1, StageParty.Agency, AgencyUser, Now)).Message);
        engagement.Confirm(1, StageParty.Unit, UnitUser, Now);
        Assert.Contains("已确认", Assert.Throws<ConflictException>(() => engagement.Confirm(1, StageParty.Unit, UnitUser, Now)).Message);
        Assert.Equal("意见", Assert.Throws<DomainException>(() => engagement.Object(1, StageParty.Finance, "不行", FinanceUser, Now)).Field);
    }

    [Fact]
    public void LastStageConfirmed_CompletesTheEngagement_ThenNothingMoves()
    {
        var engagement = Drawn("评价方案", "报告终稿");
        foreach (var stage in new[] { 1, 2 })
        {
            engagement.Submit(stage, 1, null, AgencyUser, Now);
            engagement.Confirm(stage, StageParty.Unit, UnitUser, Now);
            engagement.Confirm(stage, StageParty.Finance, FinanceUser, Now);
        }
        Assert.Equal(EngagementState.Completed, engagement.State);
        Assert.True(engagement.ReportConfirmed);
        Assert.Contains("已完成", Assert.Throws<ConflictException>(() => engagement.Submit(2, 1, null, AgencyUser, Now)).Message);
    }

    [Fact]
    public void Overdue_WhileWaitingPastItsDate_NotOnceConfirmed()
    {
        var engagement = Drawn();
        var plan = engagement.Stage(1); // due 2026-04-30
        Assert.False(plan.IsOverdue(new DateOnly(2026, 4, 30)));
        Assert.True(plan.IsOverdue(new DateOnly(2026, 5, 1)));
        Assert.False(engagement.Stage(2).IsOverdue(new DateOnly(2026, 12, 1))); // not started
        engagement.Submit(1, 1, null, AgencyUser, Now);
        Assert.True(plan.IsOverdue(new DateOnly(2026, 5, 1))); // waiting for the unit and finance
        engagement.Confirm(1, StageParty.Unit, UnitUser, Now);
        engagement.Confirm(1, StageParty.Finance, FinanceUser, Now);
        Assert.False(plan.IsOverdue(new DateOnly(2026, 5, 1)));
    }

    [Theory]
    [InlineData(-1, "2026-09-30", "费用")]
    [InlineData(0, "2026-02-01", "完成日期")]
    public void Plan_BadInput_NamesTheField(decimal fee, string due, string field)
    {
        var error = Assert.Throws<DomainException>(() => Engagement.Plan("140423", 2026, "WT-1", "评价", EngagementScope.KeyEvaluation,
            [EngagementSubject.Of(SubjectKind.Department, null, 106, "襄垣县教育局部门整体")], null, fee, ProcurementMethod.Inquiry,
            new DateOnly(2026, 3, 1), DateOnly.Parse(due), [("报告", new DateOnly(2026, 3, 2))], Now));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Plan_StageDueOutsideTheTermOrBeforeThePrevious_Refused()
    {
        var outside = Assert.Throws<DomainException>(() => Engagement.Plan("140423", 2026, "WT-1", "评价", EngagementScope.KeyEvaluation,
            [EngagementSubject.Of(SubjectKind.Department, null, 106, "部门整体")], null, 0, ProcurementMethod.Inquiry,
            new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30), [("方案", new DateOnly(2026, 7, 1))], Now));
        Assert.Contains("应在委托期限", outside.Message);
        var backwards = Assert.Throws<DomainException>(() => Engagement.Plan("140423", 2026, "WT-1", "评价", EngagementScope.KeyEvaluation,
            [EngagementSubject.Of(SubjectKind.Department, null, 106, "部门整体")], null, 0, ProcurementMethod.Inquiry,
            new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30), [("方案", new DateOnly(2026, 5, 1)), ("报告", new DateOnly(2026, 4, 1))], Now));
        Assert.Contains("早于上一阶段", backwards.Message);
    }
}

/// <summary>The engagement's concurrency token moves with every change, so a second concurrent action on it is refused on save.</summary>
public sealed class EngagementRevisionTests
{
    [Fact]
    public void EveryChange_RaisesTheRevision()
    {
        var engagement = EngagementTests.Drawn();
        var actor = new Jixiao.Domain.Targets.ReviewActor(31, "agency", Jixiao.Domain.Access.Role.Agency);
        var seen = new List<int> { engagement.Revision };
        engagement.Submit(1, 1, null, actor, DateTime.UnixEpoch);
        seen.Add(engagement.Revision);
        engagement.Confirm(1, StageParty.Unit, actor with { Role = Jixiao.Domain.Access.Role.DepartmentReviewer }, DateTime.UnixEpoch);
        seen.Add(engagement.Revision);
        engagement.Object(1, StageParty.Finance, "报告缺少问卷原始数据", actor with { Role = Jixiao.Domain.Access.Role.PerformanceDivision }, DateTime.UnixEpoch);
        seen.Add(engagement.Revision);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.True(seen.SequenceEqual(seen.Order()));
    }
}
