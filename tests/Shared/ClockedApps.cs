using System.Collections.Concurrent;
using Jixiao.Web.Data;
using Microsoft.Extensions.Time.Testing;

namespace Jixiao.Tests.Shared;

/// <summary>
/// One app per database with the demo county seeded and the clock set at <paramref name="now"/>, so that tests of
/// dated business rules (monitoring cut-offs, the year's end) pass on any day they run. A test class uses its own
/// subclass as its fixture, so it does not share the app with other classes, and may move its app's clock.
/// </summary>
public abstract class ClockedApps(DateTimeOffset now, int projects = 0) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<(JixiaoApp App, FakeTimeProvider Clock)>>> _apps = new();

    public DateTimeOffset Now { get; } = now;

    public async Task<JixiaoApp> GetAsync(DatabaseProvider provider) => (await StartedAsync(provider)).App;

    /// <summary>The clock of the app on <paramref name="provider"/>: it stays where a test sets it.</summary>
    public async Task<FakeTimeProvider> ClockAsync(DatabaseProvider provider) => (await StartedAsync(provider)).Clock;

    private Task<(JixiaoApp App, FakeTimeProvider Clock)> StartedAsync(DatabaseProvider provider)
    {
        TestEnvironment.Require(provider);
        return _apps.GetOrAdd(provider, p => new Lazy<Task<(JixiaoApp App, FakeTimeProvider Clock)>>(async () =>
        {
            var clock = new FakeTimeProvider(Now);
            return (await JixiaoApp.StartAsync(p, projects: projects, clock: clock), clock);
        })).Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
            await (await app.Value).App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
