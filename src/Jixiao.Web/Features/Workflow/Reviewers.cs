namespace Jixiao.Web.Features.Workflow;

/// <summary>Who acted on a form, by display name (the steps keep the login and the user id).</summary>
public static class Reviewers
{
    public static async Task<IReadOnlyDictionary<long, string>> NamesAsync(JixiaoDbContext db, IEnumerable<long?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<long>().Distinct().ToList();
        // The reader already sees the form; the names of those who acted on it belong to it, wherever their accounts sit.
        return await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>The display name, or the login of a step whose account is gone or that a command-line verb took.</summary>
    public static string Name(this IReadOnlyDictionary<long, string> names, long? userId, string userName) =>
        userId is { } id && names.TryGetValue(id, out var name) ? name : userName;
}
