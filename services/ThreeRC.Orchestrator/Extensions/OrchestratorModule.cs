using ThreeRC.ServiceDefaults;

namespace ThreeRC.Orchestrator.Extensions;

public static class OrchestratorModule
{
    /// <summary>Adds the Orchestrator module: its services, options and consumers.</summary>
    public static ServiceModules AddOrchestrator(this ServiceModules modules)
    {
        return modules;
    }
}
