using Jixiao.Domain.Access;
using Jixiao.Domain.Notices;
using Jixiao.Domain.Rectifications;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests.Notices;

/// <summary>消息提醒's rules: who an item waits on (read off the review chains), 新任务 or 被退回, and the deadline window.</summary>
public sealed class NoticeRulesTests
{
    private static readonly DateTime Now = new(2026, 8, 28, 1, 0, 0, DateTimeKind.Utc);

    public static TheoryData<FormState?, FormState, TargetSubject, NoticeKind?, Role[]> FormMoves => new()
    {
        // issued: the unit (or, for the department's own form, the department) fills it
        { null, FormState.Pending, TargetSubject.Project, NoticeKind.NewTask, [Role.UnitFiller] },
        { null, FormState.Pending, TargetSubject.Department, NoticeKind.NewTask, [Role.DepartmentReviewer] },
        // submitted, passed on: the next reviewer of the chain
        { FormState.Pending, FormState.Submitted, TargetSubject.Project, NoticeKind.NewTask, [Role.DepartmentReviewer] },
        { FormState.Submitted, FormState.DepartmentApproved, TargetSubject.Project, NoticeKind.NewTask, [Role.BusinessDivision] },
        { FormState.Submitted, FormState.DivisionApproved, TargetSubject.Project, NoticeKind.NewTask, [Role.PerformanceDivision] },
        { FormState.Returned, FormState.Submitted, TargetSubject.Project, NoticeKind.NewTask, [Role.DepartmentReviewer] },
        // returned by any reviewer: back to the filler, as 被退回
        { FormState.Submitted, FormState.Returned, TargetSubject.Project, NoticeKind.Returned, [Role.UnitFiller] },
        { FormState.DivisionApproved, FormState.Returned, TargetSubject.Project, NoticeKind.Returned, [Role.UnitFiller] },
        { FormState.DepartmentApproved, FormState.Returned, TargetSubject.Department, NoticeKind.Returned, [Role.DepartmentReviewer] },
        // approved: waits on no one, tells no one
        { FormState.DivisionApproved, FormState.Approved, TargetSubject.Project, null, [] },
    };

    [Theory, MemberData(nameof(FormMoves))]
    public void AFormsMove_TellsWhoItNowWaitsOn(FormState? from, FormState to, TargetSubject subject, NoticeKind? kind, Role[] waiting)
    {
        Assert.Equal(kind, NoticeRules.KindOf(ReviewChains.Monitoring, subject, from, to));
        Assert.Equal(waiting, ReviewChains.Monitoring.WaitingOn(subject, to));
    }

    [Theory]
    [InlineData(null, RectificationState.Pending, NoticeKind.NewTask, Role.UnitFiller)]
    [InlineData(RectificationState.Pending, RectificationState.Submitted, NoticeKind.NewTask, Role.DepartmentReviewer)]
    [InlineData(RectificationState.Submitted, RectificationState.Verifying, NoticeKind.NewTask, Role.PerformanceDivision)]
    [InlineData(RectificationState.Verifying, RectificationState.InProgress, NoticeKind.Returned, Role.UnitFiller)]
    [InlineData(RectificationState.Submitted, RectificationState.InProgress, NoticeKind.Returned, Role.UnitFiller)]
    public void ARectificationsMove_TellsTheUnitTheDepartmentOrFinance(RectificationState? from, RectificationState to, NoticeKind kind, Role waiting)
    {
        Assert.Equal(kind, NoticeRules.KindOf(ReviewChains.Rectification, TargetSubject.Project, from, to));
        Assert.Equal([waiting], ReviewChains.Rectification.WaitingOn(TargetSubject.Project, to));
        Assert.Null(NoticeRules.KindOf(ReviewChains.Rectification, TargetSubject.Project, RectificationState.Verifying, RectificationState.Done));
    }

    [Fact]
    public void ATargetReturned_IsReturnedToItsFiller_ItsApprovalTellsNoOne()
    {
        Assert.Equal(NoticeKind.Returned, NoticeRules.KindOf(ReviewChains.Targets, TargetSubject.Project, TargetState.DivisionApproved, TargetState.Returned));
        Assert.Equal(NoticeKind.NewTask, NoticeRules.KindOf(ReviewChains.Targets, TargetSubject.Project, TargetState.Draft, TargetState.Submitted));
        Assert.Null(NoticeRules.KindOf(ReviewChains.Targets, TargetSubject.Project, TargetState.DivisionApproved, TargetState.Approved));
    }

