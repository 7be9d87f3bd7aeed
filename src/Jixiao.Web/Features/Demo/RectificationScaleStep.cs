namespace Jixiao.Web.Features.Demo;

/// <summary>
/// <c>generate</c>: every generated region's rectification items (after its evaluations): the findings of its concluded evaluations, its
/// 失真, weak self-evaluations, red lights and ex-ante refusals in every state, some overdue (DemoRectifications at scale).
/// </summary>
public sealed class RectificationScaleStep(ILogger<RectificationScaleStep> logger, BusinessClock calendar) : IScaleStep
{
    public int Order => 50;
    public string Name => "整改事项";

    public Task RunAsync(SystemDbContext db, GenerateRequest request, IReadOnlyList<GeneratedRegion> regions, CancellationToken cancellationToken) =>
        ScaleGenerator.ForEachRegionAsync(db, regions, async (region, index) =>
        {
            var written = await DemoRectifications.FillAsync(db, region.Code, request.FiscalYear, calendar.Today, cancellationToken);
            if ((index + 1) % 10 == 0) logger.LogInformation("Generated rectification items for {Count}/{Total} regions", index + 1, regions.Count);
            return $"生成整改事项 {written} 项";
        }, cancellationToken);
}
