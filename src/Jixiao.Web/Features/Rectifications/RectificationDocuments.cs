using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Rectifications;
using static Jixiao.Web.Features.Shared.Docx;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>
/// 整改通知书 (the notice finance sends the responsible unit: the problem, its source, the requirement, the deadline and how to reply)
/// as docx, and 整改台账 (the items of a list, as filtered) as xlsx.
/// </summary>
public static class RectificationDocuments
{
    /// <summary>The rows of one export at most: a county's items of every year fit many times over.</summary>
    private const int LedgerLimit = 20_000;

    public static (string FileName, byte[] Content) NoticeDocx(RectificationView v, string financeName)
    {
        var body = new Body();
        body.Append(Para("整 改 通 知 书", bold: true, size: 36, center: true));
        body.Append(Para($"（整改事项编号 {v.Id}）", size: 21, center: true));
        body.Append(Para($"{v.Unit}：", before: 240));
        body.Append(Para($"　　在{v.Source.Label()}（{v.SourceTitle}）中发现{(v.ProjectName.Length > 0 ? $"你单位“{v.ProjectName}”项目" : "你单位")}存在以下问题，"
                         + $"请按要求认真整改，并于 {v.Deadline:yyyy年M月d日} 前在预算绩效管理信息系统中填报整改措施及成效、上传佐证材料，"
                         + (v.Subject == Domain.Targets.TargetSubject.Project && v.Department.Length > 0 ? $"经{v.Department}审核后报送财政核实。" : "报送财政核实。")));
        body.Append(Table(
        [
            ["问题来源", $"{v.Source.Label()}：{v.SourceTitle}"],
            ["项目", v.ProjectName.Length > 0 ? $"{v.ProjectCode} {v.ProjectName}" : "（不对应单个项目）"],
            ["责任单位", v.Department.Length > 0 && v.Department != v.Unit ? $"{v.Unit}（{v.Department}）" : v.Unit],
            ["问题描述", v.Problem],
            ["整改要求", v.Requirement],
            ["问题金额", v.Amount > 0 ? $"{Money.Wan(v.Amount)}（{Money.Exact(v.Amount)}）" : "—"],
            ["整改期限", v.Deadline.ToString("yyyy年M月d日")],
        ], [18, 82], header: false));
        body.Append(Para("　　逾期未报送或整改不到位的，财政部门将按规定在下一年度预算安排中予以调减、暂缓拨付或收回相关资金，并纳入部门预算绩效管理工作考核。", before: 240));
        body.Append(Para(financeName, before: 480));
        body.Append(Para(BusinessCalendar.DateOf(v.RaisedAtUtc).ToString("yyyy年M月d日")));
        return ($"整改通知书-{v.Id}.docx", Write(body, $"整改通知书（整改事项 {v.Id}）"));
    }

    /// <summary>Every item of the list as filtered (every page), one row each, as the page lists them.</summary>
    public static async Task<(string FileName, byte[] Content)> LedgerAsync(JixiaoDbContext db, CurrentUser user, RectificationQuery q, DateOnly today, CancellationToken ct)
    {
        var rows = new List<RectificationRow>();
        for (var page = 1; rows.Count < LedgerLimit; page++)
        {
            q.PageNumber = page;
            q.PageSize = 500;
            var batch = await RectificationQueries.ListAsync(db, user, q, today, ct);
            rows.AddRange(batch.Rows);
            if (page >= batch.Pages) break;
        }
        var sheet = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"问题整改台账（截至 {today:yyyy-MM-dd}）" },
            new object?[] { "编号", "来源年度", "问题来源", "来源名称", "项目代码", "项目名称", "责任单位", "问题描述", "问题金额（元）", "整改期限", "状态", "逾期天数" },
        };
        sheet.AddRange(rows.Select(r => (IReadOnlyList<object?>)new object?[]
        {
            r.Id, r.FiscalYear, r.Source.Label(), r.SourceTitle, r.ProjectCode, r.ProjectName, r.Unit, r.Problem, r.Amount, r.Deadline.ToString("yyyy-MM-dd"), r.Status,
            r.Overdue ? r.DaysOverdue : null,
        }));
        var layout = new SheetLayout(Widths: [8, 9, 12, 36, 16, 24, 22, 60, 14, 12, 16, 9], HeaderRows: [2], Titled: true);
        return ("问题整改台账.xlsx", XlsxWriter.Write("整改台账", sheet, layout));
    }
}
