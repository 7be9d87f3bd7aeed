using Jixiao.Web;
using Jixiao.Web.Cli;

var (verb, rest) = CliVerbs.Split(args);
var builder = WebApplication.CreateBuilder(rest);
builder.AddJixiao();
var app = builder.Build();
app.UseJixiao();

if (verb is not null)
    return await CliVerbs.RunAsync(app, verb, rest);

await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
