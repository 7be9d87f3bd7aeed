using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.ExAnte;
using Jixiao.Web.Features.Printing;
using static Jixiao.Web.Features.Shared.Docx;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>An evaluation as its documents print it: the view and when it was printed.</summary>
public sealed record ExAntePrint(ExAnteView View, DateTime PrintedAtUtc)
{
    public string Amount(decimal? yuan) => yuan is { } y ? $"{Money.FormatWan(y)} 万元" : "—";
}

/// <summary>
/// The documents of an ex-ante evaluation, as docx and as PDF (the same content): the unit's 事前绩效评估报告 — the project, why it
/// is evaluated, the assessment dimension by dimension, the proposed targets and the materials provided — and finance's
/// 事前绩效评估意见书 — the route, the form item by item with its arithmetic, the conclusion by the thresholds, the reasons, the
/// suggested cap and the revision. The report exists once the unit has submitted, the opinion once finance has concluded.
/// </summary>
public static class ExAnteDocuments
{
    public const string ReportSheet = "/Features/ExAnte/_ExAnteReportPrint.cshtml";
    public const string OpinionSheet = "/Features/ExAnte/_ExAnteOpinionPrint.cshtml";

    /// <summary>The evaluation of the user's scope with a submitted report (null: not found; refused while the unit has not submitted).</summary>
    public static Task<ExAntePrint?> ReportAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct) =>
        LoadAsync(db, user, id, v => v.SubmittedAtUtc is null ? "单位尚未提交事前评估报告，暂无报告可下载。" : null, ct);

    public static Task<ExAntePrint?> OpinionAsync(JixiaoDbContext db, CurrentUser user, long id, CancellationToken ct) =>
        LoadAsync(db, user, id, v => v.Conclusion is null ? "财政尚未出具评估结论，暂无评估意见书。" : null, ct);

    private static async Task<ExAntePrint?> LoadAsync(JixiaoDbContext db, CurrentUser user, long id, Func<ExAnteView, string?> refuse, CancellationToken ct)
    {
        if (await ExAnteQueries.ViewAsync(db, user, id, ct) is not { } view) return null;
        if (refuse(view) is { } why) throw new ConflictException(why);
        return new ExAntePrint(view, db.Clock.GetUtcNow().UtcDateTime);
    }

    public static PrintJob ReportJob(ExAntePrint p) => new("事前绩效评估报告", $"事前绩效评估报告-{p.View.FiscalYear}-{p.View.ProjectCode}", ReportSheet, p);

    public static PrintJob OpinionJob(ExAntePrint p) => new("事前绩效评估意见书", $"事前绩效评估意见书-{p.View.FiscalYear}-{p.View.ProjectCode}", OpinionSheet, p);

    public static (string FileName, byte[] Content) ReportDocx(ExAntePrint p)
    {
        var v = p.View;
        var body = new Body();
        body.Append(Para($"{v.ProjectName}事前绩效评估报告", bold: true, size: 36, center: true));
        body.Append(Para($"（{v.FiscalYear} 年度 · {v.Variant.Label()}）", size: 21, center: true));
        body.Append(Heading("一、基本情况"));
        body.Append(Table(
        [
            ["项目代码", v.ProjectCode, "项目名称", v.ProjectName],
            ["实施单位", v.UnitName, "主管部门", Or(v.DepartmentName)],
            ["申报金额", p.Amount(v.RequestedAmount), "评估原因", v.Trigger],
        ], [12, 30, 12, 30], header: false));
        var n = 2;
        foreach (var d in v.Dimensions)
        {
            body.Append(Heading($"{Numeral(n++)}、{d}"));
            foreach (var line in v.Report.GetValueOrDefault(d, "（未填写）").Split('\n'))
                body.Append(Para(line));
        }
        body.Append(Heading($"{Numeral(n++)}、拟定绩效目标"));
        body.Append(Para($"总体目标：{Or(v.OverallGoal)}"));
        body.Append(Para($"年度目标：{Or(v.AnnualGoal)}"));
        var indicators = ProposedTargets.Parse(v.Indicators);
        if (indicators.Count > 0)
            body.Append(Table([["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位"],
                .. indicators.Select(i => new[] { i.Level1, i.Level2, i.Name, i.Comparison.Label(), i.TargetValue, i.Unit })], [14, 16, 30, 10, 16, 12]));
        body.Append(Heading($"{Numeral(n)}、申报材料"));
        body.Append(Table([["材料", "是否提供"], .. v.StandardMaterials.Select(m => new[] { m, v.Materials.Contains(m) ? "已提供" : "未提供" })], [70, 20]));
        body.Append(Para($"提交人：{v.SubmittedBy}　提交时间：{Time(v.SubmittedAtUtc)}", size: 21, before: 240));
        return ($"事前绩效评估报告-{v.FiscalYear}-{v.ProjectCode}.docx", Write(body, $"{v.ProjectName}事前绩效评估报告"));
    }

    public static (string FileName, byte[] Content) OpinionDocx(ExAntePrint p)
    {
        var v = p.View;
        var body = new Body();
        body.Append(Para("事前绩效评估意见书", bold: true, size: 36, center: true));
        body.Append(Para($"（{v.FiscalYear} 年度 · 评估编号 {v.Id}）", size: 21, center: true));
        body.Append(Para($"{v.UnitName}："));
        body.Append(Para($"你单位申报的“{v.ProjectName}”（项目代码 {v.ProjectCode}，申报金额 {p.Amount(v.RequestedAmount)}），经{v.Route?.Label()}，评估意见如下。"));
        body.Append(Heading("一、评估得分"));
        body.Append(Table([["评估内容", "分值", "得分"],
            .. v.Form.Select(i => new[] { i.Name, Scores.Format(i.Points), i.Given is { } g ? Scores.Format(g) : "—" }),
            ["合计", Scores.Format(v.Form.Sum(i => i.Points)), v.Score is { } s ? Scores.Format(s) : "—"]], [60, 15, 15]));
        body.Append(Para($"得分计算：{v.ScoreExplanation}。"));
        body.Append(Heading("二、评估结论"));
        body.Append(Para($"评估结论为“{v.Conclusion?.Label()}”。{v.Reasons}"));
        body.Append(Para(v.Cap is { } cap ? $"建议预算控制数：{p.Amount(cap)}。" : "未设建议预算控制数。"));
        if (v.Conclusion == ExAnteConclusion.SupportAfterRevision)
        {
            body.Append(Heading("三、调整完善情况"));
            body.Append(Para(v.RevisedAtUtc is null
                ? "请按以上意见调整完善申报材料后重新提交，经财政确认后方可安排预算。"
                : $"单位于 {Time(v.RevisedAtUtc)} 提交修改稿（调整后申报金额 {p.Amount(v.RevisedAmount)}）：{v.Revision}"));
            if (v.State == ExAnteState.RevisionAccepted) body.Append(Para($"财政意见：{v.RevisionOpinion}（已确认，可以安排预算）。"));
            else if (v.RevisionOpinion.Length > 0) body.Append(Para($"财政退回意见：{v.RevisionOpinion}"));
        }
        body.Append(Para($"出具人：{v.ConcludedBy}　出具时间：{Time(v.ConcludedAtUtc)}", size: 21, before: 240));
        return ($"事前绩效评估意见书-{v.FiscalYear}-{v.ProjectCode}.docx", Write(body, "事前绩效评估意见书"));
    }

    public static string Time(DateTime? utc) => utc is { } t ? BusinessCalendar.ToBeijing(t).ToString("yyyy-MM-dd HH:mm") : "—";

    private static string Or(string text) => text.Length > 0 ? text : "（未填写）";

    public static string Numeral(int n) => n switch { 1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", 6 => "六", 7 => "七", 8 => "八", _ => n.ToString() };
}
