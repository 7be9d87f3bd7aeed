using System.Security.Cryptography;
using Jixiao.Domain.Organisation;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Imports;

/// <summary>Upload (store and preview) and commit of one import file, shared by the import page and the API.</summary>
public sealed class ImportService(JixiaoDbContext db, Importer importer, CurrentUser current, TimeProvider clock, IOptions<UploadLimits> limits)
{

    public async Task<ImportReport> UploadAsync(ImportKind kind, string? regionCode, int fiscalYear, string fileName, Stream content,
        bool commit, CancellationToken ct)
    {
        var region = regionCode ?? current.RegionCode ?? "";
        var year = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.RegionCode == region && y.Year == fiscalYear, ct)
                   ?? throw new DomainException($"区划 {region} 没有 {fiscalYear} 预算年度，或不在您的权限范围内。", "预算年度");
        if (year.Status == FiscalYearStatus.Closed)
            throw new DomainException($"{fiscalYear} 年度已决算，不能再导入预算数据。", "预算年度");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) throw new DomainException("上传的文件是空的。", "文件");
        if (buffer.Length > limits.Value.MaxRequestBytes)
            throw new DomainException($"文件超过 {limits.Value.MaxRequestBytes / 1024 / 1024} MB 的上传上限，请拆分后分批导入。", "文件");

        var batch = new ImportBatch
        {
            RegionCode = region,
            FiscalYear = fiscalYear,
            Kind = kind,
            FileName = Path.GetFileName(fileName),
            Content = buffer.ToArray(),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray())),
            Status = ImportStatus.Previewed,
            UserId = current.UserId,
            UserName = current.UserName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        // Committing straight away reads the file once; the batch is saved in the same transaction.
        if (commit)
        {
            batch.CommittedAtUtc = batch.CreatedAtUtc;
            db.ImportBatches.Add(batch);
        }
        var earlier = await db.ImportBatches.AsNoTracking()
            .Where(b => b.RegionCode == region && b.FiscalYear == fiscalYear && b.Kind == kind && b.Sha256 == batch.Sha256 && b.Status == ImportStatus.Committed)
            .OrderBy(b => b.Id).Select(b => new { b.UserName, b.CommittedAtUtc }).FirstOrDefaultAsync(ct);
        var report = await importer.RunAsync(batch, commit, ct);
        if (earlier is not null)
            report = report with
            {
                Issues = [new ImportIssue(0, "文件", batch.FileName,
                    $"同一文件已于 {BusinessCalendar.ToBeijing(earlier.CommittedAtUtc!.Value):yyyy-MM-dd HH:mm} 由 {earlier.UserName} 导入；重复导入不会产生变化。", false), .. report.Issues],
            };
        if (report.Committed) return report with { BatchId = batch.Id };
        batch.Summary = report.Summary;
        batch.CommittedAtUtc = null;
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return report with { BatchId = batch.Id };
    }

    /// <returns>null when the batch is not visible to the user</returns>
    public async Task<ImportReport?> CommitAsync(long batchId, CancellationToken ct)
    {
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null) return null;
        if (batch.Status == ImportStatus.Committed)
            throw new ConflictException($"该文件（{batch.FileName}）已于 {batch.CommittedAtUtc:yyyy-MM-dd HH:mm} 导入，无需重复确认。");
        batch.CommittedAtUtc = clock.GetUtcNow().UtcDateTime;
        var report = await importer.RunAsync(batch, commit: true, ct);
        if (!report.Committed)
        {
            db.ChangeTracker.Clear();
            var stored = await db.ImportBatches.SingleAsync(b => b.Id == batchId, ct);
            stored.Summary = report.Summary;
            await db.SaveChangesAsync(ct);
        }
        return report;
    }

    public Task<List<ImportBatchRow>> RecentAsync(CancellationToken ct) =>
        db.ImportBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(30)
            .Select(b => new ImportBatchRow(b.Id, b.RegionCode, b.FiscalYear, b.Kind, b.FileName, b.Status, b.UserName, b.CreatedAtUtc, b.CommittedAtUtc, b.Summary))
            .ToListAsync(ct);
}

public sealed record ImportBatchRow(long Id, string RegionCode, int FiscalYear, ImportKind Kind, string FileName, ImportStatus Status,
    string UserName, DateTime CreatedAtUtc, DateTime? CommittedAtUtc, string Summary);
