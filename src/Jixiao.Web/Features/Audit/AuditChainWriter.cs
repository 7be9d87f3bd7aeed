using Jixiao.Domain.Audit;

namespace Jixiao.Web.Features.Audit;

/// <summary>
/// Appends records to their region's chain inside the caller's transaction. The chain head row is locked
/// (FOR UPDATE on PostgreSQL; SQLite holds its single writer lock) so concurrent app instances serialise
/// per region, and a unique (region, sequence) index forbids forks.
/// </summary>
public static class AuditChainWriter
{
    /// <summary>Chain for records that belong to no region (deployment-wide actions).</summary>
    public const string SystemChain = "000000";

    public static async Task AppendAsync(JixiaoDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        foreach (var chain in entries.GroupBy(e => e.RegionCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "AuditChainHeads" ("ChainKey", "Sequence", "Hash") VALUES ({chain.Key}, 0, {AuditChain.Genesis}) ON CONFLICT DO NOTHING""",
                cancellationToken);
            var query = postgres
                ? db.AuditChainHeads.FromSql($"""SELECT * FROM "AuditChainHeads" WHERE "ChainKey" = {chain.Key} FOR UPDATE""")
                : db.AuditChainHeads.FromSql($"""SELECT * FROM "AuditChainHeads" WHERE "ChainKey" = {chain.Key}""");
            // Any request may append to a chain it cannot read (e.g. a sign-in of an unknown name to 000000).
            var head = await query.IgnoreQueryFilters().AsNoTracking().SingleAsync(cancellationToken);
            var (sequence, hash) = (head.Sequence, head.Hash);
            foreach (var entry in chain)
            {
                entry.OccurredAtUtc = AuditChain.Normalize(entry.OccurredAtUtc);
                entry.Sequence = ++sequence;
                entry.PreviousHash = hash;
                entry.Hash = hash = AuditChain.Hash(entry.ToLink());
            }
            // Written without change tracking: the trail is append-only and can be large (imports).
            await BulkInsert.InsertAsync(db, chain.ToList(), cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "AuditChainHeads" SET "Sequence" = {sequence}, "Hash" = {hash} WHERE "ChainKey" = {chain.Key}""", cancellationToken);
        }
    }
}
