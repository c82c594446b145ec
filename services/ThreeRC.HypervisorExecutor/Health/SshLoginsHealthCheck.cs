using Microsoft.Extensions.Diagnostics.HealthChecks;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Health;

/// <summary>
/// The logins <see cref="LoginCheck"/> last made to the physical hosts: Degraded while a host's SSH fails, naming each
/// one and why (a refused key, a host key not pinned, no answer: its restarts and hypervisor fences would fail). Never
/// Unhealthy: the executor still answers every command, with the reason it failed, and a host that lost power is
/// what ThreeRC recovers from. A guest's failing login is left out: a guest that crashed is ThreeRC's work, not a
/// fault of the executor.
/// </summary>
internal sealed class SshLoginsHealthCheck(LoginCheck logins) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var hosts = logins.LastHostResults.ToList();
        var failing = hosts.Where(host => host.Value is not null).OrderBy(host => host.Key, StringComparer.Ordinal).ToList();
        var failures = string.Join("; ", failing.Select(host => $"SSH to {host.Key} fails: {host.Value}"));
        return Task.FromResult((hosts.Count, failing.Count) switch
        {
            (0, _) => HealthCheckResult.Healthy("no host login checked yet"),
            (_, 0) => HealthCheckResult.Healthy($"SSH works to all {hosts.Count} hosts"),
            _ => HealthCheckResult.Degraded(failures),
        });
    }
}
