using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice.Criteria;

internal sealed class HostIsUp : IPlacementCriterion
{
    public string Failure => "down";

    public bool Allows(HostState host, PlacementRequest request) => host.Up;
}
