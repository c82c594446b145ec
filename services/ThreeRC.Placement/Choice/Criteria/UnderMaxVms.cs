using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice.Criteria;

internal sealed class UnderMaxVms : IPlacementCriterion
{
    public string Failure => "at VM limit";

    public bool Allows(HostState host, PlacementRequest request) =>
        host.VmCount < host.Host.MaxVms || host.Holds(request.Vm);
}
