using System.CommandLine;
using Jixiao.Web.Features.Audit;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Evaluations;
using Jixiao.Web.Features.Imports;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using static Jixiao.Web.Cli.JixiaoCli;

namespace Jixiao.Web.Cli;

/// <summary>The verbs of <see cref="JixiaoCli"/>, in the order its help lists them.</summary>
public static class CliVerbs
{
    public static IEnumerable<Command> All =>
        [Migrate(), Seed(), Generate(), Import(), UserVerbs.Command(), VerifyAudit(), Refigure(), Notices(), SchemaScript(), OpenApi()];

    private static Command Migrate() => Verb("migrate", "把数据库结构升级到最新版本（网站每次启动时也会做）", [], async (_, services, _) =>
    {
        var applied = await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        Console.WriteLine(applied.Count == 0
            ? "数据库结构已是最新。"
            : $"已应用 {applied.Count} 个结构步骤：{string.Join("、", applied)}");
        return 0;
    });

    private static Command Seed() => Verb("seed", "导入演示县数据（襄垣县）", [], async (_, services, _) =>
    {
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        var seeder = services.GetRequiredService<DemoSeeder>();
        await seeder.SeedAsync();
        seeder.PrintAccounts(Console.Out);
        return 0;
    });

    private static Command Generate()
    {
        var regions = Whole("--regions", "N", "生成多少个县，1–9900，代码 99xxyy，在 990000 演示省之下");
        regions.DefaultValueFactory = _ => 1;
        var projects = Whole("--projects-per-region", "M", "每个县的项目数，各有指标账和支付");
        projects.DefaultValueFactory = _ => 4000;
        var year = Year("执行中的年度，上一年度生成为已结束；默认本年度");
        var seed = Whole("--seed", "S", "随机数种子，同一种子生成同样的数据");
        seed.DefaultValueFactory = _ => 20261122;
        return Verb("generate", "生成压测数据：一个演示省，每个县有演示县的机构、账号（perf.<区划代码> 等）和项目", [regions, projects, year, seed],
            async (parse, services, cancellationToken) =>
            {
                await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
                var request = new GenerateRequest(parse.GetValue(regions), parse.GetValue(projects),
                    parse.GetResult(year) is null ? services.GetRequiredService<BusinessClock>().Year : parse.GetValue(year), parse.GetValue(seed));
                var created = await services.GetRequiredService<ScaleGenerator>().RunAsync(request, cancellationToken);
                Console.WriteLine($"已生成 {created.Count} 个区划（{created[0].Code}–{created[^1].Code}），每区划的账号为 perf.<区划代码> 等，密码 {DemoCounty.Password}。");
                return 0;
            });
    }

    /// <summary>Runs an import as the system (the 一体化 interface account); prints the row report; exit 1 on errors.</summary>
    private static Command Import()
    {
        var kind = Parsed("--kind", "种类", "导入什么：projects（项目）、movements（预算指标变动）或 payments（支付）",
            (string text, out ImportKind value) =>
            {
                value = Enum.GetValues<ImportKind>().FirstOrDefault(k => k.ToString().Equals(text, StringComparison.OrdinalIgnoreCase));
                return value != default;
            }, " projects、movements 或 payments", required: true);
        var region = Text("--region", "区划代码", "导入到哪个区划，如 140423", required: true);
        var year = Year("导入到哪个年度", required: true);
        var file = Parsed("--file", "文件", "一体化系统导出的 xlsx 或 csv 文件", (string text, out FileInfo value) =>
        {
            value = new FileInfo(text);
            return value.Exists;
        }, "一个存在的文件", required: true);
        var commit = new Option<bool>("--commit") { Description = "校验无错误时写入数据库；不加则只校验" };
        return Verb("import", "校验（加 --commit 则写入）一体化导出文件，逐行报告问题；有错误时以 1 退出",
            [kind, region, year, file, commit], async (parse, services, cancellationToken) =>
            {
                var source = parse.GetValue(file)!;
                var started = System.Diagnostics.Stopwatch.StartNew();
                await using var stream = source.OpenRead();
                var report = await services.GetRequiredService<ImportService>().UploadAsync(parse.GetValue(kind), parse.GetValue(region)!,
                    parse.GetValue(year), source.Name, stream, parse.GetValue(commit), cancellationToken);
                Console.WriteLine(report.Summary);
                foreach (var issue in report.Issues)
                    Console.WriteLine($"  第 {issue.Row} 行 [{issue.Column}] “{issue.Value}”：{(issue.IsError ? "错误" : "提醒")} {issue.Message}");
                Console.WriteLine($"用时 {started.Elapsed.TotalSeconds:0.0} 秒");
                return report.CanCommit ? 0 : 1;
            });
    }

