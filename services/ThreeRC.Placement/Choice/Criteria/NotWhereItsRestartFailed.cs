using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice.Criteria;

/// <summary>A host where the VM's restart just failed (unreachable, or its hypervisor refused) is not chosen again at once.</summary>
internal sealed class NotWhereItsRestartFailed : IPlacementCriterion
{
    public string Failure => "where its restart just failed";

    public bool Allows(HostState host, PlacementRequest request) => !request.FailedHosts.Contains(host.Name);
}
