using Jixiao.Domain;
using Jixiao.Domain.Access;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Shared;
using Jixiao.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;

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
