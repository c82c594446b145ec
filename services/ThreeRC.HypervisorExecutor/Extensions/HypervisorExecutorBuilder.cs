using ThreeRC.HypervisorExecutor.Execution;
using ThreeRC.HypervisorExecutor.Ssh;

namespace ThreeRC.HypervisorExecutor.Extensions;

/// <summary>Chooses what the executor's consumers reach: real machines (the default) or a simulation.</summary>
public sealed class HypervisorExecutorBuilder
{
    internal Type? ExecutorType { get; private set; }

    internal Type? CommandRunnerType { get; private set; }

    /// <summary>Replaces everything behind the consumers (SSH, drivers, IPMI) with <typeparamref name="TExecutor"/>.</summary>
    public HypervisorExecutorBuilder UseExecutor<TExecutor>() where TExecutor : class, IHypervisorExecutor
    {
        ExecutorType = typeof(TExecutor);
        return this;
    }

    /// <summary>
    /// Keeps the drivers, restart and fencing steps, but runs their commands through <typeparamref name="TRunner"/>
    /// instead of SSH (no known_hosts or keys are needed then).
    /// </summary>
    public HypervisorExecutorBuilder UseCommandRunner<TRunner>() where TRunner : class, ISshCommandRunner
    {
        CommandRunnerType = typeof(TRunner);
        return this;
    }
}
