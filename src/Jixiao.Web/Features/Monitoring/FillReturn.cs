using Jixiao.Domain.Monitoring;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>填报: the filler saves the return's figures, rows and reasons while it is with them.</summary>
public static partial class ReturnWork
{
    public static async Task<MonitoringTask?> FillAsync(JixiaoDbContext db, CurrentUser user, long id, ReturnInput input, FormLimits limits,
        DateTime nowUtc, CancellationToken ct)
    {
        var task = await FindAsync(db, id, ct);
        if (task is null) return null;
        limits.Ensure(input.Rows.Count, "监控表");
        var round = await db.MonitoringRounds.AsNoTracking().SingleAsync(r => r.Id == task.RoundId, ct);
        task.Fill(EditorOf(user, task), input, await IndicatorsAsync(db, task, ct), round,
            await RoundWork.RulesAsync(db, round.RegionCode, round.FiscalYear, ct), nowUtc);
        await CommitAsync(db, ct);
        return task;
    }

    /// <summary>填报并提交 (the page's submit button): the save, then the submit as a step of its own — a submit the chain refuses keeps what was saved.</summary>
    public static async Task<MonitoringTask?> FillAndSubmitAsync(JixiaoDbContext db, CurrentUser user, long id, ReturnInput input, FormLimits limits,
        DateTime nowUtc, CancellationToken ct)
    {
        if (await FillAsync(db, user, id, input, limits, nowUtc, ct) is null) return null;
        db.ChangeTracker.Clear();
        return await ActAsync(db, user, id, Domain.Reviews.FormAction.Submit, null, nowUtc, ct);
    }
}
