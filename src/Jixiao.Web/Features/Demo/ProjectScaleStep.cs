namespace Jixiao.Web.Features.Demo;

/// <summary><c>generate</c>: the project library and ledger of every generated region (DemoProjects at scale).</summary>
public sealed class ProjectScaleStep(BusinessClock calendar, ILogger<ProjectScaleStep> logger) : IScaleStep
{
    public int Order => 10;
    public string Name => "项目与预算台账";

    public Task RunAsync(SystemDbContext db, GenerateRequest request, IReadOnlyList<GeneratedRegion> regions, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        return ScaleGenerator.ForEachRegionAsync(db, regions, async (region, index) =>
        {
            var counts = await DemoProjects.FillAsync(db, region.Code, region.Orgs, request.FiscalYear, today,
                request.ProjectsPerRegion, request.Seed + index, cancellationToken);
            if ((index + 1) % 10 == 0) logger.LogInformation("Generated projects for {Count}/{Total} regions", index + 1, regions.Count);
            return $"生成 {counts.Projects} 个项目、{counts.Movements} 笔指标变动、{counts.Payments} 笔支付";
        }, cancellationToken);
    }
}
