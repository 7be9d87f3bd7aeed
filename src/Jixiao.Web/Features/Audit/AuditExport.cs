using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Jixiao.Domain.Interchange;

namespace Jixiao.Web.Features.Audit;

/// <summary>
/// The auditor's export of the trail for a date range (Beijing dates), within their regions, as xlsx or csv. Records are
/// read in batches in chain order, so memory stays flat for any range: csv goes straight to the response; xlsx is
/// written row by row into a zip in a temporary file (its entries' sizes come after them) that is deleted once sent.
/// Every text cell is formula-safe.
/// </summary>
public static class AuditExport
{
    /// <summary>The record in Chinese as the audit page shows it, then its hash and the stored changes that the hash covers.</summary>
    private static readonly string[] Header = ["时间（北京时间）", "区划", "序号", "操作人", "来源地址", "操作", "对象类型", "对象编号", "对象", "变更内容", "哈希", "原始记录"];

    /// <summary>Records whose names are looked up together.</summary>
    private const int Batch = 500;

    public sealed record Request(DateOnly From, DateOnly To, bool Csv)
    {
        public string FileName => $"审计日志_{From:yyyyMMdd}-{To:yyyyMMdd}.{(Csv ? "csv" : "xlsx")}";
    }

    /// <summary>Checks the query; throws a Chinese <see cref="DomainException"/> naming the parameter.</summary>
    public static Request Parse(DateOnly? from, DateOnly? to, string? format)
    {
        if (from is null || to is null)
            throw new DomainException("请给出导出的日期范围：from 和 to（yyyy-MM-dd，北京时间，含两端）。", from is null ? "from" : "to");
        AuditQueries.Days(from, to);
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
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            // The zip is written entry by entry (ZipArchiveMode.Create): the OpenXML SDK's package holds a part in memory
            // until it is closed, 1.2 GB for 400,000 records.
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, xml) in Parts)
                {
                    await using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                    await part.WriteAsync(Encoding.UTF8.GetBytes(xml), ct);
                }
                await using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
                using var writer = XmlWriter.Create(entry, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
                writer.WriteStartDocument(standalone: true);
                writer.WriteStartElement("worksheet", Main);
                writer.WriteStartElement("cols", Main);
                double[] widths = [20, 8, 8, 24, 16, 10, 14, 10, 30, 80, 20, 40];
                for (var i = 0; i < widths.Length; i++)
                {
                    writer.WriteStartElement("col", Main);
                    writer.WriteAttributeString("min", (i + 1).ToString(CultureInfo.InvariantCulture));
                    writer.WriteAttributeString("max", (i + 1).ToString(CultureInfo.InvariantCulture));
                    writer.WriteAttributeString("width", widths[i].ToString(CultureInfo.InvariantCulture));
                    writer.WriteAttributeString("customWidth", "1");
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                writer.WriteStartElement("sheetData", Main);
                var index = 0;
                WriteRow(writer, ++index, Header);
                await foreach (var row in RowsAsync(db, request, ct))
                    WriteRow(writer, ++index, row);
                writer.WriteEndElement();
                writer.WriteEndElement();
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

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The fixed parts of a one-sheet workbook (no styles: Excel and LibreOffice take the defaults).</summary>
    private static readonly (string Name, string Xml)[] Parts =
    [
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
        ("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="审计日志" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
        ("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""),
    ];

    private static void WriteRow(XmlWriter writer, int index, IReadOnlyList<object?> values)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement("row", Main);
        writer.WriteAttributeString("r", number);
        for (var c = 0; c < values.Count; c++)
        {
            if (values[c] is not { } value) continue;
            writer.WriteStartElement("c", Main);
            writer.WriteAttributeString("r", Shared.XlsxWriter.ColumnName(c) + number);
            if (value is long whole)
            {
                writer.WriteElementString("v", Main, whole.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteAttributeString("t", "inlineStr");
                writer.WriteStartElement("is", Main);
                writer.WriteStartElement("t", Main);
                writer.WriteAttributeString("xml", "space", null, "preserve");
                writer.WriteString(XmlText(ExportText.FormulaSafe(Convert.ToString(value, CultureInfo.InvariantCulture)!)));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    /// <summary>Drops what XML cannot carry (control characters other than tab and line breaks, unpaired surrogates).</summary>
    private static string XmlText(string text)
    {
        StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            var width = i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]) ? 2 : 1;
            if (width == 1 && !XmlConvert.IsXmlChar(text[i])) kept ??= new StringBuilder(text, 0, i, text.Length);
            else kept?.Append(text, i, width);
            i += width - 1;
        }
        return kept?.ToString() ?? text;
    }

    /// <summary>The records of the range the caller may read (the context's scope), oldest first, one row each.</summary>
    private static async IAsyncEnumerable<object?[]> RowsAsync(JixiaoDbContext db, Request request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var (start, end) = AuditQueries.Days(request.From, request.To);
        var records = db.AuditEntries.AsNoTracking().Where(e => e.OccurredAtUtc >= start && e.OccurredAtUtc < end);
        // Batch after batch by key (the names of a batch are looked up between reads, which one open reader would block).
        var (at, id) = (DateTime.MinValue, 0L);
        while (true)
        {
            var (afterAt, afterId) = (at, id);
            var batch = await records.Where(e => e.OccurredAtUtc > afterAt || (e.OccurredAtUtc == afterAt && e.Id > afterId))
                .OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).Take(Batch).ToListAsync(ct);
            foreach (var row in await ReadAsync(db, batch, ct)) yield return row;
            if (batch.Count < Batch) yield break;
            (at, id) = (batch[^1].OccurredAtUtc, batch[^1].Id);
        }
    }

    private static async Task<IEnumerable<object?[]>> ReadAsync(JixiaoDbContext db, List<AuditEntry> batch, CancellationToken ct)
    {
        var reading = await AuditReading.ForAsync(db, batch, ct);
        return batch.Select(e => new object?[]
        {
            BusinessCalendar.ToBeijing(e.OccurredAtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            e.RegionCode, e.Sequence, reading.Operator(e.UserName), e.ClientAddress, e.Action.Label(), AuditNames.Type(e.EntityType),
            e.EntityId, reading.Object(e.EntityType, e.EntityId, e.Changes), reading.Text(e.EntityType, e.Changes, e.Action == Domain.Audit.AuditAction.Update),
            e.Hash, e.Changes,
        }).ToList();
    }
}
