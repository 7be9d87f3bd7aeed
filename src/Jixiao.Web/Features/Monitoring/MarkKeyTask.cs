using Jixiao.Domain.Monitoring;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>财政重点监控: the performance division flags a task for key monitoring.</summary>
public static partial class ReturnWork
{
    /// <summary>财政重点监控: finance flags or unflags a task.</summary>
    public static async Task<MonitoringTask?> MarkKeyAsync(JixiaoDbContext db, CurrentUser user, long id, bool isKey, DateTime nowUtc, CancellationToken ct)
    {
        EnsurePerformanceDivision(user, "标记重点监控");
        var task = await db.MonitoringTasks.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return null;
        task.MarkKey(isKey, nowUtc);
        await CommitAsync(db, ct);
        return task;
    }
}
