using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain;
using Jixiao.Domain.Interchange;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Audit;

/// <summary>
/// The auditor's export of the trail for a date range (Beijing dates), within their regions, as xlsx or csv. Records are
/// read as a stream in chain order, so memory stays flat for any range: csv goes straight to the response; xlsx is
/// written row by row into a temporary file (a zip cannot be finished without seeking) that is deleted once sent.
/// Every text cell is formula-safe.
/// </summary>
public static class AuditExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Header = ["时间（北京时间）", "区划", "序号", "操作人", "来源地址", "操作", "对象类型", "对象编号", "变更内容", "哈希"];

    public sealed record Request(DateOnly From, DateOnly To, bool Csv)
    {
        public string FileName => $"审计日志_{From:yyyyMMdd}-{To:yyyyMMdd}.{(Csv ? "csv" : "xlsx")}";
    }

    /// <summary>Checks the query; throws a Chinese <see cref="DomainException"/> naming the parameter.</summary>
    public static Request Parse(DateOnly? from, DateOnly? to, string? format)
    {
        if (from is null || to is null)
            throw new DomainException("请给出导出的日期范围：from 和 to（yyyy-MM-dd，北京时间，含两端）。", from is null ? "from" : "to");
        if (to < from)
            throw new DomainException($"结束日期 {to:yyyy-MM-dd} 早于开始日期 {from:yyyy-MM-dd}，请调整日期范围。", "to");
        var csv = (format ?? "xlsx").Trim().ToLowerInvariant() switch
        {
            "xlsx" => false,
            "csv" => true,
            var other => throw new DomainException($"format 应为 xlsx 或 csv，而不是“{other}”。", "format"),
        };
        return new Request(from.Value, to.Value, csv);
    }

    public static async Task WriteCsvAsync(JixiaoDbContext db, Request request, Stream body, CancellationToken ct)
    {
        // A BOM so that Excel opens the Chinese text as UTF-8.
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        await writer.WriteLineAsync(string.Join(',', Header));
        var n = 0;
        await foreach (var row in RowsAsync(db, request, ct))
        {
            await writer.WriteLineAsync(string.Join(',', row.Select(v => ExportText.CsvField(Convert.ToString(v, CultureInfo.InvariantCulture)))));
            if (++n % 5000 == 0) await writer.FlushAsync(ct);
        }
    }

    /// <returns>the finished workbook, positioned at its start; deleted when the stream is closed</returns>
    public static async Task<FileStream> WriteXlsxAsync(JixiaoDbContext db, Request request, CancellationToken ct)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"jixiao-audit-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
            {
                var workbook = document.AddWorkbookPart();
                var sheet = workbook.AddNewPart<WorksheetPart>();
                using (var writer = OpenXmlWriter.Create(sheet))
                {
                    writer.WriteStartElement(new Worksheet());
                    writer.WriteElement(new Columns(new[] { 20d, 8, 8, 16, 16, 10, 14, 10, 80, 20 }.Select((w, i) =>
                        new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
                    writer.WriteStartElement(new SheetData());
                    uint index = 0;
                    WriteRow(writer, ++index, Header);
                    await foreach (var row in RowsAsync(db, request, ct))
                        WriteRow(writer, ++index, row);
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }
                workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "审计日志" }));
            }
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, IReadOnlyList<object?> values)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var c = 0; c < values.Count; c++)
        {
            var reference = Shared.XlsxWriter.ColumnName(c) + index;
            writer.WriteElement(values[c] switch
            {
                null => new Cell { CellReference = reference },
                long number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) },
                var text => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(ExportText.FormulaSafe(Convert.ToString(text, CultureInfo.InvariantCulture)!))),
                },
            });
        }
        writer.WriteEndElement();
    }

    /// <summary>The records of the range the caller may read (the context's scope), oldest first, one row each.</summary>
    private static async IAsyncEnumerable<object?[]> RowsAsync(JixiaoDbContext db, Request request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var (start, end) = AuditQueries.Days(request.From, request.To);
        var records = db.AuditEntries.AsNoTracking()
            .Where(e => e.OccurredAtUtc >= start && e.OccurredAtUtc < end)
            .OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id)
            .AsAsyncEnumerable();
        await foreach (var e in records.WithCancellation(ct))
            yield return
            [
                AuditQueries.ToBeijing(e.OccurredAtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                e.RegionCode, e.Sequence, e.UserName, e.ClientAddress, e.Action.Label(), AuditQueries.EntityLabel(e.EntityType),
                e.EntityId, e.Changes, e.Hash,
            ];
    }
}
