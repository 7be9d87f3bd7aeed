using System.Collections.Concurrent;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;

namespace Jixiao.Web.Tests.Access;

/// <summary>A clock a test moves (password expiry, authenticator codes); back to <see cref="Start"/> with <see cref="Reset"/>.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public DateTimeOffset Start { get; } = start;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _ticks, Start.UtcTicks);
}

/// <summary>The demo county on each database with a clock of its own (tests of one class run one after another).</summary>
public sealed class MovableClockCounty : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<(JixiaoApp, MovableClock)>>> _apps = new();

    public Task<(JixiaoApp App, MovableClock Clock)> GetAsync(DatabaseProvider provider)
    {
        TestEnvironment.Require(provider);
        return _apps.GetOrAdd(provider, p => new Lazy<Task<(JixiaoApp, MovableClock)>>(async () =>
        {
            var clock = new MovableClock(Start);
            return (await JixiaoApp.StartAsync(p, clock: clock), clock);
        })).Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
            await (await app.Value).Item1.DisposeAsync();
    }
}
