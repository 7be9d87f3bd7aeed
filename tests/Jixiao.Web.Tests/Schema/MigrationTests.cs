using Jixiao.Domain.Budget;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jixiao.Web.Tests.Schema;

/// <summary>
/// The EF Core migrations of each provider build exactly the schema the EF model describes, with the triggers the
/// SQL steps of earlier releases made; a database made by those steps is carried over to the same schema.
/// </summary>
public sealed class MigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private static SystemDbContext ContextFor(TestDatabase database)
    {
        var builder = new DbContextOptionsBuilder<SystemDbContext>();
        if (database.Provider == DatabaseProvider.Postgres) builder.UseNpgsql(database.ConnectionString);
        else builder.UseSqlite(database.ConnectionString);
        return new SystemDbContext(builder.Options, new CurrentUser(), TimeProvider.System);
    }

    private static SchemaMigrator MigratorFor(SystemDbContext db) => new(db, [], TimeProvider.System, NullLogger<SchemaMigrator>.Instance);

    private static IReadOnlyList<string> MigrationsOf(DatabaseProvider provider)
    {
        using var db = SchemaMigrator.SchemaContext(provider,
            provider == DatabaseProvider.Postgres ? new Npgsql.NpgsqlConnection() : new Microsoft.Data.Sqlite.SqliteConnection());
        return db.Database.GetMigrations().ToList();
    }

    /// <summary>Runs the SQL steps below <paramref name="before"/> as a release of that step did, recording each.</summary>
    private static async Task BuildWithSqlStepsAsync(SystemDbContext db, DatabaseProvider provider, int before, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(
            """CREATE TABLE "__SchemaVersions" ("Version" integer PRIMARY KEY, "Name" text NOT NULL, "AppliedAtUtc" text NOT NULL DEFAULT CURRENT_TIMESTAMP)""", ct);
        foreach (var step in SchemaMigrator.StepsFor(provider).Where(s => s.Version < before))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = step.Sql;
            await command.ExecuteNonQueryAsync(ct);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "__SchemaVersions" ("Version", "Name") VALUES ({step.Version}, {step.Name})""", ct);
        }
        await db.Database.CloseConnectionAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrations_BuildTheSchemaOfTheModel(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var fromModel = await TestDatabase.CreateAsync(provider);
        await using (var db = ContextFor(migrated))
            Assert.Equal(MigrationsOf(provider), await MigratorFor(db).MigrateAsync(ct));
        await using (var db = ContextFor(fromModel))
            await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript(), ct);

        var expected = await SchemaReader.ReadAsync(provider, fromModel.ConnectionString);
        var actual = await SchemaReader.ReadAsync(provider, migrated.ConnectionString);
        Assert.Contains(expected, l => l.Contains("AuditEntries", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task DatabaseOfTheSqlSteps_MigratesToTheSchemaOfANewOne(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var old = await TestDatabase.CreateAsync(provider);
        await using var fresh = await TestDatabase.CreateAsync(provider);
        var lastStep = SchemaMigrator.StepsFor(provider)[^1];
        await using (var db = ContextFor(old))
        {
            await BuildWithSqlStepsAsync(db, provider, lastStep.Version, ct);
            // the step it lacks runs; Baseline is recorded, not run (its tables exist); the migrations after Baseline run
            Assert.Equal([$"{lastStep.Version:0000}_{lastStep.Name}", .. MigrationsOf(provider).Skip(1)], await MigratorFor(db).MigrateAsync(ct));
            Assert.Equal(MigrationsOf(provider), await db.Database.SqlQueryRaw<string>(
                """SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" """).ToListAsync(ct));
            Assert.Empty(await MigratorFor(db).MigrateAsync(ct));
        }
        await using (var db = ContextFor(fresh))
            await MigratorFor(db).MigrateAsync(ct);

        Assert.Equal(await SchemaReader.ReadAsync(provider, fresh.ConnectionString), await SchemaReader.ReadAsync(provider, old.ConnectionString));
        var triggers = await SchemaReader.ReadTriggersAsync(provider, fresh.ConnectionString);
        Assert.Contains(triggers, t => t.Contains("TR_Payments_Totals_Insert", StringComparison.Ordinal));
        Assert.Contains(triggers, t => t.Contains("TR_ProjectTotals_ListVersion_Update", StringComparison.Ordinal));
        Assert.Equal(await SchemaReader.ReadTriggersAsync(provider, old.ConnectionString), triggers);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrate_SecondRun_AppliesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = ContextFor(database);
        var migrator = MigratorFor(db);
        Assert.NotEmpty(await migrator.MigrateAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await migrator.MigrateAsync(TestContext.Current.CancellationToken));
        var (known, applied) = await migrator.VersionsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(known, applied);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseNewerThanProgram_RefusesWithChineseMessage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = ContextFor(database);
        var migrator = MigratorFor(db);
        await migrator.MigrateAsync(TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('29991231000000_Future', '10.0.14')""",
            TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(TestContext.Current.CancellationToken));
        Assert.Contains("比本程序新", error.Message);
        Assert.Contains("29991231000000_Future", error.Message);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrate_FundTagsKeptByName_BecomeFlags(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = ContextFor(database);
        var postgres = provider == DatabaseProvider.Postgres;

        // A database of the release before step 9, whose projects kept their 资金标签 by name (foreign keys off: the
        // projects need no units for this).
        await BuildWithSqlStepsAsync(db, provider, 9, ct);
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(postgres ? "SET session_replication_role = replica" : "PRAGMA foreign_keys = OFF", ct);
        foreach (var (code, names) in new[] { ("P1", "None"), ("P2", "Bond"), ("P3", "Ppp, GovernmentPurchase"), ("P4", "Bond, Ppp, GovernmentPurchase, CarryOver") })
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Projects" ("RegionCode", "FiscalYear", "Code", "Name", "OrgUnitId", "Level", "Category", "Recurrence", "StartYear",
                    "EndYear", "Status", "BudgetKind", "Transfer", "Tags", "IsPool", "EstablishedOn")
                VALUES ('140423', 2026, {code}, '项目', 1, 'Level1', 'SpecificPurpose', 'Recurring', 2026, 2026, 'Budgeted', 'General', 'None',
                    {names}, 1 = 0, '2026-01-01')
                """, ct);
        await db.Database.ExecuteSqlRawAsync(postgres ? "SET session_replication_role = DEFAULT" : "PRAGMA foreign_keys = ON", ct);
        await db.Database.CloseConnectionAsync();

        var applied = await MigratorFor(db).MigrateAsync(ct);
        Assert.Equal(SchemaMigrator.StepsFor(provider).Where(s => s.Version >= 9).Select(s => $"{s.Version:0000}_{s.Name}").Concat(MigrationsOf(provider).Skip(1)), applied);
        var tags = await db.Projects.OrderBy(p => p.Code).Select(p => p.Tags).ToListAsync(ct);
        Assert.Equal([FundTags.None, FundTags.Bond, FundTags.Ppp | FundTags.GovernmentPurchase,
            FundTags.Bond | FundTags.Ppp | FundTags.GovernmentPurchase | FundTags.CarryOver], tags);
        Assert.Equal(2, await db.Projects.CountAsync(p => (p.Tags & FundTags.Ppp) == FundTags.Ppp, ct));
    }

    [Fact]
    public void BothProviders_HaveTheSameStepsAndMigrations()
    {
        Assert.Equal(SchemaMigrator.StepsFor(DatabaseProvider.Sqlite).Select(s => (s.Version, s.Name)),
            SchemaMigrator.StepsFor(DatabaseProvider.Postgres).Select(s => (s.Version, s.Name)));
        // ids carry the minute they were generated; the names after the stamp must pair up one to one
        static IEnumerable<string> Names(DatabaseProvider p) => MigrationsOf(p).Select(id => id[(id.IndexOf('_') + 1)..]);
        Assert.Equal(Names(DatabaseProvider.Sqlite), Names(DatabaseProvider.Postgres));
    }

    /// <summary>A model change without its migration fails here (and EF would refuse to migrate at start-up).</summary>
    [Theory, MemberData(nameof(Providers))]
    public void Model_HasNoChangesWithoutAMigration(DatabaseProvider provider)
    {
        using var db = SchemaMigrator.SchemaContext(provider,
            provider == DatabaseProvider.Postgres ? new Npgsql.NpgsqlConnection() : new Microsoft.Data.Sqlite.SqliteConnection());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"模型有改动但没有对应的迁移：请运行 dev/add-migration.sh 名称（{provider}）");
    }
}
