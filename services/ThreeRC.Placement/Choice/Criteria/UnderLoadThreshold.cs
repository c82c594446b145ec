using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice.Criteria;

/// <summary>The host's load_five plus the expected load of its arrivals and of this VM stays under its threshold.</summary>
internal sealed class UnderLoadThreshold(double expectedLoadPerVm) : IPlacementCriterion
{
    public string Failure => "at or over load threshold";

    public bool Allows(HostState host, PlacementRequest request) =>
        host.ProjectedLoad(expectedLoadPerVm) < host.Host.LoadThreshold;
}
