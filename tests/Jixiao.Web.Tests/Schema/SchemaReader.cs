using System.Data.Common;
using Jixiao.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jixiao.Web.Tests.Schema;

/// <summary>
/// Reads a database's actual schema as sorted lines (columns with type, nullability and default; indexes
/// with uniqueness and columns; foreign keys with delete rule), leaving out the migrators' own tables.
/// </summary>
public static class SchemaReader
{
    // The migrators' own tables: the SQL steps' history, EF's history and EF's lock (SQLite).
    private const string Histories = "'__SchemaVersions', '__EFMigrationsHistory', '__EFMigrationsLock'";

    public static async Task<List<string>> ReadAsync(DatabaseProvider provider, string connectionString)
    {
        var lines = provider == DatabaseProvider.Sqlite ? await ReadSqliteAsync(connectionString) : await ReadPostgresAsync(connectionString);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>The triggers (and on PostgreSQL their functions) with their full definitions, sorted: EF's create script has none.</summary>
    public static async Task<List<string>> ReadTriggersAsync(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await using (connection)
        {
            await connection.OpenAsync();
            var lines = provider == DatabaseProvider.Sqlite
                ? await QueryAsync(connection, "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'",
                    r => $"trigger {r.GetString(1)}.{r.GetString(0)} {r.GetString(2)}")
                : await QueryAsync(connection, """
                    SELECT 'trigger ' || tgrelid::regclass::text || '.' || tgname || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
                    UNION ALL
                    SELECT 'function ' || proname || ' ' || pg_get_functiondef(oid) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
                    """, r => r.GetString(0));
            lines.Sort(StringComparer.Ordinal);
            return lines;
        }
    }

    private static async Task<List<string>> ReadSqliteAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        var tables = await QueryAsync(connection, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ({Histories})", r => r.GetString(0));
        foreach (var table in tables)
        {
            lines.AddRange(await QueryAsync(connection, $"PRAGMA table_info(\"{table}\")",
                r => $"column {table}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} default={(r.IsDBNull(4) ? "" : r.GetString(4))} pk={r.GetInt64(5)}"));
            var indexes = await QueryAsync(connection, $"PRAGMA index_list(\"{table}\")", r => (Name: r.GetString(1), Unique: r.GetInt64(2), Origin: r.GetString(3)));
            foreach (var index in indexes)
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info(\"{index.Name}\")", r => r.GetString(2));
                var name = index.Origin == "c" ? index.Name : $"({index.Origin})";
                lines.Add($"index {table} {name} unique={index.Unique} ({string.Join(",", columns)})");
            }
            lines.AddRange(await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")",
                r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
            var autoincrement = await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'", r => r.GetString(0));
            if (autoincrement.Single().Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)) lines.Add($"autoincrement {table}");
        }
        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        lines.AddRange(await QueryAsync(connection, $"""
            SELECT table_name, column_name, data_type, COALESCE(character_maximum_length, -1), is_nullable, COALESCE(column_default, ''), is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT IN ({Histories})
            """,
            r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)}) nullable={r.GetString(4)} default={r.GetString(5)} identity={r.GetString(6)}"));
        lines.AddRange(await QueryAsync(connection, $"SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN ({Histories})",
            r => $"index {r.GetString(0)} {r.GetString(1)}"));
        lines.AddRange(await QueryAsync(connection, $"""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND trim(both '"' from conrelid::regclass::text) NOT IN ({Histories})
            """,
            r => $"constraint {r.GetString(0)} {r.GetString(1)} {r.GetString(2)}"));
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }
}
