using System.Collections.Concurrent;
using System.Net.Http.Json;
using Jixiao.Domain.Access;
using Jixiao.Domain.Organisation;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Access;
using Jixiao.Web.Features.Demo;
using Jixiao.Web.Features.Shared;
using Jixiao.Web.Tests.Imports;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Security;

/// <summary>
/// One probe app per provider. The probe calls every route, the state-changing ones too, so it has a database of its
/// own (the demo county as <see cref="DemoApps"/> seeds it, plus a monitoring round, self-evaluations, a spot check, an
/// import and API tokens in the neighbour county, so that every kind of id has a foreign one to try).
/// </summary>
public sealed class ProbeApps : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<ProbeWorld>>> _worlds = new();

    public Task<ProbeWorld> GetAsync(DatabaseProvider provider)
    {
        TestEnvironment.Require(provider);
        return _worlds.GetOrAdd(provider, p => new Lazy<Task<ProbeWorld>>(() => ProbeWorld.StartAsync(p))).Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var world in _worlds.Values.Where(w => w.IsValueCreated))
            await (await world.Value).App.DisposeAsync();
    }
}

/// <summary>An id of some kind of record, with where it belongs (region, owning organisation).</summary>
public sealed class IdRow
{
    public long Id { get; init; }
    public string Region { get; init; } = "";
    public long? Org { get; init; }
    /// <summary>The agency a record is engaged to (委托 and their stages): another agency's is "other unit" for an agency account.</summary>
    public long? Agency { get; init; }
}

/// <summary>Who calls: a demo account (or nobody), its client, its own ids and the foreign ids to try, and what it must never see.</summary>
public sealed record Principal(
    string Name,
    HttpClient Client,
    IReadOnlySet<Role> Roles,
    IReadOnlyDictionary<string, long> Own,
    IReadOnlyDictionary<string, long> OtherCounty,
    IReadOnlyDictionary<string, long> OtherUnit,
    string HomeRegion,
    string OtherRegion,
    string OtherCountyName,
    IReadOnlySet<string> ForeignTokens)
{
    public bool IsAnonymous => Name == ProbeWorld.Anonymous;
}

public sealed class ProbeWorld
{
    public const string Anonymous = "(无凭据)";
    public const string SpareToken = "probe-spare";
    public const string SpareAccount = "probe.spare";
    private const int Projects = 300;

