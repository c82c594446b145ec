using ThreeRC.ServiceDefaults;

namespace ThreeRC.HypervisorExecutor.Extensions;

public static class HypervisorExecutorModule
{
    /// <summary>Adds the HypervisorExecutor module: its services, options and consumers.</summary>
    public static ServiceModules AddHypervisorExecutor(this ServiceModules modules)
    {
        return modules;
    }
}
