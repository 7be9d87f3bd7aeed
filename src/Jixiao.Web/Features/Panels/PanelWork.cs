using System.Security.Cryptography;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Panels;
using Jixiao.Web.Features.Engagements;

namespace Jixiao.Web.Features.Panels;

/// <summary>
/// A panel to draw. <see cref="Form"/> empty: the purpose's form (<see cref="PanelForms"/>); <see cref="Seed"/> empty: one the
/// system makes (date and four random digits); <see cref="EngagementId"/>: the engagement whose report the panel reviews (its
/// subjects are then the panel's when none are given). <see cref="Persons"/>: 涉及人员 the experts' declared avoidances are
/// checked against (the evaluated units' heads, the agency's team …).
/// </summary>
public sealed record PanelInput(int FiscalYear, PanelPurpose Purpose, string Title, long? EngagementId, IReadOnlyList<SubjectInput>? Subjects,
    IReadOnlyList<PanelQuota> Quotas, string? Form, bool DropExtremes, DateOnly DueOn, IReadOnlyList<string>? Persons, string? Seed);

/// <summary>An expert to replace (declined, a conflict came to light) and why.</summary>
public sealed record PanelReplacement(long ExpertId, string? Reason);

/// <summary>An expert's scores: points for every item of the panel's form, and an opinion.</summary>
public sealed record PanelScores(IReadOnlyDictionary<string, decimal> Scores, string? Opinion);

/// <summary>
/// 评审组 use cases: the performance division draws the experts by field with quotas and avoidance from a recorded seed and
/// replaces one who cannot sit; each sitting expert scores on the panel's form; the last score computes the result. Scope is
/// the filters': a panel another region's, or one an expert does not sit on, is not found.
/// </summary>
public static class PanelWork
{
    public static readonly SaveConflicts Saves = new("该评审组刚刚被他人办理，请刷新后查看最新状态再操作。", new Dictionary<string, string>());

    public static Task<Panel?> FindAsync(JixiaoDbContext db, long id, CancellationToken ct) => db.Panels.SingleOrDefaultAsync(p => p.Id == id, ct);

    public static async Task<Panel> DrawAsync(JixiaoDbContext db, CurrentUser user, PanelInput input, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        RequireKeeper(user, "抽取评审专家");
        FiscalYears.EnsureValid(input.FiscalYear);
        var region = user.RegionCode ?? "";
        var subjects = new List<EngagementSubject>();
        foreach (var (s, i) in (input.Subjects ?? []).Select((s, i) => (s, i + 1)))
            subjects.Add(await EngagementWork.SubjectAsync(db, region, s, i, ct));
        if (input.EngagementId is { } engagementId)
        {
            var engagement = await EngagementWork.FindAsync(db, engagementId, ct)
                             ?? throw new DomainException($"委托编号 {engagementId} 不是本区划的委托，请从委托列表中选择。", "委托");
            if (subjects.Count == 0) subjects.AddRange(engagement.Subjects.Select(s => EngagementSubject.Of(s.Kind, s.ProjectId, s.OrgUnitId, s.Name)));
        }
        var form = string.IsNullOrWhiteSpace(input.Form) ? PanelForms.For(input.Purpose) : ScoringForm.Parse(input.Form);
        var persons = (input.Persons ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToHashSet();
        var evaluated = await EngagementWork.EvaluatedAsync(db, subjects.Select(s => s.OrgUnitId), ct);
        var seed = input.Seed is { Length: > 0 } given ? given : Draws.NewSeed(today, RandomNumberGenerator.GetInt32(10_000));
        var quotas = (input.Quotas ?? []).Select(Quota).ToList();
        var panel = Panel.Draw(region, input.FiscalYear, input.Purpose, input.Title, input.EngagementId, subjects, seed, quotas, form,
            input.DropExtremes, today, input.DueOn, await PoolAsync(db, region, ct), evaluated, persons, user.UserName, nowUtc);
        db.Panels.Add(panel);
        await Saves.SaveAsync(db, ct);
        return panel;
    }

    /// <summary>The next expert of the same field's order sits instead; the replaced one and the reason stay on the record.</summary>
    public static async Task<Panel?> ReplaceAsync(JixiaoDbContext db, CurrentUser user, long id, PanelReplacement change, CancellationToken ct)
    {
        RequireKeeper(user, "更换评审专家");
        if (await FindAsync(db, id, ct) is not { } panel) return null;
        panel.Replace(change.ExpertId, change.Reason, await PoolAsync(db, panel.RegionCode, ct), await EngagementWork.EvaluatedAsync(db, panel.EvaluatedOrgIds, ct));
        await Saves.SaveAsync(db, ct);
        return panel;
    }

    /// <summary>The signed-in expert's scores (only an expert account scores, and only its own line).</summary>
    public static async Task<Panel?> ScoreAsync(JixiaoDbContext db, CurrentUser user, long id, PanelScores scores, DateTime nowUtc, CancellationToken ct)
    {
        if (user.Scope.ExpertId is not { } expertId) throw new ForbiddenException("只有评审专家本人可以评分。");
        if (await FindAsync(db, id, ct) is not { } panel) return null;
        panel.Score(expertId, scores.Scores ?? new Dictionary<string, decimal>(), scores.Opinion, nowUtc);
        await Saves.SaveAsync(db, ct);
        return panel;
    }

    /// <summary>A quota's field as the pool records it: a 行业领域 code, or its Chinese name (教育 → education).</summary>
    private static PanelQuota Quota(PanelQuota quota)
    {
        var field = (quota.Field ?? "").Trim();
        var code = Sectors.CodeOf(field)
            ?? throw new DomainException($"名额中的领域“{field}”不是专家库的行业领域，应为：{string.Join("、", Sectors.Names.Values)}。", "名额");
        return quota with { Field = code };
    }

    /// <summary>The region's expert pool as the draw sees it (finance reads the whole register).</summary>
    private static async Task<IReadOnlyCollection<ExpertCandidate>> PoolAsync(JixiaoDbContext db, string region, CancellationToken ct) =>
        (await db.Experts.AsNoTracking().Where(e => e.RegionCode == region).ToListAsync(ct)).Select(e => e.AsCandidate()).ToList();

    private static void RequireKeeper(CurrentUser user, string what)
    {
        if (!user.Scope.Has(Role.PerformanceDivision)) throw new ForbiddenException($"只有财政绩效股可以{what}。");
    }
}
