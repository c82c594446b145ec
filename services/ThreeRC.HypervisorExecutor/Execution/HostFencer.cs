using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Ipmi;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>
/// Fences a host with the method the command names. Through the hypervisor is always possible: it powers off the one
/// VM with the host's own login and driver, and the orchestrator asks for it for a host that is up (where powering
/// the host off would take every other VM down with it). Through IPMI needs the host's BMC from the inventory.
/// </summary>
internal sealed class HostFencer(Machines machines, HypervisorFencing hypervisor, IpmiFencing ipmi, ActionRunner actions)
{
    public Task<ActionOutcome> FenceAsync(FenceHost command, CancellationToken cancellationToken) => actions.RunAsync(
        $"Fence {command.HostName} for {command.VmName} by {command.Method} (attempt {command.Attempt})", () => Prepare(command), cancellationToken);

    private PreparedAction Prepare(FenceHost command)
    {
        var vm = machines.Vm(command.VmName);
        var host = machines.Host(command.HostName);
        if (command.Method == FenceMethod.Hypervisor) return hypervisor.Prepare(host, vm);
        var method = host.Fencing.FirstOrDefault(f => f.Method == command.Method)
            ?? throw new ActionFailedException($"host {host.Name} has no {command.Method} fencing method in the inventory");
        return ipmi.Prepare(method.Ipmi ?? throw new ActionFailedException($"host {host.Name}: its ipmi fencing method names no BMC"));
    }
}
