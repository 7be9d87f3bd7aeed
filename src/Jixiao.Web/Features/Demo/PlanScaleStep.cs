namespace Jixiao.Web.Features.Demo;

/// <summary>
/// <c>generate</c>: the department and key evaluations of every generated region's previous year (after its self-evaluations) —
/// each department's largest projects up to 30 %, ~40 key evaluations in every state, a policy and several projects together
/// (DemoPlans at scale; the department-overall ones come with the demo county's agencies only).
/// </summary>
public sealed class PlanScaleStep(ILogger<PlanScaleStep> logger) : IScaleStep
{
    public int Order => 45;
    public string Name => "上年度部门评价和重点评价";

    public Task RunAsync(SystemDbContext db, GenerateRequest request, IReadOnlyList<GeneratedRegion> regions, CancellationToken cancellationToken) =>
        ScaleGenerator.ForEachRegionAsync(db, regions, async (region, index) =>
        {
            var written = await DemoPlans.FillAsync(db, region.Code, request.FiscalYear - 1, request.Seed + 12_000 + index, cancellationToken);
            if ((index + 1) % 10 == 0) logger.LogInformation("Generated department and key evaluations for {Count}/{Total} regions", index + 1, regions.Count);
            return $"生成 {request.FiscalYear - 1} 年度部门评价和重点评价 {written} 个";
        }, cancellationToken);
}
