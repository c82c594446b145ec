using Microsoft.Extensions.Diagnostics.HealthChecks;
using ThreeRC.HypervisorExecutor.Ipmi;

namespace ThreeRC.HypervisorExecutor.Health;

/// <summary>
/// The power status <see cref="BmcCheck"/> last asked of each BMC: Degraded while one fails, naming it and why (its
/// host's IPMI fence would fail; another method may still work). Never Unhealthy, as for the SSH logins.
/// </summary>
internal sealed class BmcsHealthCheck(BmcCheck bmcs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var results = bmcs.LastResults.ToList();
        var failing = results.Where(bmc => bmc.Value is not null).OrderBy(bmc => bmc.Key, StringComparer.Ordinal).ToList();
        return Task.FromResult((results.Count, failing.Count) switch
        {
            (0, _) => HealthCheckResult.Healthy("no BMC checked yet"),
            (_, 0) => HealthCheckResult.Healthy($"all {results.Count} BMCs answer"),
            _ => HealthCheckResult.Degraded(string.Join("; ", failing.Select(bmc => $"{bmc.Key} fails: {bmc.Value}"))),
        });
    }
}
