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
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd))
            .ToList();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        var converters = properties.Select(p => p.GetTypeMapping().Converter).ToList();
        var getters = properties.Select(p => p.GetGetter()).ToList();

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.IsSqlite())
            {
                // SQLite binds parameters by name in linear time, so one prepared single-row statement
                // executed per row is the fast path there.
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
                for (var i = 0; i < properties.Count; i++) AddParameter(command, $"@p{i}", null);
                await command.PrepareAsync(ct);
                foreach (var row in rows)
                {
                    for (var i = 0; i < properties.Count; i++) command.Parameters[i].Value = Value(row, i) ?? DBNull.Value;
                    await command.ExecuteNonQueryAsync(ct);
                }
                return;
            }

            // PostgreSQL: one binary COPY for all rows — the fastest path, and one statement, so the
            // statement-level triggers (ProjectTotals, ADR 0005) run once over all the rows.
            await using var importer = await ((Npgsql.NpgsqlConnection)connection).BeginBinaryImportAsync(
                $"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < properties.Count; i++)
                {
                    if (Value(row, i) is { } value) await importer.WriteAsync(value, ct);
                    else await importer.WriteNullAsync(ct);
                }
            }
            await importer.CompleteAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        object? Value(T row, int i)
        {
            var value = getters[i].GetClrValue(row);
            return value is not null && converters[i] is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
