using Jixiao.Domain.Experts;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests.Experts;

/// <summary>
/// The pool's identity holds in the database, not only in the check before saving: two saves of the same person (name and
/// phone) at once cannot both land in a region's pool; a withdrawn record does not count, so a returning expert gets a new one.
/// The person is a test's (测试…), which the demo pool's own test leaves out.
/// </summary>
public sealed class ExpertStoreTests(DemoApps apps)
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;

    private static Expert Person(string phone) => Expert.Create(DemoCounty.RegionCode,
        new ExpertDetails("测试曹文静", ["grain_reserve"], "高级经济师", "长治市粮食和物资储备中心", null, phone, "", [], []));

    [Theory, MemberData(nameof(Providers))]
    public async Task SamePersonTwice_RefusedByTheIndex_UnlessTheFirstWithdrew(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var first = Person(phone);
            db.Experts.Add(first);
            await db.SaveChangesAsync();

            db.Experts.Add(Person(phone));
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Equal("IX_Experts_RegionCode_Name_Phone", SaveConflicts.UniqueKey(db.Model, refused));
            db.ChangeTracker.Clear();

            // The first leaves the pool; the same person may be registered again as a new record.
            var stored = await db.Experts.SingleAsync(e => e.Id == first.Id);
            stored.Withdraw("本人书面申请退出专家库");
            await db.SaveChangesAsync();
            db.Experts.Add(Person(phone));
            await db.SaveChangesAsync();
            Assert.Equal((2, 1), (await db.Experts.CountAsync(e => e.Phone == phone), await db.Experts.CountAsync(e => e.Phone == phone && e.Status == ExpertStatus.Active)));
        });
    }
}
