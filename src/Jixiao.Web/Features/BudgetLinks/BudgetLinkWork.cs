using Jixiao.Domain.BudgetLinks;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Rectifications;
using Jixiao.Domain.Reviews;

namespace Jixiao.Web.Features.BudgetLinks;

/// <summary>
/// 结果与预算挂钩 use cases: suggest for next year's proposals, decide, set the rules. Next year's proposal continues this year's project
/// of the same unit and name (项目名称相同的延续项目); its results are those of this year's project and of the year before.
/// </summary>
public static partial class BudgetLinkWork
{
    public static readonly SaveConflicts Saves = new("该挂钩建议刚刚被他人处理，请刷新后再操作。", new Dictionary<string, string>
    {
        ["IX_BudgetLinks_ProposalProjectId"] = "该项目的挂钩建议刚刚已生成，请刷新后查看。",
        ["IX_BudgetLinkSettings_RegionCode_FiscalYear"] = "该年度的挂钩规则刚刚已由他人保存，请刷新后再改。",
    });

    /// <summary>The region-year's rules (the defaults without a row).</summary>
    public static async Task<LinkRuleValues> RulesAsync(JixiaoDbContext db, string region, int year, CancellationToken ct) =>
        (await db.BudgetLinkSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct))?.Values
        ?? LinkRuleValues.Default;

    /// <summary>The performance division (财政绩效股及预算股) of one region suggests and decides.</summary>
    internal static string RegionOf(CurrentUser user, string what) =>
        user.Scope.Has(Role.PerformanceDivision)
            ? user.RegionCode ?? throw new ConflictException($"系统账号没有所属区划，不能{what}。")
            : throw new ForbiddenException($"预算挂钩由财政绩效股（预算股）{what}。");

    /// <summary>The facts of the proposals' results, by this year's project: its latest grade, 失真, unfinished rectification items.</summary>
    internal static async Task<Dictionary<long, (LinkResult? Result, bool Distorted, int Open)>> FactsAsync(JixiaoDbContext db,
        IReadOnlyDictionary<long, long?> basisWithPredecessor, CancellationToken ct)
    {
        var lines = basisWithPredecessor.SelectMany(b => new[] { (Basis: b.Key, Project: b.Key) }
            .Concat(b.Value is { } before ? [(Basis: b.Key, Project: before)] : [])).ToList();
        var ids = lines.Select(l => l.Project).Distinct().ToList();
        var results = new List<(long Project, LinkResult Result)>();

        var plans = await db.EvaluationPlans.AsNoTracking().Where(p => p.State == PlanState.Concluded && p.Grade != null && p.Total != null)
            .SelectMany(p => p.Subjects.Where(s => s.ProjectId != null && ids.Contains(s.ProjectId!.Value)),
                (p, s) => new { ProjectId = s.ProjectId!.Value, p.Kind, p.Grade, Score = p.Total, p.FiscalYear, p.Title })
            .ToListAsync(ct);
        results.AddRange(plans.Select(p => (p.ProjectId, new LinkResult(p.Grade!.Value, p.Score!.Value,
            p.Kind == EvaluationKind.Key ? LinkBasis.KeyEvaluation : LinkBasis.DepartmentEvaluation, p.FiscalYear, p.Title))));

        var selfs = await db.SelfEvaluations.AsNoTracking()
            .Where(e => e.ProjectId != null && ids.Contains(e.ProjectId!.Value) && e.State == FormState.Approved && e.Total != null)
            .Select(e => new { e.Id, ProjectId = e.ProjectId!.Value, e.FiscalYear, Total = e.Total!.Value, e.MaxScore }).ToListAsync(ct);
        var selfIds = selfs.Select(e => e.Id).ToList();
        var checks = await db.SpotChecks.AsNoTracking()
            .SelectMany(d => d.Items.Where(i => selfIds.Contains(i.EvaluationId) && i.ReviewScore != null), (d, i) => new { i.EvaluationId, i.ReviewScore, i.Distorted })
            .ToListAsync(ct);
        var byId = selfs.ToDictionary(e => e.Id);
        var names = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        foreach (var c in checks)
        {
            var e = byId[c.EvaluationId];
            results.Add((e.ProjectId, new LinkResult(ReferenceScoring.GradeOf(c.ReviewScore!.Value, e.MaxScore), c.ReviewScore.Value, LinkBasis.SpotCheck,
                e.FiscalYear, names.GetValueOrDefault(e.ProjectId, ""))));
        }
        results.AddRange(selfs.Select(e => (e.ProjectId, new LinkResult(ReferenceScoring.GradeOf(e.Total, e.MaxScore), e.Total, LinkBasis.SelfEvaluation,
            e.FiscalYear, names.GetValueOrDefault(e.ProjectId, "")))));
        var distorted = checks.Where(c => c.Distorted).Select(c => byId[c.EvaluationId].ProjectId).ToHashSet();

        var open = await db.Rectifications.AsNoTracking()
            .Where(r => r.ProjectId != null && ids.Contains(r.ProjectId!.Value) && r.State != RectificationState.Done && r.State != RectificationState.Cancelled)
            .GroupBy(r => r.ProjectId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        return basisWithPredecessor.Keys.ToDictionary(basis => basis, basis =>
        {
            var line = lines.Where(l => l.Basis == basis).Select(l => l.Project).ToHashSet();
            // the deeper evaluation first, the later year within it
            var best = results.Where(r => line.Contains(r.Project)).Select(r => r.Result)
                .OrderBy(r => r.Basis).ThenByDescending(r => r.Year).FirstOrDefault();
            return (best, line.Any(distorted.Contains), line.Sum(p => open.GetValueOrDefault(p)));
        });
    }
}
