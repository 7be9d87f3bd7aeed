using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Jixiao.Web.Cli;

/// <summary>
/// <c>dotnet run --project src/Jixiao.Web -- VERB [选项]</c>: the server's commands, parsed by System.CommandLine.
/// A verb runs with the full host configuration (same database settings as the web app) in a system scope named
/// <c>cli:VERB</c>; its exit code tells scripts the outcome: 0 done, 1 refused (the message says why), 2 the command
/// line is wrong (nothing ran, nothing was written). ASP.NET Core's own settings (<c>--urls</c>, <c>--environment</c>,
/// <c>--Database:Provider=Postgres</c>, <c>Key=Value</c>) may follow a verb and reach its host.
/// </summary>
public static class JixiaoCli
{
    /// <summary>A first argument that is neither an option nor a setting names a verb; without one the host serves the web app.</summary>
    public static bool Handles(string[] args) =>
        args is [var first, ..] && (first is "--help" or "-h" or "-?" || !first.StartsWith('-') && !first.Contains('='));

    public static async Task<int> RunAsync(string[] args)
    {
        // The parser's own few messages have a Chinese translation; every other text here is written in Chinese.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        var root = new RootCommand("绩效 Jixiao 的服务器命令。不带命令时启动网站（dotnet run --project src/Jixiao.Web）。");
        root.Options.Remove(root.Options.OfType<VersionOption>().Single());
        var help = root.Options.OfType<HelpOption>().Single();
        help.Description = "显示本命令的用法";
        help.Action = new ChineseHelp();
        foreach (var verb in CliVerbs.All) root.Subcommands.Add(verb);

        var parse = root.Parse(args);
        if (parse.Action is ChineseHelp) return await parse.InvokeAsync();
        var problems = Problems(parse);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) Console.Error.WriteLine(problem);
            Console.Error.WriteLine($"用法见：{Usage(parse.CommandResult.Command)} --help");
            return 2;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    /// <summary>
    /// A verb: its options, and what it does with the services of a host built for it. Refusals
    /// (<see cref="DomainException"/>, <see cref="ArgumentException"/>, <see cref="InvalidOperationException"/>) print their message and exit 1.
    /// </summary>
    /// <param name="endpoints">the verb reads the app's endpoints (the OpenAPI document): the pipeline is built for it, nothing is served</param>
    public static Command Verb(string name, string description, IEnumerable<Option> options,
        Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> run, bool endpoints = false)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builder = WebApplication.CreateBuilder(HostSettings(parse.UnmatchedTokens).Settings.ToArray());
            builder.AddJixiao();
            await using var app = builder.Build();
            if (endpoints)
            {
                // As a starting host hands the mapped endpoints to routing.
                app.UseJixiao();
                app.UseEndpoints(_ => { });
            }
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem($"cli:{Path(parse.CommandResult.Command)}");
            try
            {
                return await run(parse, scope.ServiceProvider, cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or DomainException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    /// <summary>A group of verbs (<c>users grant-admin</c> …); on its own it only lists them.</summary>
    public static Command Group(string name, string description, IEnumerable<Command> verbs)
    {
        var command = new Command(name, description);
        foreach (var verb in verbs) command.Subcommands.Add(verb);
        return command;
    }

    public delegate bool TryParse<T>(string text, out T value);

    /// <summary>An option whose value <paramref name="parse"/> turns into a <typeparamref name="T"/>, or a Chinese error that says what is <paramref name="expected"/>.</summary>
    public static Option<T> Parsed<T>(string name, string valueName, string description, TryParse<T> parse, string expected, bool required = false) =>
        new(name)
        {
            HelpName = valueName,
            Description = description,
            Required = required,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (parse(text, out var value)) return value;
                result.AddError($"{name} 后面应跟{expected}，而不是“{text}”。");
                return default!;
            },
        };

    public static Option<int> Whole(string name, string valueName, string description) =>
        Parsed(name, valueName, description, (string text, out int value) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value), "一个正整数");

    public static Option<int> Year(string description, bool required = false) =>
        Parsed("--year", "年度", description, (string text, out int value) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1000 and <= 9999,
            "四位数的年度，如 2026", required);

    public static Option<string> Text(string name, string valueName, string description, bool required = false) =>
        new(name) { HelpName = valueName, Description = description, Required = required };

