using System.Globalization;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Interchange;
using Jixiao.Web.Features.Imports;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>What an imported scoring sheet did: the rows read, the evaluations concluded, the rows left blank, and every problem by row.</summary>
public sealed record ExAnteSheetReport(string FileName, int Rows, int Concluded, int Skipped, IReadOnlyList<ImportIssue> Issues, bool Committed)
{
    public int Errors => Issues.Count(i => i.IsError);
}

/// <summary>
/// 事前评估评分表 as xlsx: the performance division exports the year's evaluations waiting for its own assessment (财政自行评估) of one
/// variant, fills the points of each item, the reasons and the cap offline, and imports it: every filled row concludes, all or
/// nothing — one wrong row (a missing item, points above an item's maximum, a cap above the request, an evaluation no longer with
/// finance) writes nothing and the report names the row and the column. Rows left without points are skipped.
/// </summary>
public static class ExAnteSheet
{
    private static IReadOnlyList<ImportColumn> Columns(ScoringForm form) =>
    [
        new("id", "评估编号", true, false),
        new("code", "项目代码", true, false),
        new("name", "项目名称", false, false),
        new("unit", "单位", false, false),
        new("requested", "申报金额", false, false),
        .. form.Items.Select(i => new ImportColumn("item:" + i.Name, i.Name, true, false)),
        new("reasons", "结论理由", true, false),
        new("cap", "建议预算控制数", false, true),
    ];

