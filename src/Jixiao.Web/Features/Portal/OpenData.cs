using System.Globalization;
using System.Text;
using System.Text.Json;
using Jixiao.Domain.Disclosure;
using Jixiao.Web.Features.Disclosure;

namespace Jixiao.Web.Features.Portal;

/// <summary>One field of the open data: its name in CSV and JSON, its Chinese title, type, unit and, for a code list, its values.</summary>
public sealed record OpenField(string Name, string Title, string Type, string Description, string? Unit = null, IReadOnlyList<string>? Values = null);

/// <summary>
/// Each batch as open data at a stable address (<c>/portal/batches/{id}/data.csv|json|xlsx</c>): one row per published indicator (an item without
/// indicators is one row), the item's fields repeated, so that a spreadsheet can filter and sum it directly; described by a data package
/// (<c>datapackage.json</c>: fields, types, units, code lists). CSV is UTF-8 with a byte-order mark, which Excel opens as Chinese.
/// </summary>
public static class OpenData
{
    /// <summary>A published item as printed, on its page and in its PDF.</summary>
    public const string ItemSheet = "/Features/Portal/_ItemSheet.cshtml";

    public static readonly IReadOnlyList<OpenField> Fields =
    [
        new("region_code", "区划代码", "string", "行政区划代码（6 位）"),
        new("fiscal_year", "年度", "integer", "预算年度"),
        new("kind", "公开内容", "string", "公开内容的类别", Values: [.. Enum.GetValues<PublicationKind>().Select(k => k.Label())]),
        new("batch", "公开批次", "string", "发布批次的名称"),
        new("published_on", "公开日期", "date", "该版本公开的日期（YYYY-MM-DD）"),
        new("item_id", "公开编号", "integer", "公开内容的编号，门户页面为 /portal/items/{item_id}"),
        new("version", "版本", "integer", "第几版：目标调整后发布新版本，原版本仍可查阅"),
        new("code", "编码", "string", "项目编码；部门整体目标为部门编码"),
        new("name", "名称", "string", "项目名称或部门名称"),
        new("department_code", "主管部门编码", "string", "主管部门编码"),
        new("department", "主管部门", "string", "主管部门名称"),
        new("unit", "单位", "string", "预算单位名称"),
        new("category", "项目类别", "string", "项目类别；部门整体目标为空", Values: [.. Enum.GetValues<Domain.Budget.ProjectCategory>().Select(c => c.Label())]),
        new("amount_yuan", "金额", "number", "目标为项目预算金额，自评结果为全年预算数", Unit: "元"),
        new("summary", "摘要", "string", "指标个数，或自评得分和等级"),
        new("annual_goal", "年度目标", "string", "年度绩效目标"),
        new("level1", "一级指标", "string", "产出指标、效益指标、满意度指标、成本指标等"),
        new("level2", "二级指标", "string", "数量指标、质量指标、时效指标等"),
        new("indicator", "三级指标", "string", "指标名称"),
        new("target", "指标值", "string", "年度指标值（含 ≥、≤ 等）"),
        new("measure_unit", "计量单位", "string", "指标值的计量单位"),
        new("actual", "实际完成值", "string", "自评结果的实际完成值；目标为空"),
        new("score", "得分", "string", "自评结果的指标得分；目标为空"),
    ];

    private static IEnumerable<object?[]> Rows(PortalBatch batch, IReadOnlyList<PublishedItem> items) =>
        items.SelectMany(i =>
        {
            var content = PublicContent.FromJson(i.Content);
            object?[] head = [i.RegionCode, i.FiscalYear, i.Kind.Label(), batch.Title, i.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Id, i.Version,
                i.Code, i.Title, i.DepartmentCode, i.Department, i.Unit, i.Category, i.Amount, i.Summary, content.AnnualGoal];
            return content.Indicators.Count == 0
                ? [[.. head, "", "", "", "", "", "", ""]]
                : content.Indicators.Select(x => (object?[])[.. head, x.Level1, x.Level2, x.Name, x.Target, x.Unit, x.Actual, x.Score]);
        });

    public static string FileName(PortalBatch batch, string extension) => $"{batch.RegionCode}-{batch.FiscalYear}-{batch.Title}.{extension}";