    /// <summary>
    /// What the parser found wrong, in Chinese: an unknown verb, a missing or unparsable value, a word no verb knows.
    /// </summary>
    private static List<string> Problems(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (command.Action is null)
        {
            var given = parse.UnmatchedTokens.FirstOrDefault();
            return
            [
                (given is null ? $"“{Usage(command)}”后面应跟一个命令。" : $"未知命令：{given}。") + "可用命令：",
                .. Table(command.Subcommands.Select(c => (c.Name, c.Description ?? ""))),
            ];
        }
        var problems = parse.Errors.Select(e => e.SymbolResult switch
        {
            OptionResult { IdentifierToken: null } missing => $"缺少参数 {missing.Option.Name}。",
            OptionResult { Tokens.Count: 0 } empty => $"{empty.Option.Name} 后面缺少取值。",
            OptionResult { Tokens.Count: > 1 } repeated => $"{repeated.Option.Name} 只能给一次。",
            _ => e.Message,
        }).Distinct().ToList();
        problems.AddRange(HostSettings(parse.UnmatchedTokens).Unknown.Select(token => $"未知参数：{token}。"));
        return problems;
    }

    private static readonly HashSet<string> HostSwitches = new(StringComparer.OrdinalIgnoreCase)
        { "--urls", "--environment", "--contentRoot", "--applicationName" };

    /// <summary>
    /// Splits the words no option of the verb took into the host's settings — <c>Key=Value</c>, <c>--Section:Key=Value</c>,
    /// <c>--Section:Key Value</c> and ASP.NET Core's own switches with their value — and the rest, which are mistakes.
    /// </summary>
    private static (List<string> Settings, List<string> Unknown) HostSettings(IReadOnlyList<string> tokens)
    {
        List<string> settings = [], unknown = [];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Contains('=')) settings.Add(token);
            else if (token.StartsWith("--") && (token.Contains(':') || HostSwitches.Contains(token)) && i + 1 < tokens.Count)
                settings.AddRange([token, tokens[++i]]);
            else unknown.Add(token);
        }
        return (settings, unknown);
    }

    private static string Path(Command command) =>
        string.Join(" ", Lineage(command).Where(c => c is not RootCommand).Select(c => c.Name));

    private static string Usage(Command command) =>
        string.Join(" ", Lineage(command).Select(c => c is RootCommand ? "Jixiao.Web" : c.Name));

    private static IEnumerable<Command> Lineage(Command command) =>
        command.Parents.OfType<Command>().SelectMany(Lineage).Append(command);

    /// <summary>Two columns, the second aligned on a terminal, where a Chinese character takes two cells.</summary>
    private static IEnumerable<string> Table(IEnumerable<(string Name, string Text)> rows)
    {
        static int Cells(string text) => text.Sum(c => c >= '\u1100' ? 2 : 1);
        var list = rows.ToList();
        var width = list.Max(r => Cells(r.Name)) + 2;
        return list.Select(r => $"  {r.Name}{new string(' ', width - Cells(r.Name))}{r.Text}");
    }

    /// <summary>Help in Chinese throughout (the built-in help keeps some English headings).</summary>
    private sealed class ChineseHelp : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var command = parseResult.CommandResult.Command;
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine($"用法：{Usage(command)}{(command.Subcommands.Count > 0 ? " <命令>" : "")} [选项]");
            output.WriteLine(command.Description);
            if (command.Subcommands.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("命令：");
                foreach (var line in Table(command.Subcommands.Select(c => (c.Name, c.Description ?? "")))) output.WriteLine(line);
            }
            var options = command.Options.Concat(Lineage(command).SelectMany(c => c.Options).Where(o => o.Recursive)).Distinct();
            output.WriteLine();
            output.WriteLine("选项：");
            foreach (var line in Table(options.Select(o => (
                string.Join(", ", o.Aliases.Where(a => a.StartsWith('-')).Order().Append(o.Name)) + (o is HelpOption || o.HelpName is null ? "" : $" <{o.HelpName}>"),
                o.Description + (o.Required ? "（必填）" : o.HasDefaultValue ? $"（默认 {o.GetDefaultValue()}）" : "")))))
                output.WriteLine(line);
            if (command is RootCommand)
            {
                output.WriteLine();
                output.WriteLine("每个命令之后都可加网站的设置，如 --Database:Provider=Postgres、--environment Development；各命令用法见 Jixiao.Web <命令> --help。");
            }
            return 0;
        }
    }
}
