using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jixiao.Web.Features.Shared;

/// <summary>/health: the database answers and its schema is the one this program expects.</summary>
public sealed class DatabaseHealthCheck(SchemaMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var (known, applied) = await migrator.VersionsAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["provider"] = migrator.Provider.ToString(), ["schema"] = applied };
            return applied == known
                ? HealthCheckResult.Healthy($"数据库正常（结构版本 {applied}）", data)
                : HealthCheckResult.Unhealthy($"数据库结构版本 {applied}，程序需要 {known}：请运行 migrate", data: data);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("数据库无法连接", e);
        }
    }
}
