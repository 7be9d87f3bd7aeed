using System.Collections.Concurrent;
using Jixiao.Web.Data;

namespace Jixiao.Tests.Shared;

/// <summary>
/// One app per database with the demo county seeded and the clock fixed at <paramref name="now"/>, so that tests of
/// dated business rules (monitoring cut-offs, the year's end) pass on any day they run. A test class uses its own
/// subclass as its fixture, so it does not share the app with other classes.
/// </summary>
public abstract class ClockedApps(DateTimeOffset now, int projects = 0) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<JixiaoApp>>> _apps = new();

    public DateTimeOffset Now { get; } = now;

    public Task<JixiaoApp> GetAsync(DatabaseProvider provider)
    {
        TestEnvironment.Require(provider);
        return _apps.GetOrAdd(provider, p => new Lazy<Task<JixiaoApp>>(() =>
            JixiaoApp.StartAsync(p, projects: projects, clock: new FixedClock(Now)))).Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
            await (await app.Value).DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
