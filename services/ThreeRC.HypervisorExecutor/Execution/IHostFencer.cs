using ThreeRC.Contracts.Hypervisor;

namespace ThreeRC.HypervisorExecutor.Execution;

/// <summary>What the FenceHost consumer calls: <see cref="HostFencer"/>, or a whole <see cref="IHypervisorExecutor"/> in its place.</summary>
public interface IHostFencer
{
    Task<ActionOutcome> FenceHostAsync(FenceHost command, CancellationToken cancellationToken);
}
