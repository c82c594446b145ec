using ThreeRC.Contracts.Hypervisor;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>
/// What the consumers call. The real implementation reaches machines over SSH and IPMI; a simulated data centre
/// can replace it (<c>AddHypervisorExecutor(x =&gt; x.UseExecutor&lt;T&gt;())</c>). Implementations report every
/// failure as a failed outcome rather than throwing.
/// </summary>
public interface IHypervisorExecutor
{
    Task<ActionOutcome> RebootGuestAsync(RebootGuest command, CancellationToken cancellationToken);

    Task<ActionOutcome> RestartVmAsync(RestartVm command, CancellationToken cancellationToken);

    Task<ActionOutcome> FenceHostAsync(FenceHost command, CancellationToken cancellationToken);
}
