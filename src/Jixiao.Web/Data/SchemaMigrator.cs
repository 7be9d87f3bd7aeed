using System.Data.Common;
using System.Text.RegularExpressions;

namespace Jixiao.Web.Data;

/// <summary>One ordered schema step for one provider, kept as an embedded SQL file <c>NNNN_name.sql</c>.</summary>
public sealed record MigrationStep(int Version, string Name, string Sql);

/// <summary>
/// Applies the ordered SQL steps of the current provider that the database has not seen yet, each in its
/// own transaction, and records them in <c>__SchemaVersions</c>; then seeds reference data an empty database lacks. See docs/decisions/0001-schema-versioning.md.
/// </summary>
public sealed partial class SchemaMigrator(SystemDbContext db, TimeProvider clock, ILogger<SchemaMigrator> logger)
{
    private const string HistoryTable = "__SchemaVersions";
    private const long PostgresLockKey = 0x4A6958_69616F; // "JiXiao"

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

    public DatabaseProvider Provider => db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <returns>the steps applied now</returns>
    public async Task<IReadOnlyList<MigrationStep>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var steps = StepsFor(Provider);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (Provider == DatabaseProvider.Postgres)
                await ExecuteAsync(connection, $"SELECT pg_advisory_lock({PostgresLockKey})", null, cancellationToken);
            else
                await ExecuteAsync(connection, "PRAGMA journal_mode=WAL", null, cancellationToken);

            await ExecuteAsync(connection, Provider == DatabaseProvider.Postgres
                ? $"""CREATE TABLE IF NOT EXISTS "{HistoryTable}" ("Version" integer PRIMARY KEY, "Name" text NOT NULL, "AppliedAtUtc" timestamp with time zone NOT NULL DEFAULT now())"""
                : $"""CREATE TABLE IF NOT EXISTS "{HistoryTable}" ("Version" INTEGER PRIMARY KEY, "Name" TEXT NOT NULL, "AppliedAtUtc" TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)""",
                null, cancellationToken);

            var applied = new HashSet<int>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"""SELECT "Version" FROM "{HistoryTable}" """;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));
            }
            var unknown = applied.Except(steps.Select(s => s.Version)).ToList();
            if (unknown.Count > 0)
                throw new InvalidOperationException(
                    $"数据库的结构版本（{string.Join(",", unknown)}）比本程序新，请升级程序后再启动。");

            var done = new List<MigrationStep>();
            foreach (var step in steps.Where(s => !applied.Contains(s.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, step.Sql, transaction, cancellationToken);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = $"""INSERT INTO "{HistoryTable}" ("Version", "Name") VALUES ({step.Version}, '{step.Name}')""";
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema step {Version} {Name} on {Provider}", step.Version, step.Name, Provider);
                done.Add(step);
            }

            // Reference data every database needs, under the same lock: the indicator library's seed.
            var seeded = await Features.Library.LibrarySeed.EnsureAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
            if (seeded > 0) logger.LogInformation("Seeded the indicator library with {Count} published indicators", seeded);

            if (Provider == DatabaseProvider.Postgres)
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({PostgresLockKey})", null, cancellationToken);
            return done;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The latest step this program knows and the latest one the database has applied.</summary>
    public async Task<(int Known, int Applied)> VersionsAsync(CancellationToken cancellationToken)
    {
        var known = StepsFor(Provider).Max(s => s.Version);
        var applied = await db.Database
            .SqlQueryRaw<int>($"""SELECT COALESCE(MAX("Version"), 0) AS "Value" FROM "{HistoryTable}" """)
            .SingleAsync(cancellationToken);
        return (known, applied);
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
