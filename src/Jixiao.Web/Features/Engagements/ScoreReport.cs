using Jixiao.Domain.Engagements;
using Jixiao.Domain.Panels;

namespace Jixiao.Web.Features.Engagements;

/// <summary>The points finance gives one item of the report-quality checklist.</summary>
public sealed record ReportItemScore(string Item, decimal Points);

public static partial class EngagementWork
{
    /// <summary>
    /// 报告质量考核: the performance division scores the completed engagement's final report on the checklist of the engagement's
    /// region-year, every item at once (one missing or out of range: nothing is kept). An expert panel that reviewed the report
    /// and has its result counts half (the latest closed one).
    /// </summary>
    public static async Task<Engagement?> ScoreReportAsync(JixiaoDbContext db, CurrentUser user, long id, IReadOnlyList<ReportItemScore>? items, DateTime nowUtc,
        CancellationToken ct)
    {
        RequireKeeper(user, "考核第三方评价报告质量");
        if (await FindAsync(db, id, ct) is not { } engagement) return null;
        var form = (await SettingAsync(db, engagement.RegionCode, engagement.FiscalYear, ct))?.ReportQuality ?? ScoringForm.ReportQuality;
        var given = new Dictionary<string, decimal>();
        foreach (var item in items ?? [])
        {
            var name = (item.Item ?? "").Trim();
            if (!given.TryAdd(name, item.Points))
                throw new DomainException($"评分项“{name}”填写了两次，请只保留一行。", name);
        }
        var panel = await db.Panels.AsNoTracking()
            .Where(p => p.EngagementId == id && p.Purpose == PanelPurpose.ReportReview && p.State == PanelState.Closed)
            .OrderByDescending(p => p.Id).Select(p => p.Result).FirstOrDefaultAsync(ct);
        engagement.ScoreReport(form, given, panel, user.UserName, nowUtc);
        await Saves.SaveAsync(db, ct);
        return engagement;
    }
}
