using Jixiao.Domain.Access;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Targets;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Engagements;

/// <summary>An engagement is stored and read back as one aggregate (subjects, draw record, stages and their history), its
/// concurrency token refuses a second writer, and each role sees exactly the engagements of its scope.</summary>
public sealed class EngagementStoreTests
{
    public static TheoryData<DatabaseProvider> Providers => TestEnvironment.Providers;
    private static readonly DateTime Now = new(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc);

    private static async Task<long> OrgIdAsync(SystemDbContext db, string code) =>
        await db.OrgUnits.Where(o => o.RegionCode == DemoCounty.RegionCode && o.Code == code).Select(o => o.Id).SingleAsync();

    private static Engagement Plan(string code, long orgId, string name) => Engagement.Plan(DemoCounty.RegionCode, 2026, code, $"{name}重点评价",
        EngagementScope.KeyEvaluation, [EngagementSubject.Of(SubjectKind.Department, null, orgId, name)], "HT-1", 50_000m, ProcurementMethod.Lottery,
        new DateOnly(2026, 3, 1), new DateOnly(2026, 9, 30), [.. StagePlan.Default.Select((s, i) => (s, new DateOnly(2026, 4 + i, 30)))], Now);

    private static async Task<int> VisibleAsync(JixiaoApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var system = scope.ServiceProvider.GetRequiredService<SystemDbContext>();
        var id = await system.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var (access, user) = (await ScopeLoader.LoadAsync(system, id, CancellationToken.None))!.Value;
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(access, user.Id, user.UserName!, user.RegionCode);
        return await scope.ServiceProvider.GetRequiredService<JixiaoDbContext>().Engagements.CountAsync(e => e.Code.StartsWith("ST-"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Engagement_RoundTrips_AndEachRoleSeesItsOwn(DatabaseProvider provider)
    {
        await using var app = await JixiaoApp.StartAsync(provider);
        long educationId = 0, firm = 0;
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            educationId = await OrgIdAsync(db, "106");
            firm = await db.Agencies.Where(a => a.RegionCode == DemoCounty.RegionCode && a.Name == DemoAgencies.AccountFirm).Select(a => a.Id).SingleAsync();
            var education = Plan("ST-2026-001", educationId, "襄垣县教育局");
            var assessed = AgencyLottery.Assess(education.Scope, new Dictionary<long, string> { [educationId] = "襄垣县教育局" },
                [new AgencyCandidate(firm, "山西正信会计师事务所", true, new HashSet<EngagementScope> { EngagementScope.KeyEvaluation }, new HashSet<long>(), 0, 88m),
                 new AgencyCandidate(-2, "山西智诚咨询有限公司", true, new HashSet<EngagementScope> { EngagementScope.KeyEvaluation }, new HashSet<long> { educationId }, 0, 90m)],
                LotteryRules.Default);
            education.DrawAgency("20261204-7351", assessed, "perf", Now);
            education.Submit(1, 1, "评价方案", new ReviewActor(null, "agency", Role.Agency), Now);
            education.Object(1, StageParty.Unit, "请补充满意度问卷设计", new ReviewActor(null, "edu", Role.DepartmentReviewer), Now);
            db.Engagements.Add(education);
            db.Engagements.Add(Plan("ST-2026-002", await OrgIdAsync(db, "115"), "襄垣县水利局"));
            await db.SaveChangesAsync();
        });

        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var read = await db.Engagements.Include(e => e.Stages).ThenInclude(s => s.Events).SingleAsync(e => e.Code == "ST-2026-001");
            Assert.Equal(firm, read.AgencyId);
            Assert.Equal(["山西正信会计师事务所", "山西智诚咨询有限公司"], read.Draw.OrderBy(d => d.Rank ?? 99).Select(d => d.AgencyName));
            Assert.Equal($"与被评价单位“襄垣县教育局”有利益冲突", read.Draw.Single(d => d.AgencyId == -2).Exclusions);
            Assert.Equal(StageState.Objected, read.Stage(1).State);
            Assert.Equal(["评价方案", "请补充满意度问卷设计"], read.Stage(1).Events.OrderBy(e => e.Seq).Select(e => e.Note));
            Assert.Equal(educationId, read.Subjects.Single().OrgUnitId);
        });

        // A second writer acting on the same engagement loses — refused by the revision or by the unique step number of the
        // stage's history, whichever the database meets first — and leaves nothing.
        await using (var one = app.Services.CreateAsyncScope())
        await using (var two = app.Services.CreateAsyncScope())
        {
            one.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("one");
            two.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("two");
            var first = await one.ServiceProvider.GetRequiredService<SystemDbContext>().Engagements.Include(e => e.Stages).ThenInclude(s => s.Events).SingleAsync(e => e.Code == "ST-2026-001");
            var second = await two.ServiceProvider.GetRequiredService<SystemDbContext>().Engagements.Include(e => e.Stages).ThenInclude(s => s.Events).SingleAsync(e => e.Code == "ST-2026-001");
            first.Submit(1, 1, "已补充", new ReviewActor(null, "agency", Role.Agency), Now);
            second.Submit(1, 1, "也补充了", new ReviewActor(null, "agency", Role.Agency), Now);
            await one.ServiceProvider.GetRequiredService<SystemDbContext>().SaveChangesAsync();
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => two.ServiceProvider.GetRequiredService<SystemDbContext>().SaveChangesAsync());
        }
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            var stage = (await db.Engagements.Include(e => e.Stages).ThenInclude(s => s.Events).SingleAsync(e => e.Code == "ST-2026-001")).Stage(1);
            Assert.Equal(2, stage.Version);
            Assert.Equal(["评价方案", "请补充满意度问卷设计", "已补充"], stage.Events.OrderBy(e => e.Seq).Select(e => e.Note));
        });

        Assert.Equal(2, await VisibleAsync(app, "perf"));
        Assert.Equal(1, await VisibleAsync(app, "edu"));      // 教育局 sees the engagement evaluating it
        Assert.Equal(0, await VisibleAsync(app, "yizhong"));  // a unit of that department does not: only its own organisation
        Assert.Equal(1, await VisibleAsync(app, "agency"));   // the engagement its firm was drawn for
        Assert.Equal(0, await VisibleAsync(app, "expert"));
    }
}
