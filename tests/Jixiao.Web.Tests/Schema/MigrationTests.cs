using Jixiao.Domain.Budget;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jixiao.Web.Tests.Schema;

/// <summary>The ordered SQL steps of each provider build exactly the schema the EF model describes.</summary>
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

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrations_BuildTheSchemaOfTheModel(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var fromModel = await TestDatabase.CreateAsync(provider);
        await using (var db = ContextFor(migrated))
            Assert.NotEmpty(await new SchemaMigrator(db, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken));
        await using (var db = ContextFor(fromModel))
            await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript(), TestContext.Current.CancellationToken);

        var expected = await SchemaReader.ReadAsync(provider, fromModel.ConnectionString);
        var actual = await SchemaReader.ReadAsync(provider, migrated.ConnectionString);
        Assert.Contains(expected, l => l.Contains("AuditEntries", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrate_SecondRun_AppliesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = ContextFor(database);
        var migrator = new SchemaMigrator(db, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);
        var first = await migrator.MigrateAsync(TestContext.Current.CancellationToken);
        Assert.Equal(SchemaMigrator.StepsFor(provider).Count, first.Count);
        Assert.Empty(await migrator.MigrateAsync(TestContext.Current.CancellationToken));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrate_DatabaseNewerThanProgram_RefusesWithChineseMessage(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = ContextFor(database);
        var migrator = new SchemaMigrator(db, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "__SchemaVersions" ("Version", "Name") VALUES (9999, 'Future')""", TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(TestContext.Current.CancellationToken));
        Assert.Contains("比本程序新", error.Message);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrate_FundTagsKeptByName_BecomeFlags(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = ContextFor(database);
        var postgres = provider == DatabaseProvider.Postgres;
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        async Task RunAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(ct);
        }

        // A database of the release before step 9, whose projects kept their 资金标签 by name (foreign keys off: the
        // projects need no units for this).
        await RunAsync("""CREATE TABLE "__SchemaVersions" ("Version" integer PRIMARY KEY, "Name" text NOT NULL, "AppliedAtUtc" text NOT NULL DEFAULT CURRENT_TIMESTAMP)""");
        foreach (var step in SchemaMigrator.StepsFor(provider).Where(s => s.Version < 9))
        {
            await RunAsync(step.Sql);
            await RunAsync($"""INSERT INTO "__SchemaVersions" ("Version", "Name") VALUES ({step.Version}, '{step.Name}')""");
        }
        await RunAsync(postgres ? "SET session_replication_role = replica" : "PRAGMA foreign_keys = OFF");
        foreach (var (code, names) in new[] { ("P1", "None"), ("P2", "Bond"), ("P3", "Ppp, GovernmentPurchase"), ("P4", "Bond, Ppp, GovernmentPurchase, CarryOver") })
            await RunAsync($"""
                INSERT INTO "Projects" ("RegionCode", "FiscalYear", "Code", "Name", "OrgUnitId", "Level", "Category", "Recurrence", "StartYear",
                    "EndYear", "Status", "BudgetKind", "Transfer", "Tags", "IsPool", "EstablishedOn")
                VALUES ('140423', 2026, '{code}', '项目', 1, 'Level1', 'SpecificPurpose', 'Recurring', 2026, 2026, 'Budgeted', 'General', 'None',
                    '{names}', 1 = 0, '2026-01-01')
                """);
        await RunAsync(postgres ? "SET session_replication_role = DEFAULT" : "PRAGMA foreign_keys = ON");
        await db.Database.CloseConnectionAsync();

        var applied = await new SchemaMigrator(db, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(ct);
        Assert.Equal(SchemaMigrator.StepsFor(provider).Where(s => s.Version >= 9).Select(s => s.Version), applied.Select(s => s.Version));
        var tags = await db.Projects.OrderBy(p => p.Code).Select(p => p.Tags).ToListAsync(ct);
        Assert.Equal([FundTags.None, FundTags.Bond, FundTags.Ppp | FundTags.GovernmentPurchase,
            FundTags.Bond | FundTags.Ppp | FundTags.GovernmentPurchase | FundTags.CarryOver], tags);
        Assert.Equal(2, await db.Projects.CountAsync(p => (p.Tags & FundTags.Ppp) == FundTags.Ppp, ct));
    }

    [Fact]
    public void Steps_BothProviders_HaveTheSameVersions()
    {
        Assert.Equal(SchemaMigrator.StepsFor(DatabaseProvider.Sqlite).Select(s => (s.Version, s.Name)),
            SchemaMigrator.StepsFor(DatabaseProvider.Postgres).Select(s => (s.Version, s.Name)));
    }
}
