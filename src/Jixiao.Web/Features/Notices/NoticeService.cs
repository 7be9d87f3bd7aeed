using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Notices;

/// <summary>How often each node runs the deadline sweep and sends pending mail (section <c>Notices</c>; 0 minutes: never — tests, or a
/// deployment that runs <c>notices sweep</c> from cron instead).</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notices";
    public int SweepMinutes { get; set; } = 15;
}

/// <summary>
/// The scheduled job of every node: sweep and mail every <see cref="NoticeOptions.SweepMinutes"/>, as the system actor. Nodes need no
/// coordination beyond the database (ADR 0011): the sweep's advisory lock and unique keys make it fire once, the mail claims send
/// each mail once. A failed run is logged and tried again at the next tick.
/// </summary>
public sealed class NoticeService(IServiceScopeFactory scopes, IOptions<NoticeOptions> options, TimeProvider clock, ILogger<NoticeService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SweepMinutes <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepMinutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem("notices");
                var result = await scope.ServiceProvider.GetRequiredService<NoticeSweep>().RunAsync(stoppingToken);
                if (result.Written > 0 || result.Mailed > 0)
                    log.LogInformation("Notice sweep: {Written} notices written, {Mailed} e-mails sent.", result.Written, result.Mailed);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                log.LogError(e, "The notice sweep failed; it runs again at the next tick.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
