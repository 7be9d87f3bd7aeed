using System.Globalization;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Indicators;

namespace Jixiao.Domain.Panels;

public enum PanelPurpose
{
    [Label("目标评审")] TargetReview = 1,
    [Label("事前评估评审")] ExAnteReview = 2,
    [Label("评价评审")] EvaluationReview = 3,
    [Label("报告评审")] ReportReview = 4,
}

/// <summary>An expert as a draw sees them (read from the pool).</summary>
/// <param name="Fields">行业领域 (the indicator library's sectors)</param>
/// <param name="OrgUnitId">their organisation when it is in the county's tree</param>
/// <param name="AvoidOrgIds">organisations they declared they must not review</param>
/// <param name="AvoidPersons">persons they declared they must not review with or for</param>
public sealed record ExpertCandidate(long Id, string Name, bool Active, IReadOnlySet<string> Fields, long? OrgUnitId, string Organisation,
    IReadOnlySet<long> AvoidOrgIds, IReadOnlySet<string> AvoidPersons);

/// <summary>How many experts of one field the panel needs (e.g. 2 教育 + 1 财务).</summary>
public sealed record PanelQuota(string Field, int Count);

/// <summary>One expert drawn for a field, with the rank in that field's order (for replacements).</summary>
public sealed record DrawnExpert(ExpertCandidate Expert, string Field, int Rank);

/// <summary>An expert who cannot sit on this panel, and why (printed on the draw record).</summary>
public sealed record AvoidedExpert(ExpertCandidate Expert, IReadOnlyList<string> Reasons);

/// <summary>
/// 专家抽取: for each quota in turn, the experts of the field who are in the pool and need not avoid the panel, in the order of
/// <see cref="Draws"/> from the seed (key <c>领域|编号</c>); the first ones not already drawn for an earlier quota sit. A
/// replacement (an expert declines, or a conflict comes to light) is the next in the same field's order.
/// </summary>
public static class ExpertDraw
{
    /// <param name="evaluatedOrgs">organisations whose work the panel reviews (id → name)</param>
    /// <param name="persons">persons involved (the evaluated units' heads, the agency's team …) for declared avoidances</param>
    public static IReadOnlyList<AvoidedExpert> Avoided(IEnumerable<ExpertCandidate> pool, IReadOnlyDictionary<long, string> evaluatedOrgs,
        IReadOnlySet<string> persons) =>
        pool.OrderBy(e => e.Id).Select(e => new AvoidedExpert(e, Reasons(e, evaluatedOrgs, persons))).Where(a => a.Reasons.Count > 0).ToList();

    private static List<string> Reasons(ExpertCandidate e, IReadOnlyDictionary<long, string> evaluatedOrgs, IReadOnlySet<string> persons)
    {
        var why = new List<string>();
        if (!e.Active) why.Add("不在库（暂停或退出）");
        if (e.OrgUnitId is { } own && evaluatedOrgs.TryGetValue(own, out var same)) why.Add($"与被评对象同单位（{same}）");
        foreach (var (id, name) in evaluatedOrgs.OrderBy(o => o.Key))
            if (e.AvoidOrgIds.Contains(id)) why.Add($"申报回避单位“{name}”");
        foreach (var person in persons.Order(StringComparer.Ordinal))
            if (e.AvoidPersons.Contains(person)) why.Add($"申报回避人员“{person}”");
        return why;
    }

    /// <summary>The order of one field's eligible experts (the drawn come first, replacements after).</summary>
    public static IReadOnlyList<ExpertCandidate> Order(string seed, string field, IEnumerable<ExpertCandidate> pool, IEnumerable<AvoidedExpert> avoided)
    {
        var out_ = avoided.Select(a => a.Expert.Id).ToHashSet();
        return Draws.Order(Draws.RequireSeed(seed), pool.Where(e => e.Fields.Contains(field) && !out_.Contains(e.Id)),
            e => $"{field}|{e.Id.ToString(CultureInfo.InvariantCulture)}");
    }

    public static IReadOnlyList<DrawnExpert> Draw(string seed, IReadOnlyList<PanelQuota> quotas, IReadOnlyCollection<ExpertCandidate> pool,
        IReadOnlyDictionary<long, string> evaluatedOrgs, IReadOnlySet<string> persons)
    {
        CheckQuotas(quotas);
        var avoided = Avoided(pool, evaluatedOrgs, persons);
        var drawn = new List<DrawnExpert>();
        foreach (var quota in quotas)
        {
            var order = Order(seed, quota.Field, pool, avoided);
            var free = order.Select((e, i) => (e, Rank: i + 1)).Where(x => drawn.All(d => d.Expert.Id != x.e.Id)).Take(quota.Count).ToList();
            if (free.Count < quota.Count)
                throw new ConflictException(
                    $"“{Sectors.Name(quota.Field)}”领域需要 {quota.Count} 名专家，符合条件的只有 {free.Count} 名（在库 {pool.Count(e => e.Fields.Contains(quota.Field))} 名，其中 {avoided.Count(a => a.Expert.Fields.Contains(quota.Field))} 名须回避）：请减少名额或补充专家库。");
            drawn.AddRange(free.Select(x => new DrawnExpert(x.e, quota.Field, x.Rank)));
        }
        return drawn;
    }

    /// <summary>The next expert of the field after those drawn or replaced so far.</summary>
    public static DrawnExpert Replacement(string seed, string field, IReadOnlyCollection<ExpertCandidate> pool, IReadOnlyDictionary<long, string> evaluatedOrgs,
        IReadOnlySet<string> persons, IReadOnlyCollection<long> usedIds)
    {
        var order = Order(seed, field, pool, Avoided(pool, evaluatedOrgs, persons));
        var next = order.Select((e, i) => (e, Rank: i + 1)).FirstOrDefault(x => !usedIds.Contains(x.e.Id));
        return next.e is null
            ? throw new ConflictException($"“{Sectors.Name(field)}”领域已没有可递补的专家：请补充专家库后另行抽取。")
            : new DrawnExpert(next.e, field, next.Rank);
    }

    public static void CheckQuotas(IReadOnlyList<PanelQuota> quotas)
    {
        if (quotas.Count == 0 || quotas.Any(q => q.Count <= 0))
            throw new DomainException("请设置各领域的抽取名额（每个领域至少 1 名）。", "名额");
        if (quotas.GroupBy(q => q.Field).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException($"领域“{Sectors.Name(twice.Key)}”的名额重复设置，请合并为一行。", "名额");
        if (quotas.Sum(q => q.Count) is var total && (total < 3 || total > 15))
            throw new DomainException($"评审组应为 3–15 人（现为 {quotas.Sum(q => q.Count)} 人），一般为单数。", "名额");
    }
}
