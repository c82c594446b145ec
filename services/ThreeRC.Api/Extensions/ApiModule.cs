using ThreeRC.ServiceDefaults;

namespace ThreeRC.Api.Extensions;

public static class ApiModule
{
    /// <summary>Adds the Api module: its services, options and consumers.</summary>
    public static ServiceModules AddApi(this ServiceModules modules)
    {
        return modules;
    }
}