    private static Command VerifyAudit() => Verb("verify-audit", "校验审计日志哈希链，被篡改时以 1 退出并列出断处", [],
        async (_, services, cancellationToken) =>
        {
            var result = await AuditVerifier.VerifyAsync(services.GetRequiredService<SystemDbContext>(), cancellationToken);
            Console.WriteLine(result.Summary);
            foreach (var broken in result.Breaks)
                Console.WriteLine($"  区划 {broken.ChainKey} 第 {broken.Sequence} 条：{broken.Reason}");
            return result.Intact ? 0 : 1;
        });

    /// <summary>One run of the deadline job (what every node does every <c>Notices:SweepMinutes</c>), for cron or a test of the mail settings.</summary>
    private static Command Notices() => Group("notices", "消息提醒", [Verb("sweep", "运行一次截止提醒（即将到期、已逾期）并发送待发的邮件", [],
        async (_, services, cancellationToken) =>
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            var result = await services.GetRequiredService<Features.Notices.NoticeSweep>().RunAsync(cancellationToken);
            Console.WriteLine(result.Ran
                ? $"已写入 {result.Written} 条提醒，发送 {result.Mailed} 封邮件。"
                : $"另一节点正在运行截止提醒，本次未写入；发送 {result.Mailed} 封邮件。");
            return 0;
        })]);

    private static Command Refigure()
    {
        var region = Text("--region", "区划代码", "哪个区划，如 140423", required: true);
        var year = Year("哪个年度的自评表", required: true);
        return Verb("refigure", "按当前评分规则和设置重新计算一个区划一个年度未终审的自评表", [region, year],
            async (parse, services, cancellationToken) =>
            {
                await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
                var refigured = await EvaluationWork.RefigureRegionAsync(services.GetRequiredService<JixiaoDbContext>(), parse.GetValue(region)!,
                    parse.GetValue(year), services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
                Console.WriteLine($"已重新计算 {refigured.Forms} 张未终审的自评表，其中 {refigured.Changed} 张有变化；已终审 {refigured.Approved} 张未动。");
                return 0;
            });
    }

    private static Command SchemaScript() => Verb("schema-script", "打印当前模型在本数据库上的完整建表脚本（供数据库管理员参考；迁移由 dotnet ef migrations add 生成）", [],
        (_, services, _) =>
        {
            Console.WriteLine(services.GetRequiredService<SystemDbContext>().Database.GenerateCreateScript());
            return Task.FromResult(0);
        });

    private static Command OpenApi()
    {
        var output = new Option<FileInfo?>("--output") { Description = "写入的文件；不给则打印到标准输出", HelpName = "文件" };
        return Verb("openapi", "写出 API 的 OpenAPI 文档（即 /openapi/v1.json，生成客户端用），不连接数据库", [output], async (parse, services, _) =>
        {
            var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>(JixiaoHost.OpenApiDocument).GetOpenApiDocumentAsync();
            var version = services.GetRequiredService<IOptionsMonitor<OpenApiOptions>>().Get(JixiaoHost.OpenApiDocument).OpenApiVersion;
            var json = await document.SerializeAsJsonAsync(version);
            if (parse.GetValue(output) is { } file) await File.WriteAllTextAsync(file.FullName, json);
            else Console.WriteLine(json);
            return 0;
        }, endpoints: true);
    }
}
