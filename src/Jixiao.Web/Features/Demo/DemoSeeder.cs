using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";
    /// <summary>Seed the demo county when the app starts on an empty SQLite database.</summary>
    public bool SeedWhenEmpty { get; set; } = true;
    public bool PrintAccounts { get; set; } = true;
}

/// <summary>Seeds the demo county: regions, fiscal years, organisation tree, accounts for every role.</summary>
public sealed class DemoSeeder(SystemDbContext db, DatabaseOptions database, IOptions<DemoOptions> options,
    IPasswordHasher<AppUser> hasher, TimeProvider clock, BusinessClock calendar, Notices.NoticeSweep sweep, ILogger<DemoSeeder> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.SeedWhenEmpty || database.Provider != DatabaseProvider.Sqlite) return;
        if (await db.Regions.AnyAsync(cancellationToken)) return;
        await SeedAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Projects in the demo county's current year (the neighbour county gets a tenth).</summary>
    public const int DemoProjectCount = 3000;

    /// <summary>Seeds the demo data into a database that has none of it yet; all in one transaction.</summary>
    public async Task SeedAsync(int projects = DemoProjectCount, CancellationToken cancellationToken = default)
    {
        if (await db.Regions.AnyAsync(r => r.Code == DemoCounty.RegionCode, cancellationToken))
            throw new InvalidOperationException("演示数据已存在（区划 140423 襄垣县），无需重复导入。");

        var started = clock.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (code, name) in DemoCounty.Regions)
            if (!await db.Regions.AnyAsync(r => r.Code == code, cancellationToken))
                db.Regions.Add(Region.Create(code, name));
        var current = calendar.Year;
        int[] years = [current - 1, current, current + 1];
        foreach (var county in new[] { DemoCounty.RegionCode, DemoCounty.NeighbourRegionCode })
            foreach (var year in years)
                db.FiscalYears.Add(FiscalYear.Open(county, year,
                    year < current ? FiscalYearStatus.Closed : year == current ? FiscalYearStatus.Executing : FiscalYearStatus.Planning));
        await db.SaveChangesAsync(cancellationToken);

        var orgs = new Dictionary<string, Dictionary<string, OrgUnit>>
        {
            [DemoCounty.RegionCode] = await OrgTreeBuilder.BuildCountyAsync(db, DemoCounty.RegionCode, "襄垣县", years, cancellationToken),
            [DemoCounty.NeighbourRegionCode] = await OrgTreeBuilder.BuildCountyAsync(db, DemoCounty.NeighbourRegionCode, "黎城县", years, cancellationToken),
        };

        // One hash for the shared demo password: hashing is deliberately slow, the accounts are many.
        var hash = hasher.HashPassword(new AppUser(), DemoCounty.Password);
        foreach (var account in DemoCounty.Accounts)
        {
            var org = account.OrgCode is null ? null : orgs[account.Region][account.OrgCode];
            Roles.EnsureValidAssignment([account.Role], org?.Kind, org?.DivisionKind);
            db.Users.Add(NewUser(account.UserName, account.DisplayName, account.Region, org?.Id, [account.Role], hash));
        }
        await db.SaveChangesAsync(cancellationToken);
        var agencies = await DemoAgencies.FillAsync(db, orgs[DemoCounty.RegionCode], current, cancellationToken);
        var experts = await DemoExperts.FillAsync(db, orgs[DemoCounty.RegionCode], orgs[DemoCounty.NeighbourRegionCode], cancellationToken);

        var filled = new DemoProjects.Counts(0, 0, 0);
        var targets = 0;
        if (projects > 0)
        {
            var today = calendar.Today;
            filled = await DemoProjects.FillAsync(db, DemoCounty.RegionCode, orgs[DemoCounty.RegionCode], current, today, projects, 140423, cancellationToken);
            await DemoProjects.FillAsync(db, DemoCounty.NeighbourRegionCode, orgs[DemoCounty.NeighbourRegionCode], current, today, Math.Max(100, projects / 10), 140426, cancellationToken);
            targets = await DemoTargets.FillAsync(db, DemoCounty.RegionCode, current, orgs[DemoCounty.RegionCode], 140423, DemoTargets.Season.InYear, cancellationToken);
            await DemoTargets.FillAsync(db, DemoCounty.NeighbourRegionCode, current, orgs[DemoCounty.NeighbourRegionCode], 140426, DemoTargets.Season.InYear, cancellationToken);
        }
        var monitoring = projects > 0
            ? await DemoMonitoring.FillAsync(db, DemoCounty.RegionCode, current, clock.GetUtcNow().UtcDateTime, 140423, cancellationToken)
            : null;
        // Last year, closed: a smaller library with its self-evaluations in every state and a spot check.
        var evaluations = projects > 0
            ? await DemoEvaluations.FillAsync(db, DemoCounty.RegionCode, orgs[DemoCounty.RegionCode], current - 1, Math.Max(100, projects / 10), 140422,
                clock.GetUtcNow().UtcDateTime, cancellationToken)
            : null;
        var engagements = await DemoEngagements.FillAsync(db, orgs[DemoCounty.RegionCode], current, cancellationToken);
        // Last year's department and key evaluations (after the engagements: the department-overall ones are the agencies').
        var plans = await DemoPlans.FillAsync(db, DemoCounty.RegionCode, current - 1, 140424, cancellationToken);
        var panels = await DemoPanels.FillAsync(db, orgs[DemoCounty.RegionCode], current, calendar.Today, cancellationToken);
        // Next year's library with its ex-ante evaluations (this year's only where this year has projects).
        var exAnte = await DemoExAnte.FillAsync(db, orgs[DemoCounty.RegionCode], current, calendar.Today, cancellationToken);
        // The findings of every source above as rectification items, in every state.
        var rectifications = await DemoRectifications.FillAsync(db, DemoCounty.RegionCode, current, calendar.Today, cancellationToken);
        // Next year's continuing proposals with the link rules' suggestions, some decided.
        var links = await DemoBudgetLinks.FillAsync(db, DemoCounty.RegionCode, current, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await DemoNotices.FillAsync(db, DemoCounty.RegionCode, "襄垣县", current, calendar.Today, clock.GetUtcNow().UtcDateTime, cancellationToken);
        // This year's targets and last year's results published on the portal, a few kept with their reasons.
        await DemoDisclosure.FillAsync(db, DemoCounty.RegionCode, current, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The morning's reminders: what is due soon or overdue for every demo account.
        var notices = await sweep.RunAsync(cancellationToken);
        logger.LogInformation("Seeded the demo county ({Projects} projects, {Movements} movements, {Payments} payments, {Targets} target versions, {Returns} monitoring returns filled of {Tasks}; last year {Forms} self-evaluations, {Submitted} submitted, {Sampled} spot-checked; {Agencies} agencies, {Experts} experts, {Engagements} engagements, {Panels} panels, {ExAnte} ex-ante evaluations, {Plans} department and key evaluations, {Rectifications} rectification items, {Links} budget links, {Notices} notices) in {Elapsed}",
            filled.Projects, filled.Movements, filled.Payments, targets, monitoring?.Filled ?? 0, monitoring?.Tasks ?? 0, evaluations?.Forms ?? 0,
            evaluations?.Submitted ?? 0, evaluations?.Sampled ?? 0, agencies.Agencies, experts, engagements.Engagements, panels, exAnte, plans, rectifications,
            links, notices.Written, clock.GetElapsedTime(started));
    }

    /// <summary>A demo account; administrators come enrolled in the second factor with <see cref="TwoFactor.DemoSecret"/>.</summary>
    public AppUser NewUser(string userName, string displayName, string region, long? orgId, IReadOnlyCollection<Role> roles, string passwordHash) => new()
    {
        TotpSecret = roles.Any(Roles.Administrators.Contains) ? TwoFactor.DemoSecret : null,
        TwoFactorEnabled = roles.Any(Roles.Administrators.Contains),
        PasswordChangedAtUtc = clock.GetUtcNow().UtcDateTime,
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        DisplayName = displayName,
        RegionCode = region,
        OrgUnitId = orgId,
        PasswordHash = passwordHash,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString("N"),
        LockoutEnabled = true,
        CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        Roles = roles.Select(r => new UserRoleAssignment { RegionCode = region, Role = r }).ToList(),
    };

    public void PrintAccounts(TextWriter output)
    {
        if (!options.Value.PrintAccounts || !db.Regions.Any(r => r.Code == DemoCounty.RegionCode)) return;
        output.WriteLine();
        output.WriteLine($"绩效 Jixiao 演示账号（密码均为 {DemoCounty.Password}）：");
        foreach (var account in DemoCounty.Accounts)
            output.WriteLine($"  {account.UserName,-12} {account.Role.Label(),-10} {account.DisplayName}");
        output.WriteLine($"三个管理员账号登录时还需动态口令：在身份验证器应用中添加密钥 {TwoFactor.Grouped(TwoFactor.DemoSecret)}");
        output.WriteLine($"  （或导入 {TwoFactor.OtpAuthUri(TwoFactor.DemoSecret, "demo-admin")}）");
        output.WriteLine();
    }
}
