using Jixiao.Web.Features.Audit;

namespace Jixiao.Web.Features.Demo;

/// <summary>How the fill code saves the new aggregates it builds; either way their ids are set afterwards.</summary>
internal static class DemoWrites
{
    /// <summary>
    /// The demo seed saves through the change tracker, so that every row gets its audit record as any save does.
    /// <c>generate</c> (row audit suspended, one summary record per region) copies the aggregates and their owned rows in
    /// bulk instead: tracking hundreds of thousands of rows costs many times the insert itself.
    /// </summary>
    public static async Task AddAsync<T>(SystemDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (AuditTrail.IsSuspended(db))
        {
            await using var transaction = await db.OwnTransactionAsync(ct);
            await BulkInsert.InsertGraphAsync(db, rows, ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
            return;
        }
        db.Set<T>().AddRange(rows);
        await db.SaveChangesAsync(ct);
    }
}
