using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>导出 one 自评表 as the sheet units fill offline: the heading, the fund rows, the indicator rows, the reference scores.</summary>
public static partial class EvaluationSheet
{
    /// <returns>null when the form is not found in the user's scope</returns>
    public static async Task<(string FileName, byte[] Content)?> ExportAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct)
    {
        if (await HeadingAsync(db, user, id, ct) is not { } heading) return null;
        var e = heading.Evaluation;
        var width = IndicatorColumns.Count;
        IReadOnlyList<object?> Line(params object?[] cells) => cells.Concat(Enumerable.Repeat<object?>(null, Math.Max(0, width - cells.Length))).ToList();

        var rows = new List<IReadOnlyList<object?>>
        {
            Line($"{heading.Title}（{e.FiscalYear} 年度）"),
            Line("填报说明：请填写全年执行数（B）、分值、得分、实际完成情况，以及每个指标的实际完成值、分值、得分和偏差原因分析及改进措施；定性指标在“达成情况”中选择达成、部分达成或未达成，"
                 + "并在该等级的得分区间内打分（达成 80%–100%、部分达成 60%–80%、未达成 60% 以下）。自评表编号和行号用于导入，请勿修改；“参考”各列由系统按评分规则计算，仅供参考，导入时不读取。"),
            Line(IdLabel, e.Id, "自评年度", e.FiscalYear, "状态", e.State.Label()),
            Line(e.Subject == TargetSubject.Department ? "部门名称" : "项目名称", heading.Name, "项目编码", heading.Code),
            Line("主管部门", heading.Department, "实施单位", heading.Unit),
            FundColumns.Take(FundFigures).Select(c => (object?)c.Title).Concat([null, null, null]).Concat(FundColumns.Skip(FundFigures).Select(c => c.Title)).ToList(),
            Line("年度资金总额", e.InitialBudget, e.AdjustedBudget, e.Executed, e.ExecutionWeight,
                Percent.Points(e.ExecutionRate), e.ExecutionScore, null, null, null,
                e.ReferenceExecutionWeight, e.ReferenceExecutionScore, e.ExecutionExplanation),
            Line(GoalLabel, e.AnnualGoal),
            Line(CompletionLabel, Blank(e.GoalCompletion)),
            IndicatorColumns.Select(c => (object?)c.Title).ToList(),
        };
        var firstIndicator = rows.Count + 1;
        foreach (var r in e.Rows.OrderBy(r => r.Row))
            rows.Add(Line(r.Row, r.Level1, r.Level2, r.Name, r.TargetValue, Blank(r.Actual), r.Outcome?.Label(), r.Weight, r.Score, Blank(r.Reason),
                r.ReferenceWeight, r.ReferenceScore, r.Explanation));
        var lastIndicator = rows.Count;
        rows.Add(Line(TotalLabel, null, null, null, null, null, null, e.MaxScore, e.Total, null,
            e.ReferenceExecutionWeight + e.Rows.Sum(r => r.ReferenceWeight), e.ReferenceTotal,
            $"参考总分 {Scores.Format(e.ReferenceTotal)} 分，参考等级 {e.ReferenceGrade.Label()}{(e.Grade is { } grade ? $"；自评总分 {Scores.Format(e.Total!.Value)} 分，自评等级 {grade.Label()}" : "")}"));
        if (e.Findings.Count > 0)
        {
            rows.Add(Line());
            rows.Add(Line(FindingsLabel + "（系统根据上次保存的内容生成，仅供参考）"));
            foreach (var f in e.Findings)
                rows.Add(Line(f.Blocking ? "须修改" : "提示", f.Kind.Label(), f.Row is { } row ? (row == SelfEvaluation.ExecutionRow ? "预算执行率" : $"第 {row} 行") : "整表",
                    f.Message));
        }
        var layout = new SheetLayout(
            Widths: [12, 16, 18, 26, 16, 16, 14, 8, 8, 36, 9, 16, 70],
            Lists: [(Index(IndicatorColumns, "outcome"), Outcomes.Keys.ToList())],
            ListFromRow: firstIndicator,
            ListToRow: Math.Max(firstIndicator, lastIndicator),
            TextColumns: [Index(IndicatorColumns, "actual")],
            HeaderRows: [FundHeaderRow, firstIndicator - 1],
            FrozenRows: firstIndicator - 1,
            Titled: true,
            NoteRows: [2]);
        var name = heading.Code.Length > 0 ? heading.Code : heading.Name;
        return ($"{heading.Title}-{e.FiscalYear}-{name}.xlsx", XlsxWriter.Write("绩效自评表", rows, layout));
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;
}
