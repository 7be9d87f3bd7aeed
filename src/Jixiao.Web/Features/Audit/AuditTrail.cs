using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jixiao.Web.Features.Audit;

/// <summary>
/// Every save appends to the hash-chained audit trail, in the save's transaction: the interceptor captures the
/// tracked changes before the save (and what a credential change implies, <see cref="CredentialChanges"/>) and
/// appends their records after it, before the transaction commits. A failed save leaves neither.
/// </summary>
public sealed class AuditSaveInterceptor : SaveChangesInterceptor
{
    private sealed record Save(List<AuditCapture.Pending> Changes, CredentialChanges Credentials, IDbContextTransaction? Transaction, bool AutoDetect);

    private readonly ConditionalWeakTable<DbContext, Save> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetAsync(eventData.Context).GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not JixiaoDbContext db || AuditTrail.IsSuspended(db)) return result;
        var credentials = CredentialChanges.Collect(db, db.Clock.GetUtcNow().UtcDateTime);
        var changes = AuditCapture.Collect(db.ChangeTracker);
        if (changes.Count == 0) return result;
        var transaction = await db.OwnTransactionAsync(cancellationToken);
        // Changes were just detected by the capture; detecting them again is the cost of large saves.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        _pending.AddOrUpdate(db, new Save(changes, credentials, transaction, autoDetect));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not JixiaoDbContext db || !_pending.TryGetValue(db, out var pending)) return result;
        _pending.Remove(db);
        try
        {
            var (actor, now) = AuditTrail.Context(db);
            await AuditChainWriter.AppendAsync(db, pending.Changes.Select(p => p.Complete(actor, now)).ToList(), cancellationToken);
            await pending.Credentials.ApplyAsync(db, now, cancellationToken);
            if (pending.Transaction is not null) await pending.Transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            await EndAsync(db, pending);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetAsync(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => ForgetAsync(eventData.Context).GetAwaiter().GetResult();

    /// <summary>A failed or cancelled save: its own transaction rolls back, the captured records go.</summary>
    private async Task ForgetAsync(DbContext? context)
    {
        if (context is JixiaoDbContext db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            await EndAsync(db, pending);
        }
    }

    private static async Task EndAsync(JixiaoDbContext db, Save pending)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = pending.AutoDetect;
        if (pending.Transaction is not null) await pending.Transaction.DisposeAsync();
    }
}

/// <summary>Writes to the trail that are not tracked saves: bulk inserts, events (sign-ins, token issues), generated data.</summary>
public static class AuditTrail
{
    private static readonly ConditionalWeakTable<DbContext, object> Suspended = new();

    /// <summary>
    /// Only for <c>generate</c> (synthetic benchmark data): until disposed, rows are saved without per-row audit
    /// records; the generator appends one summary record per region instead.
    /// </summary>
    public static IDisposable SuspendRowAudit(JixiaoDbContext db)
    {
        Suspended.AddOrUpdate(db, true);
        return new Resume(db);
    }

    internal static bool IsSuspended(JixiaoDbContext db) => Suspended.TryGetValue(db, out _);

    internal static (AuditActor Actor, DateTime Now) Context(JixiaoDbContext db) =>
        (new AuditActor(db.User.UserId, db.User.UserName, db.User.RegionCode, db.User.ClientAddress), db.Clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Inserts many new rows without change tracking (imports, generated data) and appends an audit record
    /// for each, in one transaction. The rows' generated ids are not read back; the audit record carries
    /// every column, including the row's business key.
    /// </summary>
    public static async Task InsertAuditedAsync<T>(this JixiaoDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        await using var transaction = await db.OwnTransactionAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, rows, cancellationToken);
        if (!IsSuspended(db))
        {
            var (actor, now) = Context(db);
            var type = db.Model.FindEntityType(typeof(T))!;
            await AuditChainWriter.AppendAsync(db, rows.Select(r => AuditCapture.ForInsert(type, r, actor, now)).ToList(), cancellationToken);
        }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Appends events that are not row changes (sign-ins, token issues) to the audit trail.</summary>
    public static Task RecordEventAsync(this JixiaoDbContext db, Domain.Audit.AuditAction action, AppUser? user, string userName, string? detail,
        CancellationToken cancellationToken = default, string? regionCode = null) =>
        AppendEventAsync(db, new AuditEntry
        {
            RegionCode = regionCode ?? user?.RegionCode ?? AuditChainWriter.SystemChain,
            OccurredAtUtc = db.Clock.GetUtcNow().UtcDateTime,
            UserId = user?.Id,
            UserName = userName,
            Action = action,
            EntityType = nameof(AppUser),
            EntityId = user?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Changes = detail,
            ClientAddress = db.User.ClientAddress,
        }, cancellationToken);

    /// <summary>Appends what the context's user did to one record without changing it (a file downloaded), to the record's region's chain.</summary>
    public static Task RecordEventAsync(this JixiaoDbContext db, Domain.Audit.AuditAction action, string entityType, long entityId, string regionCode,
        string? detail, CancellationToken cancellationToken) =>
        db.RecordEventsAsync(action, entityType, regionCode, [(entityId, detail)], cancellationToken);

    /// <summary>The same for several records of one region in one write to its chain (the ex-ante gate's decisions on an import's rows).</summary>
    public static Task RecordEventsAsync(this JixiaoDbContext db, Domain.Audit.AuditAction action, string entityType, string regionCode,
        IReadOnlyList<(long EntityId, string? Detail)> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return Task.CompletedTask;
        var (actor, now) = Context(db);
        return AppendEventsAsync(db, [.. events.Select(e => new AuditEntry
        {
            RegionCode = regionCode,
            OccurredAtUtc = now,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Action = action,
            EntityType = entityType,
            EntityId = e.EntityId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Changes = e.Detail,
            ClientAddress = actor.ClientAddress,
        })], cancellationToken);
    }

    private static Task AppendEventAsync(JixiaoDbContext db, AuditEntry entry, CancellationToken cancellationToken) =>
        AppendEventsAsync(db, [entry], cancellationToken);

    private static async Task AppendEventsAsync(JixiaoDbContext db, List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        await using var transaction = await db.OwnTransactionAsync(cancellationToken);
        await AuditChainWriter.AppendAsync(db, entries, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }

    private sealed class Resume(JixiaoDbContext db) : IDisposable
    {
        public void Dispose() => Suspended.Remove(db);
    }
}
