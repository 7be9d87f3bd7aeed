using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Microsoft.Data.Sqlite;

namespace Jixiao.Web.Tests.Platform;

/// <summary>
/// The command line as an operator meets it: help in Chinese, and a wrong command line answered with exit code 2 and
/// the reason, before any database is opened (the SQLite file is not even created).
/// </summary>
public sealed class CliTests
{
    [Fact]
    public async Task Help_OfAVerb_ListsItsOptionsInChineseAndRunsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var help = await CliRunner.RunAsync(database, "generate", "--help");
        Assert.True(help.ExitCode == 0, help.Output + help.Error);
        Assert.Contains("用法：Jixiao.Web generate [选项]", help.Output);
        Assert.Contains("--projects-per-region <M>  每个县的项目数，各有指标账和支付（默认 4000）", help.Output);
        Assert.Contains("-?, -h, --help             显示本命令的用法", help.Output);

        var users = await CliRunner.RunAsync(database, "users", "--help");
        Assert.Contains("reset-2fa", users.Output);
        Assert.Contains("grant-admin     授予系统管理员、安全管理员或审计管理员角色", users.Output);
        Assert.False(File.Exists(FileOf(database)));
    }

    [Fact]
    public async Task BadOptionValue_ExitsTwoWithTheReasonAndOpensNoDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var cases = new (string[] Args, string Message)[]
        {
            (["generate", "--regions", "many"], "--regions 后面应跟一个正整数，而不是“many”。"),
            (["users", "grant-admin", "--user", "new.admin", "--role", "Expert", "--region", "140423", "--org", "FIN00"],
                "--role 后面应跟 SystemAdmin、SecurityAdmin 或 AuditAdmin，而不是“Expert”。"),
            (["import", "--kind", "salaries", "--region", "140423", "--year", "2026", "--file", "payments.csv", "--commit"],
                "--kind 后面应跟 projects、movements 或 payments，而不是“salaries”。"),
            (["refigure", "--region", "140423", "--year", "25"], "--year 后面应跟四位数的年度，如 2026，而不是“25”。"),
            (["users", "reset-2fa"], "缺少参数 --user。"),
        };
        foreach (var (args, message) in cases)
        {
            var result = await CliRunner.RunAsync(database, args);
            Assert.True(result.ExitCode == 2, $"{string.Join(' ', args)}: {result.ExitCode} {result.Output}{result.Error}");
            Assert.Contains(message, result.Error);
            Assert.Contains($"用法见：Jixiao.Web {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))} --help", result.Error);
        }
        Assert.False(File.Exists(FileOf(database)));
    }

    [Fact]
    public async Task UnknownVerbOrOption_ExitsTwoAndNamesIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var verb = await CliRunner.RunAsync(database, "verify-audti");
        Assert.Equal(2, verb.ExitCode);
        Assert.Contains("未知命令：verify-audti。可用命令：", verb.Error);
        Assert.Contains("verify-audit", verb.Error);

        var option = await CliRunner.RunAsync(database, "verify-audit", "--fix");
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("未知参数：--fix。", option.Error);
        Assert.False(File.Exists(FileOf(database)));
    }

    [Fact]
    public async Task Verb_HostSettingsAfterIt_ReachTheHost()
    {
        await using var configured = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var given = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var result = await CliRunner.RunAsync(configured, "migrate", $"--ConnectionStrings:Jixiao={given.ConnectionString}", "--environment", "Production");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("已应用", result.Output);
        Assert.True(File.Exists(FileOf(given)));
        Assert.False(File.Exists(FileOf(configured)));
    }

    private static string FileOf(TestDatabase database) => new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
}
