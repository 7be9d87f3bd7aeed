using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Rectifications;

/// <summary>What finance raises an item with; <see cref="Rectification.Raise"/> checks it.</summary>
/// <param name="SourceId">the record it came from (a monitoring task, a self-evaluation, a spot-check item, an evaluation plan, an ex-ante evaluation)</param>
/// <param name="SourceKey">one item per finding: "monitoring:42", "plan:7:2" …; null for an item raised by hand</param>
/// <param name="SourceTitle">the source as the item's page names it ("2026年8月监控 · 红灯")</param>
/// <param name="Amount">问题金额 (元): the money the problem concerns, 0 when none</param>
public sealed record RectificationInput(
    RectificationSource Source, long? SourceId, string? SourceKey, string SourceTitle, long OrgUnitId, long? DepartmentId, long? ProjectId,
    string? Problem, string? Requirement, DateOnly? Deadline, decimal Amount = 0m);

/// <summary>
/// A rectification item (整改, DOMAIN.md §4.6): a problem found by monitoring, a self-evaluation, a spot check, a department or key
/// evaluation, an ex-ante evaluation or by hand, the requirement and deadline finance sets, the responsible unit's reply with its
/// measures (and evidence files), the department's review and finance's verification. The chain is
/// <see cref="ReviewChains.Rectification"/>: a unit's reply goes to its department first; a department's own goes to finance.
/// </summary>
public sealed class Rectification : IOrgOwned, IReviewed<RectificationState>
{
    private Rectification() { }

    public const int TextLimit = 1000;
    public const int MeasuresLimit = 2000;
    /// <summary>A 延期's reason, so that the step's opinion (the two deadlines and the reason) fits its column.</summary>
    public const int ExtendReasonLimit = 900;

