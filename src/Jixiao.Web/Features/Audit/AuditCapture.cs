using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Domain.Audit;
using Jixiao.Domain.Organisation;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jixiao.Web.Features.Audit;

public sealed record AuditActor(long? UserId, string UserName, string? RegionCode, string? ClientAddress = null);

/// <summary>
/// Takes the before/after values of every changed row before a save, and turns them into audit records
/// after it (when generated keys are known).
/// </summary>
public static class AuditCapture
{
    /// <summary>The trail itself, the keys, and the notices (messages derived from audited acts; reading one is not a business change).</summary>
    internal static readonly HashSet<Type> NotAudited = [typeof(AuditEntry), typeof(AuditChainHead), typeof(DataProtectionKey), typeof(Domain.Notices.Notice)];
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "KeyHash", "CodeHash", "TotpSecret"];
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed class Pending(EntityEntry entry, AuditAction action, Dictionary<string, object?> before)
    {
        public AuditEntry Complete(AuditActor actor, DateTime nowUtc)
        {
            var changes = new SortedDictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                var after = action == AuditAction.Delete ? null : Format(name, property.CurrentValue);
                var had = before.TryGetValue(name, out var old);
                var was = had ? Format(name, old) : null;
                // A secret reads ****** before and after: compare the values, or a password change would leave no trace.
                if (action == AuditAction.Update && (!had || (was == after && (!Secret.Contains(name) || Equals(old, property.CurrentValue))))) continue;
                var change = new Dictionary<string, string?>();
                if (action != AuditAction.Create) change["before"] = was;
                if (action != AuditAction.Delete) change["after"] = after;
                changes[name] = change;
            }
            var key = entry.Metadata.FindPrimaryKey()!.Properties
                .Select(p => action == AuditAction.Delete ? before[p.Name] : entry.Property(p.Name).CurrentValue);
            return Record(entry.Entity, entry.Metadata, action, string.Join(",", key.Select(k => Convert.ToString(k, CultureInfo.InvariantCulture))),
                changes, actor, nowUtc);
        }
    }

    /// <summary>The audit record of a row inserted without change tracking (its generated id is not known).</summary>
    public static AuditEntry ForInsert(IEntityType type, object entity, AuditActor actor, DateTime nowUtc)
    {
        var changes = new SortedDictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties().Where(p => !p.IsPrimaryKey()))
            changes[property.Name] = new() { ["after"] = Format(property.Name, property.GetGetter().GetClrValue(entity)) };
        return Record(entity, type, AuditAction.Create, null, changes, actor, nowUtc);
    }

    private static AuditEntry Record(object entity, IReadOnlyEntityType type, AuditAction action, string? entityId,
        SortedDictionary<string, Dictionary<string, string?>> changes, AuditActor actor, DateTime nowUtc) => new()
    {
        RegionCode = (entity as IRegionOwned)?.RegionCode is { Length: > 0 } region
            ? region
            : actor.RegionCode ?? AuditChainWriter.SystemChain,
        OccurredAtUtc = nowUtc,
        UserId = actor.UserId,
        UserName = actor.UserName,
        Action = action,
        EntityType = type.ClrType.Name,
        EntityId = entityId,
        Changes = JsonSerializer.Serialize(changes, Json),
        ClientAddress = actor.ClientAddress,
    };

    public static List<Pending> Collect(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            // The trail is kept (at least the 180 days 等保 asks, in fact for ever): nothing in the app changes or deletes a record.
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("审计记录只能追加，不能修改或删除。");
            if (NotAudited.Contains(entry.Metadata.ClrType)) continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Create,
                EntityState.Modified => AuditAction.Update,
                EntityState.Deleted => AuditAction.Delete,
                _ => (AuditAction?)null,
            };
            if (action is null) continue;
            var before = action == AuditAction.Create
                ? new Dictionary<string, object?>()
                : entry.Properties.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
            if (action == AuditAction.Update && entry.Properties.All(p => !p.IsModified)) continue;
            pending.Add(new Pending(entry, action.Value, before));
        }
        return pending;
    }

    private static string? Format(string property, object? value) => value switch
    {
        null => null,
        _ when Secret.Contains(property) => "******",
        byte[] bytes => $"<{bytes.Length} 字节>",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
