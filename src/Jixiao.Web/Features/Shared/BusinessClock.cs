namespace Jixiao.Web.Features.Shared;

/// <summary>
/// The business calendar on the injected clock: the default year of every page and API, "today" of monitoring, due and
/// document dates. Timestamps that are stored stay <see cref="TimeProvider.GetUtcNow"/>.
/// </summary>
public sealed class BusinessClock(TimeProvider clock)
{
    public DateOnly Today => BusinessCalendar.DateOf(clock.GetUtcNow());

    /// <summary>The fiscal year in progress.</summary>
    public int Year => Today.Year;
}
