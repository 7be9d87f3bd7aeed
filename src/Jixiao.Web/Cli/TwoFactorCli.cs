using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Cli;

/// <summary>
/// <c>users reset-2fa --user NAME</c>: removes a user's second factor on the server, the only way for an administrator's
/// (三员分立: no online account resets a power of the three). Audited; the user's sessions and tokens end.
/// </summary>
public static class TwoFactorCli
{
    public const string Usage = "users reset-2fa --user 用户名";

    public static bool Handles(string verb, string[] args) => verb == "users" && args.FirstOrDefault() == "reset-2fa";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentUser>().SetSystem("cli:users reset-2fa");
        var name = args.SkipWhile(a => a != "--user").Skip(1).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(name))
        {
            Console.Error.WriteLine($"缺少参数 --user。用法：{Usage}");
            return 2;
        }
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        var db = services.GetRequiredService<SystemDbContext>();
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == name);
        if (user is null)
        {
            Console.Error.WriteLine($"没有用户“{name}”，请核对用户名。");
            return 1;
        }
        if (!user.TwoFactorEnabled)
        {
            Console.WriteLine($"“{name}”没有启用动态口令，无需重置；须用动态口令的账号下次登录时按提示绑定。");
            return 0;
        }
        await TwoFactor.ResetAsync(db, user, "服务器命令行 ", CancellationToken.None);
        Console.WriteLine($"已重置“{name}”的动态口令：其会话和 API 令牌已失效，下次登录时按提示重新绑定（已记入审计日志）。");
        return 0;
    }
}
