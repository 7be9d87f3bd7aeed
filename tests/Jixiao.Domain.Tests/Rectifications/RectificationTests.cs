using Jixiao.Domain.Access;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Rectifications;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Rectifications;

/// <summary>整改 (DOMAIN.md §4.6): raised by finance, replied by the unit, reviewed by its department, verified by finance; overdue on the business calendar.</summary>
public sealed class RectificationTests
{
    private static readonly ReviewActor Finance = new(1, "jixiao", Role.PerformanceDivision);
    private static readonly ReviewActor Unit = new(2, "yizhong", Role.UnitFiller);
    private static readonly ReviewActor Department = new(3, "jiaoyu", Role.DepartmentReviewer);
    private static readonly ReviewActor Division = new(4, "jiaokewen", Role.BusinessDivision);
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateTime Now = new(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);

    private static RectificationInput Input(DateOnly? deadline = null, string? problem = "资金执行缓慢，结余 120 万元", string? requirement = "加快支付进度，年底前执行率达到 90%",
        decimal amount = 1_200_000m) =>
        new(RectificationSource.KeyEvaluation, 7, "plan:7:1", "2025年度财政重点评价 · 问题 1", 21, 11, 501, problem, requirement, deadline ?? new DateOnly(2027, 3, 31), amount);

    private static Rectification Raised(TargetSubject subject = TargetSubject.Project, DateOnly? deadline = null) =>
        Rectification.Raise("140423", 2025, subject, Input(deadline), Finance, Today, Now);

    [Fact]
    public void Raise_IsPendingWithItsSourceAndAStep()
    {
        var item = Raised();
        Assert.Equal(RectificationState.Pending, item.State);
        Assert.Equal("plan:7:1", item.SourceKey);
        Assert.Equal(1_200_000m, item.Amount);
        Assert.Equal("jixiao", item.RaisedBy);
        var step = Assert.Single(item.Steps);
        Assert.Equal(RectificationAction.Raise, step.Action);
        Assert.Equal("整改期限 2027-03-31", step.Opinion);
    }

