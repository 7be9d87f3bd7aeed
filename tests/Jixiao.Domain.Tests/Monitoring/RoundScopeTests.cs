using Jixiao.Domain.Budget;
using Jixiao.Domain.Monitoring;

namespace Jixiao.Domain.Tests.Monitoring;

/// <summary>Which projects a round covers, as of its cut-off (DOMAIN.md §4.3).</summary>
public sealed class RoundScopeTests
{
    private static readonly DateOnly CutOff = new(2026, 7, 31);
    private static readonly DateTime Approved = new(2026, 1, 20, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>A project whose 全年预算数 at the cut-off comes from the ledger arithmetic of its movements.</summary>
    private static ScopeCandidate Project(DateTime? approved, params (MovementKind, decimal, string)[] movements) =>
        new(false, LibraryStatus.Budgeted, approved, Ledger.Compute(
            movements.Select((m, i) => new LedgerEntry(m.Item1, m.Item2, DateOnly.Parse(m.Item3), $"D{i}", "")), [], CutOff, 2026).AdjustedBudget);

    [Fact]
    public void AdditionsAndPoolAllocationsBeforeTheCutOff_AreIn_AndAfterItAreNot()
    {
        var initial = Project(Approved, (MovementKind.InitialApproval, 100_000m, "2026-01-15"));
        var addedInJune = Project(new DateTime(2026, 6, 20, 1, 0, 0, DateTimeKind.Utc), (MovementKind.Addition, 50_000m, "2026-06-10"));
        var allocatedInJuly = Project(new DateTime(2026, 7, 31, 15, 0, 0, DateTimeKind.Utc), (MovementKind.PoolAllocationIn, 80_000m, "2026-07-30")); // 23:00 Beijing on the cut-off day
        var allocatedInAugust = Project(new DateTime(2026, 8, 5, 1, 0, 0, DateTimeKind.Utc), (MovementKind.PoolAllocationIn, 80_000m, "2026-08-02"));
        var addedAfter = Project(Approved, (MovementKind.Addition, 30_000m, "2026-08-01"));

        Assert.True(RoundScope.Includes(initial, CutOff, out _));
        Assert.True(RoundScope.Includes(addedInJune, CutOff, out _));
        Assert.True(RoundScope.Includes(allocatedInJuly, CutOff, out _));
        Assert.False(RoundScope.Includes(allocatedInAugust, CutOff, out var why));
        Assert.Contains("没有预算", why);
        Assert.False(RoundScope.Includes(addedAfter, CutOff, out _));
    }

    [Fact]
    public void TargetsApprovedAfterTheCutOff_AreOut_AsArePoolsAndFullyRecoveredProjects()
    {
        Assert.False(RoundScope.Includes(Project(new DateTime(2026, 7, 31, 16, 0, 0, DateTimeKind.Utc), (MovementKind.InitialApproval, 1m, "2026-01-15")), CutOff, out var late));
        Assert.Contains("尚未批复", late);
        Assert.False(RoundScope.Includes(Project(null, (MovementKind.InitialApproval, 1m, "2026-01-15")), CutOff, out _));
        Assert.False(RoundScope.Includes(new ScopeCandidate(true, LibraryStatus.Budgeted, Approved, 1m), CutOff, out _));
        Assert.False(RoundScope.Includes(Project(Approved, (MovementKind.InitialApproval, 100m, "2026-01-15"), (MovementKind.Recovery, 100m, "2026-05-01")), CutOff, out _));
    }

    [Fact]
    public void Round_OpensAfterItsMonth_WithADeadlineAhead()
    {
        var round = MonitoringRound.Open("140423", 2026, 7, new DateOnly(2026, 8, 20), new DateOnly(2026, 8, 1), DateTime.UnixEpoch);
        Assert.Equal((new DateOnly(2026, 7, 31), 0.5833m, "2026 年 1–7 月绩效运行监控"), (round.CutOff, round.TimeProgress, round.Title));
        Assert.Contains("尚未结束", Assert.Throws<DomainException>(() => MonitoringRound.Open("140423", 2026, 7, new DateOnly(2026, 8, 20), new DateOnly(2026, 7, 31), DateTime.UnixEpoch)).Message);
        Assert.Contains("应晚于今天", Assert.Throws<DomainException>(() => MonitoringRound.Open("140423", 2026, 7, new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 1), DateTime.UnixEpoch)).Message);
        Assert.Contains("1–12", Assert.Throws<DomainException>(() => MonitoringRound.Open("140423", 2026, 13, new DateOnly(2027, 2, 1), new DateOnly(2027, 1, 5), DateTime.UnixEpoch)).Message);
    }
}
