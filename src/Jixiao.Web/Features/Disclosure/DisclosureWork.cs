using System.Text.Json;
using Jixiao.Domain.Disclosure;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Disclosure;

/// <summary>One indicator as the public sees it: its place in the frame, the target (and for a result the actual and the score).</summary>
public sealed record PublicIndicator(string Level1, string Level2, string Name, string Target, string Unit, string Actual = "", string Score = "");

/// <summary>A section of a published evaluation report (基本情况, 综合评价情况及评价结论 …).</summary>
public sealed record PublicSection(string Name, string Text);

/// <summary>
/// The public content of a published item (stored as JSON in the snapshot): goals and indicators; for a self-evaluation result also the goal's
/// completion, budget, spending and the score. Nothing else of the form is copied: no reviewer's opinion, finding, reason or file.
/// </summary>
public sealed record PublicContent(string OverallGoal, string AnnualGoal, IReadOnlyList<PublicIndicator> Indicators, string GoalCompletion = "",
    decimal? Budget = null, decimal? Executed = null, string ExecutionRate = "", string Score = "", string Grade = "", IReadOnlyList<PublicSection>? Sections = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static PublicContent FromJson(string json) => JsonSerializer.Deserialize<PublicContent>(json, Json) ?? new PublicContent("", "", []);
}

