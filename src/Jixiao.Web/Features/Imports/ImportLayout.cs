using Jixiao.Domain.Interchange;

namespace Jixiao.Web.Features.Imports;

/// <summary>One column of an import layout: its key, the header texts accepted for it, and whether it must be there.</summary>
public sealed record ImportColumn(string Key, string Title, bool Required, bool IsAmount, params string[] Aliases)
{
    public bool Matches(string header)
    {
        var h = ImportLayout.Simplify(header);
        return h == ImportLayout.Simplify(Title) || Aliases.Any(a => h == ImportLayout.Simplify(a));
    }
}

/// <summary>The header row found in a sheet: which column holds which key, and the unit of the amount column.</summary>
public sealed record HeaderMap(int RowIndex, IReadOnlyDictionary<string, int> Columns, AmountUnit Unit, IReadOnlyDictionary<string, string> Titles)
{
    public string Cell(SheetRow row, string key) => Columns.TryGetValue(key, out var c) ? row[c] : "";
    public string Title(string key) => Titles.TryGetValue(key, out var t) ? t : key;
}

/// <summary>
/// The documented layouts (docs/import-layout.md) following the 一体化 system's field names. A header row
/// may sit under title rows; headers are matched ignoring spaces, "*" marks and the unit in brackets.
/// </summary>
public static class ImportLayout
{
    public static readonly IReadOnlyList<ImportColumn> Projects =
    [
        new("code", "项目代码", true, false, "项目编码", "项目编号"),
        new("name", "项目名称", true, false),
        new("unit", "单位代码", true, false, "预算单位代码", "单位编码"),
        new("unitName", "单位名称", false, false, "预算单位名称"),
        new("department", "主管部门代码", false, false, "部门代码", "部门编码"),
        new("level", "项目级次", true, false, "项目层级", "项目级别"),
        new("parent", "上级项目代码", false, false, "一级项目代码", "上级项目编码"),
        new("category", "项目类别", true, false, "项目类型"),
        new("recurrence", "项目性质", true, false, "经常性/一次性", "支出性质"),
        new("start", "开始年度", true, false, "起始年度", "项目开始年度"),
        new("end", "结束年度", true, false, "截止年度", "项目结束年度"),
        new("status", "项目库状态", true, false, "入库状态", "项目状态"),
        new("budgetKind", "预算类型", true, false, "资金性质", "预算种类"),
        new("transfer", "转移支付级次", false, false, "上级转移支付", "转移支付"),
        new("tags", "资金标签", false, false, "资金来源标签"),
        new("pool", "是否待分资金", false, false, "待分资金"),
        new("established", "立项日期", true, false, "入库日期"),
        new("requested", "申报金额", false, true, "项目申报金额", "申请金额"),
        new("majorPolicy", "是否重大政策", false, false, "重大政策"),
    ];

    public static readonly IReadOnlyList<ImportColumn> Movements =
    [
        new("document", "文件号", true, false, "指标文号", "指标文件号", "文号"),
        new("date", "日期", true, false, "发文日期", "指标日期", "下达日期"),
        new("project", "项目代码", true, false, "项目编码"),
        new("kind", "变动类型", true, false, "指标类型", "调整类型"),
        new("amount", "金额", true, true, "指标金额", "调整金额"),
        new("counterpart", "对方项目代码", false, false, "对方项目编码", "调出项目代码", "调入项目代码"),
        new("reason", "事由", false, false, "调整事由", "摘要", "说明"),
    ];

    public static readonly IReadOnlyList<ImportColumn> Payments =
    [
        new("document", "凭证号", true, false, "支付凭证号", "支付令号", "凭证编号"),
        new("date", "支付日期", true, false, "日期", "记账日期"),
        new("project", "项目代码", true, false, "项目编码"),
        new("amount", "支付金额", true, true, "金额"),
        new("summary", "摘要", false, false, "用途", "说明"),
    ];

    public static IReadOnlyList<ImportColumn> For(ImportKind kind) => kind switch
    {
        ImportKind.Projects => Projects,
        ImportKind.Movements => Movements,
        _ => Payments,
    };

    /// <summary>"* 金额（万元）" → "金额": no spaces, no marks, no bracketed unit, half-width.</summary>
    public static string Simplify(string header)
    {
        var text = CellText.Normalize(header).Replace(" ", "").Replace("*", "").Replace("＊", "");
        var bracket = text.IndexOfAny(['(', '（', '[', '【']);
        return bracket > 0 ? text[..bracket] : text;
    }

    /// <summary>Finds the header row among the first 20 rows: the first row that has every required column.</summary>
    public static HeaderMap? FindHeader(IReadOnlyList<SheetRow> rows, ImportKind kind, out string? unitError) =>
        FindHeader(rows, For(kind), out unitError);

    /// <summary>The same for any layout (e.g. the 绩效目标申报表).</summary>
    public static HeaderMap? FindHeader(IReadOnlyList<SheetRow> rows, IReadOnlyList<ImportColumn> columns, out string? unitError)
    {
        unitError = null;
        for (var r = 0; r < Math.Min(rows.Count, 20); r++)
        {
            var map = new Dictionary<string, int>();
            var titles = new Dictionary<string, string>();
            for (var c = 0; c < rows[r].Cells.Count; c++)
            {
                var column = columns.FirstOrDefault(col => !map.ContainsKey(col.Key) && col.Matches(rows[r].Cells[c]));
                if (column is null) continue;
                map[column.Key] = c;
                titles[column.Key] = rows[r].Cells[c];
            }
            if (!columns.Where(c => c.Required).All(c => map.ContainsKey(c.Key))) continue;

            var unit = AmountUnit.Yuan;
            var amount = columns.FirstOrDefault(c => c.IsAmount && map.ContainsKey(c.Key));
            if (amount is not null)
            {
                var title = CellText.Normalize(titles[amount.Key]).Replace(" ", "");
                if (title.Contains("万元")) unit = AmountUnit.TenThousandYuan;
                else if (!title.Contains("元"))
                    unitError = $"金额列标题“{titles[amount.Key]}”没有注明单位，请写成“{amount.Title}（元）”或“{amount.Title}（万元）”。";
            }
            return new HeaderMap(r, map, unit, titles);
        }
        return null;
    }
}
