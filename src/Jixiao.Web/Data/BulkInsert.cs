using System.Collections;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jixiao.Web.Data;

/// <summary>
/// Inserts many new rows on the context's connection and transaction (SQLite: one prepared statement per
/// row; PostgreSQL: binary COPY), using the EF model for table, columns and value conversions (money as
/// 分, enums as text). The rows are
/// not tracked and their generated ids are not read back: for imports and generated data, where change
/// tracking costs more than the insert itself.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entityType = EntityType(db, typeof(T));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await CopyAsync(db, Table.Of(entityType, withKey: false), rows.Select(r => (0L, (object)r)), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Inserts new aggregates with their owned collections (a target's indicators and review steps, a form's rows):
    /// the roots' keys are drawn first (PostgreSQL: from the key's sequence; SQLite: after the largest key, so only
    /// for a writer that has the database to itself, as <c>generate</c> has) and set on the roots, so that the owned
    /// rows carry their owner's key and the caller can refer to the roots afterwards. The owned rows' own keys are
    /// the database's.
    /// </summary>
    public static async Task InsertGraphAsync<T>(DbContext db, IReadOnlyList<T> roots, CancellationToken ct) where T : class
    {
        if (roots.Count == 0) return;
        var entityType = EntityType(db, typeof(T));
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        var keyField = key.FieldInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{key.Name} has no backing field.");
        var root = Table.Of(entityType, withKey: true);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var ids = await ReserveKeysAsync(db, root.Name, key.GetColumnName(root.Store)!, roots.Count, ct);
            for (var i = 0; i < roots.Count; i++) keyField.SetValue(roots[i], ids[i]);
            await CopyAsync(db, root, roots.Select(r => (0L, (object)r)), ct);
            foreach (var owned in entityType.GetNavigations().Where(n => n is { IsCollection: true, TargetEntityType: var t } && t.IsOwned()))
            {
                var getter = owned.GetGetter();
                var children = roots.SelectMany((r, i) => ((IEnumerable)getter.GetClrValue(r)!).Cast<object>().Select(c => (ids[i], c)));
                await CopyAsync(db, Table.Of(owned.TargetEntityType, withKey: false, owner: owned.ForeignKey), children, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static IEntityType EntityType(DbContext db, Type type) =>
        db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");

    private static async Task<long[]> ReserveKeysAsync(DbContext db, string table, string column, int count, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.IsSqlite())
        {
            command.CommandText = $"SELECT COALESCE(MAX(\"{column}\"), 0) FROM \"{table}\"";
            var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            return Enumerable.Range(1, count).Select(i => last + i).ToArray();
        }
        command.CommandText = $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', '{column}')) FROM generate_series(1, {count})";
        var ids = new List<long>(count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
        return [.. ids];
    }

    /// <summary>A table's columns with how to read each from a row (and, for an owned row, its owner's key).</summary>
    private sealed record Table(string Name, StoreObjectIdentifier Store, IReadOnlyList<string> Columns, IReadOnlyList<Func<long, object, object?>> Values)
    {
        /// <param name="withKey">the rows' keys are set (reserved), not generated on insert</param>
        /// <param name="owner">for owned rows: the foreign key to the owner, whose value is the owner's key</param>
        public static Table Of(IEntityType entityType, bool withKey, IForeignKey? owner = null)
        {
            var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var columns = new List<string>();
            var values = new List<Func<long, object, object?>>();
            foreach (var property in entityType.GetProperties())
            {
                if (!withKey && property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd) continue;
                columns.Add($"\"{property.GetColumnName(store)}\"");
                if (owner is not null && owner.Properties.Contains(property))
                {
                    values.Add((ownerKey, _) => ownerKey);
                    continue;
                }
                if (property.IsShadowProperty())
                    throw new NotSupportedException($"{entityType.DisplayName()}.{property.Name} is a shadow property: it cannot be read off an untracked row.");
                var getter = property.GetGetter();
                var converter = property.GetTypeMapping().Converter;
                values.Add(converter is null
                    ? (_, row) => getter.GetClrValue(row)
                    : (_, row) => getter.GetClrValue(row) is { } value ? converter.ConvertToProvider(value) : null);
            }
            return new Table(store.Name, store, columns, values);
        }
    }

    private static async Task CopyAsync(DbContext db, Table table, IEnumerable<(long OwnerKey, object Row)> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var columns = string.Join(", ", table.Columns);
        if (db.Database.IsSqlite())
        {
            // SQLite binds parameters by name in linear time, so one prepared single-row statement
            // executed per row is the fast path there.
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < table.Columns.Count; i++) AddParameter(command, $"@p{i}", null);
            await command.PrepareAsync(ct);
            foreach (var (ownerKey, row) in rows)
            {
                for (var i = 0; i < table.Columns.Count; i++) command.Parameters[i].Value = table.Values[i](ownerKey, row) ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct);
            }
            return;
        }

        // PostgreSQL: one binary COPY for all rows — the fastest path, and one statement, so the
        // statement-level triggers (ProjectTotals, ADR 0005) run once over all the rows.
        await using var importer = await ((Npgsql.NpgsqlConnection)connection).BeginBinaryImportAsync(
            $"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (ownerKey, row) in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (table.Values[i](ownerKey, row) is { } value) await importer.WriteAsync(value, ct);
                else await importer.WriteNullAsync(ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
