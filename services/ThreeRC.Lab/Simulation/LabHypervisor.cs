using ThreeRC.Contracts.Hypervisor;
using ThreeRC.HypervisorExecutor.Execution;

namespace ThreeRC.Lab.Simulation;

/// <summary>
/// The hypervisor executor of the lab: the executor's own consumers call it instead of SSH and IPMI, and it acts
/// on the simulated data centre. The command lines it reports say what a real libvirt host would have run.
/// </summary>
public sealed class LabHypervisor(DataCentre dataCentre, TimeProvider time) : IHypervisorExecutor
{
    public Task<ActionOutcome> RebootGuestAsync(RebootGuest command, CancellationToken cancellationToken) =>
        Outcome(dataCentre.RebootGuest(command.VmName), $"root@{command.VmName}: reboot");

    public Task<ActionOutcome> RestartVmAsync(RestartVm command, CancellationToken cancellationToken) =>
        Outcome(dataCentre.Restart(command.VmName, command.HostName),
            $"threerc@{command.HostName}: virsh destroy {command.VmName}; virsh start {command.VmName}; virsh domstate {command.VmName}");

    public Task<ActionOutcome> FenceHostAsync(FenceHost command, CancellationToken cancellationToken) => command.Method == FenceMethod.Ipmi
        ? Outcome(dataCentre.FenceByPower(command.HostName), $"ipmitool -H bmc-{command.HostName} chassis power off; chassis power status")
        : Outcome(dataCentre.FenceByHypervisor(command.HostName, command.VmName), $"threerc@{command.HostName}: virsh destroy {command.VmName}; virsh domstate {command.VmName}");

    private Task<ActionOutcome> Outcome(string? failure, string command) => Task.FromResult(failure is null
        ? ActionOutcome.Done([command], time.GetUtcNow())
        : ActionOutcome.Failed(failure, [command], time.GetUtcNow()));
}
