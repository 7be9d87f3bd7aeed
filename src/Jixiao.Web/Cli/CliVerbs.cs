using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Audit;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Cli;

/// <summary>
/// <c>dotnet run --project src/Jixiao.Web -- VERB</c>. Verbs run with the full host configuration (same
/// database settings as the web app) and a system scope; their exit code tells scripts the outcome.
/// </summary>
public static class CliVerbs
{
    private static readonly Dictionary<string, string> Help = new()
    {
        ["migrate"] = "把数据库结构升级到最新版本",
        ["seed"] = "导入演示县数据（襄垣县）",
        ["generate"] = "生成压测数据：generate --regions N --projects-per-region M [--year Y] [--seed S]",
        ["verify-audit"] = "校验审计日志哈希链，被篡改时以非零码退出",
        ["schema-script"] = "打印当前模型在本数据库上的完整建表脚本（编写迁移步骤时参考）",
    };

    public static (string? Verb, string[] Remaining) Split(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=')
            ? (args[0], args[1..])
            : (null, args);

    public static async Task<int> RunAsync(WebApplication app, string verb, string[] args)
    {
        if (!Help.ContainsKey(verb))
        {
            Console.Error.WriteLine($"未知命令：{verb}。可用命令：");
            foreach (var (name, text) in Help) Console.Error.WriteLine($"  {name,-14} {text}");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentUser>().SetSystem($"cli:{verb}");
        var migrator = services.GetRequiredService<SchemaMigrator>();
        try
        {
            switch (verb)
            {
                case "migrate":
                    var applied = await migrator.MigrateAsync();
                    Console.WriteLine(applied.Count == 0
                        ? "数据库结构已是最新。"
                        : $"已应用 {applied.Count} 个结构步骤：{string.Join("、", applied.Select(s => $"{s.Version:0000}_{s.Name}"))}");
                    return 0;
                case "seed":
                    await migrator.MigrateAsync();
                    var seeder = services.GetRequiredService<DemoSeeder>();
                    await seeder.SeedAsync();
                    seeder.PrintAccounts(Console.Out);
                    return 0;
                case "generate":
                    await migrator.MigrateAsync();
                    var request = ScaleGenerator.Parse(args, services.GetRequiredService<TimeProvider>().GetUtcNow().Year);
                    var regions = await services.GetRequiredService<ScaleGenerator>().RunAsync(request, CancellationToken.None);
                    Console.WriteLine($"已生成 {regions.Count} 个区划（{regions[0].Code}–{regions[^1].Code}），每区划的账号为 perf.<区划代码> 等，密码 {DemoCounty.Password}。");
                    return 0;
                case "verify-audit":
                    var result = await AuditVerifier.VerifyAsync(services.GetRequiredService<SystemDbContext>(), CancellationToken.None);
                    Console.WriteLine(result.Summary);
                    foreach (var broken in result.Breaks)
                        Console.WriteLine($"  区划 {broken.ChainKey} 第 {broken.Sequence} 条：{broken.Reason}");
                    return result.Intact ? 0 : 1;
                case "schema-script":
                    Console.WriteLine(services.GetRequiredService<SystemDbContext>().Database.GenerateCreateScript());
                    return 0;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        return 2;
    }
}
