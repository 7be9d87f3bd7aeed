using System.Diagnostics;

namespace Jixiao.Web.Features.Demo;

/// <summary>
/// <c>generate</c>: the national in-year monitoring round of every generated region — opened on 3 August on
/// January–July data, due at the end of August — with 30 % of its returns filled by 20 August, some of them
/// submitted and reviewed (DemoMonitoring at scale).
/// </summary>
public sealed class MonitoringScaleStep(ILogger<MonitoringScaleStep> logger) : IScaleStep
{
    public int Order => 30;
    public string Name => "绩效运行监控";

    public async Task RunAsync(SystemDbContext db, GenerateRequest request, IReadOnlyList<GeneratedRegion> regions, CancellationToken cancellationToken)
    {
        var year = request.FiscalYear;
        var openedUtc = new DateTime(year, 8, 3, 1, 0, 0, DateTimeKind.Utc);
        var untilUtc = new DateTime(year, 8, 20, 10, 0, 0, DateTimeKind.Utc);
        var deadline = new DateOnly(year, 8, 31);
        var total = Stopwatch.StartNew();
        await ScaleGenerator.ForEachRegionAsync(db, regions, async (region, index) =>
        {
            var started = Stopwatch.StartNew();
            var (result, _) = await DemoMonitoring.OpenAndFillAsync(db, region.Code, year, 7, deadline, openedUtc, untilUtc, DemoMonitoring.Province,
                new Random(request.Seed + 9_000 + index), cancellationToken);
            logger.LogInformation("Monitoring {Region} ({Count}/{Total}): {Tasks} tasks, {Filled} returns filled, in {Elapsed}",
                region.Code, index + 1, regions.Count, result.Tasks, result.Filled, started.Elapsed);
            return $"开启“{result.Title}”：下达 {result.Tasks} 个监控任务，填报 {result.Filled} 个，其中提交 {result.Submitted} 个";
        }, cancellationToken);
        logger.LogInformation("Monitoring of {Total} regions in {Elapsed}", regions.Count, total.Elapsed);
    }
}
