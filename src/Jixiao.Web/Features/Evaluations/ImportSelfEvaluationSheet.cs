using System.Globalization;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Interchange;
using Jixiao.Domain.Reviews;
using Jixiao.Web.Features.Imports;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>导入 a filled 自评表: all or nothing, every problem named by Excel row, column and value.</summary>
public static partial class EvaluationSheet
{
    /// <summary>
    /// Reads a filled 自评表 in the exported layout and saves it through <see cref="EvaluationWork.FillAsync"/>: all or
    /// nothing. A file that cannot be read, an unknown 自评表编号 (or one outside the user's scope or no longer editable by
    /// them), an unknown 行号 and an unreadable figure are errors naming the Excel row, column and value; otherwise the
    /// form is saved and the report carries its findings, as the page would show them.
    /// </summary>
    public static async Task<EvaluationImportReport> ImportAsync(JixiaoDbContext db, CurrentUser user, string fileName, byte[] content, UploadLimits limits,
        FormLimits forms, DateTime nowUtc, CancellationToken ct)
    {
        var issues = new ImportIssues();
        long? evaluationId = null;
        var rowsRead = 0;
        EvaluationImportReport Refused() => new(fileName, evaluationId, rowsRead, issues.ForReport(), [], false);

        IReadOnlyList<SheetRow> sheet;
        try
        {
            sheet = SpreadsheetReader.Read(content, fileName, limits);
        }
        catch (DomainException e)
        {
            issues.Error(0, "文件", fileName, e.Message);
            return Refused();
        }
        var funds = ImportLayout.FindHeader(sheet, FundColumns, out var unitError);
        var indicators = ImportLayout.FindHeader(sheet, IndicatorColumns, out _);
        if (funds is null || indicators is null || funds.RowIndex > indicators.RowIndex)
        {
            issues.Error(0, "表头", "", "找不到自评表的表头：请使用本系统导出的自评表填写（需要“全年预算数（A，元）”“全年执行数（B，元）”所在的预算执行行，"
                                     + "以及“行号”“三级指标”“实际完成值”“分值”“得分”“偏差原因分析及改进措施”所在的指标表头）。");
            return Refused();
        }
        if (unitError is not null)
            issues.Error(funds.RowIndex + 1, funds.Title("adjusted"), funds.Cell(sheet[funds.RowIndex], "adjusted"), unitError);

        // 自评表编号: the form the file is for, which the user must be allowed to fill.
        var idRow = Labelled(sheet, 0, funds.RowIndex, IdLabel);
        var idText = CellText.Normalize(idRow?[1]);
        if (idRow is null || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            issues.Error(idRow?.Number ?? 0, IdLabel, idText, idRow is null
                ? "找不到“自评表编号”：请使用本系统导出的自评表填写，不要删除表头部分。"
                : $"“{idText}”不是有效的自评表编号，应为正整数，请使用本系统导出的自评表填写。");
            return Refused();
        }
        evaluationId = id;
        var evaluation = await EvaluationWork.FindAsync(db, id, ct);
        if (evaluation is null)
        {
            issues.Error(idRow.Number, IdLabel, idText, $"自评表编号 {id} 不存在或不在您的权限范围内，请从本系统导出您的自评表后填写。");
            return Refused();
        }
        var (adjusted, executed, executionWeight, executionScore) = ReadFunds(sheet, funds, indicators.RowIndex, issues);
        var completionRow = Labelled(sheet, funds.RowIndex + 1, indicators.RowIndex, CompletionLabel);
        if (completionRow is null)
            issues.Error(indicators.RowIndex + 1, CompletionLabel, "", $"找不到“{CompletionLabel}”行：请在“{GoalLabel}”下面一行的第二列填写年度总体目标实际完成情况。");
        var completion = completionRow?[1] ?? "";
        if (completionRow?.FormulaAt(1) is { } formula)
            issues.Error(completionRow.Number, CompletionLabel, "=" + formula, $"第 {completionRow.Number} 行“{CompletionLabel}”是公式，请粘贴为数值后再导入。");

        var known = evaluation.Rows.ToDictionary(r => r.Row);
        var inputs = new List<EvaluationRowInput>();
        var seen = new Dictionary<int, int>();
        decimal? total = null;
        foreach (var row in sheet.Skip(indicators.RowIndex + 1).Where(r => !r.IsEmpty))
        {
            var r = new RowReader(row, indicators, issues);
            var label = CellText.Normalize(r.Raw("row"));
            if (ImportLayout.Simplify(label) == FindingsLabel)
                break;
            if (ImportLayout.Simplify(label) == TotalLabel)
            {
                total = Score(r, "score", "总分");
                break;
            }
            rowsRead++;
            if (!int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !known.TryGetValue(number, out var indicator))
            {
                r.Error("row", label.Length == 0
                    ? "“行号”不能为空：请按导出的自评表填写，不要增删指标行。"
                    : $"该自评表中没有第 {label} 行指标（共 {known.Count} 行：{string.Join("、", known.Keys.Order())}），请按导出的行号填写，不要增删指标行。");
                continue;
            }
            if (seen.TryGetValue(number, out var earlier))
            {
                r.Error("row", $"第 {number} 行指标已在 Excel 第 {earlier} 行填写，同一指标只能填写一行。");
                continue;
            }
            seen[number] = row.Number;
            var outcome = r.Choice("outcome", Outcomes, null, required: false);
            if (outcome is not null && !indicator.IsQualitative)
            {
                r.Warning("outcome", $"第 {number} 行“{indicator.Name}”是定量指标，达成情况只用于定性指标，已忽略；请填写实际完成值。");
                outcome = null;
            }
            inputs.Add(new EvaluationRowInput(number, r.Text("actual", false, 200), outcome, Score(r, "weight", "分值"), Score(r, "score", "得分"),
                r.Text("reason", false, 1000)));
        }
        if (issues.HasErrors)
            return Refused();

        var input = new SelfEvaluationInput(completion, executionWeight, executionScore, inputs, total, adjusted, executed);
        if (Same(evaluation, input))
            return new(fileName, id, rowsRead, issues.ForReport(), evaluation.Findings, true, Unchanged: true);
        if (!user.Scope.Roles.Any(r => ReviewChains.SelfEvaluation.CanEdit(evaluation.Subject, evaluation.State, r)))
        {
            issues.Error(idRow.Number, IdLabel, idText, evaluation.State is FormState.Pending or FormState.Returned
                ? $"自评表 {id} 由{ReviewChains.SelfEvaluation.FillerOf(evaluation.Subject).Label()}填报，您不能导入。"
                : $"自评表 {id} 为“{evaluation.State.Label()}”，文件中的修改不能导入；如需修改请由审核人退回，或把文件恢复为导出时的内容。");
            return Refused();
        }
        try
        {
            var saved = await EvaluationWork.FillAsync(db, user, id, input, forms, nowUtc, ct);
            return new(fileName, id, rowsRead, issues.ForReport(), saved!.Findings, true);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            issues.Error(idRow.Number, e.Field ?? IdLabel, idText, e.Message);
            return Refused();
        }
    }

