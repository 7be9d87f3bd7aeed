using System.Security.Cryptography;
using Jixiao.Domain.Engagements;

namespace Jixiao.Web.Features.Engagements;

/// <summary>One agency as assessed for an engagement before the draw: whether it may be drawn and, if not, why.</summary>
public sealed record EligibilityRow(long AgencyId, string AgencyName, bool Eligible, IReadOnlyList<string> Exclusions);

public static partial class EngagementWork
{
    /// <summary>
    /// 抽签: the region's agencies assessed on the day (在库, qualified, no conflict with an evaluated unit or its department, not over
    /// the region-year's limit of open engagements, rated high enough last year), ordered from the seed — the one given (announced on the spot)
    /// or a new one — and the first engaged. The whole assessment is the draw record.
    /// </summary>
    public static async Task<Engagement?> DrawAsync(JixiaoDbContext db, CurrentUser user, long id, string? seed, DateOnly today, DateTime nowUtc,
        CancellationToken ct)
    {
        RequireKeeper(user, "抽签确定第三方机构");
        if (await FindAsync(db, id, ct) is not { } engagement) return null;
        var assessed = await AssessAsync(db, engagement, today, ct);
        engagement.DrawAgency(seed is { Length: > 0 } ? seed : Draws.NewSeed(today, RandomNumberGenerator.GetInt32(10_000)), assessed, user.UserName, nowUtc);
        await Saves.SaveAsync(db, ct);
        return engagement;
    }

    /// <summary>Who could be drawn today, and why the others could not (before the draw: finance checks the register first).</summary>
    public static async Task<IReadOnlyList<EligibilityRow>?> EligibilityAsync(JixiaoDbContext db, long id, DateOnly today, CancellationToken ct) =>
        await FindAsync(db, id, ct) is { } engagement
            ? (await AssessAsync(db, engagement, today, ct)).Select(a => new EligibilityRow(a.Candidate.Id, a.Candidate.Name, a.Eligible, a.Exclusions)).ToList()
            : null;

    private static async Task<IReadOnlyList<Eligibility>> AssessAsync(JixiaoDbContext db, Engagement engagement, DateOnly today, CancellationToken ct)
    {
        // A conflict recorded with a department covers its units: the evaluated organisations and their departments.
        var evaluated = await EvaluatedAsync(db, engagement.EvaluatedOrgIds, ct);

        var region = engagement.RegionCode;
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.RegionCode == region).ToListAsync(ct);
        var open = await db.Engagements.AsNoTracking().Where(e => e.RegionCode == region && e.State == EngagementState.InProgress && e.AgencyId != null)
            .GroupBy(e => e.AgencyId!.Value).Select(g => new { Agency = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Agency, g => g.Count, ct);
        var candidates = agencies.Select(a => a.CandidateOn(today, engagement.FiscalYear, open.GetValueOrDefault(a.Id)));
        var rules = (await SettingAsync(db, region, engagement.FiscalYear, ct))?.LotteryRules ?? LotteryRules.Default;
        return AgencyLottery.Assess(engagement.Scope, evaluated, candidates, rules);
    }

    /// <summary>The engaged agency declines or is set aside (a conflict found later…): the next in the draw order is engaged.</summary>
    public static async Task<Engagement?> SetAsideAsync(JixiaoDbContext db, CurrentUser user, long id, string? reason, DateTime nowUtc, CancellationToken ct)
    {
        RequireKeeper(user, "更换中选机构");
        if (await FindAsync(db, id, ct) is not { } engagement) return null;
        engagement.SetAside(reason, nowUtc);
        await Saves.SaveAsync(db, ct);
        return engagement;
    }

    public static async Task<Engagement?> CancelAsync(JixiaoDbContext db, CurrentUser user, long id, string? reason, CancellationToken ct)
    {
        RequireKeeper(user, "终止委托");
        if (await FindAsync(db, id, ct) is not { } engagement) return null;
        engagement.Cancel(reason);
        await Saves.SaveAsync(db, ct);
        return engagement;
    }
}