    [Theory]
    // deadline 2026-08-31, three days' lead: nothing on the 27th, 即将到期 from the 28th to the day itself, 已逾期 from the day after
    [InlineData("2026-08-27", 3, null, "还有 4 天截止（2026年8月31日）")]
    [InlineData("2026-08-28", 3, NoticeKind.DueSoon, "还有 3 天截止（2026年8月31日）")]
    [InlineData("2026-08-31", 3, NoticeKind.DueSoon, "今天截止（2026年8月31日）")]
    [InlineData("2026-09-01", 3, NoticeKind.Overdue, "已逾期 1 天（截止 2026年8月31日）")]
    [InlineData("2026-08-30", 0, null, "还有 1 天截止（2026年8月31日）")]
    [InlineData("2026-08-31", 0, NoticeKind.DueSoon, "今天截止（2026年8月31日）")]
    public void ADeadline_CallsForANoticeFromItsLeadOn_AndOnceOverdue(string today, int lead, NoticeKind? kind, string text)
    {
        var deadline = new DateOnly(2026, 8, 31);
        Assert.Equal(kind, NoticeRules.DeadlineKind(deadline, DateOnly.Parse(today), lead));
        Assert.Equal(text, NoticeRules.DeadlineText(deadline, DateOnly.Parse(today)));
    }

    [Fact]
    public void DeadlineKeys_AreOnePerItemKindAndDeadline()
    {
        var deadline = new DateOnly(2026, 8, 31);
        Assert.Equal("due:rectification:7:20260831", NoticeRules.DeadlineKey(NoticeKind.DueSoon, "rectification:7", deadline));
        Assert.Equal("overdue:rectification:7:20260831", NoticeRules.DeadlineKey(NoticeKind.Overdue, "rectification:7", deadline));
        Assert.NotEqual(NoticeRules.DeadlineKey(NoticeKind.DueSoon, "rectification:7", deadline),
            NoticeRules.DeadlineKey(NoticeKind.DueSoon, "rectification:7", deadline.AddDays(30)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(31)]
    public void TheLead_IsZeroToThirtyDays(int days)
    {
        var error = Assert.Throws<DomainException>(() => NoticeRules.ValidDaysBefore(days));
        Assert.Equal("提前提醒天数", error.Field);
        Assert.Equal(30, NoticeRules.ValidDaysBefore(30));
    }

    [Theory]
    [InlineData("2025-11-30", null, null)]
    [InlineData("2024-12-31", null, "目标申报截止日期")]
    [InlineData(null, "2027-04-30", null)]
    [InlineData(null, "2026-12-31", "自评截止日期")]
    public void TheYearsDeadlines_LieInTheYearTheyBelongTo(string? targets, string? self, string? refusedField)
    {
        var setting = WorkflowSetting.Create("140423", 2026, "襄财绩");
        void Set() => setting.SetDeadlines(targets is null ? null : DateOnly.Parse(targets), self is null ? null : DateOnly.Parse(self), 3, Now);
        if (refusedField is null)
        {
            Set();
            Assert.Equal(targets is null ? null : DateOnly.Parse(targets), setting.TargetDeadline);
        }
        else Assert.Equal(refusedField, Assert.Throws<DomainException>(Set).Field);
    }

    [Fact]
    public void AMailFailure_IsTriedAgainUpToTheLimit()
    {
        Assert.Equal(MailState.Pending, Notice.AfterFailure(1));
        Assert.Equal(MailState.Failed, Notice.AfterFailure(Notice.MailAttemptsLimit));
        var notice = Notice.Create("140423", 1, NoticeKind.NewTask, NoticeTopic.Rectification, "k", new string('问', 300), "", "/Rectifications", 0, null, true, Now);
        Assert.Equal((Notice.TitleLength, 1, MailState.Pending), (notice.Title.Length, notice.Count, notice.MailState));
        Assert.True(notice.MarkRead(Now));
        Assert.False(notice.MarkRead(Now.AddHours(1)));
        Assert.Equal(Now, notice.ReadAtUtc);
    }
}
