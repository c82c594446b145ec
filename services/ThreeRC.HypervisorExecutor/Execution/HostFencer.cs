using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Ipmi;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>Fences a host with the method the command names, provided the inventory gives the host that method.</summary>
internal sealed class HostFencer(Machines machines, HypervisorFencing hypervisor, IpmiFencing ipmi, ActionRunner actions)
{
    public Task<ActionOutcome> FenceAsync(FenceHost command, CancellationToken cancellationToken) => actions.RunAsync(
        $"Fence {command.HostName} for {command.VmName} by {command.Method} (attempt {command.Attempt})", () => Prepare(command), cancellationToken);

    private PreparedAction Prepare(FenceHost command)
    {
        var vm = machines.Vm(command.VmName);
        var host = machines.Host(command.HostName);
        var method = host.Fencing.FirstOrDefault(f => f.Method == command.Method)
            ?? throw new ActionFailedException($"host {host.Name} has no {command.Method} fencing method in the inventory");
        return command.Method == FenceMethod.Ipmi
            ? ipmi.Prepare(method.Ipmi ?? throw new ActionFailedException($"host {host.Name}: its ipmi fencing method names no BMC"))
            : hypervisor.Prepare(host, vm);
    }
}
