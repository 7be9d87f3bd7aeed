using Jixiao.Domain.Organisation;

namespace Jixiao.Web.Features.Engagements;

public static partial class EngagementWork
{
    /// <summary>The organisations reviewed and their departments (a conflict or an avoidance recorded with a department covers its units) — for the agency lottery and the experts' draw.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> EvaluatedAsync(JixiaoDbContext db, IEnumerable<long> orgIds, CancellationToken ct)
    {
        var ids = orgIds.Distinct().ToList();
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name, o.ParentId }).ToListAsync(ct);
        var parentIds = orgs.Where(o => o.ParentId != null).Select(o => o.ParentId!.Value).ToList();
        var evaluated = orgs.ToDictionary(o => o.Id, o => o.Name);
        foreach (var parent in await db.OrgUnits.AsNoTracking().Where(o => parentIds.Contains(o.Id) && o.Kind == OrgKind.Department)
                     .Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            evaluated.TryAdd(parent.Id, parent.Name);
        return evaluated;
    }

}
