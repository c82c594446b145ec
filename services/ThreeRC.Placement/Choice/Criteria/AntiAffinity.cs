using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice.Criteria;

internal sealed class AntiAffinity : IPlacementCriterion
{
    public string Failure => "holding a VM of its anti-affinity group";

    public bool Allows(HostState host, PlacementRequest request)
    {
        if (request.Vm.AntiAffinityGroup is not { } group) return true;
        var members = host.OccupantsInGroup(group);
        return members == 0 || (members == 1 && host.Holds(request.Vm));
    }
}
