using ThreeRC.ServiceDefaults;

namespace ThreeRC.Monitor.Extensions;

public static class MonitorModule
{
    /// <summary>Adds the Monitor module: its services, options and consumers.</summary>
    public static ServiceModules AddMonitor(this ServiceModules modules)
    {
        return modules;
    }
}
