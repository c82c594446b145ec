using Microsoft.Extensions.Diagnostics.HealthChecks;
using ThreeRC.Api.Persistence;

namespace ThreeRC.Api.HealthChecks;

/// <summary>Healthy when the read model answers a query.</summary>
internal sealed class ReadModelHealthCheck(ApiDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.QueryAsync<long>("SELECT count(*) FROM recoveries", null, cancellationToken);
            return HealthCheckResult.Healthy($"read model at {database.Location}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"read model at {database.Location} cannot be read: {e.Message}", e);
        }
    }
}
