using ThreeRC.Placement.Model;

namespace ThreeRC.Placement.Choice.Criteria;

/// <summary>
/// Ganglia's mem_free, less the memory of the VMs arriving since it was measured, has room for the VM. A host that
/// reports no memory passes; so does the VM's own host, where its memory is already in use.
/// </summary>
internal sealed class ReportedMemoryFits : IPlacementCriterion
{
    public string Failure => "short of free memory (Ganglia mem_free)";

    public bool Allows(HostState host, PlacementRequest request) =>
        host.ReportedFreeMemoryMb is not { } free
        || free - host.ArrivingMemoryMb >= request.Vm.MemoryMb
        || host.Holds(request.Vm);
}
