using Jixiao.Domain.Budget;
using Jixiao.Domain.ExAnte;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>
/// 事前绩效评估 use cases (screen, add by hand, the unit's report, finance's conclusion, the revision) and the gate the ledger asks:
/// the loading, the rules of the region-year and the save. Scope is the filters': another region's or another unit's evaluation is
/// not found.
/// </summary>
public static partial class ExAnteWork
{
    public static readonly SaveConflicts Saves = new("该事前评估刚刚被他人办理，请刷新后查看最新状态再操作。", new Dictionary<string, string>
    {
        ["IX_ExAnteEvaluations_ProjectId"] = "该项目刚刚被他人列入事前评估，请刷新后查看。",
        ["IX_ExAnteSettings_RegionCode_FiscalYear"] = "本年度的事前评估设置刚刚被他人保存，请刷新后查看再修改。",
    });

    public static Task<ExAnteEvaluation?> FindAsync(JixiaoDbContext db, long id, CancellationToken ct) =>
        db.ExAnteEvaluations.SingleOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The region-year's rules (<see cref="ExAnteRules.Default"/> without a row of its own).</summary>
    public static async Task<ExAnteRules> RulesAsync(JixiaoDbContext db, string region, int year, CancellationToken ct) =>
        (await db.ExAnteSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct))?.Rules ?? ExAnteRules.Default;

    /// <summary>The unit may still attach or remove materials: before the conclusion, and for a revision finance asked for.</summary>
    public static bool MaterialsOpen(ExAnteEvaluation e) => e.State switch
    {
        ExAnteState.Pending or ExAnteState.Assessing => true,
        ExAnteState.Concluded => e.Conclusion == ExAnteConclusion.SupportAfterRevision,
        _ => false,
    };

    /// <summary>The performance division screens, adds, concludes and keeps the settings (预算科/绩效科).</summary>
    private static void RequireFinance(CurrentUser user, string what)
    {
        if (!user.Scope.Has(Role.PerformanceDivision))
            throw new ForbiddenException($"只有财政绩效股可以{what}。");
    }

    /// <summary>The unit (or its department) writes its own assessment and its revision.</summary>
    private static void RequireApplicant(CurrentUser user, ExAnteEvaluation e, string what)
    {
        if (!(user.Scope.Has(Role.UnitFiller) || user.Scope.Has(Role.DepartmentReviewer)) || !user.Scope.CoversOrgData(e.OrgUnitId))
            throw new ForbiddenException($"只有项目所在单位或其主管部门可以{what}。");
    }

    /// <summary>Last year's projects of the same codes (for "new" and "to continue after expiry").</summary>
    internal static async Task<Dictionary<string, Project>> PreviousAsync(JixiaoDbContext db, string region, int year, IReadOnlyCollection<string>? codes,
        CancellationToken ct)
    {
        var query = db.Projects.AsNoTracking().Where(p => p.RegionCode == region && p.FiscalYear == year - 1);
        if (codes is not null) query = query.Where(p => codes.Contains(p.Code));
        return await query.ToDictionaryAsync(p => p.Code, ct);
    }

    /// <summary>
    /// The year's projects (pools aside) that the rules catch and that have no evaluation yet, each with the rules that hold — what the
    /// screening raises (and the demo and <c>generate</c> evaluate).
    /// </summary>
    internal static async Task<(int Projects, int Listed, List<(Project Project, ExAnteFacts Facts, IReadOnlyList<string> Triggers)> Caught)> CaughtAsync(JixiaoDbContext db,
        string region, int year, ExAnteRules rules, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.RegionCode == region && p.FiscalYear == year && !p.IsPool).ToListAsync(ct);
        var listed = (await db.ExAnteEvaluations.Where(e => e.RegionCode == region && e.FiscalYear == year).Select(e => e.ProjectId).ToListAsync(ct)).ToHashSet();
        var previous = await PreviousAsync(db, region, year, null, ct);
        var funded = await FundedAsync(db, region, year, null, ct);
        var caught = new List<(Project, ExAnteFacts, IReadOnlyList<string>)>();
        foreach (var project in projects.Where(p => !listed.Contains(p.Id)))
        {
            var facts = ExAnteFacts.Of(project, previous.GetValueOrDefault(project.Code), funded.GetValueOrDefault(project.Id).Funded);
            if (ExAnteScreening.Triggers(facts, rules) is { Count: > 0 } triggers) caught.Add((project, facts, triggers));
        }
        return (projects.Count, listed.Count, caught);
    }

    /// <summary>What the ledger gives each project of the year (<see cref="ExAnteGate.FundingKinds"/>: 年初批复 + 追加 + 待分资金分配转入).</summary>
    internal static async Task<Dictionary<long, (decimal Funded, decimal Initial)>> FundedAsync(JixiaoDbContext db, string region, int year,
        IReadOnlyCollection<long>? projectIds, CancellationToken ct)
    {
        var query = db.LedgerMovements.AsNoTracking().Where(m => m.RegionCode == region && m.FiscalYear == year && ExAnteGate.FundingKinds.Contains(m.Kind));
        if (projectIds is not null) query = query.Where(m => projectIds.Contains(m.ProjectId));
        var rows = await query.Select(m => new { m.ProjectId, m.Kind, m.Amount }).ToListAsync(ct);
        return rows.GroupBy(r => r.ProjectId).ToDictionary(g => g.Key,
            g => (g.Sum(r => r.Amount), g.Where(r => r.Kind == MovementKind.InitialApproval).Sum(r => r.Amount)));
    }
}
