using Jixiao.Domain.Budget;
using Jixiao.Web.Features.Printing;

namespace Jixiao.Web.Features.ResultsApplication;

/// <summary>The 台账 as it is printed: the year, the figures, every line of the filter, when it was printed.</summary>
public sealed record ChainPrint(int Year, DateOnly AsOf, string Scope, ChainTotals Totals, IReadOnlyList<ChainLine> Lines, DateTime PrintedAtUtc);

/// <summary>The 结果应用台账 as xlsx (a line a project, each link of the chain in its own column) and as the A4 landscape PDF for the 人大.</summary>
public static class ResultsChainFiles
{
    public const string Sheet = "/Features/ResultsApplication/_ChainPrint.cshtml";

    public static string Title(int year) => $"{year} 年度绩效评价结果应用台账";

    /// <summary>What the figures say, in the words of the page, the xlsx and the PDF.</summary>
    public static string Summary(ChainTotals t) =>
        $"涉及项目 {t.Lines} 个（部门或重点评价 {t.Evaluated} 个）；整改事项 {t.Findings} 项，已完成 {t.FindingsDone} 项，逾期 {t.FindingsOverdue} 项；" +
        $"预算挂钩 {t.Links} 项，已决定 {t.LinksDecided} 项：下年度调减 {Money.Wan(t.Reduced)}、取消 {Money.Wan(t.Cancelled)}；" +
        $"本年暂缓拨付 {Money.Wan(t.Suspended)}、收回 {Money.Wan(t.Recovered)}、监控后调减 {Money.Wan(t.MonitoringReduced)}；已闭环 {t.Closed} 个。";

    public static async Task<ChainPrint> PrintAsync(JixiaoDbContext db, ChainQuery q, int year, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var (totals, lines) = await ResultsChain.AllAsync(db, q, year, today, ct);
        var scope = q.Department is { } d ? await db.OrgUnits.AsNoTracking().Where(o => o.Id == d).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "" : "";
        return new ChainPrint(year, today, scope, totals, lines, nowUtc);
    }

    public static PrintJob Job(ChainPrint p) => new(Title(p.Year), $"结果应用台账-{p.Year}{(p.Scope.Length > 0 ? "-" + p.Scope : "")}", Sheet, p);

    public static (string FileName, byte[] Content) Xlsx(ChainPrint p)
    {
        string[] header = ["序号", "项目编码", "项目名称", "预算单位", "主管部门", "评价结果", "发现的问题及整改", "预算挂钩", "资金处理（指标账）", "环节"];
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { Title(p.Year) + (p.Scope.Length > 0 ? $"（{p.Scope}）" : "") },
            new object?[] { $"截至 {p.AsOf:yyyy-MM-dd}：{Summary(p.Totals)}下年度调减、取消只计已决定的挂钩；暂缓拨付、收回为已记入指标账的整改措施。" },
            header,
        };
        rows.AddRange(p.Lines.Select((l, i) => (IReadOnlyList<object?>)new object?[]
        {
            i + 1, l.Code, l.Name, l.Unit, l.Department, ChainText.Result(l.Result),
            string.Join("\n", l.Findings.Select(ChainText.Finding)), string.Join("\n", l.Budget.Select(ChainText.Budget)),
            string.Join("\n", l.Money.Select(ChainText.Ledger)), l.Stage.Label(),
        }));
        var layout = new SheetLayout(Widths: [6, 18, 30, 20, 18, 20, 60, 48, 40, 12], HeaderRows: [3], FrozenRows: 3, Titled: true, NoteRows: [2],
            TextColumns: [1], Landscape: true);
        return ($"{p.Year}年度绩效评价结果应用台账{(p.Scope.Length > 0 ? "-" + p.Scope : "")}.xlsx", XlsxWriter.Write("结果应用台账", rows, layout));
    }
}