    /// <summary>The file says what the form holds, compared as the sheet reads cells (a blank A or B is the ledger's).</summary>
    private static bool Same(SelfEvaluation e, SelfEvaluationInput input)
    {
        var byRow = input.Rows.ToDictionary(r => r.Row);
        return CellText.Clean(input.GoalCompletion) == CellText.Clean(e.GoalCompletion)
               && (input.AdjustedBudget ?? e.LedgerAdjustedBudget) == e.AdjustedBudget && (input.Executed ?? e.LedgerExecuted) == e.Executed
               && input.ExecutionWeight == e.ExecutionWeight && input.ExecutionScore == e.ExecutionScore && input.Total == e.Total
               && e.Rows.All(r => byRow.GetValueOrDefault(r.Row) is var i
                                  && CellText.Clean(i?.Actual) == CellText.Clean(r.Actual) && i?.Outcome == r.Outcome && i?.Weight == r.Weight
                                  && i?.Score == r.Score && CellText.Clean(i?.Reason) == CellText.Clean(r.Reason));
    }

    /// <summary>The first row in [from, to) whose first cell is <paramref name="label"/> (ignoring spaces, marks and a bracketed note).</summary>
    private static SheetRow? Labelled(IReadOnlyList<SheetRow> sheet, int from, int to, string label) =>
        sheet.Skip(from).Take(to - from).FirstOrDefault(r => ImportLayout.Simplify(r[0]) == label);

    /// <summary>The 预算执行 figures: the first non-empty row under its header. A blank A or B keeps the ledger's.</summary>
    private static (decimal? Adjusted, decimal? Executed, decimal? Weight, decimal? Score) ReadFunds(IReadOnlyList<SheetRow> sheet, HeaderMap header,
        int end, ImportIssues issues)
    {
        var row = sheet.Skip(header.RowIndex + 1).Take(end - header.RowIndex - 1).FirstOrDefault(r => !r.IsEmpty);
        if (row is null)
        {
            issues.Error(header.RowIndex + 1, "预算执行情况", "", "预算执行情况表头下面没有数据行：请按导出的自评表填写全年预算数、全年执行数、分值和得分。");
            return (null, null, null, null);
        }
        var r = new RowReader(row, header, issues);
        decimal? Amount(string key)
        {
            if (r.Raw(key).Trim().Length == 0) return null;
            if (!CellText.TryParseAmount(r.Raw(key), header.Unit, out var yuan, out var error))
                r.Error(key, $"{header.Title(key)}：{error}");
            else if (yuan < 0)
                r.Error(key, $"{header.Title(key)}不能为负数，当前为 {r.Raw(key)}。");
            else
                return yuan;
            return null;
        }
        return (Amount("adjusted"), Amount("executed"), Score(r, "weight", "预算执行率分值"), Score(r, "score", "预算执行率得分"));
    }

    /// <summary>A 分值 or 得分 as written: a number with at most two decimals (a trailing 分 is allowed), blank for none.</summary>
    private static decimal? Score(RowReader r, string key, string what)
    {
        var text = CellText.Normalize(r.Raw(key));
        if (text.Length == 0) return null;
        var number = text.EndsWith('分') ? text[..^1].TrimEnd() : text;
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            r.Error(key, $"“{text}”不是数字：{what}请只填数值，如 18.75。");
            return null;
        }
        if (decimal.Round(value, 2) != value)
        {
            r.Error(key, $"“{text}”超过两位小数：{what}请保留两位小数。");
            return null;
        }
        return value;
    }
}
