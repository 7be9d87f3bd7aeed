using Microsoft.EntityFrameworkCore.Design;

namespace Jixiao.Web.Data;

/// <summary>
/// The system model as the SQLite migrations know it: <c>Data/Migrations/Sqlite/*.cs</c> carry
/// <c>[DbContext(typeof(SqliteSchema))]</c>, so EF keeps the two providers' migrations apart. Only
/// <see cref="SchemaMigrator"/> and <c>dotnet ef</c> use it. See docs/decisions/0001-schema-versioning.md.
/// </summary>
public sealed class SqliteSchema(DbContextOptions<SqliteSchema> options) : SystemDbContext(options);

/// <summary>The system model as the PostgreSQL migrations know it (<c>Data/Migrations/Postgres/*.cs</c>).</summary>
public sealed class PostgresSchema(DbContextOptions<PostgresSchema> options) : SystemDbContext(options);

/// <summary><c>dotnet ef migrations add Name --context SqliteSchema</c> builds the context here (no database is opened).</summary>
public sealed class SqliteSchemaFactory : IDesignTimeDbContextFactory<SqliteSchema>
{
    public SqliteSchema CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSchema>().UseSqlite(DatabaseOptions.DefaultSqlite).Options);
}

/// <summary><c>dotnet ef migrations add Name --context PostgresSchema</c> builds the context here (no database is opened).</summary>
public sealed class PostgresSchemaFactory : IDesignTimeDbContextFactory<PostgresSchema>
{
    public PostgresSchema CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSchema>().UseNpgsql("Host=127.0.0.1;Database=jixiao").Options);
}
