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

    [Fact]
    public void Steps_BothProviders_HaveTheSameVersions()
    {
        Assert.Equal(SchemaMigrator.StepsFor(DatabaseProvider.Sqlite).Select(s => (s.Version, s.Name)),
            SchemaMigrator.StepsFor(DatabaseProvider.Postgres).Select(s => (s.Version, s.Name)));
    }
}
