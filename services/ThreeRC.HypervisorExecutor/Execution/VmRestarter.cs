using Microsoft.Extensions.Logging;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Drivers;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>
/// Restarts a VM on a host: registers it there from its definition when the host does not know it, powers it off
/// when it is not off, starts it, and succeeds only when the hypervisor then reports it running.
/// </summary>
internal sealed class VmRestarter(Machines machines, HypervisorDrivers drivers, ISshCommandRunner runner, ActionRunner actions, ILogger<VmRestarter> logger)
{
    public Task<ActionOutcome> RestartAsync(RestartVm command, CancellationToken cancellationToken)
    {
        var moved = command.PreviousHost is null ? "" : $" (moved from {command.PreviousHost}, already fenced)";
        return actions.RunAsync($"Restart {command.VmName} on {command.HostName}{moved}", () => Prepare(command), cancellationToken);
    }

    private PreparedAction Prepare(RestartVm command)
    {
        var vm = machines.Vm(command.VmName);
        var host = machines.Host(command.HostName);
        var driver = drivers.For(host);
        var target = machines.Login(host);
        var plan = driver.PlanRestart(vm).Select(line => $"{target}: {line}").ToList();
        return new PreparedAction(plan, (log, cancel) => RestartAsync(driver, new HostShell(runner, target, log, logger), vm, cancel));
    }

    private static async Task RestartAsync(IHypervisorDriver driver, HostShell host, VirtualMachine vm, CancellationToken cancellationToken)
    {
        var domain = await driver.FindAsync(host, vm, cancellationToken);
        if (domain is null)
        {
            await driver.RegisterAsync(host, vm, cancellationToken);
            domain = await driver.FindAsync(host, vm, cancellationToken)
                ?? throw new ActionFailedException($"{host}: {vm.Name} is still unknown after registering {vm.Definition}");
        }

        if (domain.Power != PowerState.Off) await driver.PowerOffAsync(host, domain, cancellationToken);
        await driver.PowerOnAsync(host, domain, cancellationToken);
        var started = await driver.RefreshAsync(host, domain, cancellationToken);
        if (started.Power != PowerState.Running)
            throw new ActionFailedException($"{host}: {vm.Name} reports '{started.Reported}' after the start, not running");
    }
}
