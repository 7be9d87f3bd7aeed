using System.Net;
using System.Net.Http.Json;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;

[assembly: AssemblyFixture(typeof(DemoApps))]

namespace Jixiao.Web.Tests;

public static class DemoLookups
{
    /// <summary>The id of an organisation by region and code, read without scope.</summary>
    public static Task<long> OrgIdAsync(this JixiaoApp app, string region, string code) =>
        app.AsSystemAsync<SystemDbContext, long>(db => db.OrgUnits.Where(o => o.RegionCode == region && o.Code == code).Select(o => o.Id).SingleAsync());

    public static Task<long> UserIdAsync(this JixiaoApp app, string userName) =>
        app.AsSystemAsync<SystemDbContext, long>(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>A new account's first step: its own password instead of the one the administrator chose.</summary>
    public static async Task ChangeOwnPasswordAsync(this JixiaoApp app, string userName, string password, string newPassword)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/password", new { userName, password, newPassword });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
