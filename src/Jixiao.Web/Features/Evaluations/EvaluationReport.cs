using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Docx;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>
/// 绩效自评报告 of one form as docx: 基本情况 (the project and its A, B and rate), 绩效目标完成情况 (the indicator table
/// with the unit's and the reference scores), 偏差原因及改进措施, 自评结论 (the unit's total and grade beside the reference
/// total and grade, with the sentence behind every reference score) and the findings of the last save.
/// </summary>
public static class EvaluationReport
{
    /// <returns>null when the form is not found in the user's scope</returns>
    public static async Task<(string FileName, byte[] Content)?> WriteAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct)
    {
        if (await EvaluationSheet.HeadingAsync(db, user, id, ct) is not { } heading) return null;
        var e = heading.Evaluation;
        var kind = e.Subject == TargetSubject.Department ? "部门整体支出" : "项目支出";
        var body = new Body();
        body.Append(Para($"{heading.Name} {e.FiscalYear} 年度{kind}绩效自评报告", bold: true, size: 36, center: true));
        body.Append(Para($"自评表编号 {e.Id}　状态：{e.State.Label()}", size: 21, center: true));

        body.Append(Heading("一、基本情况"));
        body.Append(Para(e.Subject == TargetSubject.Department
            ? $"部门名称：{heading.Name}。"
            : $"项目名称：{heading.Name}（项目编码 {heading.Code}）；主管部门：{Or(heading.Department)}；实施单位：{heading.Unit}。"));
        var rate = e.ExecutionRate is { } r ? Percent.Of(r) : "不计算（全年预算数为 0）";
        body.Append(Para($"年初预算数 {Money.Format(e.InitialBudget)} 元，全年预算数（A，含年中调整）{Money.Format(e.LedgerAdjustedBudget)} 元，"
                         + $"全年执行数（B）{Money.Format(e.LedgerExecuted)} 元，执行率（B/A）{rate}。"));
        if (e.AdjustedBudget != e.LedgerAdjustedBudget || e.Executed != e.LedgerExecuted)
            body.Append(Para($"自评表填写的全年预算数为 {Money.Format(e.AdjustedBudget)} 元、全年执行数为 {Money.Format(e.Executed)} 元，与账面不一致，以账面数为准。"));

        body.Append(Heading("二、绩效目标完成情况"));
        body.Append(Para($"年度总体目标：{Or(e.AnnualGoal)}"));
        body.Append(Para($"实际完成情况：{Or(e.GoalCompletion)}"));
        var table = new List<string[]>
        {
            new[] { "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "自评得分", "参考得分" },
            new[] { "预算执行率", "", "", "100%", rate, Scores.Format(e.ExecutionWeight), Scores.Format(e.ExecutionScore), Scores.Format(e.ReferenceExecutionScore) },
        };
        table.AddRange(e.Rows.OrderBy(row => row.Row).Select(row => new[]
        {
            row.Level1, row.Level2, row.Name, row.TargetValue, Actual(row), Scores.Format(row.Weight), Scores.Format(row.Score), row.ReferenceScore is { } reference ? Scores.Format(reference) : "未计算",
        }));
        table.Add(["总分", "", "", "", "", Scores.Format(e.MaxScore), Scores.Format(e.Total), Scores.Format(e.ReferenceTotal)]);
        body.Append(Table(table, [12, 14, 18, 12, 14, 7, 8, 8]));

        body.Append(Heading("三、偏差原因及改进措施"));
        var reasons = e.Rows.Where(row => row.Reason.Length > 0).OrderBy(row => row.Row).ToList();
        if (reasons.Count == 0)
            body.Append(Para("各指标均未填写偏差原因分析及改进措施。"));
        foreach (var row in reasons)
            body.Append(Para($"{Where(row)}：{row.Reason}"));

        body.Append(Heading("四、自评结论"));
        body.Append(Para(e.Total is { } total && e.Grade is { } grade
            ? $"单位自评总分 {Scores.Format(total)} 分，自评等级为“{grade.Label()}”。"
            : "单位尚未填写自评总分。"));
        body.Append(Para($"系统参考总分 {Scores.Format(e.ReferenceTotal)} 分，参考等级为“{e.ReferenceGrade.Label()}”"
                         + $"（≥90 优、80–90 良、60–80 中、<60 差；参考得分由系统按评分规则计算，仅供参考）。各项参考得分的计算如下："));
        body.Append(Para($"预算执行率：{e.ExecutionExplanation}。"));
        foreach (var row in e.Rows.OrderBy(row => row.Row))
            body.Append(Para($"{Where(row)}：{row.Explanation}。"));

        if (e.Findings.Count > 0)
        {
            body.Append(Heading("五、检查发现的问题"));
            foreach (var f in e.Findings)
                body.Append(Para($"【{(f.Blocking ? "须修改" : "提示")}】{f.Message}。"));
        }
        var name = heading.Code.Length > 0 ? heading.Code : heading.Name;
        return ($"绩效自评报告-{e.FiscalYear}-{name}.docx", Docx.Write(body, $"{heading.Name}绩效自评报告"));
    }

    private static string Where(SelfEvaluationRow row) => $"第 {row.Row} 行“{row.Name}”";

    private static string Actual(SelfEvaluationRow row) => row.Outcome is { } outcome
        ? row.Actual.Length > 0 ? $"{outcome.Label()}（{row.Actual}）" : outcome.Label()
        : row.Actual;

    private static string Or(string text) => text.Length > 0 ? text : "（未填写）";
}
