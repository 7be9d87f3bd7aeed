using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Access;

/// <summary>The role a user acts in for one step of a review chain.</summary>
public static class ActingRole
{
    /// <summary>
    /// The user's role that the chain allows; otherwise any of theirs, so that the domain says precisely why not.
    /// </summary>
    /// <param name="what">the step, for the refusal of a user without business roles ("提交项目绩效目标")</param>
    public static ReviewActor Pick(CurrentUser user, Func<Role, bool> allowed, string what)
    {
        var role = user.Scope.Roles.Where(allowed).Cast<Role?>().FirstOrDefault()
                   ?? user.Scope.Roles.Cast<Role?>().FirstOrDefault()
                   ?? throw new ConflictException($"您没有业务角色，不能{what}。");
        return new ReviewActor(user.UserId, user.UserName, role);
    }
}
