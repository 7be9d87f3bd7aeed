using Jixiao.Domain.Access;
using Jixiao.Domain.Organisation;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Platform;

public sealed class ModelTests
{
    private static CurrentUser CountyUser()
    {
        var user = new CurrentUser();
        user.Set(new AccessScope(7, new HashSet<Role> { Role.PerformanceDivision }, ["140423"], null, null), 7, "perf", "140423");
        return user;
    }

    [Fact]
    public void UserModel_EveryRegionOwnedEntity_HasAScopeFilter()
    {
        var options = new DbContextOptionsBuilder<JixiaoDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new JixiaoDbContext(options, CountyUser(), TimeProvider.System);
        var unfiltered = db.Model.GetEntityTypes()
            .Where(t => typeof(IRegionOwned).IsAssignableFrom(t.ClrType) && t.GetDeclaredQueryFilters().Count == 0)
            .Select(t => t.ClrType.Name).ToList();
        Assert.Empty(unfiltered);
        Assert.Contains(db.Model.GetEntityTypes(), t => t.ClrType == typeof(OrgUnit));
    }

    [Fact]
    public void UserQueries_CarryTheScope_AndNoSeeEverythingFlag()
    {
        var options = new DbContextOptionsBuilder<JixiaoDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new JixiaoDbContext(options, CountyUser(), TimeProvider.System);
        var sql = db.Projects.Where(p => p.FiscalYear == 2026).ToQueryString();
        Assert.Contains("ScopeRegions", sql);
        Assert.DoesNotContain("System", sql);
    }

    [Fact]
    public void SystemModel_HasNoScopeFilters()
    {
        var options = new DbContextOptionsBuilder<SystemDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SystemDbContext(options, CountyUser(), TimeProvider.System);
        Assert.Empty(db.Model.GetEntityTypes().Where(t => t.GetDeclaredQueryFilters().Count > 0).Select(t => t.ClrType.Name));
        Assert.DoesNotContain("ef_filter", db.Projects.ToQueryString());
    }

    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task SystemActor_AskingForTheUsersContext_GetsTheSystemOne(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<JixiaoDbContext>();
        Assert.IsType<SystemDbContext>(db);
        Assert.True(await db.Regions.AnyAsync());
    }
}
