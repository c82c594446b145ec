using Microsoft.Extensions.Diagnostics.HealthChecks;
using ThreeRC.HypervisorExecutor.Ipmi;

namespace ThreeRC.HypervisorExecutor.Health;

/// <summary>
/// The power status <see cref="BmcCheck"/> last asked of each BMC: Degraded while one fails, naming it and why (its
/// host's IPMI fence would fail; another method may still work).
/// </summary>
internal sealed class BmcsHealthCheck(BmcCheck bmcs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bmcs.Results.Health("no BMC checked yet", count => $"all {count} BMCs answer", (bmc, why) => $"{bmc} fails: {why}"));
}
