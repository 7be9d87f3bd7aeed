using System.Globalization;
using Jixiao.Domain;
using Jixiao.Domain.Access;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Interchange;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

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
public static class EvaluationSheet
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
                e.ExecutionRate is { } rate ? decimal.Round(rate * 100m, 2, MidpointRounding.AwayFromZero) : null, e.ExecutionScore, null, null, null,
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

    /// <summary>One line of the 部门汇总表.</summary>
    /// <param name="Amount">全年预算数 (A, from the ledger) summed</param>
    /// <param name="ByReference">优, 良, 中, 差 by the reference grade</param>
    /// <param name="ByUnit">优, 良, 中, 差 by the grade of the unit's own total, where it wrote one</param>
    /// <param name="Filled">saved at least once</param>
    /// <param name="Submitted">submitted and not returned (under review or approved)</param>
    public sealed record SummaryLine(string Department, int Count, decimal Amount, int[] ByReference, int[] ByUnit, int Filled, int Submitted, int Approved);

    /// <summary>The project self-evaluations of a year in scope (optionally one department), per department; department-overall forms are not counted.</summary>
    public static async Task<IReadOnlyList<SummaryLine>> SummaryAsync(JixiaoDbContext db, int year, long? departmentId, CancellationToken ct)
    {
        var forms = db.SelfEvaluations.AsNoTracking().Where(e => e.FiscalYear == year && e.Subject == TargetSubject.Project);
        if (departmentId is { } d) forms = forms.Where(e => e.DepartmentId == d);
        // Amounts are summed here, not in SQL: SQLite cannot sum decimals exactly.
        var list = await forms
            .Select(e => new { Key = e.DepartmentId ?? e.OrgUnitId, e.LedgerAdjustedBudget, e.ReferenceGrade, e.Total, e.MaxScore, e.State, e.FilledAtUtc })
            .ToListAsync(ct);
        var keys = list.Select(e => e.Key).Distinct().ToList();
        var names = await db.OrgUnits.IgnoreQueryFilters().Where(o => keys.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (o.Code, o.Name), ct);
        int[] Grades(IEnumerable<Grade> grades) => Enum.GetValues<Grade>().Select(g => grades.Count(x => x == g)).ToArray();
        return list.GroupBy(e => e.Key)
            .OrderBy(g => names.GetValueOrDefault(g.Key).Code, StringComparer.Ordinal)
            .Select(g => new SummaryLine(names.GetValueOrDefault(g.Key).Name ?? "", g.Count(), g.Sum(e => e.LedgerAdjustedBudget),
                Grades(g.Select(e => e.ReferenceGrade)),
                Grades(g.Where(e => e.Total is not null && e.MaxScore > 0).Select(e => ReferenceScoring.GradeOf(e.Total!.Value, e.MaxScore))),
                g.Count(e => e.FilledAtUtc is not null),
                g.Count(e => e.State is FormState.Submitted or FormState.DepartmentApproved or FormState.DivisionApproved or FormState.Approved),
                g.Count(e => e.State == FormState.Approved)))
            .ToList();
    }

    public static readonly IReadOnlyList<string> SummaryTitles =
    [
        "主管部门", "自评项目数", "全年预算数合计（元）", "参考等级：优", "参考等级：良", "参考等级：中", "参考等级：差",
        "自评等级：优", "自评等级：良", "自评等级：中", "自评等级：差", "未填总分", "已填报", "已提交", "已审核",
    ];

    public static async Task<(string FileName, byte[] Content)> SummaryExportAsync(JixiaoDbContext db, int year, long? departmentId, CancellationToken ct)
    {
        FiscalYears.EnsureValid(year);
        var lines = await SummaryAsync(db, year, departmentId, ct);
        var department = departmentId is { } id
            ? await db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct)
            : null;
        object?[] Cells(SummaryLine l) =>
        [
            l.Department, l.Count, l.Amount, .. l.ByReference.Cast<object?>(), .. l.ByUnit.Cast<object?>(), l.Count - l.ByUnit.Sum(), l.Filled, l.Submitted, l.Approved,
        ];
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{year} 年度项目支出绩效自评汇总表{(department is null ? "" : "（" + department + "）")}" },
            new object?[] { "说明：参考等级按系统参考得分，自评等级按单位填写的总分（≥90 优、80–90 良、60–80 中、<60 差）；已提交含待审核和已审核；全年预算数为账面调整后的全年预算数（A）。部门整体自评不计入。" },
            SummaryTitles.Cast<object?>().ToList(),
        };
        rows.AddRange(lines.Select(l => (IReadOnlyList<object?>)Cells(l)));
        if (departmentId is null)
        {
            int[] Sum(Func<SummaryLine, int[]> part) => Enumerable.Range(0, 4).Select(i => lines.Sum(l => part(l)[i])).ToArray();
            rows.Add(Cells(new SummaryLine("合计", lines.Sum(l => l.Count), lines.Sum(l => l.Amount), Sum(l => l.ByReference), Sum(l => l.ByUnit),
                lines.Sum(l => l.Filled), lines.Sum(l => l.Submitted), lines.Sum(l => l.Approved))));
        }
        var layout = new SheetLayout(Widths: [28, 10, 20, 10, 10, 10, 10, 10, 10, 10, 10, 9, 8, 8, 8], HeaderRows: [3], Titled: true, NoteRows: [2]);
        return ($"{year}年项目支出绩效自评汇总表{(department is null ? "" : "-" + department)}.xlsx", XlsxWriter.Write("自评汇总表", rows, layout));
    }

}
