using Jixiao.Domain.Engagements;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Panels;
using Jixiao.Domain.Tests.Monitoring;

namespace Jixiao.Domain.Tests.EvaluationPlans;

/// <summary>
/// Plans as a handler builds them: 襄垣县教育局 (106) and its school 襄垣县第一中学校 (10602), whose projects 7 (学生资助补助经费, 120 万)
/// and 8 (校舍维修改造, 80 万) a plan evaluates; 襄垣县卫生健康局 (107) is another department.
/// </summary>
internal static class Plans
{
    public const string Region = "140423";
    public const int Year = 2026;
    public const long Education = 106;
    public const long School = 10602;
    public const long Health = 107;
    public static readonly DateTime Now = new(2027, 3, 1, 2, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Start = new(2027, 4, 1);
    public static readonly DateOnly Due = new(2027, 8, 31);

    public static PlanSubjectInput Aid => new(SubjectKind.Project, 7, School, Education, "学生资助补助经费", 1_200_000m);
    public static PlanSubjectInput Repair => new(SubjectKind.Project, 8, School, Education, "校舍维修改造", 800_000m);
    public static PlanSubjectInput Clinic => new(SubjectKind.Project, 9, 10701, Health, "乡镇卫生院设备购置", 500_000m);
    public static PlanSubjectInput EducationOverall => new(SubjectKind.Department, null, Education, Education, "襄垣县教育局", 30_000_000m);
    public static PlanSubjectInput AidPolicy => new(SubjectKind.Policy, null, Education, Education, "家庭经济困难学生资助政策", 5_000_000m);

    public static EvaluationPlan Create(EvaluationKind kind = EvaluationKind.Department, PlanSubjectKind subjectKind = PlanSubjectKind.Project,
        PlanEvaluator evaluator = PlanEvaluator.Department, PlanSource source = PlanSource.HandPick, string? note = null, long? departmentId = Education,
        IReadOnlyList<PlanSubjectInput>? subjects = null, DateOnly? start = null, DateOnly? due = null, EvaluationFramework? framework = null) =>
        EvaluationPlan.Create(Region, Year, "BMPJ-2026-001", "2026年学生资助补助经费部门评价", kind, subjectKind, evaluator, source, note, departmentId,
            subjects ?? [Aid], start ?? Start, due ?? Due, framework ?? EvaluationFramework.ProjectTemplate, "edu", Now);

    /// <summary>Every item at full marks.</summary>
    public static Dictionary<string, (decimal Score, string? Note)> FullMarks(EvaluationPlan plan) =>
        plan.Items.ToDictionary(i => i.Name, i => (i.Points, (string?)null));

    /// <summary>Scores adding up to <paramref name="total"/>: the deduction taken from the largest items first, each with its reason.</summary>
    public static Dictionary<string, (decimal Score, string? Note)> Totalling(EvaluationPlan plan, decimal total)
    {
        var given = FullMarks(plan);
        var left = 100m - total;
        foreach (var item in plan.Items.OrderByDescending(i => i.Points).ThenBy(i => i.Seq))
        {
            if (left == 0) break;
            var cut = Math.Min(left, item.Points);
            given[item.Name] = (item.Points - cut, "部分目标未完成");
            left -= cut;
        }
        return given;
    }

    public static readonly SubjectFunds[] Funds = [new("学生资助补助经费", "襄垣县第一中学校", 1_000_000m, 1_200_000m, 1_140_000m, 96.5m, Grade.Excellent)];

    /// <summary>The drafted report written into the plan (every section the figures can write).</summary>
    public static void Report(EvaluationPlan plan) => plan.WriteReport(PlanReport.Draft(plan, Funds, "襄垣县教育局", replace: true));

    // ── panels ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

    private static ExpertCandidate Expert(long id) =>
        new(id, $"专家{id}", true, new HashSet<string> { "教育" }, null, "山西大学", new HashSet<long>(), new HashSet<string>());

    /// <summary>A panel of four 教育 experts drawn on <paramref name="form"/> (saved as panel 51).</summary>
    public static Panel DrawPanel(ScoringForm form) => Saved.WithId(Panel.Draw(Region, Year, PanelPurpose.EvaluationReview,
        "2026年学生资助补助经费评价评审组", null, [EngagementSubject.Of(SubjectKind.Project, 7, School, "学生资助补助经费")], "20270301-0815",
        [new PanelQuota("教育", 4)], form, dropExtremes: false, new DateOnly(2027, 3, 1), new DateOnly(2027, 8, 31),
        [.. Enumerable.Range(1, 6).Select(i => Expert(i))], new Dictionary<long, string> { [School] = "襄垣县第一中学校" },
        new HashSet<string>(), "perf", Now), 51);
}
