using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Drivers;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>
/// Restarts a VM on a host with the host's driver: checks every value and plans the commands before any connection (a
/// dry run ends there), then registers the VM there from its definition when the host does not know it; in one round
/// trip, powers it off when it is not off, starts it and asks its state; and succeeds once the hypervisor reports it
/// running (asked again every quarter of a second until <c>Executor:StartConfirmTimeout</c>).
/// </summary>
internal sealed class VmRestarter(
    Machines machines, SshCommandRunner runner, IOptions<ExecutorOptions> options, TimeProvider time, ILogger<VmRestarter> logger)
    : IVmRestarter
{
    private static readonly TimeSpan ConfirmInterval = TimeSpan.FromMilliseconds(250);

    public async Task<ActionOutcome> RestartVmAsync(RestartVm command, CancellationToken cancellationToken)
    {
        var moved = command.PreviousHost is null ? "" : $" (moved from {command.PreviousHost}, already fenced)";
        var run = new ActionRun($"Restart {command.VmName} on {command.HostName}{moved}", time, logger);
        try
        {
            var vm = machines.Vm(command.VmName);
            var host = machines.Host(command.HostName);
            var driver = Machines.Driver(host);
            var target = machines.Login(host);
            var plan = driver.PlanRestart(vm).Select(line => $"{target}: {line}").ToList();
            if (options.Value.DryRun) return run.DryRun(plan);
            run.Starting();
            await RestartAsync(driver, new HostShell(runner, target, run.Log, logger), vm, options.Value.StartConfirmTimeout, cancellationToken);
            return run.Done();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return run.Failed(e);
        }
    }

    private async Task RestartAsync(IHypervisorDriver driver, HostShell host, VirtualMachine vm, TimeSpan confirmWithin, CancellationToken cancellationToken)
    {
        var domain = await driver.FindAsync(host, vm, cancellationToken);
        if (domain is null)
        {
            await driver.RegisterAsync(host, vm, cancellationToken);
            domain = await driver.FindAsync(host, vm, cancellationToken)
                ?? throw new ActionFailedException($"{host}: {vm.Name} is still unknown after registering {vm.Definition}");
        }

        var deadline = time.GetUtcNow() + confirmWithin;
        var started = await driver.StartAsync(host, domain, cancellationToken);
        while (started.Power != PowerState.Running)
        {
            if (time.GetUtcNow() >= deadline)
                throw new ActionFailedException(
                    $"{host}: {vm.Name} reports '{started.Reported}' {confirmWithin.TotalSeconds:0.###} s after the start, not running");
            await Task.Delay(ConfirmInterval, time, cancellationToken);
            started = await driver.RefreshAsync(host, domain, cancellationToken);
        }
    }
}
