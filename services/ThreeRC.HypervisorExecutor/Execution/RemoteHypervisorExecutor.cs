using ThreeRC.Contracts.Hypervisor;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>The real executor: guests and hypervisors over SSH, BMCs through ipmitool.</summary>
internal sealed class RemoteHypervisorExecutor(GuestRebooter guests, VmRestarter restarter, HostFencer fencer) : IHypervisorExecutor
{
    public Task<ActionOutcome> RebootGuestAsync(RebootGuest command, CancellationToken cancellationToken) =>
        guests.RebootAsync(command, cancellationToken);

    public Task<ActionOutcome> RestartVmAsync(RestartVm command, CancellationToken cancellationToken) =>
        restarter.RestartAsync(command, cancellationToken);

    public Task<ActionOutcome> FenceHostAsync(FenceHost command, CancellationToken cancellationToken) =>
        fencer.FenceAsync(command, cancellationToken);
}