    public static async Task<(string FileName, byte[] Content)> ExportAsync(JixiaoDbContext db, CurrentUser user, int year, ExAnteVariant variant, CancellationToken ct)
    {
        RequireFinance(user);
        var rules = await ExAnteWork.RulesAsync(db, user.RegionCode ?? "", year, ct);
        var form = rules.Form(variant);
        var rows = await (from e in db.ExAnteEvaluations.AsNoTracking()
                          where e.FiscalYear == year && e.Variant == variant && e.State == ExAnteState.Assessing
                          join p in db.Projects on e.ProjectId equals p.Id
                          join o in db.OrgUnits on e.OrgUnitId equals o.Id
                          orderby p.Code
                          select new { e.Id, p.Code, p.Name, Unit = o.Name, e.RequestedAmount }).ToListAsync(ct);
        var titles = new List<object?> { "评估编号", "项目代码", "项目名称", "单位", "申报金额（万元）" };
        titles.AddRange(form.Items.Select(i => (object?)$"{i.Name}（{Scores.Format(i.Points)}分）"));
        titles.AddRange(["结论理由", "建议预算控制数（万元）"]);
        var sheet = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{year} 年度事前绩效评估评分表（{variant.Label()}，财政自行评估）" },
            new object?[] { $"说明：每行一个待财政评估的项目，逐项填写得分（0 至该项分值，最多一位小数）和结论理由，可填建议预算控制数（万元，不超过申报金额）；未填得分的行不处理。结论按本年度分数线得出（{rules.Thresholds}）。前四列请勿修改。" },
            titles,
        };
        sheet.AddRange(rows.Select(r => (IReadOnlyList<object?>)[
            r.Id, r.Code, r.Name, r.Unit, decimal.Parse(Money.FormatWan(r.RequestedAmount), NumberStyles.Number, CultureInfo.InvariantCulture),
            .. form.Items.Select(_ => (object?)null), null, null]));
        var layout = new SheetLayout(Widths: [10, 18, 30, 22, 14, .. form.Items.Select(_ => 14d), 40, 18], HeaderRows: [3], FrozenRows: 3, Titled: true, NoteRows: [2],
            TextColumns: [2]);
        return ($"{year}年度事前绩效评估评分表（{variant.Label()}）.xlsx", XlsxWriter.Write("评分表", sheet, layout));
    }

    public static async Task<ExAnteSheetReport> ImportAsync(JixiaoDbContext db, CurrentUser user, int year, ExAnteVariant variant, string fileName, byte[] content,
        UploadLimits limits, DateTime nowUtc, CancellationToken ct)
    {
        RequireFinance(user);
        var issues = new ImportIssues();
        var rules = await ExAnteWork.RulesAsync(db, user.RegionCode ?? "", year, ct);
        var form = rules.Form(variant);
        var columns = Columns(form);
        ExAnteSheetReport Report(int rows, int concluded, int skipped, bool committed) => new(fileName, rows, concluded, skipped, issues.ForReport(), committed);

        var sheet = SpreadsheetReader.Read(content, fileName, limits);
        var header = ImportLayout.FindHeader(sheet, columns, out var unitError);
        if (header is null)
        {
            issues.Error(0, "表头", "", $"前 20 行中找不到评分表表头：必须有 {string.Join("、", columns.Where(c => c.Required).Select(c => c.Title))} 这些列。请使用导出的{variant.Label()}评分表。");
            return Report(0, 0, 0, false);
        }
        if (unitError is not null) issues.Error(header.RowIndex + 1, "表头", "", unitError);
        var data = sheet.Skip(header.RowIndex + 1).Where(r => !r.IsEmpty).ToList();
        var ids = new List<long>();
        foreach (var row in data)
            if (long.TryParse(CellText.Normalize(header.Cell(row, "id")).Trim(), out var id)) ids.Add(id);
        var evaluations = await db.ExAnteEvaluations.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var codes = await db.Projects.AsNoTracking().Where(p => evaluations.Values.Select(e => e.ProjectId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        var seen = new Dictionary<long, int>();
        var (concluded, skipped) = (0, 0);
        foreach (var row in data)
        {
            var r = new RowReader(row, header, issues);
            var points = new Dictionary<string, decimal>();
            foreach (var item in form.Items)
            {
                var text = CellText.Normalize(r.Raw("item:" + item.Name)).Trim();
                if (text.Length == 0) continue;
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var given)) points[item.Name] = given;
                else r.Error("item:" + item.Name, $"“{text}”不是分数，请填写 0–{Scores.Format(item.Points)} 之间的数。");
            }
            if (points.Count == 0 && !r.Failed)
            {
                skipped++;
                continue;
            }
            var idText = CellText.Normalize(r.Raw("id")).Trim();
            if (!long.TryParse(idText, out var id) || !evaluations.TryGetValue(id, out var evaluation) || evaluation.FiscalYear != year || evaluation.Variant != variant)
            {
                r.Error("id", $"评估编号“{idText}”不是本年度待评估的{variant.Label()}事前评估，请使用导出的评分表，不要修改前四列。");
                continue;
            }
            if (!seen.TryAdd(id, row.Number))
            {
                r.Error("id", $"评估编号 {id} 在第 {seen[id]} 行已出现，每个项目只填一行。");
                continue;
            }
            var code = CellText.Normalize(r.Raw("code")).Trim();
            if (code != codes.GetValueOrDefault(evaluation.ProjectId))
            {
                r.Error("code", $"项目代码“{code}”与评估编号 {id} 的项目（{codes.GetValueOrDefault(evaluation.ProjectId)}）不符，请不要修改前四列。");
                continue;
            }
            decimal? cap = CellText.Normalize(r.Raw("cap")).Trim().Length == 0 ? null : r.OptionalAmount("cap");
            if (r.Failed) continue;
            try
            {
                evaluation.Conclude(ExAnteRoute.Finance, null, null, form, ExAnteScore.Of(form, points, "财政自行评估（评分表导入）"), rules, r.Raw("reasons"), cap,
                    user.UserName, nowUtc);
                concluded++;
            }
            catch (DomainException e)
            {
                r.Error(e.Field switch
                {
                    "控制数" or "建议预算控制数" => "cap",
                    "意见" => "reasons",
                    { } name when form.Items.Any(i => i.Name == name) => "item:" + name,
                    _ => "id",
                }, e.Message);
            }
        }
        if (data.Count == 0) issues.Error(header.RowIndex + 1, "表头", "", "表头下面没有数据行。");
        if (issues.HasErrors || concluded == 0)
        {
            db.ChangeTracker.Clear();
            if (!issues.HasErrors) issues.Error(0, "文件", fileName, "评分表中没有填写任何得分，未写入任何数据。");
            return Report(data.Count, 0, skipped, false);
        }
        await ExAnteWork.Saves.SaveAsync(db, ct);
        return Report(data.Count, concluded, skipped, true);
    }

    private static void RequireFinance(CurrentUser user)
    {
        if (!user.Scope.Has(Role.PerformanceDivision)) throw new ForbiddenException("只有财政绩效股可以导出和导入事前评估评分表。");
    }
}
