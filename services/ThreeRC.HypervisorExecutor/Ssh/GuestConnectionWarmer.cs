using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Ssh;

/// <summary>
/// A VM the monitor has just declared unresponsive is most likely rebooted over SSH next: its guest's connection is
/// opened while the orchestrator decides, so that the reboot does not wait for a key exchange (a post-quantum one
/// costs SSH.NET about 100 ms of CPU). One short attempt: a guest that does not answer delays its reboot by
/// <see cref="AttemptLimit"/> at most.
/// </summary>
internal sealed class GuestConnectionWarmer(
    ClusterInventory inventory, Machines machines, SshConnectionPool pool, IOptions<ExecutorOptions> options, ILogger<GuestConnectionWarmer> logger)
{
    public static readonly TimeSpan AttemptLimit = TimeSpan.FromSeconds(2);

    /// <summary>A warmed connection no reboot took within this is closed.</summary>
    public static readonly TimeSpan UnusedFor = TimeSpan.FromMinutes(1);

    public async Task WarmAsync(string vmName, CancellationToken cancellationToken)
    {
        if (options.Value.DryRun || inventory.FindVm(vmName) is not { } vm) return;
        try
        {
            var target = machines.Login(vm);
            await pool.WarmAsync(target, AttemptLimit, UnusedFor, cancellationToken);
            logger.LogDebug("Opened the connection to {Target} ahead of a reboot of {Vm}", target, vm.Name);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The reboot, if one comes, connects on its own and reports what fails.
            logger.LogDebug("Could not open the connection to the guest of {Vm} ahead of a reboot: {Reason}", vm.Name, e.Message);
        }
    }
}
