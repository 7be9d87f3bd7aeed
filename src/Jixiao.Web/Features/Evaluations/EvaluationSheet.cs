using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Imports;

namespace Jixiao.Web.Features.Evaluations;

/// <param name="EvaluationId">the 自评表编号 the file named, once it was read</param>
/// <param name="Rows">indicator rows read from the file</param>
/// <param name="Findings">the consistency findings of the saved form (as the form shows them), when committed</param>
/// <param name="Unchanged">the file says what the form holds: nothing was written (also for a submitted or approved form)</param>
public sealed record EvaluationImportReport(string FileName, long? EvaluationId, int Rows, IReadOnlyList<ImportIssue> Issues,
    IReadOnlyList<EvaluationFinding> Findings, bool Committed, bool Unchanged = false)
{
    public int Errors => Issues.Count(i => i.IsError);
    public int Warnings => Issues.Count(i => !i.IsError);
    public string Summary => !Committed
        ? $"未写入任何数据：{Errors} 个错误，请按下表修改后重新导入。"
        : Unchanged
            ? $"自评表 {EvaluationId} 与系统中一致，没有需要更新的内容（0 个修改）。"
        : Findings.Count == 0
            ? $"已导入自评表 {EvaluationId}：{Rows} 行指标，检查未发现问题。"
            : $"已导入自评表 {EvaluationId}：{Rows} 行指标；检查发现 {Findings.Count(f => f.Blocking)} 处须修改后才能提交的问题、{Findings.Count(f => !f.Blocking)} 条随表提示，请查看。";
}

/// <summary>
/// 项目支出绩效自评表 of one form as xlsx in the national layout — the header block, 预算执行 with A and B, 年度总体目标
/// and its 实际完成情况, one row per indicator, 总分 — with Jixiao's reference 分值, 得分 and sentence beside each row
/// (read-only, 仅供参考), filled offline and imported back through the same domain fill as the page, all or nothing.
/// The 自评表编号 and 行号 cells map the file back to the form. Also the year's 部门汇总表 of self-evaluations.
/// </summary>
public static partial class EvaluationSheet
{
    public const string ReferenceScoreTitle = "参考得分（系统计算，仅供参考）";

    /// <summary>The 预算执行 block: its header row, then one row of figures.</summary>
    public static readonly IReadOnlyList<ImportColumn> FundColumns =
    [
        new("label", "预算执行情况", false, false),
        new("initial", "年初预算数（元）", false, true),
        new("adjusted", "全年预算数（A，元）", true, true),
        new("executed", "全年执行数（B，元）", true, true),
        new("weight", "分值", true, false),
        new("rate", "执行率（B/A，%）", false, false),
        new("score", "得分", true, false),
        new("refWeight", "参考分值", false, false),
        new("refScore", ReferenceScoreTitle, false, false),
        new("explanation", "参考得分说明", false, false),
    ];

    /// <summary>The 预算执行 columns up to 得分; the reference columns after them stand over the indicator table's.</summary>
    private const int FundFigures = 7;

    /// <summary>The indicator table: one row per 三级指标, then the 总分 row (its 行号 cell says 总分).</summary>
    public static readonly IReadOnlyList<ImportColumn> IndicatorColumns =
    [
        new("row", "行号", true, false),
        new("level1", "一级指标", false, false),
        new("level2", "二级指标", false, false),
        new("name", "三级指标", true, false),
        new("target", "年度指标值", false, false),
        new("actual", "实际完成值", true, false),
        new("outcome", "达成情况（定性指标）", false, false),
        new("weight", "分值", true, false),
        new("score", "得分", true, false),
        new("reason", "偏差原因分析及改进措施", true, false, "偏差原因分析"),
        new("refWeight", "参考分值", false, false),
        new("refScore", ReferenceScoreTitle, false, false),
        new("explanation", "参考得分说明", false, false),
    ];

    /// <summary>The row of the 预算执行 header in the export (after the title, the note and three rows of heading).</summary>
    private const int FundHeaderRow = 6;

    private const string IdLabel = "自评表编号";
    private const string GoalLabel = "年度总体目标";
    private const string CompletionLabel = "实际完成情况";
    private const string TotalLabel = "总分";
    private const string FindingsLabel = "检查结果";

    private static readonly IReadOnlyDictionary<string, QualitativeOutcome?> Outcomes =
        Enum.GetValues<QualitativeOutcome>().ToDictionary(o => o.Label(), o => (QualitativeOutcome?)o);

    private static int Index(IReadOnlyList<ImportColumn> columns, string key) => columns.Select((c, i) => (c.Key, i)).Single(c => c.Key == key).i;

    /// <summary>What the export and the report show about a form besides the form itself.</summary>
    internal sealed record Heading(SelfEvaluation Evaluation, string Code, string Name, string Unit, string Department)
    {
        public string Title => Evaluation.Subject == TargetSubject.Department ? "部门整体支出绩效自评表" : "项目支出绩效自评表";
    }

    /// <returns>null when the form is not found in the user's scope</returns>
    internal static async Task<Heading?> HeadingAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct)
    {
        var view = await EvaluationQueries.ViewAsync(db, user, id, ct);
        if (view is null) return null;
        var departmentId = view.Evaluation.DepartmentId;
        var department = departmentId is { } d
            ? await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == d).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? ""
            : "";
        return new Heading(view.Evaluation, view.Code, view.Name, view.Unit, department);
    }
}
