using Jixiao.Domain.Access;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Notices;

/// <summary>
/// When a notice is due and what it says (DOMAIN.md §4.6). Who is told follows the review chains: an item waits on the roles that
/// may move it on from its state (<see cref="ReviewChain{TState,TAction}.Awaits"/>), so the notices cannot drift from the inboxes.
/// </summary>
public static class NoticeRules
{
    /// <summary>[local] default: remind three days before a deadline.</summary>
    public const int DefaultDaysBefore = 3;
    public const int MaxDaysBefore = 30;

    /// <summary>The roles an item in <paramref name="state"/> waits on (empty: with no one — approved, done, withdrawn).</summary>
    public static IReadOnlyList<Role> WaitingOn<TState, TAction>(this ReviewChain<TState, TAction> chain, TargetSubject subject, TState state)
        where TState : struct, Enum where TAction : struct, Enum =>
        Roles.All.Where(r => chain.Awaits(subject, state, r)).ToList();

    /// <summary>
    /// What a move from <paramref name="from"/> (null: a new item) to <paramref name="to"/> tells those it now waits on: 被退回 when it
    /// came back to its filler from a reviewer, otherwise 新任务; null when it waits on no one.
    /// </summary>
    public static NoticeKind? KindOf<TState, TAction>(ReviewChain<TState, TAction> chain, TargetSubject subject, TState? from, TState to)
        where TState : struct, Enum where TAction : struct, Enum
    {
        var waiting = chain.WaitingOn(subject, to);
        if (waiting.Count == 0) return null;
        var filler = chain.FillerOf(subject);
        return from is { } before && waiting.Contains(filler) && !chain.Awaits(subject, before, filler) && chain.WaitingOn(subject, before).Count > 0
            ? NoticeKind.Returned
            : NoticeKind.NewTask;
    }

    /// <summary>
    /// The deadline notice an open item calls for today: 即将到期 from <paramref name="daysBefore"/> days before the deadline to the day
    /// itself, 已逾期 from the day after; none earlier.
    /// </summary>
    public static NoticeKind? DeadlineKind(DateOnly deadline, DateOnly today, int daysBefore)
    {
        if (today > deadline) return NoticeKind.Overdue;
        return deadline.DayNumber - today.DayNumber <= daysBefore ? NoticeKind.DueSoon : null;
    }

    /// <summary>One deadline notice per item (or group), kind and deadline: an extended deadline is a new one.</summary>
    public static string DeadlineKey(NoticeKind kind, string item, DateOnly deadline) =>
        $"{(kind == NoticeKind.Overdue ? "overdue" : "due")}:{item}:{deadline:yyyyMMdd}";

    /// <summary>"还有 3 天截止（2026年8月31日）", "今天截止", "已逾期 2 天（截止 2026年8月31日）".</summary>
    public static string DeadlineText(DateOnly deadline, DateOnly today)
    {
        var days = deadline.DayNumber - today.DayNumber;
        return days switch
        {
            < 0 => $"已逾期 {-days} 天（截止 {deadline:yyyy年M月d日}）",
            0 => $"今天截止（{deadline:yyyy年M月d日}）",
            _ => $"还有 {days} 天截止（{deadline:yyyy年M月d日}）",
        };
    }

    /// <summary>The days-before setting checked: 0 (only on the day) to <see cref="MaxDaysBefore"/>.</summary>
    public static int ValidDaysBefore(int days) => days is >= 0 and <= MaxDaysBefore
        ? days
        : throw new DomainException($"提前提醒天数 {days} 无效：应在 0–{MaxDaysBefore} 天之间（0 表示只在截止当天提醒）。", "提前提醒天数");
}