    /// <summary>
    /// Where the ids of a path parameter come from, by the path segment before it (<c>/rounds/{id}</c> → rounds). A route
    /// whose id has no source here fails the probe, naming the segment: add its source.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Func<JixiaoDbContext, IQueryable<IdRow>>> Sources =
        new Dictionary<string, Func<JixiaoDbContext, IQueryable<IdRow>>>
        {
            ["orgs"] = db => db.OrgUnits.Where(o => o.Kind == OrgKind.Unit).Select(o => new IdRow { Id = o.Id, Region = o.RegionCode, Org = o.Id }),
            ["departments"] = db => db.OrgUnits.Where(o => o.Kind == OrgKind.Department).Select(o => new IdRow { Id = o.Id, Region = o.RegionCode, Org = o.Id }),
            ["users"] = db => db.Users.Select(u => new IdRow { Id = u.Id, Region = u.RegionCode, Org = u.OrgUnitId }),
            ["projects"] = db => db.Projects.Select(p => new IdRow { Id = p.Id, Region = p.RegionCode, Org = p.OrgUnitId }),
            ["targets"] = db => db.Targets.Select(t => new IdRow { Id = t.Id, Region = t.RegionCode, Org = t.OrgUnitId }),
            ["evaluations"] = db => db.SelfEvaluations.Select(e => new IdRow { Id = e.Id, Region = e.RegionCode, Org = e.OrgUnitId }),
            ["items"] = db => db.SelfEvaluations.Select(e => new IdRow { Id = e.Id, Region = e.RegionCode, Org = e.OrgUnitId }),
            ["rounds"] = db => db.MonitoringRounds.Select(r => new IdRow { Id = r.Id, Region = r.RegionCode }),
            ["tasks"] = db => db.MonitoringTasks.Select(t => new IdRow { Id = t.Id, Region = t.RegionCode, Org = t.OrgUnitId }),
            ["imports"] = db => db.ImportBatches.Select(b => new IdRow { Id = b.Id, Region = b.RegionCode }),
            ["tokens"] = db => db.ApiTokens.Where(t => t.Name == SpareToken).Select(t => new IdRow { Id = t.Id, Region = t.RegionCode }),
            ["spot-checks"] = db => db.SpotChecks.Select(d => new IdRow { Id = d.Id, Region = d.RegionCode }),
            ["files"] = db => db.EvidenceFiles.Select(f => new IdRow { Id = f.Id, Region = f.RegionCode }),
            ["agencies"] = db => db.Agencies.Select(a => new IdRow { Id = a.Id, Region = a.RegionCode }),
            ["conflicts"] = db => db.Agencies.SelectMany(a => a.Conflicts, (a, c) => new IdRow { Id = c.Id, Region = a.RegionCode }),
            ["engagements"] = db => db.Engagements.Select(e => new IdRow
                { Id = e.Id, Region = e.RegionCode, Org = e.Subjects.Select(x => (long?)x.OrgUnitId).FirstOrDefault(), Agency = e.AgencyId }),
            ["stages"] = db => db.Engagements.SelectMany(e => e.Stages, (e, s) => new IdRow
                { Id = s.Id, Region = e.RegionCode, Org = e.Subjects.Select(x => (long?)x.OrgUnitId).FirstOrDefault(), Agency = e.AgencyId }),
            ["experts"] = db => db.Experts.Select(e => new IdRow { Id = e.Id, Region = e.RegionCode }),
            ["exante"] = db => db.ExAnteEvaluations.Select(e => new IdRow { Id = e.Id, Region = e.RegionCode, Org = e.OrgUnitId }),
            ["evaluation-plans"] = db => db.EvaluationPlans.Select(p => new IdRow { Id = p.Id, Region = p.RegionCode, Org = p.Subjects.Select(x => (long?)x.OrgUnitId).FirstOrDefault() }),
            ["plans"] = db => db.EvaluationPlans.Select(p => new IdRow { Id = p.Id, Region = p.RegionCode, Org = p.Subjects.Select(x => (long?)x.OrgUnitId).FirstOrDefault() }),
            ["holds"] = db => db.PaymentHolds.Select(h => new IdRow { Id = h.Id, Region = h.RegionCode, Org = h.OrgUnitId }),
            ["rectifications"] = db => db.Rectifications.Select(r => new IdRow { Id = r.Id, Region = r.RegionCode, Org = r.OrgUnitId }),
            // A notice is its reader's alone: any other one answers 404 (the scope filter shows each reader their own).
            ["budget-links"] = db => db.BudgetLinks.Select(l => new IdRow { Id = l.Id, Region = l.RegionCode, Org = l.OrgUnitId }),
            ["withholdings"] = db => db.Withholdings.Select(w => new IdRow { Id = w.Id, Region = w.RegionCode }),
            ["notices"] = db => db.Notices.IgnoreQueryFilters().Select(n => new IdRow { Id = n.Id, Region = n.RegionCode }),
            ["panels"] = db => db.Panels.Select(p => new IdRow { Id = p.Id, Region = p.RegionCode, Org = p.Subjects.Select(x => (long?)x.OrgUnitId).FirstOrDefault() }),
        };

    /// <summary>Kinds that belong to a region, not to an organisation of it: they have no "other unit".</summary>
    private static readonly IReadOnlySet<string> RegionOnly = new HashSet<string> { "rounds", "imports", "tokens", "spot-checks", "files", "agencies", "conflicts", "experts", "notices", "withholdings" };

    /// <summary>
    /// Kinds whose path value is a fiscal year (<c>/settings/{year}</c>, <c>/ratings/{year}</c>): each region has every year, so no
    /// year is foreign — the probe calls them with the current year, and a year out of range is a bad value (a 400), not a 404.
    /// </summary>
    public static readonly IReadOnlySet<string> Years = new HashSet<string> { "settings", "ratings", "screen" };

    /// <summary>The indicator library is shared by every region by design (ADR: one library per deployment): its ids have no foreign kind.</summary>
    public static readonly IReadOnlySet<string> Shared = new HashSet<string> { "library" };

    private static readonly Dictionary<string, string> CountyNames = new()
    {
        [DemoCounty.RegionCode] = "襄垣县",
        [DemoCounty.NeighbourRegionCode] = "黎城县",
    };

    private ProbeWorld(JixiaoApp app, IReadOnlyList<Principal> principals, long libraryId)
    {
        App = app;
        Principals = principals;
        LibraryId = libraryId;
    }

    public JixiaoApp App { get; }
    public IReadOnlyList<Principal> Principals { get; }
    public long LibraryId { get; }

