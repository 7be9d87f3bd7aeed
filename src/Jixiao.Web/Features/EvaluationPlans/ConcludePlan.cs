using Jixiao.Domain.Engagements;
using Jixiao.Domain.EvaluationPlans;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>The report's sections as the evaluator edits them; <see cref="Draft"/>: write the sections still blank from the figures
/// (or, with <see cref="Replace"/>, all of them again).</summary>
public sealed record PlanReportInput(IReadOnlyDictionary<string, string?>? Sections, bool Draft = false, bool Replace = false);

public sealed record PlanFindingsInput(IReadOnlyList<FindingInput> Findings);

public sealed record PlanCancelInput(string? Reason);

public static partial class PlanWork
{
    public static Task<EvaluationPlan?> WriteReportAsync(JixiaoDbContext db, CurrentUser user, long id, PlanReportInput input, CancellationToken ct) =>
        ActAsync(db, user, id, "编写评价报告", async plan =>
        {
            if (input.Sections is not { Count: > 0 } && !input.Draft) throw new DomainException("请填写报告内容，或选择按评分和账面数据生成初稿。", "报告");
            if (input.Sections is { Count: > 0 } sections) plan.WriteReport(sections);
            if (input.Draft) plan.WriteReport(PlanReport.Draft(plan, await FundsAsync(db, plan, ct), await EvaluatorNameAsync(db, plan, ct), input.Replace));
        }, ct);

    public static Task<EvaluationPlan?> SetFindingsAsync(JixiaoDbContext db, CurrentUser user, long id, PlanFindingsInput input, CancellationToken ct) =>
        ActAsync(db, user, id, "记录评价发现的问题", plan => plan.SetFindings(input.Findings ?? []), ct);

    public static Task<EvaluationPlan?> ConcludeAsync(JixiaoDbContext db, CurrentUser user, long id, DateTime nowUtc, CancellationToken ct) =>
        ActAsync(db, user, id, "完成评价", async plan =>
        {
            var completed = plan.EngagementId is { } e && await db.Engagements.AnyAsync(x => x.Id == e && x.State == EngagementState.Completed, ct);
            plan.Conclude(completed, user.UserName, nowUtc);
        }, ct);

    public static Task<EvaluationPlan?> CancelAsync(JixiaoDbContext db, CurrentUser user, long id, PlanCancelInput input, CancellationToken ct) =>
        ActAsync(db, user, id, "取消评价", plan => plan.Cancel(input.Reason), ct);

    /// <summary>Who evaluates, by name: the department, finance, the engaged agency, the panel.</summary>
    internal static async Task<string> EvaluatorNameAsync(JixiaoDbContext db, EvaluationPlan plan, CancellationToken ct) => plan.Evaluator switch
    {
        PlanEvaluator.Agency when plan.EngagementId is { } e =>
            await db.Engagements.AsNoTracking().Where(x => x.Id == e).Select(x => x.AgencyName).SingleOrDefaultAsync(ct) is { Length: > 0 } name ? name : "（尚未抽签确定机构）",
        PlanEvaluator.Panel when plan.PanelId is { } p =>
            await db.Panels.AsNoTracking().Where(x => x.Id == p).Select(x => x.Title).SingleOrDefaultAsync(ct) ?? "专家评审组",
        PlanEvaluator.Department when plan.DepartmentId is { } d =>
            await db.OrgUnits.AsNoTracking().Where(o => o.Id == d).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "主管部门",
        PlanEvaluator.Finance => "财政局绩效管理股",
        _ => plan.Evaluator.Label(),
    };
}
