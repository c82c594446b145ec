using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Drivers;
using ThreeRC.HypervisorExecutor.Ipmi;
using ThreeRC.HypervisorExecutor.Options;
using ThreeRC.HypervisorExecutor.Ssh;
using ThreeRC.Inventory.Model;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>
/// Fences a host with the method the command names, checking every value and planning the commands before any
/// connection (a dry run ends there). Through the hypervisor is always possible: it powers off the one VM with the
/// host's own login and driver, then must see it off there; the orchestrator asks for it for a host that is up (where
/// powering the host off would take every other VM down with it). Through IPMI needs the host's BMC from the inventory.
/// </summary>
internal sealed class HostFencer(
    Machines machines, SshCommandRunner runner, IpmiFencing ipmi, IOptions<ExecutorOptions> options, TimeProvider time,
    ILogger<HostFencer> logger) : IHostFencer
{
    public async Task<ActionOutcome> FenceHostAsync(FenceHost command, CancellationToken cancellationToken)
    {
        var run = new ActionRun($"Fence {command.HostName} for {command.VmName} by {command.Method} (attempt {command.Attempt})", time, logger);
        try
        {
            var vm = machines.Vm(command.VmName);
            var host = machines.Host(command.HostName);
            return command.Method == FenceMethod.Hypervisor
                ? await ThroughHypervisorAsync(run, host, vm, cancellationToken)
                : await ThroughBmcAsync(run, Bmc(host, command.Method), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return run.Failed(e);
        }
    }

    private async Task<ActionOutcome> ThroughHypervisorAsync(ActionRun run, PhysicalHost host, VirtualMachine vm, CancellationToken cancellationToken)
    {
        var driver = Machines.Driver(host);
        var target = machines.Login(host);
        var plan = driver.PlanFence(vm).Select(line => $"{target}: {line}").ToList();
        if (options.Value.DryRun) return run.DryRun(plan);
        run.Starting();
        var shell = new HostShell(runner, target, run.Log, logger);
        var domain = await driver.FindAsync(shell, vm, cancellationToken);
        if (domain is null)
        {
            logger.LogInformation("{Host} does not know {Vm} (its VM listing succeeded without it): it cannot run it", shell, vm.Name);
            return run.Done();
        }

        if (domain.Power != PowerState.Off) domain = await driver.PowerOffAsync(shell, domain, cancellationToken);

        if (domain.Power != PowerState.Off)
            throw new ActionFailedException($"{shell}: {vm.Name} still reports '{domain.Reported}' after the power off");
        return run.Done();
    }

    private async Task<ActionOutcome> ThroughBmcAsync(ActionRun run, IpmiSettings bmc, CancellationToken cancellationToken)
    {
        var plan = ipmi.Plan(bmc);
        if (options.Value.DryRun) return run.DryRun(plan);
        run.Starting();
        await ipmi.FenceAsync(bmc, run.Log, cancellationToken);
        return run.Done();
    }

    private static IpmiSettings Bmc(PhysicalHost host, FenceMethod method)
    {
        var fencing = host.Fencing.FirstOrDefault(f => f.Method == method)
            ?? throw new ActionFailedException($"host {host.Name} has no {method} fencing method in the inventory");
        return fencing.Ipmi ?? throw new ActionFailedException($"host {host.Name}: its ipmi fencing method names no BMC");
    }
}