    public static async Task<ProbeWorld> StartAsync(DatabaseProvider provider)
    {
        var app = await JixiaoApp.StartAsync(provider, projects: Projects);
        await AddNeighbourWorkAsync(app);
        var year = app.Services.GetRequiredService<BusinessClock>().Year;
        using (var anonymous = app.CreateClient())
        {
            foreach (var user in new[] { "expert", "lc.unit" })
                (await anonymous.PostAsJsonAsync("/api/auth/tokens", new { userName = user, password = DemoCounty.Password, name = SpareToken })).EnsureSuccessStatusCode();
        }
        using (var sysadmin = await app.ClientForAsync("sysadmin"))
        {
            // The account the system administrator's own-id calls work on: its own account is an administrator's, which
            // 三员分立 lets no one change online, and calls that change an account must not change a principal's.
            var unit = await app.AsSystemAsync<SystemDbContext, long>(db =>
                db.OrgUnits.Where(o => o.RegionCode == DemoCounty.RegionCode && o.Code == "10604").Select(o => o.Id).SingleAsync());
            (await sysadmin.PostAsJsonAsync("/api/users", new
            {
                userName = SpareAccount, displayName = "探针账号", orgUnitId = unit, roles = new[] { nameof(Role.UnitFiller) }, isActive = true,
                password = "Spare#Probe2026", regionCode = DemoCounty.RegionCode,
            })).EnsureSuccessStatusCode();
        }
        using (var perf = await app.ClientForAsync("perf"))
            await perf.PostImportAsync(Web.Data.ImportKind.Projects, year, "探针.csv", ImportFiles.Csv([["项目编码"], ["1"]]), commit: false);
        using (var neighbour = await app.ClientForAsync("lc.perf"))
            await neighbour.PostImportAsync(Web.Data.ImportKind.Projects, year, "探针.csv", ImportFiles.Csv([["项目编码"], ["1"]]), commit: false);

        var principals = new List<Principal>();
        foreach (var account in DemoCounty.Accounts)
            principals.Add(await PrincipalAsync(app, account.UserName, await app.ClientForAsync(account.UserName)));
        var perfPrincipal = principals.Single(p => p.Name == "perf");
        principals.Insert(0, perfPrincipal with
        {
            Name = Anonymous,
            Client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }),
            Roles = new HashSet<Role>(),
        });
        var libraryId = await app.AsSystemAsync<SystemDbContext, long>(db => db.Library.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        return new ProbeWorld(app, principals, libraryId);
    }

    /// <summary>
    /// The neighbour county gets a monitoring round and last year's self-evaluations with a spot check, as the demo county has; each
    /// county's first target gets an evidence file.
    /// </summary>
    private static async Task AddNeighbourWorkAsync(JixiaoApp app)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await app.AsSystemAsync<SystemDbContext>(async db =>
        {
            foreach (var target in await db.Targets.GroupBy(t => t.RegionCode).Select(g => g.OrderBy(t => t.Id).First()).ToListAsync())
            {
                var file = new EvidenceFile
                {
                    RegionCode = target.RegionCode, FiscalYear = target.FiscalYear, OwnerKind = Domain.Evidence.EvidenceOwner.Target, OwnerId = target.Id,
                    FileName = "探针.pdf", Kind = Domain.Evidence.EvidenceKind.Pdf, Size = 5, Sha256 = new string('0', 64), UploadedByName = "probe", UploadedAtUtc = now,
                };
                db.EvidenceFiles.Add(file);
                await db.SaveChangesAsync();
                db.EvidenceChunks.Add(new EvidenceChunk { FileId = file.Id, Index = 0, Bytes = "%PDF-"u8.ToArray() });
                await db.SaveChangesAsync();
            }
            await DemoMonitoring.FillAsync(db, DemoCounty.NeighbourRegionCode, now.Year, now, 140426, CancellationToken.None);
            var orgs = await db.OrgUnits.Where(o => o.RegionCode == DemoCounty.NeighbourRegionCode).ToDictionaryAsync(o => o.Code);
            await DemoEvaluations.FillAsync(db, DemoCounty.NeighbourRegionCode, orgs, now.Year - 1, 100, 140427, now, CancellationToken.None);
            // A panel of the neighbour's three experts reviewing its water bureau's targets: foreign ids for the panel routes.
            var pool = (await db.Experts.Where(e => e.RegionCode == DemoCounty.NeighbourRegionCode).ToListAsync()).Select(e => e.AsCandidate()).ToList();
            var water = orgs["115"];
            var today = DateOnly.FromDateTime(now);
            db.Panels.Add(Domain.Panels.Panel.Draw(DemoCounty.NeighbourRegionCode, now.Year, Domain.Panels.PanelPurpose.TargetReview, $"{water.Name}绩效目标评审",
                null, [Domain.Engagements.EngagementSubject.Of(Domain.Engagements.SubjectKind.Department, null, water.Id, water.Name)], "PROBE-0001",
                [new("education", 1), new("health", 2)], Domain.Panels.PanelForms.For(Domain.Panels.PanelPurpose.TargetReview), false, today, today.AddDays(7),
                pool, new Dictionary<long, string> { [water.Id] = water.Name }, new HashSet<string>(), "lc.perf", now));
            // An ex-ante evaluation of one of its projects: foreign ids for the 事前评估 routes.
            var project = await db.Projects.Where(p => p.RegionCode == DemoCounty.NeighbourRegionCode && p.FiscalYear == now.Year && !p.IsPool).OrderBy(p => p.Id).FirstAsync();
            db.ExAnteEvaluations.Add(Domain.ExAnte.ExAnteEvaluation.ByHand(project, Domain.ExAnte.ExAnteVariant.Project, "探针：财政指定评估", now));
            // A key evaluation of the same project: foreign ids for the 部门评价和重点评价 routes.
            db.EvaluationPlans.Add(Domain.EvaluationPlans.EvaluationPlan.Create(DemoCounty.NeighbourRegionCode, now.Year, "ZD-PROBE", $"{project.Name}重点评价",
                Domain.EvaluationPlans.EvaluationKind.Key, Domain.EvaluationPlans.PlanSubjectKind.Project, Domain.EvaluationPlans.PlanEvaluator.Finance,
                Domain.EvaluationPlans.PlanSource.HandPick, null, project.DepartmentId,
                [new(Domain.Engagements.SubjectKind.Project, project.Id, project.OrgUnitId, project.DepartmentId, project.Name, 1_000_000m)], today, today.AddDays(60),
                Domain.EvaluationPlans.EvaluationFramework.ProjectTemplate, "lc.perf", now));
            // A hold on its payments: foreign ids for the 暂缓拨付 routes.
            db.PaymentHolds.Add(Domain.Budget.PaymentHold.Place(project, today, 10_000m, "黎财绩〔探针〕1号", "探针：暂缓拨付", "lc.perf", today));
            // A rectification item of the same project, raised by hand: foreign ids for the 问题整改 routes.
            db.Rectifications.Add(Domain.Rectifications.Rectification.Raise(DemoCounty.NeighbourRegionCode, now.Year, Domain.Targets.TargetSubject.Project,
                new(Domain.Rectifications.RectificationSource.Manual, null, null, "探针：审计发现", project.OrgUnitId, project.DepartmentId, project.Id,
                    "探针登记的问题描述", "探针登记的整改要求", today.AddDays(30)),
                new Domain.Targets.ReviewActor(null, "lc.perf", Role.PerformanceDivision), today, now));
            // A budget link of the same project into next year: foreign ids for the 结果与预算挂钩 routes.
            var unit = await db.OrgUnits.SingleAsync(o => o.Id == project.OrgUnitId);
            var next = Domain.Budget.Project.Create(project.RegionCode, project.FiscalYear + 1, unit, project.DepartmentId, new Domain.Budget.Project.Details(
                project.Code + "N", project.Name, project.Level, project.Category, project.Recurrence, project.StartYear, Math.Max(project.EndYear, project.FiscalYear + 1),
                Domain.Budget.LibraryStatus.Admitted, project.BudgetKind, project.Transfer, project.Tags, project.EstablishedOn, 500_000m));
            db.Projects.Add(next);
            await db.SaveChangesAsync();
            var facts = new Domain.BudgetLinks.LinkFacts(new(Domain.Evaluations.Grade.Fair, 70m, Domain.BudgetLinks.LinkBasis.SelfEvaluation, now.Year - 1, project.Name),
                false, 0, 500_000m, 500_000m, 400_000m);
            db.BudgetLinks.Add(Domain.BudgetLinks.BudgetLink.Suggest(next, project, facts,
                Domain.BudgetLinks.LinkRules.Suggest(facts, Domain.BudgetLinks.LinkRuleValues.Default)!, now));
            // A notice of each county's finance: foreign (and other readers') ids for the 消息提醒 routes.
            foreach (var (region, reader) in new[] { (DemoCounty.NeighbourRegionCode, "lc.perf"), (DemoCounty.RegionCode, "perf") })
                db.Notices.Add(Domain.Notices.Notice.Create(region, await db.Users.Where(u => u.UserName == reader).Select(u => u.Id).SingleAsync(),
                    Domain.Notices.NoticeKind.NewTask, Domain.Notices.NoticeTopic.Rectification, $"probe:{reader}", "探针：提醒", "探针登记的提醒", "/Rectifications", 1,
                    null, false, now));
            // a 不公开 in each county (the ids the disclosure routes take)
            foreach (var region in new[] { DemoCounty.NeighbourRegionCode, DemoCounty.RegionCode })
                db.Withholdings.Add(Domain.Disclosure.Withholding.Withhold(region, now.Year, Domain.Disclosure.PublicationKind.ProjectTargets, "probe", "依申请公开",
                    "探针登记", Domain.Disclosure.DisclosureSetting.DefaultReasons, new Domain.Targets.ReviewActor(null, "probe", Role.PerformanceDivision), now));
            await db.SaveChangesAsync();
        });
    }

    private static async Task<Principal> PrincipalAsync(JixiaoApp app, string userName, HttpClient client)
    {
        await using var services = app.Services.CreateAsyncScope();
        var system = services.ServiceProvider.GetRequiredService<SystemDbContext>();
        var userId = await system.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var (scope, user) = (await ScopeLoader.LoadAsync(system, userId, CancellationToken.None))!.Value;
        services.ServiceProvider.GetRequiredService<CurrentUser>().Set(scope, user.Id, user.UserName!, user.RegionCode);
        var db = services.ServiceProvider.GetRequiredService<JixiaoDbContext>();

        var home = user.RegionCode;
        var other = home == DemoCounty.RegionCode ? DemoCounty.NeighbourRegionCode : DemoCounty.RegionCode;
        var own = new Dictionary<string, long>();
        var otherCounty = new Dictionary<string, long>();
        var otherUnit = new Dictionary<string, long>();
        foreach (var (segment, source) in Sources)
        {
            // An account's own file is one it uploaded (deleting is the uploader's or finance's); its own user is the spare account.
            var mine = segment switch
            {
                "users" => await db.Users.Where(u => u.UserName == SpareAccount).Select(u => (long?)u.Id).FirstOrDefaultAsync() ?? userId,
                "files" => await db.EvidenceFiles.Where(f => f.UploadedById == userId).OrderBy(f => f.Id).Select(f => (long?)f.Id).FirstOrDefaultAsync(),
                _ => await source(db).OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(),
            };
            if (mine is { } m) own[segment] = m;
            if (await source(system).Where(r => r.Region == other).OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync() is { } c)
                otherCounty[segment] = c;
            if (scope.DataOrgIds is { } data && !RegionOnly.Contains(segment))
            {
                var allowed = (segment is "orgs" or "departments" ? scope.VisibleOrgIds! : data).Select(id => (long?)id).ToList();
                var others = source(system).Where(r => r.Region == home && r.Org != null && !allowed.Contains(r.Org));
                if (scope.AgencyId is { } agency && segment is "engagements" or "stages") others = others.Where(r => r.Agency != agency);
                if (scope.ExpertId is { } expert && segment is "panels")
                {
                    var sits = await system.Panels.Where(p => p.Members.Any(m => m.ExpertId == expert && m.ReplacedReason == null)).Select(p => p.Id).ToListAsync();
                    others = others.Where(r => !sits.Contains(r.Id));
                }
                if (await others
                        .OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync() is { } u)
                    otherUnit[segment] = u;
            }
        }

        // What this account must never read: in the other county, its name is in every organisation's name; in its own
        // county (for roles limited to some organisations), the codes of the other organisations' projects and their names.
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        if (scope.DataOrgIds is { } dataOrgs)
        {
            var visible = scope.VisibleOrgIds!.ToHashSet();
            var orgs = await system.OrgUnits.AsNoTracking().Where(o => o.RegionCode == home).Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync();
            var seen = orgs.Where(o => visible.Contains(o.Id) || o.Kind == OrgKind.Division || o.Kind == OrgKind.FinanceBureau).Select(o => o.Name).ToHashSet();
            tokens.UnionWith(orgs.Where(o => !visible.Contains(o.Id) && o.Kind is OrgKind.Department or OrgKind.Unit && !seen.Contains(o.Name)).Select(o => o.Name));
            var data = dataOrgs.ToList();
            tokens.UnionWith(await system.Projects.AsNoTracking().Where(p => p.RegionCode == home && !data.Contains(p.OrgUnitId)).Select(p => p.Code).ToListAsync());
        }
        return new Principal(userName, client, scope.Roles, own, otherCounty, otherUnit, home, other, CountyNames[other], tokens);
    }
}
