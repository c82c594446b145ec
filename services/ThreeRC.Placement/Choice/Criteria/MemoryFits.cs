using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice.Criteria;

/// <summary>The inventory's accounting: the memory of the VMs the host holds or has reserved, plus this one, fits its memoryMb.</summary>
internal sealed class MemoryFits : IPlacementCriterion
{
    public string Failure => "short of memory";

    public bool Allows(HostState host, PlacementRequest request) =>
        host.UsedMemoryMb + request.Vm.MemoryMb <= host.Host.MemoryMb || host.Holds(request.Vm);
}
