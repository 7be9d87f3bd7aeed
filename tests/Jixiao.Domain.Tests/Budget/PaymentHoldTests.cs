using Jixiao.Domain.Budget;
using Jixiao.Domain.Tests.Monitoring;
using Jixiao.Domain.Tests.Targets;

namespace Jixiao.Domain.Tests.Budget;

/// <summary>暂缓拨付 (DOMAIN.md §4.3, §4.6): payments dated in the held period are refused, naming the hold; the release opens the days after it.</summary>
public sealed class PaymentHoldTests
{
    private static readonly DateOnly From = new(2026, 8, 20);
    private static readonly DateOnly Today = new(2026, 9, 30);

    private static PaymentHold Held() =>
        PaymentHold.Place(Saved.WithId(PerformanceTargetTests.SchoolProject(), 21), From, 300_000m, "襄财绩〔2026〕8号", "项目实施进度严重滞后，暂缓拨付剩余资金", "perf", From);

    public static TheoryData<string, string?, bool> Dates => new()
    {
        // held from its first day, with no end until released
        { "2026-08-19", null, false },
        { "2026-08-20", null, true },
        { "2026-12-31", null, true },
        // released on 10 October: the days before it stay held, the release day and after are open
        { "2026-10-09", "2026-10-10", true },
        { "2026-10-10", "2026-10-10", false },
        { "2026-08-19", "2026-10-10", false },
    };

    [Theory, MemberData(nameof(Dates))]
    public void Holds_FromItsDate_UntilTheRelease(string date, string? released, bool held)
    {
        var hold = Held();
        if (released is not null) hold.Release(DateOnly.Parse(released), "已按要求完成整改，恢复拨付", "perf", Today);
        Assert.Equal(held, hold.Holds(DateOnly.Parse(date)));
    }

    [Fact]
    public void Refusal_NamesTheProjectTheHoldAndTheDate()
    {
        var refusal = PaymentHold.Refusal([Held()], "学生资助补助经费", new DateOnly(2026, 9, 1));
        Assert.Equal("项目“学生资助补助经费”自 2026-08-20 起暂缓拨付（襄财绩〔2026〕8号，项目实施进度严重滞后，暂缓拨付剩余资金），尚未解除："
                     + "支付日期 2026-09-01 在暂缓期间，不能导入。请核实该笔支付，或待财政解除暂缓后按解除后的日期支付。", refusal);
        Assert.Null(PaymentHold.Refusal([Held()], "学生资助补助经费", new DateOnly(2026, 8, 1)));
        Assert.Null(PaymentHold.Refusal([], "学生资助补助经费", new DateOnly(2026, 9, 1)));
    }

    public static TheoryData<string, string?, string> BadReleases => new()
    {
        { "2026-09-29", "已完成整改，恢复拨付", "早于今天" },
        { "2026-08-19", "已完成整改，恢复拨付", "早于今天" },
        { "2026-10-10", "好", "至少 4 个字" },
    };

    [Theory, MemberData(nameof(BadReleases))]
    public void Release_RefusesAPastDateAnotherYearOrNoReason(string on, string? reason, string message)
    {
        var e = Assert.Throws<DomainException>(() => Held().Release(DateOnly.Parse(on), reason, "perf", Today));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void ABackDatedDecision_HoldsFromTheDayItIsRecorded_AndMayBeReleasedThatDay()
    {
        var project = Saved.WithId(PerformanceTargetTests.SchoolProject(), 21);
        var hold = PaymentHold.Place(project, From, 300_000m, "襄财绩〔2026〕8号", "项目实施进度严重滞后，暂缓拨付剩余资金", "perf", Today);
        Assert.Equal(Today, hold.From);
        // the treasury's payments between the decision and its recording were made in good faith
        Assert.False(hold.Holds(Today.AddDays(-1)));
        Assert.True(hold.Holds(Today));
        hold.Release(Today, "经核实已整改到位，恢复拨付", "perf", Today);
        Assert.False(hold.Holds(Today));
        Assert.False(hold.IsHeldOn(Today));
    }

    [Fact]
    public void AReleaseFromALaterDay_StillHoldsUntilThen()
    {
        var hold = Held();
        hold.Release(Today.AddDays(5), "整改完成后第五日起恢复拨付", "perf", Today);
        Assert.True(hold.IsHeldOn(Today));
        Assert.True(hold.Holds(Today.AddDays(4)));
        Assert.False(hold.IsHeldOn(Today.AddDays(5)));
    }

    [Fact]
    public void Release_Once()
    {
        var hold = Held();
        hold.Release(Today, "已完成整改，恢复拨付", "perf", Today);
        Assert.Throws<ConflictException>(() => hold.Release(Today.AddDays(1), "再次解除暂缓", "perf", Today));
    }
}
