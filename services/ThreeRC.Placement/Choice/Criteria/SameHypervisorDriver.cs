using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice.Criteria;

internal sealed class SameHypervisorDriver : IPlacementCriterion
{
    public string Failure => "another hypervisor driver";

    public bool Allows(HostState host, PlacementRequest request) => host.Host.Driver == request.Driver;
}
