namespace Jixiao.Web.Features.Demo;

/// <summary>
/// <c>generate</c>: performance targets for every budgeted project of the generated regions (about ten
/// indicators each), at the peak of budget compilation: most wait for the performance division's final review.
/// </summary>
public sealed class TargetScaleStep(ILogger<TargetScaleStep> logger) : IScaleStep
{
    public int Order => 20;
    public string Name => "绩效目标";

    public Task RunAsync(SystemDbContext db, GenerateRequest request, IReadOnlyList<GeneratedRegion> regions, CancellationToken cancellationToken) =>
        ScaleGenerator.ForEachRegionAsync(db, regions, async (region, index) =>
        {
            var written = await DemoTargets.FillAsync(db, region.Code, request.FiscalYear, region.Orgs, request.Seed + 7_000 + index,
                DemoTargets.Season.FinalReviewPeak, cancellationToken);
            if ((index + 1) % 10 == 0) logger.LogInformation("Generated targets for {Count}/{Total} regions", index + 1, regions.Count);
            return $"生成 {written} 个版本的绩效目标";
        }, cancellationToken);
}
