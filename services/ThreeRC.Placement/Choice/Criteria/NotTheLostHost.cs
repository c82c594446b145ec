using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice.Criteria;

internal sealed class NotTheLostHost : IPlacementCriterion
{
    public string Failure => "the VM's lost host";

    public bool Allows(HostState host, PlacementRequest request) => !request.IsLostHost(host.Name);
}
