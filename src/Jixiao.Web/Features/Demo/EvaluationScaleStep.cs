using System.Diagnostics;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// <c>generate</c>: the previous year of every generated region, closed — as many projects as the year of the run,
/// with their ledger and approved targets — and its self-evaluations issued in January, filled, reviewed and
/// spot-checked (DemoEvaluations at scale).
/// </summary>
public sealed class EvaluationScaleStep(TimeProvider clock, ILogger<EvaluationScaleStep> logger) : IScaleStep
{
    public int Order => 40;
    public string Name => "上年度单位自评";

    public async Task RunAsync(SystemDbContext db, GenerateRequest request, IReadOnlyList<GeneratedRegion> regions, CancellationToken cancellationToken)
    {
        var year = request.FiscalYear - 1;
        var total = Stopwatch.StartNew();
        await ScaleGenerator.ForEachRegionAsync(db, regions, async (region, index) =>
        {
            var started = Stopwatch.StartNew();
            var result = await DemoEvaluations.FillAsync(db, region.Code, region.Orgs, year, request.ProjectsPerRegion, request.Seed + 11_000 + index,
                clock.GetUtcNow().UtcDateTime, cancellationToken);
            logger.LogInformation("Self-evaluation {Region} ({Count}/{Total}): {Projects} projects, {Forms} forms, {Submitted} submitted, in {Elapsed}",
                region.Code, index + 1, regions.Count, result.Projects, result.Forms, result.Submitted, started.Elapsed);
            return $"生成 {year} 年度 {result.Projects} 个项目及其自评表 {result.Forms} 张（提交 {result.Submitted} 张，抽查 {result.Sampled} 张）";
        }, cancellationToken);
        logger.LogInformation("Self-evaluations of {Total} regions in {Elapsed}", regions.Count, total.Elapsed);
    }
}
