using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jixiao.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Section <c>Database</c> picks the engine; <c>ConnectionStrings:Jixiao</c> (env <c>ConnectionStrings__Jixiao</c>)
/// points at it. Read when first needed, so hosts that add configuration late (tests) are honoured.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultSqlite = "Data Source=data/jixiao.db";

    public DatabaseProvider Provider { get; private init; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; private init; } = "";

    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration.GetValue(Section + ":Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Jixiao");
        if (provider == DatabaseProvider.Sqlite)
            connectionString = PrepareSqlite(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString, contentRoot);
        else if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "Database:Provider 为 Postgres 时必须设置连接字符串 ConnectionStrings:Jixiao（或环境变量 ConnectionStrings__Jixiao）。");
        return new DatabaseOptions { Provider = provider, ConnectionString = connectionString! };
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        if (Provider == DatabaseProvider.Postgres)
            builder.UseNpgsql(ConnectionString);
        else
            builder.UseSqlite(ConnectionString);
    }

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder.</summary>
    private static string PrepareSqlite(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }
}

public static class DatabaseSetup
{
    public static IServiceCollection AddJixiaoDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseOptions.From(sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
        // Interceptors (the audit trail's) are registered by the features that own them.
        services.AddDbContext<JixiaoDbContext>(Configure);
        services.AddDbContext<SystemDbContext>(Configure);
        // A system actor (a CLI verb, the start-up) asking for the user's context gets the system one: the user's
        // model has no "may see everything" flag, so a system scope would see nothing through it.
        services.Replace(ServiceDescriptor.Scoped<JixiaoDbContext>(sp => sp.GetRequiredService<CurrentUser>().Scope.IsSystem
            ? sp.GetRequiredService<SystemDbContext>()
            : new JixiaoDbContext(sp.GetRequiredService<DbContextOptions<JixiaoDbContext>>(), sp.GetRequiredService<CurrentUser>(),
                sp.GetRequiredService<TimeProvider>())));
        services.AddScoped<SchemaMigrator>();
        return services;
    }

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder builder)
    {
        services.GetRequiredService<DatabaseOptions>().Configure(builder);
        builder.AddInterceptors(services.GetServices<IInterceptor>());
    }
}
