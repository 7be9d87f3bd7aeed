namespace Jixiao.Domain.Engagements;

/// <summary>An agency as the lottery sees it on the day of the draw (read from the register).</summary>
/// <param name="Active">在库 on the day (not suspended or blacklisted)</param>
/// <param name="Qualified">the scopes it holds a qualification for</param>
/// <param name="ConflictOrgIds">organisations it audits or advises (declared or recorded conflicts in force on the day)</param>
/// <param name="OpenEngagements">engagements it is working on now</param>
/// <param name="Rating">its rating of last year (0–100), null when it has none yet</param>
public sealed record AgencyCandidate(long Id, string Name, bool Active, IReadOnlySet<EngagementScope> Qualified,
    IReadOnlySet<long> ConflictOrgIds, int OpenEngagements, decimal? Rating);

/// <summary>A region-year's lottery rules (configuration, DOMAIN.md §4.5).</summary>
/// <param name="MaxOpenEngagements">an agency with this many open engagements is not drawn</param>
/// <param name="MinRating">an agency rated below this last year is not drawn; an agency without a rating may be</param>
public sealed record LotteryRules(int MaxOpenEngagements = 3, decimal MinRating = 60m)
{
    public static readonly LotteryRules Default = new();
}

/// <summary>Why a candidate may or may not be drawn: the reasons are printed on the draw record.</summary>
public sealed record Eligibility(AgencyCandidate Candidate, IReadOnlyList<string> Exclusions)
{
    public bool Eligible => Exclusions.Count == 0;
}

/// <summary>
/// 抽签确定第三方机构: among the agencies eligible for the engagement, the order of <see cref="Draws"/> from a seed recorded
/// beforehand. The first eligible agency in that order is drawn; when it declines (or is set aside with a reason), the next
/// one is, so a re-draw needs no new seed and cannot be steered.
/// </summary>
public static class AgencyLottery
{
    /// <param name="evaluatedOrgs">the organisations the engagement evaluates (id → name), for conflicts of interest</param>
    public static IReadOnlyList<Eligibility> Assess(EngagementScope scope, IReadOnlyDictionary<long, string> evaluatedOrgs,
        IEnumerable<AgencyCandidate> candidates, LotteryRules rules) =>
        candidates.OrderBy(c => c.Id).Select(c => new Eligibility(c, Exclusions(scope, evaluatedOrgs, c, rules))).ToList();

    private static List<string> Exclusions(EngagementScope scope, IReadOnlyDictionary<long, string> evaluatedOrgs, AgencyCandidate c,
        LotteryRules rules)
    {
        var why = new List<string>();
        if (!c.Active) why.Add("不在库（暂停或黑名单）");
        if (!c.Qualified.Contains(scope)) why.Add($"无“{scope.Label()}”资质");
        foreach (var (orgId, name) in evaluatedOrgs.OrderBy(o => o.Key))
            if (c.ConflictOrgIds.Contains(orgId)) why.Add($"与被评价单位“{name}”有利益冲突");
        if (c.OpenEngagements >= rules.MaxOpenEngagements)
            why.Add($"在办委托 {c.OpenEngagements} 项，已达上限 {rules.MaxOpenEngagements} 项");
        if (c.Rating is { } rating && rating < rules.MinRating)
            why.Add($"上年度评级得分 {rating:0.##} 分，低于 {rules.MinRating:0.##} 分");
        return why;
    }

    /// <summary>The eligible agencies in draw order (the first is drawn).</summary>
    public static IReadOnlyList<AgencyCandidate> Order(string seed, IEnumerable<Eligibility> assessed)
    {
        var eligible = assessed.Where(a => a.Eligible).Select(a => a.Candidate).ToList();
        if (eligible.Count == 0)
            throw new ConflictException("没有符合条件的第三方机构可供抽取：请查看各机构不符合的原因，补充机构库或调整委托范围后再抽。");
        return Draws.Order(Draws.RequireSeed(seed), eligible, c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The agency drawn after the ones set aside so far (declined or excluded after the draw), in draw order.</summary>
    public static AgencyCandidate Next(IReadOnlyList<AgencyCandidate> order, IReadOnlyCollection<long> setAside) =>
        order.FirstOrDefault(c => !setAside.Contains(c.Id))
        ?? throw new ConflictException($"抽签顺序中的 {order.Count} 家机构都已放弃或被排除：请补充机构库后用新种子重新抽签。");
}
