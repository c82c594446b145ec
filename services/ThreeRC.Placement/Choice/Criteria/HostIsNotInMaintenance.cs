using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice.Criteria;

internal sealed class HostIsNotInMaintenance : IPlacementCriterion
{
    public string Failure => "in maintenance";

    public bool Allows(HostState host, PlacementRequest request) => !host.InMaintenance;
}
