using Jixiao.Web.Features.Audit;
using Jixiao.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Demo;

/// <summary>What <c>generate</c> was asked for, shared by every step.</summary>
public sealed record GenerateRequest(int Regions, int ProjectsPerRegion, int FiscalYear, int Seed);

/// <summary>The regions one run has created, so later steps (projects, targets, …) can fill them.</summary>
public sealed record GeneratedRegion(string Code, string Name, IReadOnlyDictionary<string, OrgUnit> Orgs);

/// <summary>
/// One step of the scale generator. Each later capability (projects and ledgers, targets, monitoring, …)
/// adds a step; steps run in <see cref="Order"/> over the regions the run created.
/// </summary>
public interface IScaleStep
{
    int Order { get; }
    string Name { get; }
    Task RunAsync(SystemDbContext db, GenerateRequest request, IReadOnlyList<GeneratedRegion> regions, CancellationToken cancellationToken);
}

/// <summary>
/// <c>generate --regions N --projects-per-region M</c>: a province of N counties (synthetic codes 99xxyy
/// under 990000 演示省), each with the demo county's organisation tree (for the year of the run and the closed year
/// before it) and one account per role.
/// </summary>
public sealed class ScaleGenerator(SystemDbContext db, IEnumerable<IScaleStep> steps, IPasswordHasher<AppUser> hasher,
    DemoSeeder seeder, ILogger<ScaleGenerator> logger)
{
    public const string ProvinceCode = "990000";

    public async Task<IReadOnlyList<GeneratedRegion>> RunAsync(GenerateRequest request, CancellationToken cancellationToken)
    {
        if (request.Regions is < 1 or > 9900)
            throw new ArgumentOutOfRangeException(nameof(request), "--regions 应在 1–9900 之间。");
        if (await db.Regions.AnyAsync(r => r.Code == ProvinceCode, cancellationToken))
            throw new InvalidOperationException("数据库中已有生成的演示省（990000），请换一个空数据库。");

        db.Regions.Add(Region.Create(ProvinceCode, "演示省"));
        var hash = hasher.HashPassword(new AppUser(), DemoCounty.Password);
        var created = new List<GeneratedRegion>();
        for (var i = 0; i < request.Regions; i++)
        {
            var city = $"99{i / 99 + 1:00}00";
            if (i % 99 == 0) db.Regions.Add(Region.Create(city, $"演示市{i / 99 + 1:00}"));
            var code = $"99{i / 99 + 1:00}{i % 99 + 1:00}";
            var name = $"演示县{i + 1:0000}";
            db.Regions.Add(Region.Create(code, name));
            // The year of the run in execution and the year before it closed (its self-evaluations are generated).
            db.FiscalYears.Add(FiscalYear.Open(code, request.FiscalYear - 1, FiscalYearStatus.Closed));
            db.FiscalYears.Add(FiscalYear.Open(code, request.FiscalYear, FiscalYearStatus.Executing));
            await db.SaveChangesAsync(cancellationToken);

            var orgs = await OrgTreeBuilder.BuildCountyAsync(db, code, name, [request.FiscalYear - 1, request.FiscalYear], cancellationToken);
            foreach (var account in DemoCounty.Accounts.Where(a => a.Region == DemoCounty.RegionCode))
            {
                var org = account.OrgCode is null ? null : orgs[account.OrgCode];
                db.Users.Add(seeder.NewUser($"{account.UserName}.{code}", account.DisplayName, code, org?.Id, [account.Role], hash));
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            created.Add(new GeneratedRegion(code, name, orgs));
            if ((i + 1) % 10 == 0) logger.LogInformation("Generated {Count}/{Total} regions", i + 1, request.Regions);
        }

        foreach (var step in steps.OrderBy(s => s.Order))
        {
            logger.LogInformation("Generating {Step}", step.Name);
            await step.RunAsync(db, request, created, cancellationToken);
        }
        return created;
    }

    /// <summary>
    /// Runs one step's <paramref name="fill"/> for every region in turn (with its index), without per-row audit records,
    /// then appends the one summary record <paramref name="fill"/> returns for the region.
    /// </summary>
    public static async Task ForEachRegionAsync(SystemDbContext db, IReadOnlyList<GeneratedRegion> regions,
        Func<GeneratedRegion, int, Task<string>> fill, CancellationToken cancellationToken)
    {
        for (var i = 0; i < regions.Count; i++)
        {
            string summary;
            using (AuditTrail.SuspendRowAudit(db))
                summary = await fill(regions[i], i);
            db.ChangeTracker.Clear();
            await db.RecordEventAsync(Domain.Audit.AuditAction.Generated, null, "cli:generate", summary, cancellationToken, regions[i].Code);
        }
    }
}
