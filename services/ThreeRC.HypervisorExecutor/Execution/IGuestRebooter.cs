using ThreeRC.Contracts.Hypervisor;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>What the RebootGuest consumer calls: <see cref="GuestRebooter"/>, or a whole <see cref="IHypervisorExecutor"/> in its place.</summary>
public interface IGuestRebooter
{
    Task<ActionOutcome> RebootGuestAsync(RebootGuest command, CancellationToken cancellationToken);
}
