using Jixiao.Domain.Access;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// One stamped step of a review chain: who (role, user), when, what, from which state to which, with what opinion. Each chain's
/// steps are their own type (<see cref="ReviewStep"/>, <see cref="FormStep"/>) because the audit trail names rows by type.
/// </summary>
public abstract class ChainStep<TState, TAction> where TState : struct, Enum where TAction : struct, Enum
{
    public int Seq { get; private set; }
    public TAction Action { get; private set; }
    public TState FromState { get; private set; }
    public TState ToState { get; private set; }
    public Role Role { get; private set; }
    public long? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string Opinion { get; private set; } = "";

    protected void Record(int seq, TAction action, TState from, TState to, ReviewActor actor, DateTime atUtc, string? opinion) =>
        (Seq, Action, FromState, ToState, Role, UserId, UserName, AtUtc, Opinion) =
            (seq, action, from, to, actor.Role, actor.UserId, actor.UserName, atUtc, (opinion ?? "").Trim());
}