/// <summary>An approved item that may be published, with where it stands.</summary>
public sealed class Candidate
{
    public string SourceKey { get; init; } = "";
    public long SourceId { get; init; }
    public int Version { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public long? DepartmentId { get; init; }
    public string DepartmentCode { get; init; } = "";
    public string Department { get; init; } = "";
    public string Unit { get; init; } = "";
    public Domain.Budget.ProjectCategory? CategoryKind { get; init; }
    public string Category => CategoryKind?.Label() ?? "";
    public decimal Amount { get; init; }
    public PublicationState State { get; set; }
    public int? PublishedVersion { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string Reason { get; set; } = "";
    public long? WithholdingId { get; set; }
}

/// <summary>
/// 信息公开 use cases (DOMAIN.md §4.7): what approved items a region-year has of each kind and where each stands, publishing the waiting ones
/// as one batch of snapshots, keeping one from the public with a reason. Only approved targets (the version in force) and approved
/// self-evaluations are candidates, so nothing in draft, under review or returned can ever be published.
/// </summary>
public static partial class DisclosureWork
{
    public static readonly SaveConflicts Saves = new("公开内容刚刚被他人处理，请刷新后再操作。", new Dictionary<string, string>
    {
        ["IX_PublishedItems_RegionCode_FiscalYear_Kind_SourceKey_Version"] = "这些内容刚刚已由他人发布，请刷新后查看。",
        ["IX_Withholdings_RegionCode_FiscalYear_Kind_SourceKey"] = "该项目刚刚已被标为不公开，请刷新后查看。",
        ["IX_DisclosureSettings_RegionCode_FiscalYear"] = "本年度的不公开理由刚刚已由他人保存，请刷新后再改。",
    });

    /// <summary>The performance division of one region publishes and withholds.</summary>
    internal static string RegionOf(CurrentUser user, string what) =>
        user.Scope.Has(Role.PerformanceDivision)
            ? user.RegionCode ?? throw new ConflictException($"系统账号没有所属区划，不能{what}。")
            : throw new ForbiddenException($"信息公开由财政绩效股{what}。");

    public static async Task<IReadOnlyList<string>> ReasonsAsync(JixiaoDbContext db, string region, int year, CancellationToken ct) =>
        (await db.DisclosureSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct))?.ReasonList
        ?? DisclosureSetting.DefaultReasons;

    /// <summary>Every candidate of the region-year and kind with its state: 待公开, 新版本待公开, 已公开 or 不公开.</summary>
    public static async Task<List<Candidate>> CandidatesAsync(JixiaoDbContext db, string region, int year, PublicationKind kind, CancellationToken ct)
    {
        var candidates = await SourcesAsync(db, region, year, kind, ct);
        var published = (await db.PublishedItems.AsNoTracking().Where(i => i.RegionCode == region && i.FiscalYear == year && i.Kind == kind)
                .Select(i => new { i.SourceKey, i.Version, i.PublishedOn }).ToListAsync(ct))
            .GroupBy(i => i.SourceKey).ToDictionary(g => g.Key, g => g.MaxBy(i => i.Version)!);
        var withheld = await db.Withholdings.AsNoTracking().Where(w => w.RegionCode == region && w.FiscalYear == year && w.Kind == kind)
            .ToDictionaryAsync(w => w.SourceKey, ct);
        foreach (var c in candidates)
        {
            var last = published.GetValueOrDefault(c.SourceKey);
            var kept = withheld.GetValueOrDefault(c.SourceKey);
            c.State = PublicationStates.Of(c.Version, last?.Version, kept is not null);
            (c.PublishedVersion, c.PublishedOn, c.Reason, c.WithholdingId) = (last?.Version, last?.PublishedOn, kept?.Reason ?? "", kept?.Id);
        }
        return candidates;
    }

    private static async Task<List<Candidate>> SourcesAsync(JixiaoDbContext db, string region, int year, PublicationKind kind, CancellationToken ct)
    {
        switch (kind)
        {
            case PublicationKind.ProjectTargets:
                return await (from t in db.Targets.AsNoTracking()
                        join p in db.Projects on t.ProjectId equals p.Id
                        join u in db.OrgUnits on t.OrgUnitId equals u.Id
                        join d in db.OrgUnits on t.DepartmentId equals d.Id into ds
                        from d in ds.DefaultIfEmpty()
                        join total in db.ProjectTotals on p.Id equals total.ProjectId into ts
                        from total in ts.DefaultIfEmpty()
                        where t.RegionCode == region && t.FiscalYear == year && t.Subject == TargetSubject.Project && t.State == TargetState.Approved
                        select new Candidate
                        {
                            SourceKey = t.SubjectKey, SourceId = t.Id, Version = t.Version, Code = p.Code, Title = p.Name, DepartmentId = t.DepartmentId,
                            DepartmentCode = d != null ? d.Code : u.Code, Department = d != null ? d.Name : u.Name, Unit = u.Name, CategoryKind = p.Category,
                            Amount = total != null && total.Adjusted > 0 ? total.Adjusted : p.RequestedAmount,
                        })
                    .OrderBy(c => c.DepartmentCode).ThenBy(c => c.Code).ToListAsync(ct);
            case PublicationKind.DepartmentTargets:
                return await (from t in db.Targets.AsNoTracking()
                        join u in db.OrgUnits on t.OrgUnitId equals u.Id
                        where t.RegionCode == region && t.FiscalYear == year && t.Subject == TargetSubject.Department && t.State == TargetState.Approved
                        select new Candidate
                        {
                            SourceKey = t.SubjectKey, SourceId = t.Id, Version = t.Version, Code = u.Code, Title = u.Name + "部门整体绩效目标", DepartmentId = u.Id,
                            DepartmentCode = u.Code, Department = u.Name, Unit = u.Name,
                        })
                    .OrderBy(c => c.DepartmentCode).ToListAsync(ct);
            case PublicationKind.EvaluationReports:
                var plans = await db.EvaluationPlans.AsNoTracking().Include(p => p.Subjects)
                    .Where(p => p.RegionCode == region && p.FiscalYear == year && p.Kind == Domain.EvaluationPlans.EvaluationKind.Key
                                && p.State == Domain.EvaluationPlans.PlanState.Concluded)
                    .OrderBy(p => p.Code).ToListAsync(ct);
                var orgIds = plans.Select(p => p.DepartmentId ?? 0).Concat(plans.SelectMany(p => p.Subjects.Select(s => s.OrgUnitId))).Distinct().ToList();
                var orgs = await db.OrgUnits.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (o.Code, o.Name), ct);
                return [.. plans.Select(p =>
                {
                    var (code, name) = orgs.GetValueOrDefault(p.DepartmentId ?? p.Subjects.Select(s => s.OrgUnitId).FirstOrDefault(), ("", ""));
                    return new Candidate
                    {
                        SourceKey = "R" + p.Id, SourceId = p.Id, Version = 1, Code = p.Code, Title = p.Title, DepartmentId = p.DepartmentId, DepartmentCode = code,
                        Department = name, Unit = string.Join("、", p.Subjects.Select(s => orgs.GetValueOrDefault(s.OrgUnitId).Name).Distinct()), Amount = p.Amount,
                    };
                })];
            default:
                return await (from e in db.SelfEvaluations.AsNoTracking()
                        join p in db.Projects on e.ProjectId equals p.Id
                        join u in db.OrgUnits on e.OrgUnitId equals u.Id
                        join d in db.OrgUnits on e.DepartmentId equals d.Id into ds
                        from d in ds.DefaultIfEmpty()
                        where e.RegionCode == region && e.FiscalYear == year && e.Subject == TargetSubject.Project && e.State == FormState.Approved
                        select new Candidate
                        {
                            SourceKey = "E" + p.Id, SourceId = e.Id, Version = 1, Code = p.Code, Title = p.Name, DepartmentId = e.DepartmentId,
                            DepartmentCode = d != null ? d.Code : u.Code, Department = d != null ? d.Name : u.Name, Unit = u.Name, CategoryKind = p.Category,
                            Amount = e.AdjustedBudget,
                        })
                    .OrderBy(c => c.DepartmentCode).ThenBy(c => c.Code).ToListAsync(ct);
        }
    }

