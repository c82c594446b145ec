using ThreeRC.HypervisorExecutor.Execution;

namespace ThreeRC.HypervisorExecutor.Extensions;

/// <summary>Chooses what the executor's consumers reach: real machines (the default) or a simulation.</summary>
public sealed class HypervisorExecutorBuilder
{
    internal Type? ExecutorType { get; private set; }

    /// <summary>Replaces everything behind the consumers (SSH, drivers, IPMI) with <typeparamref name="TExecutor"/>.</summary>
    public HypervisorExecutorBuilder UseExecutor<TExecutor>() where TExecutor : class, IHypervisorExecutor
    {
        ExecutorType = typeof(TExecutor);
        return this;
    }
}
