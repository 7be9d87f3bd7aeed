using Jixiao.Domain.Organisation;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Platform;

public sealed class ModelTests
{
    [Fact]
    public void Model_EveryRegionOwnedEntity_HasAScopeFilter()
    {
        var options = new DbContextOptionsBuilder<JixiaoDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new JixiaoDbContext(options, new CurrentUser(), TimeProvider.System);
        var unfiltered = db.Model.GetEntityTypes()
            .Where(t => typeof(IRegionOwned).IsAssignableFrom(t.ClrType) && t.GetDeclaredQueryFilters().Count == 0)
            .Select(t => t.ClrType.Name).ToList();
        Assert.Empty(unfiltered);
        Assert.Contains(db.Model.GetEntityTypes(), t => t.ClrType == typeof(OrgUnit));
    }
}
