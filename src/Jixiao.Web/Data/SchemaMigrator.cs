using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jixiao.Web.Data;

/// <summary>
/// Reference data every database needs, registered by the feature that owns it and seeded by <see cref="SchemaMigrator"/>
/// after the migrations, under their lock: once into an empty table, or mended where an earlier release seeded it wrong.
/// </summary>
public interface IReferenceSeed
{
    /// <summary>What is seeded, for the log.</summary>
    string Name { get; }

    /// <returns>the rows added</returns>
    Task<int> EnsureAsync(SystemDbContext db, DateTime nowUtc, CancellationToken cancellationToken);
}

/// <summary>One ordered SQL step of the schema before the switch to EF Core migrations (embedded <c>NNNN_name.sql</c>).</summary>
public sealed record MigrationStep(int Version, string Name, string Sql);

/// <summary>
/// Brings the database to the schema of this program, under one lock so that several instances starting together
/// migrate once: the EF Core migrations of the provider (<see cref="SqliteSchema"/>, <see cref="PostgresSchema"/>), and
/// before them, for a database made by the SQL steps of earlier releases (it has <c>__SchemaVersions</c>), its missing
/// steps, after which <c>Baseline</c> is recorded without running it (the steps built the same schema). Then runs the
/// <see cref="IReferenceSeed"/>s the features registered. See docs/decisions/0001-schema-versioning.md.
/// </summary>
public sealed partial class SchemaMigrator(SystemDbContext db, IEnumerable<IReferenceSeed> seeds, TimeProvider clock, ILogger<SchemaMigrator> logger)
{
    private const string LegacyHistory = "__SchemaVersions";
    private const long PostgresLockKey = 0x4A6958_69616F; // "JiXiao"

    public DatabaseProvider Provider => db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>The SQL steps of earlier releases, for databases made by them.</summary>
    public static IReadOnlyList<MigrationStep> StepsFor(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Data.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..^4];
                var match = StepName().Match(file);
                if (!match.Success) throw new InvalidOperationException($"迁移文件名应为 NNNN_名称.sql：{file}");
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new MigrationStep(int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd());
            })
            .OrderBy(s => s.Version)
            .ToList();
    }

    /// <summary>The context whose migrations are this provider's, on the given (open) connection.</summary>
    public static SystemDbContext SchemaContext(DatabaseProvider provider, DbConnection connection) => provider == DatabaseProvider.Postgres
        ? new PostgresSchema(new DbContextOptionsBuilder<PostgresSchema>().UseNpgsql(connection).Options)
        : new SqliteSchema(new DbContextOptionsBuilder<SqliteSchema>().UseSqlite(connection).Options);

    /// <returns>what was applied now: SQL steps as <c>NNNN_Name</c>, then migrations by their id</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (Provider == DatabaseProvider.Postgres)
                await ExecuteAsync(connection, $"SELECT pg_advisory_lock({PostgresLockKey})", null, cancellationToken);
            else
                await ExecuteAsync(connection, "PRAGMA journal_mode=WAL", null, cancellationToken);

            await using var schema = SchemaContext(Provider, connection);
            var done = new List<string>();
            if (await HasLegacyHistoryAsync(connection, cancellationToken))
                done.AddRange(await ApplyLegacyStepsAsync(connection, schema, cancellationToken));

            var known = schema.Database.GetMigrations().ToList();
            var unknown = (await schema.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(known).ToList();
            if (unknown.Count > 0)
                throw new InvalidOperationException($"数据库的结构版本（{string.Join(",", unknown)}）比本程序新，请升级程序后再启动。");
            var pending = (await schema.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await schema.Database.MigrateAsync(cancellationToken);
            foreach (var id in pending) logger.LogInformation("Applied migration {Migration} on {Provider}", id, Provider);
            done.AddRange(pending);

            // Reference data every database needs, under the same lock (the indicator library's published indicators …).
            foreach (var seed in seeds)
            {
                var seeded = await seed.EnsureAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
                if (seeded > 0) logger.LogInformation("Seeded {Seed} with {Count} rows", seed.Name, seeded);
            }

            if (Provider == DatabaseProvider.Postgres)
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({PostgresLockKey})", null, cancellationToken);
            return done;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The latest migration this program knows and the latest one the database has applied.</summary>
    public async Task<(string Known, string Applied)> VersionsAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var schema = SchemaContext(Provider, connection);
            var applied = await schema.Database.GetAppliedMigrationsAsync(cancellationToken);
            return (schema.Database.GetMigrations().Last(), applied.LastOrDefault() ?? "无");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<bool> HasLegacyHistoryAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Provider == DatabaseProvider.Postgres
            ? $"SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{LegacyHistory}'"
            : $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{LegacyHistory}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    /// <summary>The missing SQL steps of a database made by them, each in its own transaction; then Baseline recorded as applied.</summary>
    private async Task<List<string>> ApplyLegacyStepsAsync(DbConnection connection, SystemDbContext schema, CancellationToken cancellationToken)
    {
        var steps = StepsFor(Provider);
        var applied = new HashSet<int>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""SELECT "Version" FROM "{LegacyHistory}" """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));
        }
        var unknown = applied.Except(steps.Select(s => s.Version)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"数据库的结构版本（{string.Join(",", unknown)}）比本程序新，请升级程序后再启动。");

        var done = new List<string>();
        foreach (var step in steps.Where(s => !applied.Contains(s.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, step.Sql, transaction, cancellationToken);
            await ExecuteAsync(connection, $"""INSERT INTO "{LegacyHistory}" ("Version", "Name") VALUES ({step.Version}, '{step.Name}')""",
                transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied schema step {Version} {Name} on {Provider}", step.Version, step.Name, Provider);
            done.Add($"{step.Version:0000}_{step.Name}");
        }

        var history = schema.GetService<IHistoryRepository>();
        await history.CreateIfNotExistsAsync(cancellationToken);
        if ((await history.GetAppliedMigrationsAsync(cancellationToken)).Count == 0)
        {
            var baseline = schema.Database.GetMigrations().First();
            var efVersion = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
            await ExecuteAsync(connection, history.GetInsertScript(new HistoryRow(baseline, efVersion)), null, cancellationToken);
            logger.LogInformation("Recorded {Migration} as applied: the SQL steps built its schema", baseline);
        }
        return done;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_]+)$")]
    private static partial Regex StepName();
}