    public static byte[] Csv(PortalBatch batch, IReadOnlyList<PublishedItem> items)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Fields.Select(f => f.Name)).Append("\r\n");
        foreach (var row in Rows(batch, items))
            text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>RFC 4180 quoting; a text starting like a formula is prefixed with ' so that a spreadsheet shows it and never evaluates it.</summary>
    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (value is string && XlsxWriter.LooksLikeFormula(text)) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    public static byte[] Json(PortalBatch batch, IReadOnlyList<PublishedItem> items) =>
        JsonSerializer.SerializeToUtf8Bytes(Rows(batch, items).Select(row => Fields.Select((f, i) => (f.Name, Value: row[i])).ToDictionary(x => x.Name, x => x.Value)),
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static byte[] Xlsx(PortalBatch batch, IReadOnlyList<PublishedItem> items)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{batch.RegionName} · {batch.Title}" },
            new object?[] { $"公开日期 {batch.PublishedOn:yyyy-MM-dd}；一行一个指标；金额单位：元。字段说明见 datapackage.json。" },
            Fields.Select(f => (object?)f.Title).ToArray(),
        };
        rows.AddRange(Rows(batch, items));
        return XlsxWriter.Write("公开数据", rows, new SheetLayout(HeaderRows: [3], Titled: true, NoteRows: [2], TextColumns: [0, 7, 9]));
    }

    /// <summary>The data package description (Frictionless Data): the batch, its three files and the schema of their rows.</summary>
    public static byte[] Package(PortalBatch batch) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            name = $"jixiao-{batch.RegionCode}-{batch.FiscalYear}-batch-{batch.Id}",
            title = $"{batch.RegionName} · {batch.Title}",
            description = $"{batch.RegionName}{batch.FiscalYear} 年度{batch.Kind.Label()}，{batch.PublishedOn:yyyy-MM-dd} 公开，共 {batch.Items} 项；一行一个指标。",
            created = batch.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            resources = new[] { ("csv", "text/csv"), ("json", "application/json"), ("xlsx", FileTypes.Xlsx) }.Select(r => new
            {
                name = $"data-{r.Item1}", path = $"/portal/batches/{batch.Id}/data.{r.Item1}", format = r.Item1, mediatype = r.Item2,
                encoding = r.Item1 == "csv" ? "utf-8-sig" : null,
                schema = new
                {
                    fields = Fields.Select(f => new { name = f.Name, title = f.Title, type = f.Type, description = f.Description, unit = f.Unit,
                        constraints = f.Values is null ? null : new { @enum = f.Values } }),
                },
            }),
        }, new JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        });

    /// <summary>The downloads: anonymous, cacheable for a day (a batch never changes), 404 for a batch that does not exist.</summary>
    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/portal/batches/{id:long}").AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(PortalLimits.Policy);
        group.MapGet("/data.{format:regex(^(csv|json|xlsx)$)}", async (long id, string format, HttpContext http, SystemDbContext db, CancellationToken ct) =>
        {
            if (await PortalQueries.BatchAsync(db, id, ct) is not { } batch) return Results.NotFound();
            var items = await PortalQueries.BatchItemsAsync(db, id, ct);
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return format switch
            {
                "csv" => Results.File(Csv(batch, items), "text/csv; charset=utf-8", FileName(batch, "csv")),
                "json" => Results.File(Json(batch, items), "application/json; charset=utf-8", FileName(batch, "json")),
                _ => Results.File(Xlsx(batch, items), FileTypes.Xlsx, FileName(batch, "xlsx")),
            };
        });
        app.MapGet("/portal/items/{id:long}/pdf", async (long id, HttpContext http, SystemDbContext db, Printing.SheetPrinter printer, CancellationToken ct) =>
            {
                var item = await PortalQueries.ItemAsync(db, id, ct);
                http.Response.Headers.CacheControl = "public, max-age=86400";
                return await printer.FileAsync(http, item is null ? null
                    : new Printing.PrintJob(item.Title, $"{item.FiscalYear}-{item.Kind.Label()}-{item.Code}", ItemSheet, item), ct);
            })
            .AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(PortalLimits.Policy);
        group.MapGet("/datapackage.json", async (long id, HttpContext http, SystemDbContext db, CancellationToken ct) =>
        {
            if (await PortalQueries.BatchAsync(db, id, ct) is not { } batch) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.File(Package(batch), "application/json; charset=utf-8");
        });
        return app;
    }
}
