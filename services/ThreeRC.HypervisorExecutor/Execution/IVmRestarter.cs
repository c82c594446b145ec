using ThreeRC.Contracts.Hypervisor;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>What the RestartVm consumer calls: <see cref="VmRestarter"/>, or a whole <see cref="IHypervisorExecutor"/> in its place.</summary>
public interface IVmRestarter
{
    Task<ActionOutcome> RestartVmAsync(RestartVm command, CancellationToken cancellationToken);
}
