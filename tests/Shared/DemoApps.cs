using System.Collections.Concurrent;
using Jixiao.Web.Data;

namespace Jixiao.Tests.Shared;

/// <summary>
/// One app with the seeded demo county (with <see cref="Projects"/> projects) per provider, started on first use and shared by the tests that
/// only read it or add records of their own. Tests that tamper with the database start their own app.
/// </summary>
public sealed class DemoApps : IAsyncDisposable
{
    public const int Projects = 600;

    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<JixiaoApp>>> _apps = new();

    public Task<JixiaoApp> GetAsync(DatabaseProvider provider)
    {
        TestEnvironment.Require(provider);
        return _apps.GetOrAdd(provider, p => new Lazy<Task<JixiaoApp>>(() => JixiaoApp.StartAsync(p, projects: Projects))).Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
            await (await app.Value).DisposeAsync();
    }
}
