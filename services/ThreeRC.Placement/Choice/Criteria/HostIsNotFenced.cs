using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice.Criteria;

internal sealed class HostIsNotFenced : IPlacementCriterion
{
    public string Failure => "fenced (powered off)";

    public bool Allows(HostState host, PlacementRequest request) => !host.Fenced;
}