    public static TheoryData<RectificationInput, string, string> Refused => new()
    {
        { Input(problem: " "), "问题描述", "请填写问题描述" },
        { Input(requirement: "改"), "整改要求", "至少 4 个字" },
        { Input(problem: new string('问', 1001)), "问题描述", "不超过 1000 字（现 1001 字）" },
        { Input(deadline: new DateOnly(2026, 12, 6)), "整改期限", "早于今天 2026-12-07" },
        { Input(deadline: new DateOnly(2027, 12, 8)), "整改期限", "超过一年" },
        { Input(amount: -1m), "问题金额", "0 到" },
        { Input(amount: 1.005m), "问题金额", "两位小数" },
        { Input() with { Source = RectificationSource.Manual, SourceId = null, SourceKey = null, SourceTitle = "" }, "问题来源", "请写明问题来源" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void Raise_RefusesWhatAUserCanGetWrong_NamingTheField(RectificationInput input, string field, string message)
    {
        var e = Assert.Throws<DomainException>(() => Rectification.Raise("140423", 2025, TargetSubject.Project, input, Finance, Today, Now));
        Assert.Equal(field, e.Field);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Raise_DeadlineTodayIsAllowed_AndOnlyThePerformanceDivisionRaises()
    {
        Assert.Equal(Today, Rectification.Raise("140423", 2025, TargetSubject.Project, Input(Today), Finance, Today, Now).Deadline);
        var e = Assert.Throws<ForbiddenException>(() => Rectification.Raise("140423", 2025, TargetSubject.Project, Input(), Division, Today, Now));
        Assert.Contains("财政绩效股登记", e.Message);
    }

    [Fact]
    public void UnitReply_DepartmentPasses_FinanceReturnsOnce_ThenAccepts()
    {
        var item = Raised();
        var submitBlank = Assert.Throws<DomainException>(() => item.Act(RectificationAction.Submit, Unit, null, Today, Now));
        Assert.Equal("整改措施及成效", submitBlank.Field);

        item.Reply("已制定支付计划，12 月支付 80 万元，执行率达到 92%", Unit, Now);
        Assert.Equal(RectificationState.InProgress, item.State);
        item.Act(RectificationAction.Submit, Unit, null, Today, Now);
        Assert.Equal(RectificationState.Submitted, item.State);
        Assert.Throws<ConflictException>(() => item.Reply("再改一次措施内容", Unit, Now));

        item.Act(RectificationAction.Approve, Department, "同意", Today, Now);
        Assert.Equal(RectificationState.Verifying, item.State);
        Assert.Equal(Today, item.HandedInOn);

        var noReason = Assert.Throws<DomainException>(() => item.Act(RectificationAction.Return, Finance, "", Today, Now));
        Assert.Equal("意见", noReason.Field);
        item.Act(RectificationAction.Return, Finance, "请补充支付凭证", Today, Now);
        Assert.Equal(RectificationState.InProgress, item.State);
        Assert.Equal("请补充支付凭证", item.ReturnReason);

        item.Reply("已制定支付计划并附支付凭证，执行率 92%", Unit, Now);
        Assert.Equal("请补充支付凭证", item.ReturnReason); // still shown while the unit rewrites its reply
        item.Act(RectificationAction.Submit, Unit, null, Today.AddDays(1), Now);
        item.Act(RectificationAction.Approve, Department, null, Today.AddDays(1), Now);
        item.Act(RectificationAction.Accept, Finance, "整改到位", Today.AddDays(2), Now);
        Assert.Equal(RectificationState.Done, item.State);
        Assert.Equal(Today.AddDays(2), item.CompletedOn);
        Assert.Equal(Today.AddDays(1), item.HandedInOn);
        Assert.True(item.OnTime);
        Assert.Equal(
            [RectificationAction.Raise, RectificationAction.Submit, RectificationAction.Approve, RectificationAction.Return, RectificationAction.Submit,
                RectificationAction.Approve, RectificationAction.Accept],
            item.Steps.OrderBy(s => s.Seq).Select(s => s.Action));
        Assert.Throws<ConflictException>(() => item.Act(RectificationAction.Return, Finance, "再退回一次", Today, Now));
    }

    public static TheoryData<TargetSubject, RectificationState, RectificationAction, Role, RectificationState?> Chain => new()
    {
        // a unit's reply goes to its department; a department's own goes straight to finance
        { TargetSubject.Project, RectificationState.InProgress, RectificationAction.Submit, Role.UnitFiller, RectificationState.Submitted },
        { TargetSubject.Department, RectificationState.InProgress, RectificationAction.Submit, Role.DepartmentReviewer, RectificationState.Verifying },
        { TargetSubject.Project, RectificationState.InProgress, RectificationAction.Submit, Role.DepartmentReviewer, null },
        { TargetSubject.Department, RectificationState.InProgress, RectificationAction.Submit, Role.UnitFiller, null },
        { TargetSubject.Project, RectificationState.Submitted, RectificationAction.Approve, Role.DepartmentReviewer, RectificationState.Verifying },
        { TargetSubject.Project, RectificationState.Submitted, RectificationAction.Return, Role.DepartmentReviewer, RectificationState.InProgress },
        { TargetSubject.Project, RectificationState.Submitted, RectificationAction.Accept, Role.PerformanceDivision, null },
        { TargetSubject.Project, RectificationState.Verifying, RectificationAction.Accept, Role.PerformanceDivision, RectificationState.Done },
        { TargetSubject.Project, RectificationState.Verifying, RectificationAction.Accept, Role.BusinessDivision, null },
        { TargetSubject.Project, RectificationState.Verifying, RectificationAction.Approve, Role.DepartmentReviewer, null },
        { TargetSubject.Project, RectificationState.Verifying, RectificationAction.Return, Role.PerformanceDivision, RectificationState.InProgress },
        { TargetSubject.Project, RectificationState.Done, RectificationAction.Return, Role.PerformanceDivision, null },
    };

    [Theory, MemberData(nameof(Chain))]
    public void Chain_SaysWhoMovesTheItemWhere(TargetSubject subject, RectificationState from, RectificationAction action, Role role, RectificationState? to)
    {
        var allowed = ReviewChains.Rectification.TryNext(subject, from, action, role, divisionStep: true, out var next, out var refusal);
        Assert.Equal(to is not null, allowed);
        if (to is { } expected) Assert.Equal(expected, next);
        else Assert.False(string.IsNullOrWhiteSpace(refusal));
    }

    [Fact]
    public void Inboxes_AreReadOffTheChain()
    {
        Assert.True(ReviewChains.Rectification.Awaits(TargetSubject.Project, RectificationState.Pending, Role.UnitFiller));
        Assert.True(ReviewChains.Rectification.Awaits(TargetSubject.Project, RectificationState.Submitted, Role.DepartmentReviewer));
        Assert.True(ReviewChains.Rectification.Awaits(TargetSubject.Department, RectificationState.Pending, Role.DepartmentReviewer));
        Assert.True(ReviewChains.Rectification.Awaits(TargetSubject.Project, RectificationState.Verifying, Role.PerformanceDivision));
        Assert.False(ReviewChains.Rectification.Awaits(TargetSubject.Project, RectificationState.Pending, Role.PerformanceDivision));
        Assert.Equal([RectificationState.Submitted, RectificationState.Verifying, RectificationState.Done], ReviewChains.Rectification.HandedIn);
    }

    [Fact]
    public void Reply_ByAnotherRole_OrOnADepartmentsItem_IsRefused()
    {
        var item = Raised();
        Assert.Contains("由预算单位填报人填写", Assert.Throws<ConflictException>(() => item.Reply("部门代填的整改情况", Department, Now)).Message);
        Assert.Throws<ForbiddenException>(() => item.Reply("财政代填的整改情况", Finance, Now));
        var own = Raised(TargetSubject.Department);
        own.Reply("部门已修订资金管理办法", Department, Now);
        own.Act(RectificationAction.Submit, Department, null, Today, Now);
        Assert.Equal(RectificationState.Verifying, own.State);
    }

    /// <summary>逾期 on the business calendar: past the deadline in Beijing and not yet with finance.</summary>
    public static TheoryData<RectificationState, string, bool> Overdue => new()
    {
        { RectificationState.Pending, "2027-03-31", false },
        { RectificationState.Pending, "2027-04-01", true },
        { RectificationState.InProgress, "2027-04-01", true },
        // with the department, the responsible side has not finished either
        { RectificationState.Submitted, "2027-04-01", true },
        // with finance: the unit has done its part
        { RectificationState.Verifying, "2027-04-01", false },
        { RectificationState.Done, "2027-04-01", false },
        { RectificationState.Cancelled, "2027-04-01", false },
    };

    [Theory, MemberData(nameof(Overdue))]
    public void IsOverdue_PastTheDeadlineAndNotWithFinance(RectificationState state, string today, bool overdue)
    {
        var facts = new RectificationFacts(RectificationSource.Monitoring, state, new DateOnly(2027, 3, 31), null, 0m);
        Assert.Equal(overdue, RectificationTally.IsOverdue(facts, DateOnly.Parse(today)));
    }

    [Fact]
    public void Overdue_TurnsAtMidnightInBeijing_NotUtc()
    {
        var item = Raised(deadline: new DateOnly(2026, 12, 31));
        // 2026-12-31 15:59 UTC is 23:59 in Beijing: still the deadline day
        Assert.False(item.IsOverdue(BusinessCalendar.DateOf(new DateTime(2026, 12, 31, 15, 59, 0, DateTimeKind.Utc))));
        // 16:00 UTC is 00:00 on 1 January in Beijing: one day overdue, though the UTC date is still 31 December
        var jan1 = BusinessCalendar.DateOf(new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc));
        Assert.True(item.IsOverdue(jan1));
        Assert.Equal(1, item.DaysOverdue(jan1));
        Assert.Equal("逾期（待整改）", item.StatusOn(jan1));
    }

    [Fact]
    public void Extend_MovesTheDeadlineLater_WithAReason_AndLiftsOverdue()
    {
        var item = Raised(deadline: Today);
        var later = Today.AddDays(3);
        Assert.True(item.IsOverdue(later));
        Assert.Equal("整改期限", Assert.Throws<DomainException>(() => item.Extend(Today, "项目尚未完工", Finance, Today, Now)).Field);
        Assert.Throws<ForbiddenException>(() => item.Extend(Today.AddDays(30), "项目尚未完工", Department, Today, Now));
        item.Extend(Today.AddDays(30), "项目尚未完工，需等待竣工结算", Finance, later, Now);
        Assert.False(item.IsOverdue(later));
        Assert.Contains("期限由 2026-12-07 延至 2027-01-06", item.Steps.Last().Opinion);
    }

    [Fact]
    public void Extend_IsRefusedOnceWithFinance_AndDoesNotHideAReturn()
    {
        var item = Raised();
        item.Reply("已制定整改方案并组织实施", Unit, Now);
        item.Act(RectificationAction.Submit, Unit, null, Today, Now);
        item.Act(RectificationAction.Approve, Department, null, Today, Now);
        Assert.Throws<ConflictException>(() => item.Extend(Today.AddDays(30), "等待竣工结算后再核实", Finance, Today, Now));
        Assert.Equal("意见", Assert.Throws<DomainException>(() => Raised().Extend(Today.AddDays(200), new string('延', 901), Finance, Today, Now)).Field);

        item.Act(RectificationAction.Return, Finance, "请补充支付凭证", Today, Now);
        Assert.Null(item.HandedInOn);
        item.Extend(Today.AddDays(200), "补充凭证需要财务结账后提供", Finance, Today, Now);
        Assert.Equal("请补充支付凭证", item.ReturnReason);
    }

    [Fact]
    public void ALongSourceTitle_IsClipped_NotRefused()
    {
        var input = Input() with { SourceTitle = "ZD-2026-001 " + new string('评', 250) + " · 问题 1" };
        Assert.Equal(200, Rectification.Raise("140423", 2025, TargetSubject.Project, input, Finance, Today, Now).SourceTitle.Length);
    }

    [Fact]
    public void LateHandIn_IsDoneButNotOnTime_AndCancelledItemsLeaveTheCount()
    {
        var late = Raised(deadline: Today);
        late.Reply("已完成整改并补充制度", Unit, Now);
        late.Act(RectificationAction.Submit, Unit, null, Today.AddDays(5), Now);
        late.Act(RectificationAction.Approve, Department, null, Today.AddDays(6), Now);
        late.Act(RectificationAction.Accept, Finance, null, Today.AddDays(7), Now);
        Assert.False(late.OnTime);

        var cancelled = Raised();
        Assert.Equal("意见", Assert.Throws<DomainException>(() => cancelled.Cancel("", Finance, Now)).Field);
        cancelled.Cancel("重复登记，已并入第 3 项", Finance, Now);
        Assert.Equal(RectificationState.Cancelled, cancelled.State);
        Assert.Throws<ConflictException>(() => cancelled.Reply("还想回复整改情况", Unit, Now));

        var open = Raised(deadline: Today);
        var lines = RectificationTally.Of([late.Facts, cancelled.Facts, open.Facts], Today.AddDays(10));
        var total = lines.Last();
        Assert.Null(total.Source);
        Assert.Equal((2, 1, 1, 1, 0, 1, 1), (total.Raised, total.Open, total.Overdue, total.Done, total.OnTime, total.Late, total.Cancelled));
        Assert.Equal(0.5m, total.DoneShare);
        Assert.Equal(0m, total.OnTimeShare);
        Assert.Equal(2_400_000m, total.Amount);
    }

    [Fact]
    public void Tally_HasALinePerSourceWithItems_ThenTheTotal()
    {
        var facts = new[]
        {
            new RectificationFacts(RectificationSource.Monitoring, RectificationState.Pending, Today, null, 0m),
            new RectificationFacts(RectificationSource.SpotCheck, RectificationState.Done, Today, Today, 0m),
            new RectificationFacts(RectificationSource.SpotCheck, RectificationState.Verifying, Today, Today, 5m),
        };
        var lines = RectificationTally.Of(facts, Today.AddDays(1));
        Assert.Equal([RectificationSource.Monitoring, RectificationSource.SpotCheck, null], lines.Select(l => l.Source));
        Assert.Equal((1, 1, 1), (lines[0].Raised, lines[0].Open, lines[0].Overdue));
        Assert.Equal((2, 1, 1, 1, 0), (lines[1].Raised, lines[1].Open, lines[1].Verifying, lines[1].OnTime, lines[1].Overdue));
        Assert.Equal(3, lines[2].Raised);
    }

    [Fact]
    public void Drafts_SayWhatTheSourceFound()
    {
        Assert.Equal("绩效运行监控红灯：预算执行率 20.00% ÷ 时间进度 58.33% = 34.29，低于 60（截至监控时点全年预算数 100.00 万元，执行数 20.00 万元）。",
            RectificationDrafts.FromMonitoring(Light.Red, "预算执行率 20.00% ÷ 时间进度 58.33% = 34.29，低于 60", 1_000_000m, 200_000m).Problem);
        Assert.Equal("自评得分 72.5 分（中），2 项指标未达到：培训人次（目标 ≥500人次，实际 420人次，原因：疫情停课）；满意度（目标 ≥90%，实际 未填，未说明原因）。",
            RectificationDrafts.FromSelfEvaluation(72.5m, Grade.Fair,
                [new("培训人次", "≥500人次", "420人次", "疫情停课"), new("满意度", "≥90%", "", "")]).Problem);
        var spot = RectificationDrafts.FromSpotCheck(95m, 78.5m, 16.5m, "佐证材料不足");
        Assert.Equal("抽查复核认定自评结果失真：自评 95 分，复核 78.5 分，相差 16.5 分。佐证材料不足", spot.Problem);
        Assert.NotEmpty(spot.Suggestion);
        var finding = RectificationDrafts.FromEvaluationFinding("资金闲置", "项目前期准备不足", "收回闲置资金", 900_000m);
        Assert.Equal(("资金闲置（原因：项目前期准备不足）", "收回闲置资金", 900_000m), (finding.Problem, finding.Suggestion, finding.Amount));
        Assert.StartsWith("事前绩效评估结论“不予支持”：绩效目标不明确（申请金额 50.00 万元）",
            RectificationDrafts.FromExAnte(ExAnteConclusion.Reject, "绩效目标不明确", 500_000m).Problem);
        var longText = RectificationDrafts.FromEvaluationFinding(new string('问', 1200), "", "", 0m).Problem;
        Assert.Equal(1000, longText.Length);
        Assert.EndsWith("…", longText);
    }
}
