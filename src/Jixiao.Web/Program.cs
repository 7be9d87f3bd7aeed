using Jixiao.Web;
using Jixiao.Web.Cli;

if (JixiaoCli.Handles(args))
    return await JixiaoCli.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddJixiao();
var app = builder.Build();
app.UseJixiao();
await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
