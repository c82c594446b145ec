using ThreeRC.ServiceDefaults;

namespace ThreeRC.PxeProvisioner.Extensions;

public static class PxeProvisionerModule
{
    /// <summary>Adds the PxeProvisioner module: its services, options and consumers.</summary>
    public static ServiceModules AddPxeProvisioner(this ServiceModules modules)
    {
        return modules;
    }
}
