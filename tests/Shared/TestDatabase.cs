using Jixiao.Web.Data;
using Npgsql;

namespace Jixiao.Tests.Shared;

/// <summary>
/// Where the tests find their databases: SQLite always (a temp file); PostgreSQL when
/// <c>JIXIAO_TEST_POSTGRES</c> holds an admin connection string (test.sh starts a throw-away server).
/// Under <c>CI=true</c> a missing PostgreSQL fails the test instead of skipping it.
/// </summary>
public static class TestEnvironment
{
    public static string? PostgresAdmin => Environment.GetEnvironmentVariable("JIXIAO_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require(DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.Postgres || PostgresAdmin is not null) return;
        const string why = "没有 PostgreSQL：请用 ./test.sh 运行（它会启动临时 PostgreSQL 并设置 JIXIAO_TEST_POSTGRES）";
        if (IsCi) Assert.Fail("CI=true 时不允许跳过 PostgreSQL 测试：" + why);
        Assert.Skip(why);
    }

    /// <summary>LibreOffice's headless converter (Debian: libreoffice-calc-nogui), for proving exported files open.</summary>
    public static string RequireLibreOffice()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);
        if (soffice is not null) return soffice;
        const string why = "没有 LibreOffice：请用 ./test.sh 运行（它会安装 libreoffice-calc-nogui）";
        if (IsCi) Assert.Fail("CI=true 时不允许跳过 LibreOffice 测试：" + why);
        Assert.Skip(why);
        return "";
    }

    /// <summary>Theory data: every database provider, as Bitwarden's DatabaseData does.</summary>
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);
}

/// <summary>A fresh, empty database of one provider, dropped when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestEnvironment.Require(provider);
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"jixiao-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, $"Data Source={file};Pooling=False", file, null);
        }

        var name = $"jixiao_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin) { Database = name };
        return new TestDatabase(provider, builder.ToString(), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(_sqliteFile + suffix);
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
