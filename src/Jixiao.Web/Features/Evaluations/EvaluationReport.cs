using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Evaluations;

/// <summary>
/// 绩效自评报告 of one form as docx: 基本情况 (the project and its A, B and rate), 绩效目标完成情况 (the indicator table
/// with the unit's and the reference scores), 偏差原因及改进措施, 自评结论 (the unit's total and grade beside the reference
/// total and grade, with the sentence behind every reference score) and the findings of the last save.
/// </summary>
public static class EvaluationReport
{
    private const string ChineseFont = "SimSun";
    private const string LatinFont = "Times New Roman";

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
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1300, Right = 1300, Header = 720, Footer = 720, Gutter = 0 }));

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(body);
            document.PackageProperties.Title = $"{heading.Name}绩效自评报告";
            document.PackageProperties.Language = "zh-CN";
        }
        var name = heading.Code.Length > 0 ? heading.Code : heading.Name;
        return ($"绩效自评报告-{e.FiscalYear}-{name}.docx", stream.ToArray());
    }

    private static string Where(SelfEvaluationRow row) => $"第 {row.Row} 行“{row.Name}”";

    private static string Actual(SelfEvaluationRow row) => row.Outcome is { } outcome
        ? row.Actual.Length > 0 ? $"{outcome.Label()}（{row.Actual}）" : outcome.Label()
        : row.Actual;

    private static string Or(string text) => text.Length > 0 ? text : "（未填写）";



    private static Paragraph Heading(string text) => Para(text, bold: true, size: 28, before: 240);

    /// <param name="size">half-points (21 = 10.5 pt, 五号; 24 = 12 pt, 小四)</param>
    private static Paragraph Para(string text, bool bold = false, int size = 24, bool center = false, int before = 0)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = "120" });
        if (center) properties.Append(new Justification { Val = JustificationValues.Center });
        return new Paragraph(properties, Run(text, bold, size));
    }

    private static Run Run(string text, bool bold, int size)
    {
        // The schema orders a run's properties: fonts, bold, size, language.
        var properties = new RunProperties(new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = ChineseFont });
        if (bold) properties.Append(new Bold());
        properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }, new Languages { EastAsia = "zh-CN" });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>Twentieths of a point between the margins of the A4 page (<see cref="WriteAsync"/>'s section).</summary>
    private const int TextWidth = 11906 - 2 * 1300;

    /// <summary>
    /// A bordered table over the page width; the first row is the header, in bold. The grid gives each column its share
    /// (<paramref name="shares"/>), as Word writes it and as readers such as python-docx need it.
    /// </summary>
    private static Table Table(IReadOnlyList<string[]> rows, IReadOnlyList<int> shares)
    {
        BorderType Line<TBorder>() where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4, Color = "000000" };
        var widths = shares.Select(s => TextWidth * s / shares.Sum()).ToList();
        var table = new Table(new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(),
                    Line<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        for (var i = 0; i < rows.Count; i++)
        {
            var header = i == 0;
            var row = new TableRow();
            if (header) row.Append(new TableRowProperties(new TableHeader()));
            row.Append(rows[i].Select((cell, c) => new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }), Run(cell, header, 18)))));
            table.Append(row);
        }
        return table;
    }
}
