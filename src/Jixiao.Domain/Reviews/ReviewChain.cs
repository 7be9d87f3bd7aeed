using System.Diagnostics.CodeAnalysis;
using Jixiao.Domain.Access;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Reviews;

/// <summary>Something a review chain moves (a version of targets, a monitoring return, a self-evaluation): what an inbox filters on.</summary>
public interface IReviewed<TState> where TState : struct, Enum
{
    TargetSubject Subject { get; }
    TState State { get; }
}

/// <summary>
/// One row of a review chain: in <paramref name="From"/>, <paramref name="By"/> doing <paramref name="Action"/> moves the item to
/// <paramref name="To"/>, for the subject given and the region-year setting given.
/// </summary>
/// <param name="By">the role that may act; null: the filler of the subject (<see cref="ReviewChain{TState,TAction}.FillerOf"/>)</param>
/// <param name="To">null: the item keeps its state (an edit in place, or an action that opens a new version)</param>
/// <param name="Subject">null: either subject</param>
/// <param name="DivisionStep">null: either setting; true or false: only when the funding division's step is on or off</param>
public sealed record ReviewRule<TState, TAction>(TState From, TAction Action, Role? By, TState? To, TargetSubject? Subject = null, bool? DivisionStep = null)
    where TState : struct, Enum where TAction : struct, Enum;

/// <summary>An attempt the table does not allow, with what its refusal names: who fills the subject and who reviews the state.</summary>
public sealed record Refused<TState, TAction>(TargetSubject Subject, TState State, TAction Action, Role Role, Role Filler, Role? Reviewer)
    where TState : struct, Enum where TAction : struct, Enum;

/// <summary>
/// A review chain as a transition table (DOMAIN.md §4.2–§4.4): every (state, action, role) not in <see cref="Rules"/> is refused
/// with a Chinese message that says who should act. Everything else is read off the table: who reviews a state, which
/// items wait in whose inbox, who may edit. Which records a user may act on (their unit, their departments, the departments
/// their division funds) is the scope's business; the table decides what a role may do in a state.
/// </summary>
/// <param name="wording">the wording of a refusal (each chain names its own thing and states)</param>
/// <param name="editInPlace">the action by which a reviewer edits the item without moving it (targets: 财政完善), if any</param>
public sealed class ReviewChain<TState, TAction>(
    IReadOnlyList<ReviewRule<TState, TAction>> rules, Func<Refused<TState, TAction>, string> wording, TAction? editInPlace = null)
    where TState : struct, Enum where TAction : struct, Enum
{
    public IReadOnlyList<ReviewRule<TState, TAction>> Rules { get; } = rules;

    /// <summary>The role that fills (and submits) an item of the subject: the unit for a project, the department for its own.</summary>
    public Role FillerOf(TargetSubject subject) =>
        subject == TargetSubject.Project ? Role.UnitFiller : Role.DepartmentReviewer;

    /// <summary>The reviewer who moves an item on from <paramref name="state"/>, or null when it is with its filler or with no one.</summary>
    public Role? ReviewerOf(TState state) =>
        Rules.FirstOrDefault(r => r.By is not null && r.To is not null && Same(r.From, state))?.By;

    /// <summary>The state after the action, or the refusal. For a rule without a to-state the state does not change.</summary>
    /// <param name="divisionStep">the region-year's setting: the funding division reviews before the performance division</param>
    public bool TryNext(TargetSubject subject, TState state, TAction action, Role role, bool divisionStep,
        out TState next, [NotNullWhen(false)] out string? refusal)
    {
        var rule = Rules.FirstOrDefault(r => Same(r.From, state) && Same(r.Action, action) && Applies(r, subject, role)
                                             && (r.DivisionStep is null || r.DivisionStep == divisionStep));
        next = rule?.To ?? state;
        refusal = rule is null ? wording(new(subject, state, action, role, FillerOf(subject), ReviewerOf(state))) : null;
        return rule is not null;
    }

    /// <summary>The state after the action; a refusal throws, for callers that act.</summary>
    public TState Next(TargetSubject subject, TState state, TAction action, Role role, bool divisionStep = true) =>
        TryNext(subject, state, action, role, divisionStep, out var next, out var refusal) ? next : throw new ConflictException(refusal);

    /// <summary>Whether the role may act so. Every setting-dependent rule has its twin for the other setting: the setting changes
    /// where an item goes, never who may act.</summary>
    public bool Allows(TargetSubject subject, TState state, TAction action, Role role) =>
        TryNext(subject, state, action, role, divisionStep: true, out _, out _);

    /// <summary>Whether an item in <paramref name="state"/> waits for <paramref name="role"/>: the role may move it on.</summary>
    public bool Awaits(TargetSubject subject, TState state, Role role) =>
        Rules.Any(r => r.To is not null && Same(r.From, state) && Applies(r, subject, role));

    /// <summary>For each subject, the states in which items wait for any of <paramref name="roles"/> (an inbox's filter).</summary>
    public IReadOnlyList<(TargetSubject Subject, IReadOnlyList<TState> States)> Awaiting(IEnumerable<Role> roles)
    {
        var mine = roles.ToList();
        return Enum.GetValues<TargetSubject>()
            .Select(subject => (subject, (IReadOnlyList<TState>)Enum.GetValues<TState>().Where(s => mine.Any(r => Awaits(subject, s, r))).ToList()))
            .Where(x => x.Item2.Count > 0)
            .ToList();
    }

    /// <summary>
    /// The states of an item its filler has handed in and that has not come back to them (已提交): where the filler's submit
    /// leads, and every state the reviewers' steps lead on to from there, short of a state in which the filler acts again
    /// (a return). What statistics count as filled or submitted — under review or through to the end.
    /// </summary>
    public IReadOnlyList<TState> HandedIn { get; } = HandedInOf(rules);

    private static List<TState> HandedInOf(IReadOnlyList<ReviewRule<TState, TAction>> rules)
    {
        var filler = rules.Where(r => r.By is null && r.To is not null).ToList();
        var withFiller = filler.Select(r => r.From).ToHashSet();
        var handedIn = filler.Select(r => r.To!.Value).Where(s => !withFiller.Contains(s)).ToHashSet();
        for (var grown = true; grown;)
            grown = rules.Where(r => r.By is not null && r.To is { } to && handedIn.Contains(r.From) && !withFiller.Contains(to))
                .Aggregate(false, (any, r) => handedIn.Add(r.To!.Value) | any);
        return Enum.GetValues<TState>().Where(handedIn.Contains).ToList();
    }

    /// <summary>The filler edits an item while it is with them (a rule of theirs moves it on); a reviewer where the table lets it edit in place.</summary>
    public bool CanEdit(TargetSubject subject, TState state, Role role) =>
        (role == FillerOf(subject) && Rules.Any(r => r.By is null && r.To is not null && Same(r.From, state) && Applies(r, subject, role)))
        || (editInPlace is { } edit && Allows(subject, state, edit, role));

    private bool Applies(ReviewRule<TState, TAction> rule, TargetSubject subject, Role role) =>
        (rule.By ?? FillerOf(subject)) == role && (rule.Subject is null || rule.Subject == subject);

    private static bool Same<T>(T a, T b) where T : struct, Enum => EqualityComparer<T>.Default.Equals(a, b);
}
