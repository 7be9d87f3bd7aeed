using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jixiao.Domain.Access;
using Jixiao.Tests.Shared;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Users;

namespace Jixiao.Web.Tests.Access;

/// <summary>Fresh accounts for tests that end, lock or change them (the demo accounts are shared by every test).</summary>
internal static class TestAccounts
{
    public const string AdminChosen = "Good@2026x";

    public sealed record Account(long Id, string UserName, string Password);

    /// <summary>A unit filler (实验小学) created by the system administrator with <see cref="AdminChosen"/>; with
    /// <paramref name="ownPassword"/> it has already replaced that with its own, as a new user must.</summary>
    public static async Task<Account> NewFillerAsync(JixiaoApp app, string prefix, bool ownPassword = true)
    {
        var userName = $"{prefix}.{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        using var admin = await app.ClientForAsync("sysadmin");
        var unit = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            userName, displayName = "会话测试", orgUnitId = unit, roles = new[] { nameof(Role.UnitFiller) }, isActive = true, password = AdminChosen,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadJsonAsync<UserDto>())!.Id;
        if (!ownPassword) return new Account(id, userName, AdminChosen);
        const string mine = "Mine#2026own";
        await app.ChangeOwnPasswordAsync(userName, AdminChosen, mine);
        return new Account(id, userName, mine);
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string userName, string password, string? totpCode = null) =>
        await client.PostAsJsonAsync("/api/auth/tokens", new { userName, password, name = "脚本", totpCode });

    public static async Task<HttpClient> BearerAsync(JixiaoApp app, string userName, string password)
    {
        using var anonymous = app.CreateClient();
        var response = await RequestTokenAsync(anonymous, userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadJsonAsync<TokenBody>())!.Token);
        return client;
    }

    private sealed record TokenBody(string Token);
}
