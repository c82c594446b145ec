using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Commands;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>
/// Logs in to every hypervisor host at start and every <c>Executor:Ssh:HostCheckInterval</c>, and to a host as soon
/// as it reports to Ganglia again: a refused key, a changed host key or an unreachable host is reported before a
/// recovery needs that host, and the connection each recovery would open is already open (and the code that opens
/// it already compiled) when the first one comes. Only changes are logged: a host that starts failing, and one that
/// works again.
/// </summary>
internal sealed class HostLoginCheck(
    ClusterInventory inventory, Machines machines, ISshCommandRunner runner, IOptions<ExecutorOptions> options, TimeProvider time, ILogger<HostLoginCheck> logger)
    : BackgroundService
{
    private const int HostsAtOnce = 8;

    /// <summary>Run on the pooled login: a connection the host dropped unnoticed (it lost power) is replaced now, not by a recovery.</summary>
    private static readonly RemoteCommand Probe = RemoteCommand.Query("true");
    private readonly ConcurrentDictionary<string, string?> _lastFailure = new();

    /// <summary>Logs in to every host once; the failures, host name → why.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckAsync(CancellationToken cancellationToken)
    {
        var failures = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(inventory.Hosts, new ParallelOptions { MaxDegreeOfParallelism = HostsAtOnce, CancellationToken = cancellationToken },
            async (host, token) =>
            {
                var failure = await LoginAsync(host, token);
                if (failure is not null) failures[host.Name] = failure;
                Report(host, failure);
            });
        return failures;
    }

    /// <summary>Logs in to <paramref name="host"/> once, as the periodic check does; nothing in dry run.</summary>
    public async Task CheckAsync(PhysicalHost host, CancellationToken cancellationToken)
    {
        if (options.Value.DryRun) return;
        Report(host, await LoginAsync(host, cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Ssh.HostCheckInterval;
        if (interval == TimeSpan.Zero || options.Value.DryRun) return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await CheckAsync(stoppingToken);
                await Task.Delay(interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<string?> LoginAsync(PhysicalHost host, CancellationToken cancellationToken)
    {
        try
        {
            var output = await runner.RunAsync(machines.Login(host), Probe, cancellationToken);
            return output.Succeeded ? null : $"{Probe} failed: {output.Summary}";
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong is this host's finding: the check must never stop the executor.
            return e.Message;
        }
    }

    private void Report(PhysicalHost host, string? failure)
    {
        var known = _lastFailure.TryGetValue(host.Name, out var last);
        _lastFailure[host.Name] = failure;
        if (failure is not null && failure != last)
            logger.LogWarning("SSH to host {Host} fails: {Reason}; recoveries that need this host will fail until it is fixed", host.Name, failure);
        else if (failure is null && (!known || last is not null))
            logger.LogInformation("SSH to host {Host} works: its host key is pinned and the login accepted", host.Name);
    }
}
