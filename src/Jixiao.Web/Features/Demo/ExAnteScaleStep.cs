namespace Jixiao.Web.Features.Demo;

/// <summary>
/// <c>generate</c>: the ex-ante evaluations of every generated region's year — each project the screening rules catch (new ones of
/// 500万 or more, long-running special funds …) evaluated by its unit and supported by finance the autumn before, with its materials.
/// </summary>
public sealed class ExAnteScaleStep(ILogger<ExAnteScaleStep> logger) : IScaleStep
{
    public int Order => 15;
    public string Name => "事前绩效评估";

    public Task RunAsync(SystemDbContext db, GenerateRequest request, IReadOnlyList<GeneratedRegion> regions, CancellationToken cancellationToken) =>
        ScaleGenerator.ForEachRegionAsync(db, regions, async (region, index) =>
        {
            var written = await DemoExAnte.BudgetedAsync(db, region.Code, request.FiscalYear, cancellationToken);
            if ((index + 1) % 10 == 0) logger.LogInformation("Generated ex-ante evaluations for {Count}/{Total} regions", index + 1, regions.Count);
            return $"生成 {written} 个事前绩效评估（予以支持）";
        }, cancellationToken);
}
