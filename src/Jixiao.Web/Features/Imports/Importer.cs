using Jixiao.Domain.Audit;
using Jixiao.Domain.Budget;
using Jixiao.Domain.ExAnte;
using Jixiao.Domain.Interchange;
using Jixiao.Web.Features.Audit;
using Jixiao.Web.Features.ExAnte;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Imports;

/// <summary>
/// Reads a stored <see cref="ImportBatch"/>, checks every row against the database and, when asked and
/// nothing is wrong, writes everything in one transaction. Re-importing the same rows changes nothing:
/// projects are keyed by code, movements by (文件号, 项目, 类型), payments by 凭证号. A document that was
/// already imported with other content is an error, never an overwrite.
/// </summary>
public sealed partial class Importer(JixiaoDbContext db, IOptions<UploadLimits> limits)
{
    public async Task<ImportReport> RunAsync(ImportBatch batch, bool commit, CancellationToken ct)
    {
        var issues = new ImportIssues();
        var rows = SpreadsheetReader.Read(batch.Content, batch.FileName, limits.Value);
        var header = ImportLayout.FindHeader(rows, batch.Kind, out var unitError);
        if (header is null)
        {
            var required = ImportLayout.For(batch.Kind).Where(c => c.Required).Select(c => c.Title);
            issues.Error(0, "表头", "", $"前 20 行中没有找到{batch.Kind.Label()}表头：需要包含列 {string.Join("、", required)}。请使用导入模板。");
            return Report(batch, 0, new Counts(), issues, false);
        }
        if (unitError is not null) issues.Error(header.RowIndex + 1, "表头", "", unitError);

        var data = rows.Skip(header.RowIndex + 1).Where(r => !r.IsEmpty && !IsTotalRow(r)).ToList();
        if (data.Count == 0)
            issues.Error(header.RowIndex + 1, "表头", "", "表头下面没有数据行。");

        var counts = batch.Kind switch
        {
            ImportKind.Projects => await ProjectsAsync(batch, data, header, issues, ct),
            ImportKind.Movements => await MovementsAsync(batch, data, header, issues, ct),
            _ => await PaymentsAsync(batch, data, header, issues, ct),
        };

        var committed = false;
        if (commit && !issues.HasErrors)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await counts.Apply(ct);
                await RecordGateAsync(batch, counts, ct);
                batch.Status = ImportStatus.Committed;
                batch.Summary = Report(batch, data.Count, counts, issues, true).Summary;
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (Exception e) when (SaveConflicts.UniqueKey(db.Model, e) is not null)
            {
                // Another import wrote the same code / 文件号 / 凭证号 between our check and our write.
                db.ChangeTracker.Clear();
                throw new ConflictException($"另一次导入刚刚写入了本文件中的部分{batch.Kind.Label()}（相同的项目代码、文件号或凭证号），本次未写入任何数据。请重新上传：已导入的行会显示为“未变化”。");
            }
            committed = true;
        }
        else
        {
            db.ChangeTracker.Clear();
            // A refused commit leaves nothing written but the gate's refusals, which the audit trail keeps.
            if (commit) await RecordGateAsync(batch, counts, ct, refusalsOnly: true);
        }
        return Report(batch, data.Count, counts, issues, committed);
    }

    private static ImportReport Report(ImportBatch batch, int rows, Counts counts, ImportIssues issues, bool committed) =>
        new(batch.Id, batch.Kind, batch.FileName, rows, counts.Created, counts.Updated, counts.Unchanged, issues.ForReport(), committed);

    private static bool IsTotalRow(SheetRow row) =>
        row.Cells.Take(3).Select(c => CellText.Normalize(c).Replace(" ", "")).Any(c => c is "合计" or "总计" or "小计");

    private Task RecordGateAsync(ImportBatch batch, Counts counts, CancellationToken ct, bool refusalsOnly = false) =>
        db.RecordEventsAsync(AuditAction.ExAnteGate, nameof(Project), batch.RegionCode,
            [.. counts.GateEvents.Where(e => !refusalsOnly || e.Decision.Verdict == GateVerdict.Refuse)
                .Select(e => (e.ProjectId, (string?)$"{e.Decision.Verdict.Label()}（导入文件“{batch.FileName}”）：{e.Decision.Message}"))], ct);

    /// <summary>What a plan would do, and how to do it.</summary>
    private sealed class Counts
    {
        public int Created;
        public int Updated;
        public int Unchanged;
        /// <summary>The ex-ante gate's decisions on the file's movements (<see cref="ExAnteWork.GateAsync"/>).</summary>
        public readonly List<(long ProjectId, GateDecision Decision)> GateEvents = [];
        public Func<CancellationToken, Task> Apply = _ => Task.CompletedTask;
    }
}
