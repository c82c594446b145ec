using Microsoft.Extensions.Logging;
using ThreeRC.HypervisorExecutor.Drivers;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>Fences through the old host's hypervisor: the VM is powered off there if needed, then must be seen off.</summary>
internal sealed class HypervisorFencing(Machines machines, HypervisorDrivers drivers, ISshCommandRunner runner, ILogger<HypervisorFencing> logger)
{
    public PreparedAction Prepare(PhysicalHost host, VirtualMachine vm)
    {
        var driver = drivers.For(host);
        var target = machines.Login(host);
        var plan = driver.PlanFence(vm).Select(line => $"{target}: {line}").ToList();
        return new PreparedAction(plan, (log, cancel) => FenceAsync(driver, new HostShell(runner, target, log, logger), vm, cancel));
    }

    private async Task FenceAsync(IHypervisorDriver driver, HostShell host, VirtualMachine vm, CancellationToken cancellationToken)
    {
        var domain = await driver.FindAsync(host, vm, cancellationToken);
        if (domain is null)
        {
            logger.LogInformation("{Host} does not know {Vm} (its VM listing succeeded without it): it cannot run it", host, vm.Name);
            return;
        }

        if (domain.Power != PowerState.Off)
        {
            await driver.PowerOffAsync(host, domain, cancellationToken);
            domain = await driver.RefreshAsync(host, domain, cancellationToken);
        }

        if (domain.Power != PowerState.Off)
            throw new ActionFailedException($"{host}: {vm.Name} still reports '{domain.Reported}' after the power off");
    }
}
