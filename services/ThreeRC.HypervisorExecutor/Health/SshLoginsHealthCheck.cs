using Microsoft.Extensions.Diagnostics.HealthChecks;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Health;

/// <summary>
/// The logins <see cref="LoginCheck"/> last made to the physical hosts: Degraded while a host's SSH fails, naming each
/// one and why (a refused key, a host key not pinned, no answer: its restarts and hypervisor fences would fail). A host
/// that lost power is what ThreeRC recovers from, and a guest's failing login is left out: a guest that crashed is
/// ThreeRC's work, not a fault of the executor.
/// </summary>
internal sealed class SshLoginsHealthCheck(LoginCheck logins) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(logins.Results.Health("no host login checked yet", count => $"SSH works to all {count} hosts", (host, why) => $"SSH to {host} fails: {why}",
            LoginCheck.IsHost));
}
