using Jixiao.Domain.Access;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Engagements;

public enum StageState
{
    [Label("未开始")] Locked = 1,
    [Label("待提交")] Open = 2,
    [Label("待确认")] Submitted = 3,
    [Label("有异议")] Objected = 4,
    [Label("已确认")] Confirmed = 5,
}

/// <summary>The three parties of 三方确认.</summary>
public enum StageParty
{
    [Label("第三方机构")] Agency = 1,
    [Label("被评价单位")] Unit = 2,
    [Label("财政")] Finance = 3,
}

public enum StageEventKind
{
    [Label("提交成果")] Submitted = 1,
    [Label("确认")] Confirmed = 2,
    [Label("提出异议")] Objected = 3,
}

/// <summary>One step of a stage's history: every submission, confirmation and objection is kept, with its reason.</summary>
public sealed class StageEvent
{
    private StageEvent() { }

    public long Id { get; private set; }
    public long StageId { get; private set; }
    public int Seq { get; private set; }
    public StageEventKind Kind { get; private set; }
    public StageParty Party { get; private set; }
    /// <summary>The stage's version (submission number) the event is about.</summary>
    public int Version { get; private set; }
    public long? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string Note { get; private set; } = "";

    internal static StageEvent Of(int seq, StageEventKind kind, StageParty party, int version, ReviewActor actor, DateTime atUtc, string note) =>
        new() { Seq = seq, Kind = kind, Party = party, Version = version, UserId = actor.UserId, UserName = actor.UserName, AtUtc = atUtc, Note = note };
}

/// <summary>
/// One stage of 分阶段成果报告制 (评价方案 → 现场核查 → 报告初稿 → 报告终稿): the agency submits its deliverable (the files are
/// evidence attached to the stage), the evaluated unit and finance each confirm it or object with a reason; an objection sends
/// it back to the agency, whose next submission needs both confirmations again. The agency's confirmation is its submission,
/// so the stage is confirmed by all three parties when unit and finance have confirmed the same version. Only then does the
/// engagement open the next stage (<see cref="Engagement"/>).
/// </summary>
public sealed class DeliverableStage
{
    private DeliverableStage() { }

    public long Id { get; private set; }
    public long EngagementId { get; private set; }
    /// <summary>1, 2, …: the order of the stages.</summary>
    public int Number { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public StageState State { get; private set; }
    /// <summary>How many times the agency has submitted (0: not yet).</summary>
    public int Version { get; private set; }
    public bool UnitConfirmed { get; private set; }
    public bool FinanceConfirmed { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public DateTime? ConfirmedAtUtc { get; private set; }
    public List<StageEvent> Events { get; private set; } = [];

    internal static DeliverableStage Plan(int number, string name, DateOnly dueOn) =>
        new() { Number = number, Name = name, DueOn = dueOn, State = StageState.Locked };

    internal void Open() => State = State == StageState.Locked ? StageState.Open : State;

    /// <summary>Back to not started (a new agency takes the engagement over before anything was submitted).</summary>
    internal void Lock() => State = Version == 0 ? StageState.Locked : throw new InvalidOperationException("A submitted stage stays.");

    /// <summary>Waiting for someone and past its due date (a to-do of finance's and the agency's).</summary>
    public bool IsOverdue(DateOnly today) => State is StageState.Open or StageState.Submitted or StageState.Objected && today > DueOn;

    /// <summary>Whose move it is: the agency's while open or objected; unit's and finance's (those not yet confirmed) while submitted.</summary>
    public IReadOnlyList<StageParty> Awaiting => State switch
    {
        StageState.Open or StageState.Objected => [StageParty.Agency],
        StageState.Submitted => [.. new[] { StageParty.Unit, StageParty.Finance }.Where(p => !Confirmed(p))],
        _ => [],
    };

    public bool Confirmed(StageParty party) => party switch
    {
        StageParty.Agency => Version > 0 && State is StageState.Submitted or StageState.Confirmed,
        StageParty.Unit => UnitConfirmed,
        _ => FinanceConfirmed,
    };

    /// <param name="files">the files attached to the stage: a submission without a deliverable is refused</param>
    internal void Submit(StageParty party, int files, string? note, ReviewActor actor, DateTime atUtc)
    {
        if (party != StageParty.Agency) throw new ForbiddenException($"阶段成果由第三方机构提交，{party.Label()}只能确认或提出异议。");
        if (State is StageState.Locked) throw new ConflictException($"“{Name}”阶段尚未开始：上一阶段经三方确认后才开启。");
        if (State is StageState.Confirmed) throw new ConflictException($"“{Name}”阶段已经三方确认，不能再提交。");
        if (files <= 0) throw new DomainException($"请先上传“{Name}”的成果文件，再提交确认。", "附件");
        Version++;
        (UnitConfirmed, FinanceConfirmed) = (false, false);
        State = StageState.Submitted;
        SubmittedAtUtc = atUtc;
        Record(StageEventKind.Submitted, party, actor, atUtc, Note(note));
    }

    /// <returns>whether the stage is now confirmed by all three parties</returns>
    internal bool Confirm(StageParty party, ReviewActor actor, DateTime atUtc, string? note)
    {
        RequireReviewer(party, "确认");
        if (Confirmed(party)) throw new ConflictException($"{party.Label()}已确认“{Name}”第 {Version} 次提交的成果。");
        if (party == StageParty.Unit) UnitConfirmed = true;
        else FinanceConfirmed = true;
        Record(StageEventKind.Confirmed, party, actor, atUtc, Note(note));
        if (!(UnitConfirmed && FinanceConfirmed)) return false;
        State = StageState.Confirmed;
        ConfirmedAtUtc = atUtc;
        return true;
    }

    internal void Object(StageParty party, string? reason, ReviewActor actor, DateTime atUtc)
    {
        RequireReviewer(party, "提出异议");
        var why = Reasons.Require(reason, "提出异议");
        (UnitConfirmed, FinanceConfirmed) = (false, false);
        State = StageState.Objected;
        Record(StageEventKind.Objected, party, actor, atUtc, why);
    }

    private void RequireReviewer(StageParty party, string what)
    {
        if (party == StageParty.Agency) throw new ForbiddenException($"第三方机构以提交成果确认本阶段，不能{what}。");
        if (State != StageState.Submitted)
            throw new ConflictException($"“{Name}”阶段当前为“{State.Label()}”，只有第三方机构提交成果后才能{what}。");
    }

    /// <summary>A submission's or confirmation's note: optional, at most 1000 characters (the objection's reason is required).</summary>
    private static string Note(string? note)
    {
        var text = (note ?? "").Trim();
        return text.Length > 1000 ? throw new DomainException($"说明不超过 1000 字，当前 {text.Length} 字，请精简。", "意见") : text;
    }

    private void Record(StageEventKind kind, StageParty party, ReviewActor actor, DateTime atUtc, string note) =>
        Events.Add(StageEvent.Of(Events.Count + 1, kind, party, Version, actor, atUtc, note));
}
