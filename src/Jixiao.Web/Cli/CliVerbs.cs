using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Audit;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Evaluations;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Shared;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

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
        ["import"] = "导入一体化数据：import --kind projects|movements|payments --region 140423 --year 2026 --file 文件 [--commit]",
        ["users"] = UserVerbs.Usage,
        ["verify-audit"] = "校验审计日志哈希链，被篡改时以非零码退出",
        ["refigure"] = "按当前评分规则和设置重新计算一个区划一个年度未终审的自评表：refigure --region 140423 --year 2025",
        ["schema-script"] = "打印当前模型在本数据库上的完整建表脚本（编写迁移步骤时参考）",
        ["openapi"] = "写出 API 的 OpenAPI 文档（即 /openapi/v1.json，生成客户端用）：openapi [--output 文件]，不连接数据库",
    };

    /// <summary>Runs an import as the system (the 一体化 interface account); prints the row report; exit 1 on errors.</summary>
    private static async Task<int> ImportAsync(IServiceProvider services, string[] args)
    {
        string Option(string name) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"缺少参数 {name}。");
        var kind = Option("--kind").ToLowerInvariant() switch
        {
            "projects" => ImportKind.Projects,
            "movements" => ImportKind.Movements,
            "payments" => ImportKind.Payments,
            var other => throw new ArgumentException($"--kind 应为 projects、movements 或 payments，而不是 {other}。"),
        };
        if (!int.TryParse(Option("--year"), out var year)) throw new ArgumentException("--year 应为年度，如 2026。");
        var file = Option("--file");
        if (!File.Exists(file)) throw new ArgumentException($"文件不存在：{file}");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var stream = File.OpenRead(file);
        var report = await services.GetRequiredService<ImportService>()
            .UploadAsync(kind, Option("--region"), year, Path.GetFileName(file), stream, args.Contains("--commit"), CancellationToken.None);
        Console.WriteLine(report.Summary);
        foreach (var issue in report.Issues)
            Console.WriteLine($"  第 {issue.Row} 行 [{issue.Column}] “{issue.Value}”：{(issue.IsError ? "错误" : "提醒")} {issue.Message}");
        Console.WriteLine($"用时 {started.Elapsed.TotalSeconds:0.0} 秒");
        return report.CanCommit ? 0 : 1;
    }

    public static (string? Verb, string[] Remaining) Split(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=')
            ? (args[0], args[1..])
            : (null, args);

    public static async Task<int> RunAsync(WebApplication app, string verb, string[] args)
    {
        if (TwoFactorCli.Handles(verb, args)) return await TwoFactorCli.RunAsync(app, args);
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
                    var request = ScaleGenerator.Parse(args, services.GetRequiredService<BusinessClock>().Year);
                    var regions = await services.GetRequiredService<ScaleGenerator>().RunAsync(request, CancellationToken.None);
                    Console.WriteLine($"已生成 {regions.Count} 个区划（{regions[0].Code}–{regions[^1].Code}），每区划的账号为 perf.<区划代码> 等，密码 {DemoCounty.Password}。");
                    return 0;
                case "import":
                    return await ImportAsync(services, args);
                case "users":
                    return await UserVerbs.RunAsync(services, args);
                case "refigure":
                    await migrator.MigrateAsync();
                    string Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"缺少参数 {name}。");
                    var refigured = await EvaluationWork.RefigureRegionAsync(services.GetRequiredService<JixiaoDbContext>(), Option("--region"),
                        int.TryParse(Option("--year"), out var year) ? year : throw new ArgumentException("--year 应为年度，如 2025。"),
                        services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, CancellationToken.None);
                    Console.WriteLine($"已重新计算 {refigured.Forms} 张未终审的自评表，其中 {refigured.Changed} 张有变化；已终审 {refigured.Approved} 张未动。");
                    return 0;
                case "verify-audit":
                    var result = await AuditVerifier.VerifyAsync(services.GetRequiredService<SystemDbContext>(), CancellationToken.None);
                    Console.WriteLine(result.Summary);
                    foreach (var broken in result.Breaks)
                        Console.WriteLine($"  区划 {broken.ChainKey} 第 {broken.Sequence} 条：{broken.Reason}");
                    return result.Intact ? 0 : 1;
                case "openapi":
                    // A starting host hands the mapped endpoints to routing (and so to the document) like this; the verb starts none.
                    app.UseEndpoints(_ => { });
                    var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>(JixiaoHost.OpenApiDocument).GetOpenApiDocumentAsync();
                    var version = services.GetRequiredService<IOptionsMonitor<OpenApiOptions>>().Get(JixiaoHost.OpenApiDocument).OpenApiVersion;
                    var json = await document.SerializeAsJsonAsync(version);
                    if (args.SkipWhile(a => a != "--output").Skip(1).FirstOrDefault() is { } output) await File.WriteAllTextAsync(output, json);
                    else Console.WriteLine(json);
                    return 0;
                case "schema-script":
                    Console.WriteLine(services.GetRequiredService<SystemDbContext>().Database.GenerateCreateScript());
                    return 0;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or Domain.DomainException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        return 2;
    }
}
