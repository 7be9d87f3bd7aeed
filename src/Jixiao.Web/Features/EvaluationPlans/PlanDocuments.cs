using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Domain.Budget;
using Jixiao.Domain.EvaluationPlans;
using Jixiao.Domain.Evaluations;
using Jixiao.Web.Features.ExAnte;
using Jixiao.Web.Features.Printing;
using static Jixiao.Web.Features.Shared.Docx;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>A plan as its report prints it: the view and when it was printed.</summary>
public sealed record PlanPrint(PlanView View, DateTime PrintedAtUtc)
{
    public static string Amount(decimal yuan) => $"{Money.FormatWan(yuan)} 万元";

    /// <summary>The score table: each 三级 item under its 一级 and 二级, with its points, score and note, and the total.</summary>
    public IReadOnlyList<string[]> ScoreRows => [["一级指标", "二级指标", "三级指标", "分值", "得分", "评分说明"],
        .. View.Items.Select(i => new[] { i.Level1, i.Level2, i.Name, Scores.Format(i.Points), Scores.Format(i.Score), i.Note }),
        ["合计", "", "", Scores.Format(View.Items.Sum(i => i.Points)), View.Total is { } t ? Scores.Format(t) : Scores.Format(View.Scored), View.Grade?.Label() ?? ""]];
}

/// <summary>
/// 绩效评价报告 of a department or key evaluation, as docx and as PDF (the same content): the title page facts, the seven sections of
/// the national outline as the evaluator wrote them (the third with the score table), the findings table and the signatures.
/// </summary>
public static class PlanDocuments
{
    public const string Sheet = "/Features/EvaluationPlans/_PlanReportPrint.cshtml";

    public static async Task<PlanPrint?> ReportAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct)
    {
        if (await PlanQueries.ViewAsync(db, user, id, ct) is not { } view) return null;
        if (view.Report.Where(s => s.Required).All(s => s.Text.Length == 0))
            throw new ConflictException("评价报告尚未编写：请先在评价页面生成初稿或填写报告。");
        return new PlanPrint(view, db.Clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>“…重点绩效评价” becomes “…重点绩效评价报告”, any other name “…绩效评价报告”.</summary>
    public static string Title(PlanView v) => v.Title.EndsWith("评价", StringComparison.Ordinal) ? $"{v.Title}报告" : $"{v.Title}绩效评价报告";

    public static PrintJob Job(PlanPrint p) => new("绩效评价报告", $"绩效评价报告-{p.View.FiscalYear}-{p.View.Code}", Sheet, p);

    public static (string FileName, byte[] Content) ReportDocx(PlanPrint p)
    {
        var v = p.View;
        var body = new Body();
        body.Append(Para(Title(v), bold: true, size: 36, center: true));
        body.Append(Para($"（{v.FiscalYear} 年度 · {v.Kind.Label()} · {v.Code}）", size: 21, center: true));
        body.Append(Table(
        [
            ["评价对象", $"{v.SubjectKind.Label()}（{v.Subjects.Count} 个）", "评价金额", PlanPrint.Amount(v.Amount)],
            ["评价主体", $"{v.EvaluatorName}（{v.Evaluator.Label()}）", "组织部门", v.DepartmentName],
            ["评价期间", $"{v.StartOn:yyyy-MM-dd} 至 {v.DueOn:yyyy-MM-dd}", "评价结论", v.Total is { } t ? $"{Scores.Format(t)} 分（{v.Grade?.Label()}）" : "评价中"],
        ], [12, 34, 12, 30], header: false));
        var n = 1;
        foreach (var section in v.Report)
        {
            body.Append(Heading($"{ExAnteDocuments.Numeral(n++)}、{section.Name}"));
            foreach (var line in (section.Text.Length > 0 ? section.Text : "（无）").Split('\n'))
                body.Append(Para(line));
            if (section.Name == PlanReport.Conclusion)
            {
                body.Append(Table(p.ScoreRows, [12, 14, 22, 8, 8, 30]));
                if (v.ScoreExplanation.Length > 0) body.Append(Para($"得分计算：{v.ScoreExplanation}。", size: 21));
            }
            if (section.Name == PlanReport.Problems && v.Findings.Count > 0)
                body.Append(Table([["序号", "存在的问题", "原因", "整改建议", "涉及金额"],
                    .. v.Findings.Select(f => new[] { f.Seq.ToString(), f.Problem, f.Cause, f.Suggestion, f.Amount is { } a ? PlanPrint.Amount(a) : "—" })], [6, 30, 22, 28, 12]));
        }
        body.Append(Para($"评价主体：{v.EvaluatorName}　完成人：{(v.ConcludedBy.Length > 0 ? v.ConcludedBy : "—")}　完成时间：{ExAnteDocuments.Time(v.ConcludedAtUtc)}", size: 21, before: 240));
        return ($"绩效评价报告-{v.FiscalYear}-{v.Code}.docx", Write(body, Title(v)));
    }
}