    /// <summary>The public content of the forms being published (indicators read in one query a kind).</summary>
    internal static async Task<Dictionary<long, (PublicContent Content, string Summary)>> ContentsAsync(JixiaoDbContext db, PublicationKind kind,
        IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (kind is PublicationKind.ProjectTargets or PublicationKind.DepartmentTargets)
        {
            var targets = await db.Targets.AsNoTracking().Include(t => t.Indicators).Where(t => ids.Contains(t.Id)).ToListAsync(ct);
            return targets.ToDictionary(t => t.Id, t => (new PublicContent(t.OverallGoal, t.AnnualGoal,
                [.. t.Indicators.OrderBy(i => i.Row).Select(i => new PublicIndicator(i.Level1, i.Level2, i.Name, TargetText(i.Comparison, i.TargetValue), i.Unit))]),
                $"指标 {t.Indicators.Count} 个"));
        }
        if (kind == PublicationKind.EvaluationReports)
        {
            var plans = await db.EvaluationPlans.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
            return plans.ToDictionary(p => p.Id, p =>
            {
                var score = Scores.Format(p.Total);
                var grade = p.Grade?.Label() ?? "";
                var sections = p.Sections;
                return (new PublicContent("", "", [], Score: score, Grade: grade,
                    Sections: [.. Domain.EvaluationPlans.PlanReport.Sections.Where(n => sections.GetValueOrDefault(n) is { Length: > 0 })
                        .Select(n => new PublicSection(n, sections[n]))]), $"评价得分 {score}（{grade}）");
            });
        }
        var forms = await db.SelfEvaluations.AsNoTracking().Include(e => e.Rows).Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        return forms.ToDictionary(e => e.Id, e =>
        {
            var grade = e.Total is { } total ? ReferenceScoring.GradeOf(total, e.MaxScore).Label() : "";
            var score = Scores.Format(e.Total);
            return (new PublicContent("", e.AnnualGoal,
                [.. e.Rows.OrderBy(r => r.Row).Select(r => new PublicIndicator(r.Level1, r.Level2, r.Name, TargetText(r.Comparison, r.TargetValue), r.Unit, r.Actual,
                    Scores.Format(r.Score)))],
                e.GoalCompletion, e.AdjustedBudget, e.Executed, Percent.Of(e.Executed, e.AdjustedBudget), score, grade),
                $"自评得分 {score}（{grade}）");
        });
    }

    private static string TargetText(Comparison comparison, string value) =>
        comparison == Comparison.Qualitative || value.Length == 0 || "≥＞＝≤＜<>=".Contains(value[0]) ? value : comparison.Label() + value;
}
