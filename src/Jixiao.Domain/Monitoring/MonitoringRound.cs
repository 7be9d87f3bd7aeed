using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;

namespace Jixiao.Domain.Monitoring;

public enum RoundState
{
    /// <summary>进行中: units fill their returns</summary>
    [Label("进行中")]
    Open = 1,
    [Label("已结束")]
    Closed = 2,
}

/// <summary>
/// A monitoring round (监控任务) of a region and year: data as of the last day of <see cref="Month"/> (national
/// default: July, round in August; [local] any month), filled by <see cref="Deadline"/>.
/// </summary>
public sealed class MonitoringRound : IRegionOwned
{
    private MonitoringRound() { }

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public int Month { get; private set; }
    public DateOnly CutOff { get; private set; }
    public DateOnly Deadline { get; private set; }
    public string Title { get; private set; } = "";
    public RoundState State { get; private set; }
    public DateTime OpenedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>时间进度 t = m ÷ 12 of the round.</summary>
    public decimal TimeProgress => Budget.TimeProgress.ForMonth(Month);

    /// <param name="today">the opening day: a round is opened after its month has ended</param>
    public static MonitoringRound Open(string regionCode, int fiscalYear, int month, DateOnly deadline, DateOnly today, DateTime nowUtc, string? title = null)
    {
        FiscalYears.EnsureValid(fiscalYear);
        if (month is < 1 or > 12)
            throw new DomainException($"监控截止月份 {month} 无效，应在 1–12 之间（全国默认 7 月，即 1–7 月数据）。", "截止月份");
        var cutOff = new DateOnly(fiscalYear, month, DateTime.DaysInMonth(fiscalYear, month));
        if (today <= cutOff)
            throw new DomainException($"{fiscalYear} 年 {month} 月尚未结束（截止日 {cutOff:yyyy-MM-dd}），不能开启以该月为截止的监控。", "截止月份");
        if (deadline <= today)
            throw new DomainException($"填报截止日期 {deadline:yyyy-MM-dd} 应晚于今天 {today:yyyy-MM-dd}。", "填报截止日期");
        return new MonitoringRound
        {
            RegionCode = regionCode, FiscalYear = fiscalYear, Month = month, CutOff = cutOff, Deadline = deadline,
            Title = string.IsNullOrWhiteSpace(title) ? $"{fiscalYear} 年 1–{month} 月绩效运行监控" : title.Trim(),
            State = RoundState.Open, OpenedAtUtc = nowUtc,
        };
    }

    /// <summary>结束监控: returns are no longer filled or reviewed; statistics and lights stay readable.</summary>
    public void Close(DateTime nowUtc)
    {
        if (State == RoundState.Closed) throw new ConflictException($"“{Title}”已经结束。");
        State = RoundState.Closed;
        ClosedAtUtc = nowUtc;
    }
}

/// <summary>What the round's scope needs to know of a project: its 全年预算数 counting only movements up to the cut-off.</summary>
public sealed record ScopeCandidate(bool IsPool, LibraryStatus Status, DateTime? TargetsApprovedAtUtc, decimal BudgetAtCutOff);

/// <summary>
/// Which projects a round covers: every budgeted project (not a 待分资金 pool) that had money and approved
/// targets by the cut-off — so a 追加 or a 待分资金 allocation made before the cut-off is in, one made after is
/// not. Targets approved on the cut-off day count (Beijing time).
/// </summary>
public static class RoundScope
{
    public static bool Includes(ScopeCandidate project, DateOnly cutOff, out string reason)
    {
        if (project.IsPool) { reason = "待分资金项目本身不监控，分配到的项目监控"; return false; }
        if (project.Status != LibraryStatus.Budgeted) { reason = "未纳入预算"; return false; }
        if (project.BudgetAtCutOff <= 0) { reason = $"截至 {cutOff:yyyy-MM-dd} 没有预算（追加或分配在截止日之后）"; return false; }
        if (project.TargetsApprovedAtUtc is not { } approved || approved >= EndOfDayUtc(cutOff))
        {
            reason = $"截至 {cutOff:yyyy-MM-dd} 绩效目标尚未批复";
            return false;
        }
        reason = "";
        return true;
    }

    /// <summary>The first instant after <paramref name="cutOff"/> in Beijing time, in UTC: approvals before it count.</summary>
    public static DateTime EndOfDayUtc(DateOnly cutOff) => BusinessCalendar.StartUtc(cutOff.AddDays(1));
}
