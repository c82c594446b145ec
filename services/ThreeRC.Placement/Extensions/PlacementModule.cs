using ThreeRC.Placement.Rehearsal;
using ThreeRC.ServiceDefaults;

namespace ThreeRC.Placement.Extensions;

public static class PlacementModule
{
    /// <summary>Adds the Placement module: its services, options and consumers.</summary>
    public static ServiceModules AddPlacement(this ServiceModules modules)
    {
        modules.Services.AddPlacementServices();
        return modules.AddToBus(bus => bus.AddPlacementConsumers(), new PlacementRehearsal());
    }
}