    public long Id { get; private set; }
    public string RegionCode { get; private set; } = "";
    /// <summary>The fiscal year of the source (the monitored, self-evaluated or evaluated year).</summary>
    public int FiscalYear { get; private set; }
    /// <summary>Project: a unit replies and its department reviews; Department: the department replies itself.</summary>
    public TargetSubject Subject { get; private set; }
    /// <summary>The responsible organisation (整改责任单位).</summary>
    public long OrgUnitId { get; private set; }
    public long? DepartmentId { get; private set; }
    public long? ProjectId { get; private set; }
    public RectificationSource Source { get; private set; }
    public long? SourceId { get; private set; }
    public string? SourceKey { get; private set; }
    public string SourceTitle { get; private set; } = "";
    public string Problem { get; private set; } = "";
    public string Requirement { get; private set; } = "";
    /// <summary>问题金额 (元).</summary>
    public decimal Amount { get; private set; }
    /// <summary>整改期限: the last business day on which the reply may reach finance.</summary>
    public DateOnly Deadline { get; private set; }
    public RectificationState State { get; private set; }
    /// <summary>整改措施及成效: the responsible side's reply.</summary>
    public string Measures { get; private set; } = "";
    public string RepliedBy { get; private set; } = "";
    public DateTime? RepliedAtUtc { get; private set; }
    /// <summary>The business day the reply last reached finance (待核实).</summary>
    public DateOnly? HandedInOn { get; private set; }
    /// <summary>The business day finance accepted it.</summary>
    public DateOnly? CompletedOn { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public DateTime RaisedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public int Version { get; private set; }
    public List<RectificationStep> Steps { get; private set; } = [];

    public bool IsClosed => State is RectificationState.Done or RectificationState.Cancelled;

    /// <summary>
    /// 逾期: past its deadline (on the business calendar) and not yet with finance — still with the unit or with its department. A reply
    /// finance has not yet verified is not overdue: the responsible side has done its part.
    /// </summary>
    public bool IsOverdue(DateOnly today) => RectificationTally.IsOverdue(Facts, today);

    public RectificationFacts Facts => new(Source, State, Deadline, HandedInOn, Amount);

    public int DaysOverdue(DateOnly today) => IsOverdue(today) ? today.DayNumber - Deadline.DayNumber : 0;

    /// <summary>按期完成: done, and the accepted reply reached finance on or before the (possibly extended) deadline.</summary>
    public bool? OnTime => State == RectificationState.Done && HandedInOn is { } d ? d <= Deadline : null;

    /// <summary>The state as lists show it: 逾期 in front of the step when overdue.</summary>
    public string StatusOn(DateOnly today) => IsOverdue(today) ? $"逾期（{State.Label()}）" : State.Label();

    /// <summary>Why the reply came back, while it is with the unit after a return.</summary>
    public string? ReturnReason => State == RectificationState.InProgress && LastFlowStep is { Action: RectificationAction.Return } last ? last.Opinion : null;

    /// <summary>The last step that moved the item or wrote to it (a 延期 changes only the deadline).</summary>
    private RectificationStep? LastFlowStep => Steps.Where(s => s.Action != RectificationAction.Extend).MaxBy(s => s.Seq);

    /// <summary>Raised by finance's performance division. The deadline is a business day from today to a year ahead.</summary>
    public static Rectification Raise(string regionCode, int fiscalYear, TargetSubject subject, RectificationInput input, ReviewActor actor,
        DateOnly today, DateTime nowUtc)
    {
        if (actor.Role != Role.PerformanceDivision)
            throw new ForbiddenException($"整改事项由财政绩效股登记，{actor.Role.Label()}不能登记。");
        var problem = Text(input.Problem, "问题描述", TextLimit);
        var requirement = Text(input.Requirement, "整改要求", TextLimit);
        var deadline = input.Deadline ?? throw new DomainException("请填写整改期限（日期，如 2027-03-31）。", "整改期限");
        if (deadline < today)
            throw new DomainException($"整改期限 {deadline:yyyy-MM-dd} 早于今天 {today:yyyy-MM-dd}，请填写今天或以后的日期。", "整改期限");
        if (deadline > today.AddYears(1))
            throw new DomainException($"整改期限 {deadline:yyyy-MM-dd} 超过一年，请分阶段登记整改事项（期限不晚于 {today.AddYears(1):yyyy-MM-dd}）。", "整改期限");
        if (input.Amount < 0 || input.Amount > Money.Max)
            throw new DomainException($"问题金额必须在 0 到 {Money.Wan(Money.Max)} 之间（元）。", "问题金额");
        if (decimal.Round(input.Amount, 2) != input.Amount)
            throw new DomainException("问题金额最多保留两位小数（元到分）。", "问题金额");
        var title = (input.SourceTitle ?? "").Trim();
        if (input.Source != RectificationSource.Manual) title = RectificationDrafts.Clip(title, 200);
        if (title.Length is 0 or > 200) throw new DomainException("请写明问题来源（不超过 200 字），如检查、审计或人大意见的文号。", "问题来源");
        if (input.Source != RectificationSource.Manual && (input.SourceId is null || string.IsNullOrEmpty(input.SourceKey)))
            throw new InvalidOperationException("A found problem links to its source.");
        var item = new Rectification
        {
            RegionCode = regionCode, FiscalYear = fiscalYear, Subject = subject, OrgUnitId = input.OrgUnitId, DepartmentId = input.DepartmentId,
            ProjectId = input.ProjectId, Source = input.Source, SourceId = input.SourceId, SourceKey = input.SourceKey, SourceTitle = title,
            Problem = problem, Requirement = requirement, Amount = input.Amount, Deadline = deadline, State = RectificationState.Pending,
            RaisedBy = actor.UserName, RaisedAtUtc = nowUtc, UpdatedAtUtc = nowUtc,
        };
        item.Stamp(RectificationAction.Raise, RectificationState.Pending, actor, nowUtc, $"整改期限 {deadline:yyyy-MM-dd}");
        return item;
    }

    /// <summary>The responsible side writes (or rewrites) its measures while the item is with it; the item is then 整改中.</summary>
    public void Reply(string? measures, ReviewActor actor, DateTime nowUtc)
    {
        RequireFiller(actor, "填写整改情况");
        Measures = Text(measures, "整改措施及成效", MeasuresLimit);
        (RepliedBy, RepliedAtUtc) = (actor.UserName, nowUtc);
        Touch(nowUtc);
        if (State == RectificationState.Pending) State = RectificationState.InProgress;
    }

    /// <summary>提交, 审核通过, 退回, 核实通过 by the chain's table; a return needs its reason, a submit a written reply.</summary>
    public void Act(RectificationAction action, ReviewActor actor, string? opinion, DateOnly today, DateTime nowUtc)
    {
        if (!Enum.IsDefined(action)) throw new DomainException("未知的操作，请选择提交、审核通过、核实通过或退回。", "操作");
        if (action is RectificationAction.Extend or RectificationAction.Cancel or RectificationAction.Raise)
            throw new InvalidOperationException($"{action} has its own method.");
        if (IsClosed) throw new ConflictException($"整改事项已{State.Label()}，不能再{action.Label()}。");
        var next = ReviewChains.Rectification.Next(Subject, State, action, actor.Role);
        if (action == RectificationAction.Submit && Measures.Length == 0)
            throw new DomainException("请先填写整改措施及成效，再提交。", "整改措施及成效");
        var why = action == RectificationAction.Return ? Reasons.Require(opinion, "退回") : (opinion ?? "").Trim();
        if (why.Length > TextLimit) throw new DomainException($"意见不超过 {TextLimit} 字。", "意见");
        if (next == RectificationState.Verifying) HandedInOn = today;
        if (action == RectificationAction.Return) HandedInOn = null;
        if (next == RectificationState.Done) CompletedOn = today;
        Stamp(action, next, actor, nowUtc, why);
        State = next;
        Touch(nowUtc);
    }

    /// <summary>延期: finance moves the deadline later, with a reason; an overdue item may be extended (it is then no longer overdue).</summary>
    public void Extend(DateOnly? deadline, string? reason, ReviewActor actor, DateOnly today, DateTime nowUtc)
    {
        RequireFinance(actor, RectificationAction.Extend);
        if (State == RectificationState.Verifying)
            throw new ConflictException("整改情况已报送财政核实，不再延期：按期与否以报送日期为准；如需补充，请退回并写明理由。");
        var to = deadline ?? throw new DomainException("请填写新的整改期限。", "整改期限");
        if (to <= Deadline) throw new DomainException($"新的整改期限 {to:yyyy-MM-dd} 应晚于原期限 {Deadline:yyyy-MM-dd}。", "整改期限");
        if (to < today) throw new DomainException($"新的整改期限 {to:yyyy-MM-dd} 早于今天 {today:yyyy-MM-dd}。", "整改期限");
        if (to > today.AddYears(1)) throw new DomainException($"新的整改期限不晚于 {today.AddYears(1):yyyy-MM-dd}（一年内）。", "整改期限");
        var why = Reasons.Require(reason, "延期");
        if (why.Length > ExtendReasonLimit) throw new DomainException($"延期理由不超过 {ExtendReasonLimit} 字。", "意见");
        Stamp(RectificationAction.Extend, State, actor, nowUtc, $"期限由 {Deadline:yyyy-MM-dd} 延至 {to:yyyy-MM-dd}：{why}");
        Deadline = to;
        Touch(nowUtc);
    }

    /// <summary>撤销: finance withdraws an item raised in error, with a reason; it no longer counts in statistics.</summary>
    public void Cancel(string? reason, ReviewActor actor, DateTime nowUtc)
    {
        RequireFinance(actor, RectificationAction.Cancel);
        var why = Reasons.Require(reason, "撤销");
        Stamp(RectificationAction.Cancel, RectificationState.Cancelled, actor, nowUtc, why);
        State = RectificationState.Cancelled;
        Touch(nowUtc);
    }

    /// <summary>Whether the role writes the reply now: the chain's filler of the subject, while the item is with it.</summary>
    public bool CanReply(Role role) => !IsClosed && ReviewChains.Rectification.CanEdit(Subject, State, role);

    private void RequireFiller(ReviewActor actor, string what)
    {
        var filler = ReviewChains.Rectification.FillerOf(Subject);
        if (actor.Role != filler)
        {
            // a filler of the other subject (a department on its unit's item) is refused for this item, not for the role
            var message = $"整改情况由{filler.Label()}填写，{actor.Role.Label()}不能{what}。";
            throw Enum.GetValues<TargetSubject>().Any(s => ReviewChains.Rectification.FillerOf(s) == actor.Role)
                ? new ConflictException(message + (Subject == TargetSubject.Project ? "单位提交后，主管部门在“待主管部门审核”时审核。" : ""))
                : new ForbiddenException(message);
        }
        if (IsClosed) throw new ConflictException($"整改事项已{State.Label()}，不能再{what}。");
        if (!ReviewChains.Rectification.CanEdit(Subject, State, actor.Role))
            throw new ConflictException($"整改事项当前为“{State.Label()}”，已交审核，不能{what}；被退回后可修改。");
    }

    private void RequireFinance(ReviewActor actor, RectificationAction action)
    {
        if (actor.Role != Role.PerformanceDivision)
            throw new ForbiddenException($"只有财政绩效股可以{action.Label()}整改事项。");
        if (IsClosed) throw new ConflictException($"整改事项已{State.Label()}，不能再{action.Label()}。");
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    private void Stamp(RectificationAction action, RectificationState to, ReviewActor actor, DateTime nowUtc, string? opinion) =>
        Steps.Add(RectificationStep.Stamp(Steps.Count == 0 ? 1 : Steps.Max(s => s.Seq) + 1, action, State == 0 ? to : State, to, actor, nowUtc, opinion));

    private static string Text(string? value, string field, int limit)
    {
        var text = (value ?? "").Trim();
        if (text.Length < 4) throw new DomainException($"请填写{field}（至少 4 个字）。", field);
        if (text.Length > limit) throw new DomainException($"{field}不超过 {limit} 字（现 {text.Length} 字）。", field);
        return text;
    }
}

/// <summary>One stamped step of a rectification item: raised, replied, reviewed, returned, verified, extended, withdrawn.</summary>
public sealed class RectificationStep : ChainStep<RectificationState, RectificationAction>
{
    private RectificationStep() { }

    internal static RectificationStep Stamp(int seq, RectificationAction action, RectificationState from, RectificationState to, ReviewActor actor,
        DateTime atUtc, string? opinion)
    {
        var step = new RectificationStep();
        step.Record(seq, action, from, to, actor, atUtc, opinion);
        return step;
    }
}
